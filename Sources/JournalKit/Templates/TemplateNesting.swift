/// Checks how deep a template's sections nest before swift-mustache parses it: its parser
/// recurses once per section, so 5,000 nested sections overflow the stack.
enum TemplateNesting {
    /// Sections may nest this deep; a prompt template needs two or three.
    static let maxDepth = 64

    /// The 1-based line and UTF-8 byte column of the tag that opens a section past `maxDepth`,
    /// or nil. One linear pass that follows set-delimiter tags (`{{=<% %>=}}`) as mustache does.
    static func tooDeep(_ text: String, maxDepth: Int = maxDepth) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var depth = 0
        var index = 0
        var line = 1
        var lineStart = 0
        func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
            guard offset + pattern.count <= bytes.count else { return false }
            for (i, byte) in pattern.enumerated() where bytes[offset + i] != byte { return false }
            return true
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                index += 1
                lineStart = index
                continue
            }
            guard !open.isEmpty, matches(open, at: index) else {
                index += 1
                continue
            }
            let tagLine = line
            let column = index - lineStart + 1
            var cursor = index + open.count
            while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
            let sigil = cursor < bytes.count ? bytes[cursor] : 0
            // The tag's end: the close delimiter, or `=` + close for a set-delimiter tag.
            var end = cursor
            let closing =
                sigil == 0x3D
                ? [0x3D] + close : (sigil == 0x7B && close == Array("}}".utf8) ? Array("}}}".utf8) : close)
            while end < bytes.count, !matches(closing, at: end) {
                if bytes[end] == 0x0A {
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            switch sigil {
            case 0x23, 0x5E, 0x24, 0x3C:  // # ^ $ <
                depth += 1
                if depth > maxDepth { return (tagLine, column) }
            case 0x2F:  // /
                depth = max(0, depth - 1)
            case 0x3D:  // = new delimiters =
                let inner = bytes[(cursor + 1)..<min(end, bytes.count)].split(
                    whereSeparator: { $0 == 0x20 || $0 == 0x09 })
                if inner.count == 2, inner[0].count <= 16, inner[1].count <= 16 {
                    open = Array(inner[0])
                    close = Array(inner[1])
                }
            default: break
            }
            index = min(bytes.count, end + closing.count)
        }
        return nil
    }
}
