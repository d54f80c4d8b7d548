import Testing

@testable import JournalKit

@Suite struct CmarkParserTests {
    func items(_ text: String, lineOffset: Int = 0) -> [MarkdownListItem] {
        CmarkParser.parse(Array(text.utf8), lineOffset: lineOffset).compactMap {
            if case .listItem(let item) = $0 { return item }
            return nil
        }
    }

    func headings(_ text: String) -> [MarkdownHeading] {
        CmarkParser.parse(Array(text.utf8)).compactMap {
            if case .heading(let heading) = $0 { return heading }
            return nil
        }
    }

    @Test func emptyInputGivesNoBlocks() {
        #expect(CmarkParser.parse([UInt8]()).isEmpty)
        #expect(CmarkParser.parse(Array("just a paragraph\n".utf8)).isEmpty)
    }

    @Test func keepsHeadingsAndItemsInOrder() {
        let blocks = CmarkParser.parse(Array("# Day *one*\n\nText\n\n- a\n\nSetext\n---\n".utf8))
        #expect(blocks.count == 3)
        #expect(headings("# Day *one*\n").map(\.text) == ["Day one"])
        #expect(headings("# Day *one*\n").map(\.level) == [1])
        #expect(headings("Setext\n---\n").map(\.level) == [2])
        #expect(headings("## Plan `code` <b>x</b>\n").map(\.text) == ["Plan code x"])
    }

    @Test func itemLocationsAreOneBasedWithByteColumns() {
        let found = items("- a\n  - b\n\n1. c\n   1. d\n")
        #expect(
            found.map(\.location) == [
                SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 3),
                SourceLocation(line: 4, column: 1),
                SourceLocation(line: 5, column: 4),
            ])
        #expect(
            found.map(\.paragraphLocation) == [
                SourceLocation(line: 1, column: 3), SourceLocation(line: 2, column: 5),
                SourceLocation(line: 4, column: 4),
                SourceLocation(line: 5, column: 7),
            ])
        #expect(found.map(\.depth) == [1, 2, 1, 2])
        #expect(found.map(\.ordered) == [false, false, true, true])
    }

    @Test func columnsCountUTF8Bytes() {
        // "é" is two bytes, so the nested item's paragraph starts at byte 6 of its line.
        let found = items("> x\n\n- é\n  - y\n")
        #expect(found.map(\.paragraphLocation?.column) == [3, 5])
        // A tab indents four columns: an indented code block, not a list.
        #expect(items("\t- a\n").isEmpty)
    }

    @Test func lineOffsetShiftsEveryLine() {
        #expect(items("\n- a\n", lineOffset: 5).first?.location.line == 7)
        #expect(headings("# a\n").first?.location.line == 1)
    }

    @Test func spansSeparateTextCodeAndHTML() {
        let item = items("- [ ] a *b* `c` <span>d</span> [e](f.md#g)\n  h\n").first
        #expect(
            item?.spans == [
                InlineSpan(.text, "[ ] a b "), InlineSpan(.code, "c"), InlineSpan(.text, " "),
                InlineSpan(.html, "<span>"),
                InlineSpan(.text, "d"), InlineSpan(.html, "</span>"), InlineSpan(.text, " "),
                InlineSpan(.linkStart, "f.md#g"), InlineSpan(.text, "e"), InlineSpan(.linkEnd, "f.md#g"),
                InlineSpan(.text, " h"),
            ])
        #expect(item?.linkDestinations == ["f.md#g"])
    }

    @Test func onlyTheFirstParagraphIsCollected() {
        let item = items("- first [a](a.md#x)\n\n  second [b](b.md#y)\n").first
        #expect(
            item?.spans == [
                InlineSpan(.text, "first "), InlineSpan(.linkStart, "a.md#x"), InlineSpan(.text, "a"),
                InlineSpan(.linkEnd, "a.md#x"),
            ])
        #expect(item?.linkDestinations == ["a.md#x"])
    }

    @Test func itemStartingWithAnotherBlockHasNoSpans() {
        let found = items("- ```\n  code\n  ```\n- # heading\n")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.spans.isEmpty && $0.paragraphLocation == nil })
        #expect(headings("- # heading\n").isEmpty)
    }

    @Test func nothingInsideBlockQuotesOrCode() {
        #expect(items("> - a\n> > - b\n").isEmpty)
        #expect(headings("> # a\n").isEmpty)
        #expect(items("```\n- a\n```\n\n    - b\n").isEmpty)
        #expect(items("<div>\n- a\n</div>\n").isEmpty)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsGiveTheSameBlocks(_ ending: String) {
        let lines = ["# A", "", "- a", "  b", "  - c", "", "1. d"]
        let reference = CmarkParser.parse(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(CmarkParser.parse(Array((lines.joined(separator: ending) + ending).utf8)) == reference)
    }

    @Test func nulAndInvalidBytesDoNotStopTheParse() {
        let found = items(String(decoding: Array("- a".utf8) + [0xFF] + Array(" b\n- c\n".utf8), as: UTF8.self))
        #expect(found.count == 2)
        let withNul = CmarkParser.parse(Array("- a".utf8) + [0] + Array("b\n- c\n".utf8))
        #expect(withNul.count == 2)
    }

    @Test func autolinkIsALinkWithItsURLAsText() {
        let item = items("- see <https://example.com/#x>\n").first
        #expect(item?.linkDestinations == ["https://example.com/#x"])
        #expect(
            item?.spans == [
                InlineSpan(.text, "see "), InlineSpan(.linkStart, "https://example.com/#x"),
                InlineSpan(.text, "https://example.com/#x"), InlineSpan(.linkEnd, "https://example.com/#x"),
            ])
    }

    @Test func itemsAfterSkippedBlocksKeepTheirDepth() {
        // The walk never enters the quote, and still finds the list after it at the right depth.
        let found = items("- a\n\n  > - quoted\n  > # quoted\n\n  Prose\n\n  - b\n    ```\n    - code\n    ```\n- c\n")
        #expect(found.map(\.depth) == [1, 2, 1])
        #expect(found.map { $0.spans.map(\.text) } == [["a"], ["b"], ["c"]])
        #expect(headings("- a\n\n  # in an item\n\n# top\n").map(\.text) == ["top"])
    }

    @Test func imageAltTextAndEmphasisAreText() {
        let item = items("- see ![alt *em*](i.png) **x** [l ![i](j.png)](k.md#m)\n").first
        #expect(
            item?.spans == [
                InlineSpan(.text, "see alt em x "), InlineSpan(.linkStart, "k.md#m"), InlineSpan(.text, "l i"),
                InlineSpan(.linkEnd, "k.md#m"),
            ])
        #expect(item?.linkDestinations == ["k.md#m"])
    }

    @Test func escapedHashesAreLiteral() {
        let item = items("- \\#commit &#35;x #tag\n").first
        #expect(
            item?.spans == [
                InlineSpan(.literal, "#"), InlineSpan(.text, "commit "), InlineSpan(.literal, "#"),
                InlineSpan(.text, "x #tag"),
            ])
    }

    @Test func unescapedHashesStayTextWhereTheFileHasEscapesElsewhere() {
        #expect(items("- #commit &amp; \\* more\n").first?.spans == [InlineSpan(.text, "#commit & * more")])
        #expect(items("- #commit @ana\n").first?.spans == [InlineSpan(.text, "#commit @ana")])
    }

    @Test func deepNestingNeedsNoStack() {
        // Ten thousand lists nested on one line: the walk follows cmark's parent links.
        let found = items(String(repeating: "- ", count: 10_000) + "x\n")
        #expect(found.count == 10_000)
        #expect(found.last?.depth == 10_000)
        #expect(found.last?.spans == [InlineSpan(.text, "x")])
    }
}
