/// The grammar of one list item's first paragraph: box, tags, people, machine fields, links.
///
/// Tags, people and fields are read only from plain text, never from code spans, raw HTML or
/// link destinations. The display text keeps tags, mentions and date phrases, because they
/// read as words, and drops the box and the machine fields.
public struct ItemSyntax: Hashable, Sendable {
    public var box: Box?
    /// Flattened, whitespace collapsed, without box and machine fields.
    public var text: String
    /// The display text without wiki links to entries, for follow-up notes.
    public var textWithoutEntryLinks: String
    /// Plain text only (no code), fields removed: where date phrases are looked for.
    public var phraseText: String
    /// Lowercased, in order of appearance, unique.
    public var tags: [String]
    public var people: [String]
    /// `due:`, then `📅`, then `[due:: ]`; each nil when absent.
    public var dueField: DatePhrase.Resolution?
    public var doneField: DatePhrase.Resolution?
    public var cancelledField: DatePhrase.Resolution?
    /// `^id` at the end, else `🆔 id`.
    public var explicitId: String?
    /// Targets of `[[…]]` wiki links, as written inside the brackets (without any `|alias`).
    public var wikiLinks: [String]

    /// Parses the spans of a first paragraph.
    public init(spans: [InlineSpan]) {
        var scanner = Scanner()
        for (index, span) in spans.enumerated() {
            switch span.kind {
            case .text: scanner.scan(span.text, isFirst: index == 0, isLast: index == spans.count - 1)
            case .code: scanner.appendCode(span.text)
            case .html: break
            }
        }
        box = scanner.box
        text = Self.collapse(scanner.display)
        textWithoutEntryLinks = Self.collapse(scanner.displayWithoutEntryLinks)
        phraseText = Self.collapse(scanner.phrase)
        tags = scanner.tags
        people = scanner.people
        dueField = scanner.due ?? scanner.calendarDue ?? scanner.dataviewDue
        doneField = scanner.done
        cancelledField = scanner.cancelled
        explicitId = scanner.blockId ?? scanner.emojiId
        wikiLinks = scanner.wikiLinks
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The slug of the first five words: lowercase, runs of anything but letters and digits
    /// become `-`, dashes trimmed. Empty text gives `item`.
    public static func slug(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == 5 { break }
            }
        }
        if !current.isEmpty && words.count < 5 { words.append(current) }
        return words.isEmpty ? "item" : words.joined(separator: "-")
    }

    /// Characters allowed inside a tag after `#`.
    static func isTagCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == "/"
    }

    static func isPersonCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == "."
    }

    static func isIdCharacter(_ c: Character) -> Bool {
        (c.isLetter || c.isNumber || c == "-") && c.isASCII
    }

    /// Walks plain text once, collecting fields and building the display and phrase text.
    struct Scanner {
        var box: Box?
        var display = ""
        var displayWithoutEntryLinks = ""
        var phrase = ""
        var tags: [String] = []
        var people: [String] = []
        var due: DatePhrase.Resolution?
        var calendarDue: DatePhrase.Resolution?
        var dataviewDue: DatePhrase.Resolution?
        var done: DatePhrase.Resolution?
        var cancelled: DatePhrase.Resolution?
        var blockId: String?
        var emojiId: String?
        var wikiLinks: [String] = []

        mutating func appendCode(_ code: String) {
            display += code
            displayWithoutEntryLinks += code
            phrase += " "
        }

        mutating func emit(_ text: some StringProtocol) {
            display += text
            displayWithoutEntryLinks += text
            phrase += text
        }

        mutating func scan(_ text: String, isFirst: Bool, isLast: Bool) {
            let chars = Array(text)
            var i = 0
            if isFirst {
                // Leading box: `[c]` then whitespace or the end.
                if chars.count >= 3, chars[0] == "[", chars[2] == "]", let box = Box(mark: chars[1]),
                    chars.count == 3 || chars[3].isWhitespace
                {
                    self.box = box
                    i = 3
                }
            }
            let trailingId = isLast ? Self.trailingBlockId(chars) : nil
            let end = trailingId?.start ?? chars.count
            if let trailingId { blockId = trailingId.id }

            while i < end {
                let c = chars[i]
                let atWordStart = i == 0 || chars[i - 1].isWhitespace || chars[i - 1] == "("
                if c == "[", i + 1 < end, chars[i + 1] == "[",
                    let close = Self.find(["]", "]"], in: chars, from: i + 2, to: end)
                {
                    let inner = String(chars[(i + 2)..<close])
                    let target = String(inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    wikiLinks.append(target)
                    let whole = String(chars[i..<(close + 2)])
                    display += whole
                    if !target.contains("#") { displayWithoutEntryLinks += whole }
                    phrase += " "
                    i = close + 2
                    continue
                }
                if c == "[", Self.hasPrefix(chars, "[due::", at: i), let close = chars[i..<end].firstIndex(of: "]") {
                    let value = String(chars[(i + 6)..<close]).trimmingSpaces
                    if dataviewDue == nil { dataviewDue = DatePhrase.isoDate(value) ?? .impossible(value) }
                    i = close + 1
                    continue
                }
                if let (emoji, length) = Self.emojiField(chars, at: i) {
                    let (value, next) = Self.token(chars, from: i + length, to: end)
                    switch emoji {
                    case "📅": if calendarDue == nil { calendarDue = DatePhrase.isoDate(value) ?? .impossible(value) }
                    case "✅": if done == nil { done = DatePhrase.isoDate(value) ?? .impossible(value) }
                    case "❌": if cancelled == nil { cancelled = DatePhrase.isoDate(value) ?? .impossible(value) }
                    default:
                        // An id is never a tag or a mention: `🆔 #commit` keeps its tag.
                        guard let first = value.first, first != "#", first != "@" else {
                            emit(String(c))
                            i += 1
                            continue
                        }
                        if emojiId == nil { emojiId = value }
                    }
                    i = next
                    continue
                }
                if atWordStart {
                    if c == "#",
                        let (tag, next) = Self.word(
                            chars, from: i + 1, to: end, allowed: ItemSyntax.isTagCharacter, trim: "-/_")
                    {
                        if !tag.allSatisfy(\.isNumber) { Self.add(tag.lowercased(), to: &tags) }
                        emit(String(chars[i..<next]))
                        i = next
                        continue
                    }
                    if c == "@",
                        let (name, next) = Self.word(
                            chars, from: i + 1, to: end, allowed: ItemSyntax.isPersonCharacter, trim: ".-_")
                    {
                        Self.add(name.lowercased(), to: &people)
                        emit(String(chars[i..<next]))
                        i = next
                        continue
                    }
                    let field = [("due:", true), ("done:", false)].first {
                        Self.hasPrefix(chars, $0.0, at: i, caseInsensitive: true)
                    }
                    if let (key, isDue) = field {
                        let (value, next) = Self.token(chars, from: i + key.count, to: end, skippingSpaces: false)
                        if !value.isEmpty {
                            let resolution = DatePhrase.isoDate(value) ?? .impossible(value)
                            if isDue, due == nil { due = resolution }
                            if !isDue, done == nil { done = resolution }
                            i = next
                            continue
                        }
                    }
                }
                emit(String(c))
                i += 1
            }
        }

        static func add(_ value: String, to list: inout [String]) {
            if !list.contains(value) { list.append(value) }
        }

        static func hasPrefix(_ chars: [Character], _ prefix: String, at index: Int, caseInsensitive: Bool = false)
            -> Bool
        {
            var i = index
            for p in prefix {
                guard i < chars.count else { return false }
                let c = chars[i]
                if caseInsensitive ? c.lowercased() != p.lowercased() : c != p { return false }
                i += 1
            }
            return true
        }

        static func find(_ needle: [Character], in chars: [Character], from start: Int, to end: Int) -> Int? {
            var i = start
            while i + needle.count <= end {
                if Array(chars[i..<(i + needle.count)]) == needle { return i }
                i += 1
            }
            return nil
        }

        /// A run of allowed characters, with trailing `trim` characters given back.
        static func word(
            _ chars: [Character], from start: Int, to end: Int, allowed: (Character) -> Bool, trim: String
        ) -> (String, Int)? {
            var next = start
            while next < end, allowed(chars[next]) { next += 1 }
            while next > start, trim.contains(chars[next - 1]) { next -= 1 }
            return next > start ? (String(chars[start..<next]), next) : nil
        }

        /// The next whitespace-free token after optional spaces.
        static func token(_ chars: [Character], from start: Int, to end: Int, skippingSpaces: Bool = true) -> (
            String, Int
        ) {
            var i = start
            while skippingSpaces, i < end, chars[i] == " " || chars[i] == "\u{FE0F}" { i += 1 }
            let tokenStart = i
            while i < end, !chars[i].isWhitespace { i += 1 }
            return (String(chars[tokenStart..<i]), i)
        }

        static let emojis: [Character] = ["📅", "✅", "❌", "🆔"]

        static func emojiField(_ chars: [Character], at index: Int) -> (Character, Int)? {
            let c = chars[index]
            for emoji in emojis where c == emoji || c.unicodeScalars.first == emoji.unicodeScalars.first {
                return (emoji, 1)
            }
            return nil
        }

        /// `^id` at the very end of the paragraph, preceded by whitespace.
        static func trailingBlockId(_ chars: [Character]) -> (id: String, start: Int)? {
            var end = chars.count
            while end > 0, chars[end - 1].isWhitespace { end -= 1 }
            var start = end
            while start > 0, isIdCharacter(chars[start - 1]) { start -= 1 }
            guard start < end, start > 0, chars[start - 1] == "^", start - 1 == 0 || chars[start - 2].isWhitespace
            else { return nil }
            return (String(chars[start..<end]), start - 1)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
