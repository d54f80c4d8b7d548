/// An item's text and explicit id as journal read them before issue 11, when only `due:`,
/// `done:`, `📅`, `✅`, `❌`, `🆔` and `[due::` were fields and each emoji took the next word
/// whatever it was. Derived ids are slugs of the text, so a follow-up written then names the slug
/// of this text; the ledger still resolves it (with a warning) when the current id differs.
///
/// A byte-level copy of those rules, linear in the line; nothing else reads it.
struct LegacyItemText {
    private(set) var text = ""
    private(set) var explicitId: String?

    init(spans: [InlineSpan]) {
        var display: [UInt8] = []
        for (index, span) in spans.enumerated() {
            switch span.kind {
            case .text:
                var copy = span.text
                copy.withUTF8 {
                    Self.scan(
                        $0, isFirst: index == 0, isLast: index == spans.count - 1, into: &display, id: &explicitId)
                }
            case .code, .literal: display += span.text.utf8
            case .html, .linkStart, .linkEnd: break
            }
        }
        text = String(decoding: display, as: UTF8.self)
    }

    static let oldEmoji: [[UInt8]] = [Array("📅".utf8), Array("✅".utf8), Array("❌".utf8)]
    static let oldId = Array("🆔".utf8)
    static let oldDataviewDue = Array("[due::".utf8)

    /// `due:` or `done:` (any case) and a non-empty word: the end of the word.
    static func oldField(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        for key in ["due:", "done:"] where FieldValues.lowerEquals(b, i, key) {
            let start = i + key.utf8.count
            var next = start
            while next < end, !FieldValues.isWhitespace(b[next]) { next += 1 }
            return next > start ? next : nil
        }
        return nil
    }

    static func scan(
        _ b: UnsafeBufferPointer<UInt8>, isFirst: Bool, isLast: Bool, into display: inout [UInt8], id: inout String?
    ) {
        let n = b.count
        var i = 0
        if isFirst, n >= 3, b[0] == 0x5B, b[2] == 0x5D, b[1] < 0x80, Box(mark: Character(Unicode.Scalar(b[1]))) != nil,
            n == 3 || FieldValues.isWhitespace(b[3])
        {
            i = 3
        }
        var end = n
        if isLast, let trailing = ItemSyntax.Scanner.trailingBlockId(b) {
            end = trailing.start
        }
        var noDoubleCloseFrom = n
        var noCloseFrom = n
        var run = i
        func flush(_ to: Int) {
            if run < to { display += UnsafeBufferPointer(rebasing: b[run..<to]) }
        }
        while i < end {
            let c = b[i]
            if c >= 0x80 {
                let isOld = oldEmoji.contains { EmojiFields.matches($0, b, i, end) }
                let isId = !isOld && EmojiFields.matches(oldId, b, i, end)
                if isOld || isId {
                    // The emoji, an optional variation selector, spaces, then the next word.
                    var v = i + 4 - (b[i] == 0xE2 ? 1 : 0)
                    while v < end {
                        if b[v] == 0x20 {
                            v += 1
                        } else if EmojiFields.matches(EmojiFields.variationSelector, b, v, end) {
                            v += 3
                        } else {
                            break
                        }
                    }
                    // An id is never a tag or a mention: `🆔 #commit` keeps its tag (checked before
                    // the word is measured, so `🆔#🆔#…` stays linear).
                    if isId, v >= end || b[v] == 0x23 || b[v] == 0x40 || FieldValues.isWhitespace(b[v]) {
                        i += 4
                        continue
                    }
                    var next = v
                    while next < end, !FieldValues.isWhitespace(b[next]) { next += 1 }
                    if isId, id == nil { id = FieldValues.string(b, v, next) }
                    flush(i)
                    i = next
                    run = i
                    continue
                }
                i += 1
                continue
            }
            if c == 0x5B, i + 1 < end, b[i + 1] == 0x5B, i + 2 < noDoubleCloseFrom {
                if let close = ItemSyntax.Scanner.findDoubleClose(b, from: i + 2, to: end) {
                    flush(i)
                    display += UnsafeBufferPointer(rebasing: b[i..<(close + 2)])
                    i = close + 2
                    run = i
                    continue
                }
                noDoubleCloseFrom = i + 2
            }
            if c == 0x5B, i < noCloseFrom, EmojiFields.matches(oldDataviewDue, b, i, end) {
                var close = i + 6
                while close < end, b[close] != 0x5D { close += 1 }
                if close < end {
                    flush(i)
                    i = close + 1
                    run = i
                    continue
                }
                noCloseFrom = i
            }
            if c == 0x23 || c == 0x40 || c == 0x64 || c == 0x44 {
                let previous = i == 0 ? display.last : b[i - 1]
                if previous.map({ FieldValues.isWhitespace($0) || $0 == 0x28 }) ?? true {
                    if c == 0x23,
                        let next = ItemSyntax.Scanner.word(
                            b, from: i + 1, to: end, allowed: ItemSyntax.Scanner.isTagByte, trim: "-/_")
                    {
                        i = next
                        continue
                    }
                    if c == 0x40,
                        let next = ItemSyntax.Scanner.word(
                            b, from: i + 1, to: end, allowed: ItemSyntax.Scanner.isPersonByte, trim: ".-_")
                    {
                        i = next
                        continue
                    }
                    if c == 0x64 || c == 0x44, let next = oldField(b, i, end) {
                        flush(i)
                        i = next
                        run = i
                        continue
                    }
                }
            }
            i += 1
        }
        flush(end)
    }
}
