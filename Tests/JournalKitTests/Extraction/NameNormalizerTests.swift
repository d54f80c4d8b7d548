import Testing

@testable import JournalKit

/// Issue 10, class 7: invisible characters cannot forge a second person or tag.
@Suite struct NameNormalizerTests {
    @Test func zeroWidthJoinerIsTheSamePersonWithAWarning() {
        let result = parseEntry("- [ ] Call @ana and @a\u{200D}na #t\u{200D}ag #tag #commit\n")
        #expect(result.commitments.first?.people == ["ana"])
        #expect(result.commitments.first?.tags == ["tag"] || result.commitments.first?.tags == ["t\u{200D}ag"])
        #expect(result.commitments.first?.tags.count == 1)
        #expect(
            result.problems.contains {
                $0.contains("'@a\\u{200D}na' holds invisible characters; it is the same as '@ana'")
            },
            "\(result.problems)")
    }

    @Test func acrossEntriesTheFirstSpellingIsShown() {
        let all = entries([
            (stem: "2026-11-02", text: "- [ ] Call @a\u{200D}na #commit\n"),
            (stem: "2026-11-09", text: "- [ ] Call @ana again #commit\n"),
        ])
        var unified = all
        NameNormalizer.unify(&unified)
        #expect(
            unified.flatMap { $0.commitments.flatMap(\.people) }.allSatisfy {
                $0 == unified[0].commitments[0].people[0]
            })
        #expect(Set(unified.flatMap { $0.commitments.flatMap(\.people) }).count == 1)
    }

    @Test func canonicallyEquivalentSpellingsAreOneKey() {
        // "é" precomposed and "e" + combining acute: Swift's String equality is canonical.
        #expect(NameNormalizer.key("jos\u{E9}") == NameNormalizer.key("jose\u{301}"))
        #expect(Set([NameNormalizer.key("jos\u{E9}"), NameNormalizer.key("jose\u{301}")]).count == 1)
    }

    @Test func scriptsThatNeedJoinersStillWork() {
        // Persian "mi-khaham" with a zero-width non-joiner compares equal without it.
        let withJoiner = "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}"
        let without = "\u{645}\u{6CC}\u{62E}\u{648}\u{627}\u{647}\u{645}"
        #expect(NameNormalizer.key(withJoiner) == without)
        #expect(NameNormalizer.normalize([withJoiner, without], sigil: "@") { _ in } == [withJoiner])
    }

    @Test func homoglyphsAreOutOfScope() {
        #expect(NameNormalizer.key("\u{430}na") != NameNormalizer.key("ana"))
    }
}
