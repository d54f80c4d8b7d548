/// Judges every commitment as of a date. Pure, and linear in commitments plus follow-ups:
/// follow-ups are grouped by the reference they name, never compared pairwise.
public struct Ledger: Sendable {
    /// Every commitment in the journal, in made date, then path, then line order.
    public let commitments: [Commitment]
    /// Follow-ups by the reference they point to, in date then file order.
    let followUps: [Reference: [FollowUp]]
    let index: [Reference: Int]

    /// Follow-up targets that name no commitment exactly but one all the same: by an id it had
    /// under earlier rules (a warning suggests the current one), or ignoring case, as Obsidian
    /// resolves links.
    let resolved: [Reference: Resolved]
    /// Commitments by their reference lowercased.
    /// Commitments by lowercased reference, built only when some follow-up needs it: most
    /// journals link every follow-up exactly, and folding every reference cost a tenth of `check`.
    let folded: [String: [Int]]?
    /// Follow-up targets that match more than one commitment when case is ignored.
    let ambiguous: [Reference: [Reference]]

    enum Resolved: Hashable, Sendable {
        case formerId(Reference)
        case ignoringCase(Reference)

        var reference: Reference {
            switch self {
            case .formerId(let reference), .ignoringCase(let reference): return reference
            }
        }
    }

    public init(entries: [Entry]) {
        let sortedEntries = entries.sorted { ($0.date, $0.path) < ($1.date, $1.path) }
        var commitments: [Commitment] = []
        commitments.reserveCapacity(sortedEntries.reduce(0) { $0 + $1.commitments.count })
        for entry in sortedEntries { commitments += entry.commitments }
        // Sized once: growing by doubling rehashed every reference log₂ n times.
        var index: [Reference: Int] = [:]
        index.reserveCapacity(commitments.count)
        for (position, commitment) in commitments.enumerated() where index[commitment.reference] == nil {
            index[commitment.reference] = position
        }
        // Former ids that no current commitment has; one claimed twice resolves to neither.
        var former: [Reference: Int?] = [:]
        former.reserveCapacity(commitments.count)
        for (position, commitment) in commitments.enumerated() {
            for id in commitment.formerIds {
                let alias = Reference(stem: commitment.reference.stem, id: id)
                guard index[alias] == nil else { continue }
                former[alias] = former[alias] == nil ? position : .some(nil)
            }
        }
        var folded: [String: [Int]]?
        var resolved: [Reference: Resolved] = [:]
        var ambiguous: [Reference: [Reference]] = [:]
        var followUps: [Reference: [FollowUp]] = [:]
        for entry in sortedEntries {
            for followUp in entry.followUps {
                var key = followUp.target
                if index[key] == nil {
                    if let found = resolved[key] {
                        key = found.reference
                    } else if case .some(.some(let position)) = former[key] {
                        resolved[key] = .formerId(commitments[position].reference)
                        key = commitments[position].reference
                    } else if ambiguous[key] == nil {
                        if folded == nil { folded = Self.foldedIndex(commitments) }
                        let matches = folded?[Self.fold(key)] ?? []
                        if matches.count == 1 {
                            resolved[key] = .ignoringCase(commitments[matches[0]].reference)
                            key = commitments[matches[0]].reference
                        } else if matches.count > 1 {
                            ambiguous[key] = matches.map { commitments[$0].reference }.sorted()
                        }
                    }
                }
                followUps[key, default: []].append(followUp)
            }
        }
        self.commitments = commitments
        self.followUps = followUps
        self.index = index
        self.resolved = resolved
        self.ambiguous = ambiguous
        self.folded = folded
    }

    static func fold(_ reference: Reference) -> String { "\(reference.stem)#\(reference.id)".lowercased() }

    static func foldedIndex(_ commitments: [Commitment]) -> [String: [Int]] {
        Dictionary(grouping: commitments.indices) { fold(commitments[$0].reference) }
    }

    /// Every commitment made on or before `asOf`, judged with the follow-ups dated on or before it.
    public func statuses(asOf: Day, staleAfterDays: Int) -> [CommitmentStatus] {
        // The commitments are in date order, so the ones made by `asOf` are a prefix. Each is
        // judged on its own, so both cores judge, straight into an array sized once.
        let count = commitments.firstIndex { $0.made > asOf } ?? commitments.count
        return parallelArray(count: count) { judge(commitments[$0], asOf: asOf, staleAfterDays: staleAfterDays) }
    }

    /// The commitment a reference names, exactly or as a follow-up to it would resolve.
    public func commitment(_ reference: Reference) -> Commitment? {
        if let position = index[reference] ?? resolved[reference].flatMap({ index[$0.reference] }) {
            return commitments[position]
        }
        // `journal show` with a reference no follow-up used: the one commitment that matches ignoring case.
        // Without the folded index (no follow-up needed it), one pass over the commitments.
        let key = Self.fold(reference)
        let matches =
            folded.map { $0[key] ?? [] } ?? commitments.indices.filter { Self.fold(commitments[$0].reference) == key }
        return matches.count == 1 ? commitments[matches[0]] : nil
    }

    /// Whether a follow-up records anything: a decision, or a `[ ]` with something written after
    /// its link. `journal new` counts these for the entry just written.
    public func records(_ followUp: FollowUp) -> Bool {
        let text = commitment(followUp.target)?.text ?? ""
        return FollowUpNote.records(followUp.parts, box: followUp.box, commitmentText: text)
    }

    /// Judges one commitment as of a date.
    public func judge(_ commitment: Commitment, asOf: Day, staleAfterDays: Int) -> CommitmentStatus {
        // Follow-ups dated on or before the commitment are check errors and count for nothing, and
        // a prefilled `[ ]` line nobody wrote after records nothing.
        var marks: [FollowUp] = []
        for var mark in followUps[commitment.reference] ?? []
        where Self.comesAfter(mark, commitment) && mark.date <= asOf {
            guard FollowUpNote.records(mark.parts, box: mark.box, commitmentText: commitment.text) else { continue }
            mark.note = FollowUpNote.note(mark.parts, box: mark.box, commitmentText: commitment.text)
            marks.append(mark)
        }

        // In place, a tick or release dated after T has not happened yet as of T; one with no
        // date counts at every T.
        let keptInPlace = commitment.box == .done && (commitment.doneOn.map { $0 <= asOf } ?? true)
        let cancelledInPlace = commitment.cancelledOn.flatMap { $0 <= asOf ? $0 : nil }
        let releasedInPlace =
            cancelledInPlace != nil || (commitment.box == .released && commitment.cancelledOn == nil)

        var kept = keptInPlace
        var doneOn = keptInPlace ? commitment.doneOn : nil
        var due = commitment.due
        var dueMoves: [DueMove] = []
        for mark in marks {
            switch mark.box {
            case .done:
                kept = true
                let day = happened(mark, commitment)
                doneOn = doneOn.map { min($0, day) } ?? day
            case .carried:
                guard let newDue = mark.due, newDue != due else { break }
                dueMoves.append(DueMove(followUp: mark, from: due, to: newDue))
                due = newDue
            case .released, .open, .inProgress:
                break
            }
        }

        let releasedByFollowUp = marks.last?.box == .released
        let released = releasedByFollowUp || releasedInPlace
        let lastTouch = marks.last?.date ?? commitment.made
        let status: Status
        if kept {
            status = .kept
        } else if released {
            status = .released
        } else if let due, due < asOf {
            status = .missed
        } else if due == nil, asOf.days(since: lastTouch) > staleAfterDays {
            status = .stale
        } else {
            status = .open
        }

        var onTime: Bool? = nil
        if kept, let doneOn {
            onTime = (due.map { doneOn <= $0 } ?? true) && !dueMoves.contains(where: \.isLate)
        }
        var releasedOn: Day? = nil
        var releasedLate = false
        if status == .released {
            let byFollowUp = releasedByFollowUp ? marks.last.map { happened($0, commitment) } : nil
            releasedOn = [cancelledInPlace, byFollowUp].compactMap { $0 }.min()
            releasedLate = Self.isLateRelease(
                on: releasedOn, commitment: commitment, marks: marks, moves: dueMoves, staleAfterDays: staleAfterDays)
        }
        return CommitmentStatus(
            commitment: commitment, status: status, due: due, originalDue: commitment.due, dueMoves: dueMoves,
            onTime: onTime, doneOn: doneOn, releasedOn: releasedOn, releasedLate: releasedLate, followUps: marks,
            lastTouch: lastTouch)
    }

    /// A follow-up counts when it is dated after the commitment, or on the same day below it in
    /// the same file or in another entry of that date (`journal add` then `journal done`).
    static func comesAfter(_ mark: FollowUp, _ commitment: Commitment) -> Bool {
        if mark.date != commitment.made { return mark.date > commitment.made }
        return mark.path != commitment.path || mark.location.line > commitment.location.line
    }

    /// The day a `[x]` or `[-]` follow-up says it happened: its own date or phrase, unless that is
    /// before the commitment was made (a check warning), else the follow-up entry's date.
    func happened(_ mark: FollowUp, _ commitment: Commitment) -> Day {
        guard let day = mark.doneOn, day >= commitment.made else { return mark.date }
        return day
    }

    /// Renegotiate before the deadline, never after: a release is late when it comes after the due
    /// date in force on that day, when the due date was ever moved after it had passed, or, with no
    /// due date, when the commitment had already gone stale. With no known day only the second applies.
    static func isLateRelease(
        on day: Day?, commitment: Commitment, marks: [FollowUp], moves: [DueMove], staleAfterDays: Int
    ) -> Bool {
        if moves.contains(where: \.isLate) { return true }
        guard let day else { return false }
        var dueThen = commitment.due
        for move in moves where move.followUp.date <= day { dueThen = move.to }
        if let dueThen { return day > dueThen }
        // The touch before the release itself: the latest other record dated no later than it.
        let touches = marks.dropLast(marks.last?.box == .released ? 1 : 0).map(\.date).filter { $0 <= day }
        let lastTouch = touches.max() ?? commitment.made
        return day.days(since: lastTouch) > staleAfterDays
    }

    /// Unknown references given a did-you-mean per file; the rest are counted in one line.
    public static let maxSuggestedPerFile = 100

    /// Follow-ups that point at no known commitment, or that come before the commitment.
    public func followUpProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let stems = Dictionary(grouping: commitments, by: \.reference.stem)
        let stemNames = stems.keys.sorted()
        var unknown: [(reference: Reference, mark: FollowUp)] = []
        for (reference, marks) in followUps {
            for mark in marks {
                if let ambiguity = ambiguous[mark.target] {
                    problems.append(
                        Diagnostic(
                            path: mark.path, at: mark.location, .error,
                            "follow-up to \(mark.target) is ambiguous when case is ignored: "
                                + ambiguity.map { "\($0)" }.joined(separator: " or ")))
                    continue
                }
                if case .formerId(let current)? = resolved[mark.target] {
                    problems.append(
                        Diagnostic(
                            path: mark.path, at: mark.location, .warning,
                            "follow-up to \(mark.target) uses the id this commitment had before journal read more"
                                + " fields; link to \(current)"))
                }
                if let commitment = commitment(reference) {
                    if !Self.comesAfter(mark, commitment) {
                        let message =
                            mark.date == commitment.made
                            ? "follow-up to \(reference) is above the commitment in the same entry; write it below"
                            : "follow-up to \(reference) is dated \(mark.date), before the commitment (\(commitment.made))"
                        problems.append(Diagnostic(path: mark.path, at: mark.location, .error, message))
                    } else if let day = mark.doneOn, day < commitment.made, mark.box == .done || mark.box == .released {
                        let what = mark.box == .done ? "done" : "release"
                        problems.append(
                            Diagnostic(
                                path: mark.path, at: mark.location, .warning,
                                "\(what) date \(day) is before \(reference) was made (\(commitment.made));"
                                    + " the follow-up's date \(mark.date) is used"))
                    }
                    continue
                }
                unknown.append((reference, mark))
            }
        }
        // Per file, in line order: the first 100 get a did-you-mean, the rest one line. Sorted
        // through small keys: moving whole follow-ups made the sort most of `check`'s time.
        // The paths are ranked once, so the sort compares integers before it compares references.
        let paths = Set(unknown.map(\.mark.path)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: zip(paths, paths.indices))
        let keys = unknown.map {
            (path: rank[$0.mark.path] ?? 0, line: $0.mark.location.line, column: $0.mark.location.column ?? 0)
        }
        let order = keys.indices.sorted {
            let (left, right) = (keys[$0], keys[$1])
            if (left.path, left.line, left.column) != (right.path, right.line, right.column) {
                return (left.path, left.line, left.column) < (right.path, right.line, right.column)
            }
            return unknown[$0].reference < unknown[$1].reference
        }
        unknown = order.map { unknown[$0] }
        var start = 0
        while start < unknown.count {
            let path = unknown[start].mark.path
            var end = start
            while end < unknown.count, unknown[end].mark.path == path { end += 1 }
            for (reference, mark) in unknown[start..<min(end, start + Self.maxSuggestedPerFile)] {
                var message = "follow-up to unknown commitment \(reference)"
                if let siblings = stems[reference.stem] {
                    if let guess = Suggestions.closest(to: reference.id, among: siblings.map(\.id)) {
                        message += "; did you mean \(reference.stem)#\(guess)?"
                    }
                } else if let guess = Suggestions.closest(to: reference.stem, among: stemNames) {
                    message += "; no commitments in '\(reference.stem)'; did you mean \(guess)?"
                } else {
                    message += "; no entry '\(reference.stem)' has commitments"
                }
                problems.append(Diagnostic(path: mark.path, at: mark.location, .error, message))
            }
            if end - start > Self.maxSuggestedPerFile {
                let first = unknown[start + Self.maxSuggestedPerFile].mark
                let more = end - start - Self.maxSuggestedPerFile
                problems.append(
                    Diagnostic(
                        path: path, at: first.location, .error,
                        "\(more) more unknown references in this file, not listed one by one"))
            }
            start = end
        }
        return problems.sorted()
    }
}

/// "Did you mean" by edit distance, bounded whatever the input: words and candidates are
/// compared on their first `maxLength` characters, candidates are taken nearest length first
/// (length difference is a lower bound on the distance), and at most `maxCandidates` of them
/// are compared for one word. Each call costs at most `maxCandidates × maxLength²` steps plus
/// a linear pass over the candidates.
public enum Suggestions {
    /// Characters compared of each string.
    public static let maxLength = 64
    /// Candidates compared for one word.
    public static let maxCandidates = 2_000

    /// The candidate nearest to `word`, if it is reasonably near; ties go to the first in sorted order.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let capped = Array(word.prefix(maxLength))
        let threshold = max(3, capped.count / 2)
        return ranked(word, among: candidates, limit: 1, within: threshold).first
    }

    /// Candidates from nearest to farthest, at most `limit` of them.
    public static func ranked(_ word: String, among candidates: [String], limit: Int = 10) -> [String] {
        ranked(word, among: candidates, limit: limit, within: Int.max)
    }

    static func ranked(_ word: String, among candidates: [String], limit: Int, within threshold: Int) -> [String] {
        guard limit > 0, !candidates.isEmpty else { return [] }
        let target = Array(word.prefix(maxLength))
        // Sorted first, so which candidates are compared never depends on the caller's order.
        let candidates = candidates.sorted()
        // Bucket by capped length: one linear pass, no comparison of strings yet.
        var byLength = [[Int]](repeating: [], count: maxLength + 1)
        for (index, candidate) in candidates.enumerated() {
            byLength[min(candidate.count, maxLength)].append(index)
        }
        var scored: [(distance: Int, text: String)] = []
        var compared = 0
        var cutoff = threshold
        for difference in 0...maxLength {
            if difference > cutoff || compared >= maxCandidates { break }
            let lengths = difference == 0 ? [target.count] : [target.count - difference, target.count + difference]
            for length in lengths where (0...maxLength).contains(length) {
                for index in byLength[length] {
                    guard compared < maxCandidates else { break }
                    compared += 1
                    let text = candidates[index]
                    let d = distance(target, Array(text.prefix(maxLength)))
                    guard d <= threshold else { continue }
                    scored.append((d, text))
                }
            }
            // Once `limit` candidates at most `difference` away are known, longer gaps cannot win.
            if scored.count >= limit {
                cutoff = min(cutoff, scored.map(\.distance).sorted()[limit - 1])
            }
        }
        return scored.sorted { ($0.distance, $0.text) < ($1.distance, $1.text) }.prefix(limit).map(\.text)
    }

    static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.prefix(maxLength)), Array(b.prefix(maxLength)))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
