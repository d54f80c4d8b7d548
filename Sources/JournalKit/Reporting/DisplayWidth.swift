/// How many terminal columns text takes, by grapheme cluster: East Asian Wide and Fullwidth
/// characters and emoji (Extended_Pictographic, Emoji_Presentation: flags too) take two,
/// combining marks and other zero-width format characters none, everything else one. Text is
/// escaped before it is measured, so no control character reaches here.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        // ASCII, the common case, is one column a byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return 1 }
        if scalars.contains(where: isWide) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// `text` cut to at most `width` columns, ending in `…` when anything was cut.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let size = of(character)
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }

    /// `text` followed by spaces up to `width` columns; wider text is left as it is.
    public static func padded(_ text: String, to width: Int) -> String {
        let size = of(text)
        return size >= width ? text : text + String(repeating: " ", count: width - size)
    }
}
