/// The grammar of one list item's first paragraph: box, tags, people, machine fields, links.
///
/// Tags, people and fields are read only from plain text, never from code spans, raw HTML or
/// link destinations. The display text keeps tags, mentions and date phrases, because they
/// read as words, and drops the box and the machine fields.
public struct ItemSyntax: Hashable, Sendable {
    public var box: Box?
    /// Flattened, whitespace collapsed, without box and machine fields.
    public var text: String
    /// The display text before the first link to an entry, or nil without one: on a prefilled
    /// follow-up, the quoted commitment.
    public var textBeforeEntryLink: String?
    /// The display text after the last link to an entry, or nil without one: what the writer added.
    public var textAfterEntryLink: String?
    /// The label of each CommonMark link, by destination, in order.
    public var linkLabels: [LinkLabel]

    /// A CommonMark link's destination and the words shown for it.
    public struct LinkLabel: Hashable, Sendable {
        public var destination: String
        public var label: String
    }
    /// Plain text only (no code), fields removed: where date phrases are looked for.
    public var phraseText: String
    /// The part of `phraseText` after the last link to an entry (`….md#id` or `[[…#id]]`), or nil
    /// without one. A follow-up's new due date is read here, never from the commitment text it quotes.
    public var phraseTextAfterEntryLink: String?
    /// Lowercased, in order of appearance, unique.
    public var tags: [String]
    public var people: [String]
    /// `due:`, then `📅`, then `[due:: ]`; each nil when absent.
    public var dueField: DatePhrase.Resolution?
    /// The same, among the fields after the last link to an entry: a follow-up's new due date.
    public var dueFieldAfterEntryLink: DatePhrase.Resolution?
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
            case .linkStart: scanner.labelStart = scanner.display.utf8.count
            case .linkEnd:
                let start = min(scanner.labelStart ?? scanner.display.utf8.count, scanner.display.utf8.count)
                let label = String(decoding: Array(scanner.display.utf8)[start...], as: UTF8.self)
                scanner.labels.append(LinkLabel(destination: span.text, label: Self.collapse(label)))
                scanner.labelStart = nil
                if EntryParser.reference(fromLink: span.text) != nil { scanner.enteredEntryLink(displayBefore: start) }
            }
        }
        box = scanner.box
        text = Self.collapse(scanner.display)
        textBeforeEntryLink = scanner.beforeEntryLink.map(Self.collapse)
        textAfterEntryLink = scanner.afterEntryLink.map(Self.collapse)
        linkLabels = scanner.labels
        phraseText = Self.collapse(scanner.phrase)
        phraseTextAfterEntryLink = scanner.phraseAfterEntryLink.map(Self.collapse)
        tags = scanner.tags
        people = scanner.people
        dueField = scanner.due ?? scanner.calendarDue ?? scanner.dataviewDue
        dueFieldAfterEntryLink = scanner.dueAfterLink ?? scanner.calendarDueAfterLink ?? scanner.dataviewDueAfterLink
        doneField = scanner.done
        cancelledField = scanner.cancelled
        explicitId = scanner.blockId ?? scanner.emojiId
        wikiLinks = scanner.wikiLinks
    }

    static func collapse(_ text: String) -> String {
        // ASCII text, the common case, is collapsed on its bytes; anything else keeps the exact
        // Character semantics (a space followed by a combining mark is one Character).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
        var phrase = ""
        var beforeEntryLink: String?
        var afterEntryLink: String?
        /// Where the current CommonMark link's label starts in `display`, in UTF-8 bytes.
        var labelStart: Int?
        var labels: [LinkLabel] = []
        var dueAfterLink: DatePhrase.Resolution?
        var calendarDueAfterLink: DatePhrase.Resolution?
        var dataviewDueAfterLink: DatePhrase.Resolution?
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
        var phraseAfterEntryLink: String?

        mutating func appendCode(_ code: String) {
            display += code
            afterEntryLink? += code
            phrase += " "
            phraseAfterEntryLink? += " "
        }

        mutating func emit(_ text: some StringProtocol) {
            display += text
            afterEntryLink? += text
            phrase += text
            phraseAfterEntryLink? += text
        }

        /// A link to an entry ended: what follows is the writer's own, and the display text up to
        /// `displayBefore` bytes (where the link began) is what came before the first such link.
        mutating func enteredEntryLink(displayBefore: Int) {
            if beforeEntryLink == nil {
                beforeEntryLink = String(decoding: Array(display.utf8)[..<displayBefore], as: UTF8.self)
            }
            afterEntryLink = ""
            phraseAfterEntryLink = ""
            dueAfterLink = nil
            calendarDueAfterLink = nil
            dataviewDueAfterLink = nil
        }

        /// Records a due-type field, and again among the fields after the last entry link.
        mutating func dueField(_ kind: Int, _ resolution: DatePhrase.Resolution) {
            let afterLink = afterEntryLink != nil
            switch kind {
            case 0:
                if due == nil { due = resolution }
                if afterLink, dueAfterLink == nil { dueAfterLink = resolution }
            case 1:
                if calendarDue == nil { calendarDue = resolution }
                if afterLink, calendarDueAfterLink == nil { calendarDueAfterLink = resolution }
            default:
                if dataviewDue == nil { dataviewDue = resolution }
                if afterLink, dataviewDueAfterLink == nil { dataviewDueAfterLink = resolution }
            }
        }

        /// Appends the source text of `chars[from..<to]`, copying its UTF-8 bytes in one go.
        mutating func emitRun(_ bytes: [UInt8], _ offsets: [Int], from: Int, to: Int) {
            guard from < to else { return }
            emit(String(decoding: bytes[offsets[from]..<offsets[to]], as: UTF8.self))
        }

        // Plain text is copied in runs, not character by character: most of an item is plain,
        // and per-character appends were the hottest spot of `journal review` (see BENCHMARKS.md).
        mutating func scan(_ text: String, isFirst: Bool, isLast: Bool) {
            let chars = Array(text)
            let bytes = Array(text.utf8)
            // offsets[i] is where chars[i] starts in `bytes`; offsets[chars.count] is the end.
            var offsets: [Int] = []
            offsets.reserveCapacity(chars.count + 1)
            var offset = 0
            for c in chars {
                offsets.append(offset)
                offset += c.utf8.count
            }
            offsets.append(offset)
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

            // The plain text since `run` is emitted unchanged when a field or the end interrupts it.
            var run = i
            while i < end {
                let c = chars[i]
                guard let ascii = c.asciiValue else {
                    if let (emoji, length) = Self.emojiField(chars, at: i) {
                        let (value, next) = Self.token(chars, from: i + length, to: end)
                        switch emoji {
                        case "📅": dueField(1, DatePhrase.isoDate(value) ?? .impossible(value))
                        case "✅": if done == nil { done = DatePhrase.isoDate(value) ?? .impossible(value) }
                        case "❌": if cancelled == nil { cancelled = DatePhrase.isoDate(value) ?? .impossible(value) }
                        default:
                            // An id is never a tag or a mention: `🆔 #commit` keeps its tag.
                            guard let first = value.first, first != "#", first != "@" else {
                                i += 1
                                continue
                            }
                            if emojiId == nil { emojiId = value }
                        }
                        emitRun(bytes, offsets, from: run, to: i)
                        i = next
                        run = i
                        continue
                    }
                    i += 1
                    continue
                }
                if ascii == UInt8(ascii: "["), i + 1 < end, chars[i + 1] == "[",
                    let close = Self.find(["]", "]"], in: chars, from: i + 2, to: end)
                {
                    emitRun(bytes, offsets, from: run, to: i)
                    let inner = String(chars[(i + 2)..<close])
                    let target = String(inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    wikiLinks.append(target)
                    let whole = String(chars[i..<(close + 2)])
                    let before = display.utf8.count
                    display += whole
                    if EntryParser.reference(fromWikiLink: target) != nil {
                        enteredEntryLink(displayBefore: before)
                    } else {
                        afterEntryLink? += whole
                        phraseAfterEntryLink? += " "
                    }
                    phrase += " "
                    i = close + 2
                    run = i
                    continue
                }
                if ascii == UInt8(ascii: "["), Self.hasPrefix(chars, "[due::", at: i),
                    let close = chars[i..<end].firstIndex(of: "]")
                {
                    emitRun(bytes, offsets, from: run, to: i)
                    let value = String(chars[(i + 6)..<close]).trimmingSpaces
                    dueField(2, DatePhrase.isoDate(value) ?? .impossible(value))
                    i = close + 1
                    run = i
                    continue
                }
                let mayStartWord =
                    ascii == UInt8(ascii: "#") || ascii == UInt8(ascii: "@") || ascii == UInt8(ascii: "d")
                    || ascii == UInt8(ascii: "D")
                // At a span's start the previous character is the end of the code span before it:
                // "a`b`@ana" reads as one word, not as a mention.
                let previous = i == 0 ? display.last : chars[i - 1]
                if mayStartWord, previous.map({ Self.isSpace($0) || $0 == "(" }) ?? true {
                    // Tags and mentions stay in the text, so they extend the run.
                    if ascii == UInt8(ascii: "#"),
                        let (tag, next) = Self.word(
                            chars, from: i + 1, to: end, allowed: ItemSyntax.isTagCharacter, trim: "-/_")
                    {
                        if !tag.allSatisfy(\.isNumber) { Self.add(tag.lowercased(), to: &tags) }
                        i = next
                        continue
                    }
                    if ascii == UInt8(ascii: "@"),
                        let (name, next) = Self.word(
                            chars, from: i + 1, to: end, allowed: ItemSyntax.isPersonCharacter, trim: ".-_")
                    {
                        Self.add(name.lowercased(), to: &people)
                        i = next
                        continue
                    }
                    let field = [("due:", true), ("done:", false)].first {
                        Self.hasPrefix(chars, $0.0, at: i, caseInsensitive: true)
                    }
                    if let (key, isDue) = field {
                        let (value, next) = Self.token(chars, from: i + key.count, to: end, skippingSpaces: false)
                        if !value.isEmpty {
                            emitRun(bytes, offsets, from: run, to: i)
                            let resolution = DatePhrase.isoDate(value) ?? .impossible(value)
                            if isDue { dueField(0, resolution) }
                            if !isDue, done == nil { done = resolution }
                            i = next
                            run = i
                            continue
                        }
                    }
                }
                i += 1
            }
            emitRun(bytes, offsets, from: run, to: end)
        }

        /// `Character.isWhitespace` without the Unicode property lookup for ASCII.
        @inline(__always)
        static func isSpace(_ c: Character) -> Bool {
            guard let ascii = c.asciiValue else { return c.isWhitespace }
            return ascii == 0x20 || (0x09...0x0D).contains(ascii)
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

        /// Each field emoji is one scalar, so comparing first scalars also covers `c == emoji`
        /// and is far cheaper than comparing Characters.
        static func emojiField(_ chars: [Character], at index: Int) -> (Character, Int)? {
            guard let scalar = chars[index].unicodeScalars.first, scalar.value >= 0x2705 else { return nil }
            for emoji in emojis where scalar == emoji.unicodeScalars.first {
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
    /// Without leading and trailing whitespace. Index-based: the reversed-collection version
    /// copied character by character and showed up in every profile of `journal review`.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        if first == startIndex && index(after: last) == endIndex { return self }
        return String(self[first...last])
    }
}
