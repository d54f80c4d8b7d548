/// What a follow-up line says, apart from its box and links: its note, and whether it records
/// anything at all. A `[ ]` line that `journal new` pasted in and nobody wrote after is not a
/// record: it must not reset staleness or appear as history.
public enum FollowUpNote {
    /// The note of a follow-up to a commitment whose display text is `commitmentText`.
    ///
    /// The text after the last link wins; a `[ ]` line has no other note. A decided line with
    /// nothing after its link falls back on the text before it, without the quoted commitment and
    /// without parenthesised groups such as the template's "(due Fri 6 Nov, 3 days overdue)".
    public static func note(_ parts: FollowUp.NoteParts, box: Box, commitmentText: String) -> String {
        var main = written(parts, commitmentText: commitmentText)
        if main.isEmpty && box != .open {
            main = meaningful(withoutParentheses(removing(commitmentText, from: parts.beforeLink)))
        }
        let pieces = [main] + parts.subItems.map(meaningful)
        return pieces.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// True when the line is a decision (any box but `[ ]`) or a `[ ]` with something written
    /// after its link or under it. Text before the link never counts.
    public static func records(_ parts: FollowUp.NoteParts, box: Box, commitmentText: String) -> Bool {
        box != .open || !written(parts, commitmentText: commitmentText).isEmpty
            || parts.subItems.contains { !meaningful($0).isEmpty }
    }

    /// The label and the text after the link, joined; empty when neither says anything.
    static func written(_ parts: FollowUp.NoteParts, commitmentText: String) -> String {
        var pieces: [String] = []
        if let label = parts.label.map(meaningful), !label.isEmpty,
            label.lowercased() != commitmentText.lowercased()
        {
            pieces.append(label)
        }
        let after = meaningful(parts.afterLink)
        if !after.isEmpty { pieces.append(after) }
        // "[Recognised Maria](…) — standing ovation" keeps its dash; "(…) yes" its space.
        let dashed = parts.afterLink.trimmingSpaces.first.map { "—–-:;".contains($0) } ?? false
        return pieces.joined(separator: dashed ? " — " : " ")
    }

    /// The text trimmed of spaces and the separators people put before a note, or "" when it holds
    /// no letter or digit.
    static func meaningful(_ text: String) -> String {
        let separators: Set<Character> = ["—", "–", "-", ":", ";", ",", "."]
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace || separators.contains(first) { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace || last == "—" || last == "–" || last == "-" {
            slice.removeLast()
        }
        return slice.contains(where: { $0.isLetter || $0.isNumber }) ? String(slice) : ""
    }

    /// `text` without the first occurrence of `quoted`, which the template pastes verbatim.
    /// Knuth–Morris–Pratt on the bytes, so a hostile line costs linear time.
    static func removing(_ quoted: String, from text: String) -> String {
        let needle = Array(quoted.utf8)
        let haystack = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return text }
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<max(1, needle.count) {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        k = 0
        for (i, byte) in haystack.enumerated() {
            while k > 0 && byte != needle[k] { k = failure[k - 1] }
            if byte == needle[k] { k += 1 }
            if k == needle.count {
                let start = i + 1 - needle.count
                return String(decoding: haystack[..<start], as: UTF8.self) + " "
                    + String(decoding: haystack[(i + 1)...], as: UTF8.self)
            }
        }
        return text
    }

    /// `text` without parenthesised groups; an unbalanced `)` is kept as text.
    static func withoutParentheses(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        return ItemSyntax.collapse(result)
    }
}
