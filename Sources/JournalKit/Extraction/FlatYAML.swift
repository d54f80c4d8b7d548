/// A reader for the flat YAML that nearly all front matter is: `key: value` lines, quoted or
/// plain scalars, and lists written `[a, b]` or as `- item` lines.
///
/// It exists for speed: Yams costs more per entry than cmark does, and a journal has thousands
/// of entries. Anything outside this subset (anchors, block scalars, nested maps, escapes,
/// trailing comments, duplicate keys) returns nil, and the caller falls back to Yams.
enum FlatYAML {
    enum Value: Equatable {
        case scalar(String)
        case list([String])
        case empty
    }

    struct Pair: Equatable {
        var key: String
        var value: Value
        /// 1-based line within the YAML text.
        var line: Int
    }

    static func parse(_ text: String) -> [Pair]? {
        var pairs: [Pair] = []
        var keys = Set<String>()
        var listKey: Int?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                guard let owner = listKey, let item = scalar(String(trimmed.dropFirst(1)).trimmingSpaces) else {
                    return nil
                }
                if case .list(let items) = pairs[owner].value {
                    pairs[owner].value = .list(items + [item])
                } else {
                    pairs[owner].value = .list([item])
                }
                continue
            }
            guard line.first.map({ !$0.isWhitespace }) == true, let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard !key.isEmpty,
                key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
                keys.insert(key).inserted
            else { return nil }
            let rest = line[line.index(after: colon)...]
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            let valueText = String(rest).trimmingSpaces
            let value: Value
            if valueText.isEmpty {
                value = .empty
                listKey = pairs.count
            } else {
                listKey = nil
                if valueText.hasPrefix("[") {
                    guard valueText.hasSuffix("]") else { return nil }
                    let inner = valueText.dropFirst().dropLast()
                    var items: [String] = []
                    for part in inner.split(separator: ",") {
                        guard let item = scalar(String(part).trimmingSpaces) else { return nil }
                        items.append(item)
                    }
                    value = .list(items)
                } else {
                    guard let item = scalar(valueText) else { return nil }
                    value = .scalar(item)
                }
            }
            pairs.append(Pair(key: key, value: value, line: index + 1))
        }
        return pairs
    }

    /// A quoted or plain scalar in the subset, or nil when YAML would read it differently.
    static func scalar(_ text: String) -> String? {
        if let quote = text.first, quote == "\"" || quote == "'" {
            let inner = text.dropFirst()
            guard inner.last == quote, !inner.dropLast().contains(quote),
                !(inner.utf8.contains(0x5C) && inner.contains("\\"))
            else {
                return nil
            }
            return String(inner.dropLast())
        }
        guard let first = text.first else { return "" }
        let indicator =
            "&*!|>%@`{}[]#,?:-".contains(first) && !(first == "-" && text.count > 1 && text.dropFirst().first != " ")
        guard !indicator, !Self.hasPair(text.utf8, 0x3A, 0x20), !Self.hasPair(text.utf8, 0x20, 0x23),
            text.utf8.last != 0x3A
        else { return nil }
        return text
    }

    /// True when byte `a` is directly followed by byte `b`: `": "` or `" #"`, without Foundation's
    /// locale-aware search, which cost more than the rest of this reader.
    static func hasPair(_ bytes: String.UTF8View, _ a: UInt8, _ b: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == a && byte == b { return true }
            previous = byte
        }
        return false
    }
}
