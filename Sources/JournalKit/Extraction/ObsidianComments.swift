/// Obsidian comments, `%% … %%`: hidden in Obsidian, so hidden from journal too.
///
/// Comments are blanked before markdown is parsed: every byte from `%%` to the closing `%%`
/// becomes a space, line breaks stay, so lines and columns do not move. `%%` inside a fenced code
/// block or an inline code span on the same line is not a comment. An unclosed `%%` hides the
/// rest of the note, as in Obsidian, and is reported. One pass: linear in the file.
enum ObsidianComments {
    struct Unclosed: Hashable, Sendable {
        /// 1-based, within the bytes given.
        var line: Int
        var column: Int
        var hiddenLines: Int
    }

    /// The bytes with comments blanked, or nil when there are none; and an unclosed comment.
    static func hide(_ bytes: UnsafeRawBufferPointer) -> (blanked: [UInt8]?, unclosed: Unclosed?) {
        guard contains(bytes) else { return (nil, nil) }
        var out = [UInt8](bytes)
        let n = out.count
        var unclosed: Unclosed?
        var found = false
        var i = 0
        var line = 1
        var lineStart = 0
        var fence: (byte: UInt8, length: Int)?
        while i < n {
            if i == lineStart, let (byte, length) = fenceMark(out, i) {
                // A fence opens or closes a code block (at any indent, for lists); its line is code.
                if let open = fence {
                    if open.byte == byte, length >= open.length { fence = nil }
                } else {
                    fence = (byte, length)
                }
                (i, line) = skipLine(out, i, line)
                lineStart = i
                continue
            }
            if fence != nil {
                (i, line) = skipLine(out, i, line)
                lineStart = i
                continue
            }
            // The rest of this line: backtick runs pair with the next run as long (worked out
            // once per line), and a `%%` outside them opens a comment.
            var eol = i
            while eol < n, out[eol] != 0x0A, out[eol] != 0x0D { eol += 1 }
            var runs: [(position: Int, length: Int)] = []
            var k = i
            while k < eol {
                if out[k] == 0x60 {
                    var m = k
                    while m < eol, out[m] == 0x60 { m += 1 }
                    runs.append((k, m - k))
                    k = m
                } else {
                    k += 1
                }
            }
            var partner = [Int](repeating: -1, count: runs.count)
            var later: [Int: Int] = [:]
            for index in runs.indices.reversed() {
                partner[index] = later[runs[index].length] ?? -1
                later[runs[index].length] = index
            }
            var p = i
            var r = 0
            var continued = false
            while p < eol {
                if out[p] == 0x60, r < runs.count, runs[r].position == p {
                    let close = partner[r]
                    if close >= 0 {
                        p = runs[close].position + runs[close].length
                        r = close + 1
                    } else {
                        p += runs[r].length
                        r += 1
                    }
                    continue
                }
                guard out[p] == 0x25, p + 1 < eol, out[p + 1] == 0x25 else {
                    p += 1
                    continue
                }
                found = true
                let startLine = line
                let startColumn = p - lineStart + 1
                var j = p + 2
                var closed = false
                while j + 1 < n {
                    if out[j] == 0x25, out[j + 1] == 0x25 {
                        closed = true
                        break
                    }
                    j += 1
                }
                let end = closed ? j + 2 : n
                var q = p
                while q < end {
                    if out[q] == 0x0A || out[q] == 0x0D {
                        if out[q] == 0x0D, q + 1 < end, out[q + 1] == 0x0A { q += 1 }
                        line += 1
                        lineStart = q + 1
                    } else {
                        out[q] = 0x20
                    }
                    q += 1
                }
                if !closed {
                    // The lines from the comment's own to the last one with anything on it.
                    let trailingBreak = n > 0 && (out[n - 1] == 0x0A || out[n - 1] == 0x0D) ? 1 : 0
                    unclosed = Unclosed(
                        line: startLine, column: startColumn, hiddenLines: max(1, line - startLine + 1 - trailingBreak))
                }
                if end > eol {
                    i = end
                    continued = true
                    break
                }
                p = end
                while r < runs.count, runs[r].position < end { r += 1 }
            }
            if continued { continue }
            i = eol
            if i < n { (i, line) = nextLine(out, i, line) }
            lineStart = i
        }
        return (found ? out : nil, unclosed)
    }

    /// The fence at the start of the line at `i` (three or more backticks or tildes after spaces).
    static func fenceMark(_ out: [UInt8], _ i: Int) -> (UInt8, Int)? {
        var j = i
        while j < out.count, out[j] == 0x20 || out[j] == 0x09 { j += 1 }
        guard j < out.count, out[j] == 0x60 || out[j] == 0x7E else { return nil }
        var k = j
        while k < out.count, out[k] == out[j] { k += 1 }
        return k - j >= 3 ? (out[j], k - j) : nil
    }

    static func skipLine(_ out: [UInt8], _ i: Int, _ line: Int) -> (Int, Int) {
        var i = i
        while i < out.count, out[i] != 0x0A, out[i] != 0x0D { i += 1 }
        return i < out.count ? nextLine(out, i, line) : (i, line)
    }

    static func nextLine(_ out: [UInt8], _ i: Int, _ line: Int) -> (Int, Int) {
        var i = i
        if out[i] == 0x0D, i + 1 < out.count, out[i + 1] == 0x0A { i += 1 }
        return (i + 1, line + 1)
    }

    static func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x25, bytes[i + 1] == 0x25 { return true }
            i += 1
        }
        return false
    }
}
