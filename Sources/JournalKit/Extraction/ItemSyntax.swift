/// The grammar of one list item's first paragraph: box, tags, people, fields, links.
///
/// One pass over the UTF-8 bytes of each text span finds the tokens (box, tags, mentions, wiki
/// links, and the fields of each syntax in `Fields/`); the fields are interpreted afterwards.
/// Tags, people and fields are read only from plain text, never from code spans, raw HTML,
/// escaped characters or link destinations. The display text keeps tags, mentions and date
/// phrases, because they read as words, and drops the box and the fields.
public struct ItemSyntax: Hashable, Sendable {
    public var box: Box?
    /// True when `box` came from a Logseq marker (`TODO`, `DONE`, …), read only when asked for.
    public var boxFromLogseq = false
    /// Flattened, whitespace collapsed, without box and fields.
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
    /// `due:`, then an emoji due, then a Dataview due, then a Logseq `DEADLINE:`; nil when absent.
    public var dueField: DatePhrase.Resolution?
    /// The same, among the fields after the last link to an entry: a follow-up's new due date.
    public var dueFieldAfterEntryLink: DatePhrase.Resolution?
    /// `done:`, then `✅`, then `[completion:: ]`.
    public var doneField: DatePhrase.Resolution?
    /// `❌`, then `[cancelled:: ]`.
    public var cancelledField: DatePhrase.Resolution?
    public var scheduled: Day?
    public var start: Day?
    public var created: Day?
    public var priority: Priority?
    /// As written: `every week on Monday`.
    public var recurrence: String?
    public var dependsOn: [String]
    public var onCompletion: String?
    /// `^id` at the end, else `🆔 id`, else `[id:: id]`.
    public var explicitId: String?
    /// Obsidian Tasks' own id, `🆔 id` or `[id:: id]`, whatever the block id.
    public var taskId: String?
    /// The block id `^id` at the very end.
    public var blockId: String?
    /// Targets of `[[…]]` wiki links, as written inside the brackets (without any `|alias`).
    public var wikiLinks: [String]
    /// Field symbols or keys whose value could not be read; each stays text.
    public var warnings: [FieldWarning]
    /// Whether a letter or digit stands anywhere outside tags, mentions and fields. An item without
    /// one (`- [ ] `, `- [ ] #commit`) is a placeholder, never a commitment.
    public var hasContent: Bool
    /// The text and explicit id under the rules before issue 11, so ids already linked to still resolve.
    public var legacyText: String
    public var legacyExplicitId: String?

    /// Parses the spans of a first paragraph; `logseq` reads Logseq markers as boxes.
    public init(spans: [InlineSpan], logseq: Bool = false) {
        var scanner = Scanner(logseq: logseq)
        for (index, span) in spans.enumerated() {
            switch span.kind {
            case .text:
                var text = span.text
                text.withUTF8 { scanner.scan($0, isFirst: index == 0, isLast: index == spans.count - 1) }
            case .literal: scanner.appendLiteral(span.text)
            case .code: scanner.appendCode(span.text)
            case .html: break
            case .linkStart: scanner.labelStart = scanner.display.count
            case .linkEnd:
                let start = min(scanner.labelStart ?? scanner.display.count, scanner.display.count)
                let label = String(decoding: scanner.display[start...], as: UTF8.self)
                scanner.labels.append(LinkLabel(destination: span.text, label: Self.collapse(label)))
                scanner.labelStart = nil
                if EntryParser.reference(fromLink: span.text) != nil { scanner.enteredEntryLink(displayBefore: start) }
            }
        }
        box = scanner.box
        boxFromLogseq = scanner.boxFromLogseq
        text = Self.collapse(String(decoding: scanner.display, as: UTF8.self))
        textBeforeEntryLink = scanner.beforeEntryLink.map { Self.collapse(String(decoding: $0, as: UTF8.self)) }
        textAfterEntryLink = scanner.afterEntryLink.map { Self.collapse(String(decoding: $0, as: UTF8.self)) }
        linkLabels = scanner.labels
        phraseText = Self.collapse(String(decoding: scanner.phrase, as: UTF8.self))
        phraseTextAfterEntryLink = scanner.phraseAfterEntryLink.map {
            Self.collapse(String(decoding: $0, as: UTF8.self))
        }
        tags = scanner.tags.names
        people = scanner.people.names
        let fields = scanner.fields
        dueField = fields.date(.due)
        dueFieldAfterEntryLink = scanner.fieldsAfterLink.date(.due)
        doneField = fields.date(.done)
        cancelledField = fields.date(.cancelled)
        scheduled = fields.day(.scheduled)
        start = fields.day(.start)
        created = fields.day(.created)
        if case .priority(let value)? = fields.value(.priority) { priority = value }
        if case .text(let value)? = fields.value(.recurrence) { recurrence = value }
        if case .text(let value)? = fields.value(.dependsOn) {
            dependsOn = value.split(separator: ",").map(String.init)
        } else {
            dependsOn = []
        }
        if case .text(let value)? = fields.value(.onCompletion) { onCompletion = value }
        var fieldId: String?
        if case .text(let value)? = fields.value(.id) { fieldId = value }
        taskId = fieldId
        blockId = scanner.blockId
        explicitId = scanner.blockId ?? fieldId
        wikiLinks = scanner.wikiLinks
        warnings = scanner.warnings
        if scanner.moreWarnings > 0 {
            warnings.append(
                FieldWarning(
                    snippet: "",
                    message: "\(scanner.moreWarnings) more fields on this item could not be read; read as text"))
        }
        hasContent = scanner.hasContent
        let legacy = LegacyItemText(spans: spans)
        legacyText = Self.collapse(legacy.text)
        legacyExplicitId = legacy.explicitId
    }

    static func collapse(_ text: String) -> String {
        // Collapsed on the UTF-8 bytes, unless a whitespace Character could differ from its bytes:
        // then the exact Character semantics (a space followed by a combining mark is one
        // Character, and split drops it whole). Written straight into the result's storage: a
        // short text is then no allocation at all, a long one a single one.
        var exact = true
        let collapsed = text.utf8.withContiguousStorageIfAvailable { utf8 in
            String(unsafeUninitializedCapacity: utf8.count) { out in
                var written = 0
                var pendingSpace = false
                var traits = ScalarTraits()
                var i = 0
                var previousNonASCII: Unicode.Scalar?
                while i < utf8.count {
                    let byte = utf8[i]
                    if byte >= 0x80 {
                        let (scalar, length) = Scanner.decode(utf8, i, utf8.count)
                        if traits[scalar].contains(.whitespace) {
                            exact = false
                            return 0
                        }
                        if pendingSpace {
                            out[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                        for k in 0..<length { out[written + k] = utf8[i + k] }
                        written += length
                        previousNonASCII = scalar
                        i += length
                        continue
                    }
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        // A white space byte is a Character of its own (or CR LF) unless the scalar
                        // before it joins what follows (Prepend) or the one after extends it.
                        if let previous = previousNonASCII, traits[previous].contains(.mayPrepend) {
                            exact = false
                            return 0
                        }
                        if i + 1 < utf8.count, utf8[i + 1] >= 0x80,
                            traits[Scanner.decode(utf8, i + 1, utf8.count).0].contains(.mayExtend)
                        {
                            exact = false
                            return 0
                        }
                        pendingSpace = written > 0
                    } else {
                        if pendingSpace {
                            out[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                        out[written] = byte
                        written += 1
                    }
                    previousNonASCII = nil
                    i += 1
                }
                return written
            }
        }
        guard exact, let collapsed else {
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return collapsed
    }

    /// What `collapse` and `slug` ask of a scalar, looked up once per distinct scalar of a text:
    /// Unicode property lookups were a fifth of reading a 2 MiB line of emoji.
    struct ScalarTraits {
        struct Traits: OptionSet {
            let rawValue: UInt8
            static let letter = Traits(rawValue: 1)
            static let number = Traits(rawValue: 2)
            static let whitespace = Traits(rawValue: 4)
            /// May extend the Character before it (Grapheme_Cluster_Break Extend, ZWJ,
            /// SpacingMark), taken broadly: a false positive only takes the slower exact path.
            static let mayExtend = Traits(rawValue: 8)
            /// May join the Character after it (Grapheme_Cluster_Break Prepend), broadly.
            static let mayPrepend = Traits(rawValue: 16)
        }
        private var keys: [UInt32] = []
        private var values: [Traits] = []

        subscript(_ scalar: Unicode.Scalar) -> Traits {
            mutating get {
                if keys.isEmpty {
                    keys = Array(repeating: .max, count: 256)
                    values = Array(repeating: [], count: 256)
                }
                // Hashed, not the low bits: 📅 (U+1F4C5) and ✅ (U+2705) share their low six bits,
                // and a line alternating them looked every scalar up again.
                let slot = Int((scalar.value &* 0x9E37_79B1) >> 24)
                if keys[slot] == scalar.value { return values[slot] }
                let traits = Self.lookUp(scalar)
                keys[slot] = scalar.value
                values[slot] = traits
                return traits
            }
        }

        static func lookUp(_ scalar: Unicode.Scalar) -> Traits {
            let properties = scalar.properties
            var traits: Traits = []
            if properties.isAlphabetic { traits.insert(.letter) }
            if properties.numericType != nil { traits.insert(.number) }
            if properties.isWhitespace { traits.insert(.whitespace) }
            if properties.isGraphemeExtend || properties.isEmojiModifier || properties.isDefaultIgnorableCodePoint {
                traits.insert(.mayExtend)
            }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: traits.insert(.mayExtend)
            case .format: traits.formUnion([.mayExtend, .mayPrepend])
            default: break
            }
            switch scalar.value {
            case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
                0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
                traits.insert(.mayPrepend)
            default: break
            }
            return traits
        }
    }

    /// The slug of the first five words: lowercase, runs of anything but letters and digits
    /// become `-`, dashes trimmed. Empty text gives `item`. A letter or digit is a Character whose
    /// first scalar is alphabetic or numeric (Character.isLetter, isNumber). Only the words kept
    /// are lowercased: lowercasing a 2 MiB item to keep five words was most of its cost.
    public static func slug(_ text: String) -> String {
        // ASCII, the common case, on its bytes: one pass to measure, one to write the result in
        // place (a slug of up to 15 bytes is then no allocation).
        func asciiSlug(_ write: (Int, UInt8) -> Void) -> Int? {
            var written = 0
            var count = 0
            var inWord = false
            for byte in text.utf8 {
                if byte >= 0x80 { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if !inWord, count > 0 {
                        write(written, UInt8(ascii: "-"))
                        written += 1
                    }
                    inWord = true
                    write(written, lower)
                    written += 1
                } else if inWord {
                    inWord = false
                    count += 1
                    if count == 5 { break }
                }
            }
            return written
        }
        if let length = asciiSlug({ _, _ in }) {
            guard length > 0 else { return "item" }
            return String(unsafeUninitializedCapacity: length) { out in asciiSlug { out[$0] = $1 } ?? 0 }
        }

        var traits = ScalarTraits()
        func isWordCharacter(_ character: Character) -> Bool {
            guard let first = character.unicodeScalars.first else { return false }
            return !traits[first].isDisjoint(with: [.letter, .number])
        }
        var words: [String] = []
        var current = ""
        outer: for character in text {
            // A Character that is no letter or digit stays none when lowercased (only letters
            // have case); a letter may lowercase to several Characters (İ → i̇), each judged.
            guard isWordCharacter(character) else {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                    if words.count == 5 { break }
                }
                continue
            }
            for lowered in character.lowercased() {
                if isWordCharacter(lowered) {
                    current.append(lowered)
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                    if words.count == 5 { break outer }
                }
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

    /// Which syntax a field came from; when two give the same field, the lower one wins.
    enum Source: Int, Hashable, Sendable {
        case journal, emoji, dataview, logseq
    }

    /// The first value of each field from each syntax.
    struct FieldSet {
        struct Key: Hashable {
            var field: Field
            var source: Source
        }
        var dates: [Key: DatePhrase.Resolution] = [:]
        var values: [Field: FieldValue] = [:]

        mutating func add(_ field: Field, _ source: Source, _ resolution: DatePhrase.Resolution) {
            let key = Key(field: field, source: source)
            if dates[key] == nil { dates[key] = resolution }
        }

        mutating func add(_ hit: FieldHit, _ source: Source) {
            if case .date(let day) = hit.value, [.due, .done, .cancelled].contains(hit.field) {
                add(hit.field, source, .date(day))
            } else if values[hit.field] == nil {
                values[hit.field] = hit.value
            }
        }

        func date(_ field: Field) -> DatePhrase.Resolution? {
            for source in [Source.journal, .emoji, .dataview, .logseq] {
                if let found = dates[Key(field: field, source: source)] { return found }
            }
            return nil
        }

        func value(_ field: Field) -> FieldValue? { values[field] }

        func day(_ field: Field) -> Day? {
            if case .date(let day)? = values[field] { return day }
            return nil
        }
    }

    /// Names in order of first appearance, each once. An item holds a handful, compared in a
    /// list without allocating a set; past `linearLimit` a set keeps 150,000 distinct tags linear.
    struct UniqueNames {
        private(set) var names: [String] = []
        private var set: Set<String>?
        static let linearLimit = 16

        mutating func insert(_ name: String) {
            if set == nil {
                if names.contains(name) { return }
                names.append(name)
                if names.count > Self.linearLimit { set = Set(names) }
            } else if set?.insert(name).inserted == true {
                names.append(name)
            }
        }
    }

    /// Walks plain text once, collecting fields and building the display and phrase text.
    struct Scanner {
        let logseq: Bool
        var box: Box?
        var boxFromLogseq = false
        var display: [UInt8] = []
        var phrase: [UInt8] = []
        var beforeEntryLink: [UInt8]?
        var afterEntryLink: [UInt8]?
        var phraseAfterEntryLink: [UInt8]?
        /// Where the current CommonMark link's label starts in `display`, in UTF-8 bytes.
        var labelStart: Int?
        var labels: [LinkLabel] = []
        var tags = UniqueNames()
        var people = UniqueNames()
        var fields = FieldSet()
        var fieldsAfterLink = FieldSet()
        var blockId: String?
        var wikiLinks: [String] = []
        var warnings: [FieldWarning] = []
        var moreWarnings = 0
        var hasContent = false

        init(logseq: Bool) { self.logseq = logseq }

        mutating func appendCode(_ code: String) {
            display += code.utf8
            afterEntryLink? += code.utf8
            phrase.append(0x20)
            phraseAfterEntryLink?.append(0x20)
            if !hasContent { hasContent = Self.containsLetterOrDigit(code) }
        }

        /// An escaped character (`\#`): shown, never the start of a tag or mention.
        mutating func appendLiteral(_ text: String) {
            display += text.utf8
            afterEntryLink? += text.utf8
            phrase += text.utf8
            phraseAfterEntryLink? += text.utf8
        }

        mutating func emit(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            guard from < to else { return }
            let run = UnsafeBufferPointer(rebasing: b[from..<to])
            display += run
            afterEntryLink? += run
            phrase += run
            phraseAfterEntryLink? += run
        }

        /// Keeps the first few warnings of an item; a line of thousands of bad fields says so once.
        mutating func warn(_ warning: FieldWarning) {
            if warnings.count < Self.maxWarnings {
                warnings.append(warning)
            } else {
                moreWarnings += 1
            }
        }

        static let maxWarnings = 10

        /// A field journal could not read: shown as written, but never read for date phrases.
        mutating func emitUnread(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            guard from < to else { return }
            let run = UnsafeBufferPointer(rebasing: b[from..<to])
            display += run
            afterEntryLink? += run
            phrase.append(0x20)
            phraseAfterEntryLink?.append(0x20)
        }

        /// A link to an entry ended: what follows is the writer's own, and the display text up to
        /// `displayBefore` bytes (where the link began) is what came before the first such link.
        mutating func enteredEntryLink(displayBefore: Int) {
            if beforeEntryLink == nil { beforeEntryLink = Array(display[..<displayBefore]) }
            afterEntryLink = []
            phraseAfterEntryLink = []
            fieldsAfterLink = FieldSet()
        }

        mutating func record(_ hit: FieldHit, _ source: Source) {
            fields.add(hit, source)
            if afterEntryLink != nil { fieldsAfterLink.add(hit, source) }
        }

        mutating func record(_ field: Field, _ source: Source, _ resolution: DatePhrase.Resolution) {
            fields.add(field, source, resolution)
            if afterEntryLink != nil { fieldsAfterLink.add(field, source, resolution) }
        }

        // Plain text is copied in runs, not byte by byte: most of an item is plain.
        mutating func scan(_ b: UnsafeBufferPointer<UInt8>, isFirst: Bool, isLast: Bool) {
            let n = b.count
            var i = 0
            if isFirst {
                // Leading box: `[c]` then whitespace or the end.
                if n >= 3, b[0] == 0x5B, b[2] == 0x5D, b[1] < 0x80,
                    let box = Box(mark: Character(Unicode.Scalar(b[1]))), n == 3 || FieldValues.isWhitespace(b[3])
                {
                    self.box = box
                    i = 3
                } else if logseq, let (box, next) = LogseqFields.marker(b, 0, n) {
                    self.box = box
                    boxFromLogseq = true
                    i = next
                }
            }
            var end = n
            if isLast, let trailing = Self.trailingBlockId(b) {
                blockId = trailing.id
                end = trailing.start
            }
            // Dataview fields need `::`; the bracket pairs are worked out only then.
            var closings: [Int32]?
            if Self.contains(b, 0x3A, 0x3A) { closings = DataviewFields.closings(b) }
            /// Inside a Dataview field journal does not read, no other Dataview field is read.
            var shadowEnd = 0
            /// No `]]` at or after this offset: a wiki link opening there never closes.
            var noCloseFrom = n

            var run = i
            while i < end {
                let c = b[i]
                if c >= 0x80 {
                    if c == 0xE2 || c == 0xF0, let match = EmojiFields.match(b, at: i, end: end) {
                        switch match {
                        case .field(let hit, let next):
                            emit(b, from: run, to: i)
                            record(hit, .emoji)
                            i = next
                            run = i
                            continue
                        case .bad(let warning, let next):
                            warn(warning)
                            emit(b, from: run, to: i)
                            emitUnread(b, from: i, to: next)
                            i = next
                            run = i
                            continue
                        }
                    }
                    let (scalar, length) = Self.decode(b, i, end)
                    if !hasContent, Self.isLetterOrDigit(scalar) { hasContent = true }
                    i += length
                    continue
                }
                switch c {
                case 0x5B where i + 1 < end && b[i + 1] == 0x5B && i + 2 < noCloseFrom:
                    guard let close = Self.findDoubleClose(b, from: i + 2, to: end) else {
                        noCloseFrom = i + 2
                        break
                    }
                    emit(b, from: run, to: i)
                    wikiLink(b, i, close)
                    i = close + 2
                    run = i
                    continue
                case 0x5B, 0x28:
                    guard let closings, i >= shadowEnd, closings[i] >= 0 else { break }
                    let close = Int(closings[i])
                    guard close < end, let match = DataviewFields.match(b, at: i, close: close) else { break }
                    switch match {
                    case .field(let hit, let next):
                        emit(b, from: run, to: i)
                        record(hit, .dataview)
                        i = next
                        run = i
                        continue
                    case .empty(let next):
                        emit(b, from: run, to: i)
                        i = next
                        run = i
                        continue
                    case .bad(let warning, let next):
                        warn(warning)
                        emit(b, from: run, to: i)
                        emitUnread(b, from: i, to: next)
                        i = next
                        run = i
                        continue
                    case .other(let next):
                        shadowEnd = next
                    }
                case 0x23, 0x40, 0x64, 0x44, 0x53:
                    // `#`, `@`, `d`, `D`, `S`: tags, mentions, `due:`/`done:`, `DEADLINE:`, `SCHEDULED:`.
                    guard isWordStart(b, i) else { break }
                    if c == 0x23, let next = Self.word(b, from: i + 1, to: end, allowed: Self.isTagByte, trim: "-/_") {
                        let tag = FieldValues.string(b, i + 1, next)
                        if !tag.utf8.allSatisfy(FieldValues.isDigit) {
                            let lower = tag.lowercased()
                            tags.insert(lower)
                        }
                        i = next
                        continue
                    }
                    if c == 0x40, let next = Self.word(b, from: i + 1, to: end, allowed: Self.isPersonByte, trim: ".-_")
                    {
                        let name = FieldValues.string(b, i + 1, next).lowercased()
                        people.insert(name)
                        i = next
                        continue
                    }
                    if c == 0x64 || c == 0x44, let (field, resolution, next) = JournalFields.match(b, at: i, end: end) {
                        emit(b, from: run, to: i)
                        record(field, .journal, resolution)
                        i = next
                        run = i
                        continue
                    }
                    if c == 0x44 || c == 0x53, let (hit, next) = LogseqFields.date(b, at: i, end: end) {
                        emit(b, from: run, to: i)
                        record(hit, .logseq)
                        i = next
                        run = i
                        continue
                    }
                default: break
                }
                if !hasContent, FieldValues.isAlnum(c) { hasContent = true }
                i += 1
            }
            emit(b, from: run, to: end)
        }

        /// `[[target|alias]]` from `open` to the `]]` at `close`: shown as written, never scanned.
        mutating func wikiLink(_ b: UnsafeBufferPointer<UInt8>, _ open: Int, _ close: Int) {
            var bar = open + 2
            while bar < close, b[bar] != 0x7C { bar += 1 }
            let target = FieldValues.string(b, open + 2, bar)
            wikiLinks.append(target)
            if !hasContent, Self.containsLetterOrDigit(target) { hasContent = true }
            let whole = UnsafeBufferPointer(rebasing: b[open..<(close + 2)])
            let before = display.count
            display += whole
            if EntryParser.reference(fromWikiLink: target) != nil {
                enteredEntryLink(displayBefore: before)
            } else {
                afterEntryLink? += whole
                phraseAfterEntryLink?.append(0x20)
            }
            phrase.append(0x20)
        }

        /// After a space or `(`, or at the start. At a span's start the byte before is the end of
        /// what was shown before it: "a`b`@ana" reads as one word, not as a mention.
        func isWordStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
            guard let previous = i == 0 ? display.last : b[i - 1] else { return true }
            return FieldValues.isWhitespace(previous) || previous == 0x28
        }

        static func contains(_ b: UnsafeBufferPointer<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
            var i = 0
            while i + 1 < b.count {
                if b[i] == first, b[i + 1] == second { return true }
                i += 1
            }
            return false
        }

        static func findDoubleClose(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
            var i = start
            while i + 1 < end {
                if b[i] == 0x5D, b[i + 1] == 0x5D { return i }
                i += 1
            }
            return nil
        }

        /// A run of allowed characters from `start`, with trailing `trim` bytes given back.
        static func word(
            _ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, allowed: (Unicode.Scalar) -> Bool,
            trim: StaticString
        ) -> Int? {
            var next = start
            while next < end {
                let (scalar, length) = decode(b, next, end)
                guard allowed(scalar) else { break }
                next += length
            }
            let trimBytes = UnsafeBufferPointer(start: trim.utf8Start, count: trim.utf8CodeUnitCount)
            while next > start, trimBytes.contains(b[next - 1]) { next -= 1 }
            return next > start ? next : nil
        }

        static func isTagByte(_ s: Unicode.Scalar) -> Bool {
            isLetterOrDigit(s) || s == "-" || s == "_" || s == "/" || isMark(s) || isIgnorable(s)
        }

        static func isPersonByte(_ s: Unicode.Scalar) -> Bool {
            isLetterOrDigit(s) || s == "-" || s == "_" || s == "." || isMark(s) || isIgnorable(s)
        }

        /// Zero-width joiners and other default-ignorable scalars belong to the name they sit in
        /// (Persian and Indic names need them); NameNormalizer compares names without them.
        static func isIgnorable(_ s: Unicode.Scalar) -> Bool { !s.isASCII && s.properties.isDefaultIgnorableCodePoint }

        static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII { return FieldValues.isAlnum(UInt8(s.value)) }
            return s.properties.isAlphabetic || s.properties.numericType != nil
        }

        static func isMark(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return !s.isASCII
            default: return false
            }
        }

        static func containsLetterOrDigit(_ text: String) -> Bool {
            text.unicodeScalars.contains(where: isLetterOrDigit)
        }

        /// The scalar at `i` and its length in bytes; a malformed sequence reads as U+FFFD, one byte.
        static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
            let lead = b[i]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard length > 1, i + length <= end else { return ("\u{FFFD}", 1) }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length {
                let byte = b[i + k]
                guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        /// `^id` at the very end of the paragraph, preceded by whitespace.
        static func trailingBlockId(_ b: UnsafeBufferPointer<UInt8>) -> (id: String, start: Int)? {
            var end = b.count
            while end > 0, FieldValues.isWhitespace(b[end - 1]) { end -= 1 }
            var start = end
            while start > 0, FieldValues.isAlnum(b[start - 1]) || b[start - 1] == 0x2D { start -= 1 }
            guard start < end, start > 0, b[start - 1] == 0x5E,
                start - 1 == 0 || FieldValues.isWhitespace(b[start - 2])
            else { return nil }
            return (FieldValues.string(b, start, end), start - 1)
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
