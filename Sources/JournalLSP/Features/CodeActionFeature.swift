import JournalKit

/// Fixed choices, each an edit to the open buffer: the protocol's actions cannot prompt.
public enum CodeActionFeature {
    public struct Action: Hashable, Sendable {
        public var title: String
        /// `quickfix` or `refactor.rewrite`.
        public var kind: String
        public var edits: [SpanEdit]
    }

    /// `findings` are the document's check findings, as last published.
    public static func actions(_ context: DocumentContext, line: Int, findings: [Diagnostic]) -> [Action] {
        guard let entry = context.entry else { return [] }
        var result: [Action] = []
        let bytes = context.text.line(line)
        let end = DocumentContext.textSpan(line: line, bytes: bytes).end
        func insertAtEnd(_ text: String) -> SpanEdit {
            SpanEdit(path: context.path, span: LineSpan(line: line, start: end, end: end), newText: text)
        }
        if let commitment = entry.commitments.first(where: { $0.location.line == line + 1 }),
            !hasExplicitId(String(decoding: bytes, as: UTF8.self))
        {
            let id = stableId(commitment, in: entry, config: context.journal.config)
            result.append(
                Action(title: "Add a stable id (^\(id))", kind: "refactor.rewrite", edits: [insertAtEnd(" ^" + id)]))
        }
        if entry.date == context.today,
            let followUp = entry.followUps.first(where: { $0.location.line == line + 1 }), followUp.box == .open,
            let box = LinkToken.find(Array("[ ]".utf8), in: Array(bytes), from: 0)
        {
            func decide(_ title: String, _ mark: String, _ field: String) -> Action {
                let boxEdit = SpanEdit(
                    path: context.path, span: LineSpan(line: line, start: box, end: box + 3), newText: mark)
                return Action(title: title, kind: "quickfix", edits: [boxEdit, insertAtEnd(" " + field)])
            }
            let today = context.today
            result.append(decide("Mark kept", "[x]", "✅ \(today)"))
            result.append(decide("Released", "[-]", "❌ \(today)"))
            let friday = today.adding(days: (5 - today.weekday + 7) % 7 == 0 ? 7 : (5 - today.weekday + 7) % 7)
            let monthEnd = today.endOfMonth == today ? today.adding(days: 1).endOfMonth : today.endOfMonth
            for (label, day) in [
                ("tomorrow", today.adding(days: 1)), ("next Friday", friday), ("end of month", monthEnd),
            ] {
                result.append(decide("Carry forward to \(label) (\(day))", "[>]", "📅 \(day)"))
            }
        }
        for finding in findings where finding.line == line + 1 {
            if let action = suggestion(finding, context: context, line: line) { result.append(action) }
        }
        return result
    }

    /// `^id`, `🆔 id` or `[id:: id]` written on the line.
    static func hasExplicitId(_ line: String) -> Bool {
        if line.contains("🆔") || line.contains("[id::") || line.contains("(id::") { return true }
        let words = line.split(separator: " ")
        return words.last.map { $0.hasPrefix("^") && $0.count > 1 } ?? false
    }

    /// The derived id when it is already ASCII, so nothing that links to it changes; else the
    /// ASCII slug `journal add` would write, unique in the entry.
    static func stableId(_ commitment: Commitment, in entry: Entry, config: Config) -> String {
        let ascii = commitment.id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if ascii, !commitment.id.isEmpty { return commitment.id }
        let taken = Set(entry.commitments.map(\.id)).subtracting([commitment.id])
        return LogLine.commitment(commitment.text, config: config, takenIds: taken).id ?? "item"
    }

    /// "Change to <suggestion>" for a finding that names the reference it should have been.
    static func suggestion(_ finding: Diagnostic, context: DocumentContext, line: Int) -> Action? {
        let message = finding.message
        guard let old = DiagnosticRanges.followUpTarget(message) else { return nil }
        var wanted: Reference?
        if let range = message.range(of: "; did you mean "), message.hasSuffix("?") {
            let guess = String(message[range.upperBound...].dropLast())
            wanted = Reference(parsing: guess) ?? Reference(stem: guess, id: old.id)
        } else if let range = message.range(of: "; link to ") {
            wanted = Reference(parsing: String(message[range.upperBound...]))
        }
        guard let wanted, let link = LinkToken.all(in: context.text.line(line)).first(where: { $0.reference == old })
        else { return nil }
        let newTarget: String
        switch link.kind {
        case .wiki:
            let caret = link.target.contains("#^") ? "^" : ""
            newTarget = "\(wanted.stem)#\(caret)\(wanted.id)"
        case .markdown:
            var folder = context.path.split(separator: "/").dropLast().map(String.init)
            if folder.isEmpty { folder = [] }
            let targetPath =
                context.journal.entries.first { $0.stem == wanted.stem }?.path
                ?? (folder + ["\(wanted.stem).md"]).joined(separator: "/")
            newTarget = relativePath(from: folder, to: targetPath) + "#" + wanted.id
        }
        let span = LineSpan(line: line, start: link.targetStart, end: link.targetStart + link.target.utf8.count)
        return Action(
            title: "Change to \(wanted)", kind: "quickfix",
            edits: [SpanEdit(path: context.path, span: span, newText: newTarget)])
    }

    /// `../11/2026-11-20.md` from folder `entries/2026/12` to `entries/2026/11/2026-11-20.md`.
    static func relativePath(from folder: [String], to path: String) -> String {
        let target = path.split(separator: "/").map(String.init)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
