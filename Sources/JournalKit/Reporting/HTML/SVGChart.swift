/// One chart of the HTML report as plain geometry: the template turns it into inline SVG.
///
/// Every coordinate is computed here, in a 720-wide view box, and written with at most one
/// decimal, so the same review always gives the same bytes. Text from entries (names, tags) is
/// already made visible (`TerminalText.escape`); the template HTML-escapes it.
struct SVGChart: Sendable {
    struct Rect: Sendable {
        var x: String
        var y: String
        var width: String
        var height: String
        /// A colour role or outcome class: `o-missed`, `ft`, `day1`.
        var kind: String
        /// The tooltip, and what a screen reader hears for the shape.
        var tip: String
    }

    struct Line: Sendable {
        var x1: String
        var y1: String
        var x2: String
        var y2: String
        var kind: String
    }

    struct Polyline: Sendable {
        var points: String
        var kind: String
    }

    struct Circle: Sendable {
        var cx: String
        var cy: String
        var r: String
        var kind: String
        var tip: String
    }

    struct Label: Sendable {
        var x: String
        var y: String
        var text: String
        /// `start`, `middle` or `end`.
        var anchor: String
        var kind: String
    }

    /// `chart-trend`, unique in the page: the title's and description's ids derive from it.
    var id: String
    var title: String
    /// The text alternative: what the chart shows, in words and figures.
    var description: String
    var width = 720
    var height: Int
    /// Time runs left to right: on a narrow screen the frame opens on the latest end.
    var timeline = false
    var grid: [Line] = []
    var rects: [Rect] = []
    var polylines: [Polyline] = []
    var circles: [Circle] = []
    var labels: [Label] = []

    static let width = 720.0

    /// `12`, `12.5`, `-3`: one decimal at most, never an exponent.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ kind: String, _ tip: String) {
        rects.append(
            Rect(
                x: Self.number(x), y: Self.number(y), width: Self.number(width), height: Self.number(height),
                kind: kind, tip: tip))
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ kind: String) {
        grid.append(
            Line(x1: Self.number(x1), y1: Self.number(y1), x2: Self.number(x2), y2: Self.number(y2), kind: kind))
    }

    mutating func label(_ x: Double, _ y: Double, _ text: String, _ anchor: String = "middle", _ kind: String = "") {
        labels.append(Label(x: Self.number(x), y: Self.number(y), text: text, anchor: anchor, kind: kind))
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, _ kind: String, _ tip: String) {
        circles.append(
            Circle(cx: Self.number(cx), cy: Self.number(cy), r: Self.number(r), kind: kind, tip: tip))
    }

    /// A round axis maximum at or above `value` and its step: 1, 2, 5 times a power of ten,
    /// with four or five steps.
    static func niceScale(_ value: Int) -> (maximum: Int, step: Int) {
        guard value > 0 else { return (1, 1) }
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1, 2, 5, 10] {
            let step = max(1, magnitude * factor / 5)
            if step * 5 >= value {
                let maximum = (value + step - 1) / step * step
                return (maximum, step)
            }
        }
        return (value, max(1, value / 5))
    }

    /// Text cut to `limit` characters with `…`, for labels in a narrow column.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// The six charts of the HTML report.
enum ReviewCharts {
    static let left = 60.0
    static let right = 16.0
    static let top = 16.0

    /// The periods the charts show: the latest 26.
    static func periods(_ review: Review) -> [PeriodBreakdown] {
        Array(review.periods.suffix(ReportDocument.Trend.maximum))
    }

    /// Every `step`-th period is labelled so labels never overlap (64 units each at most).
    static func labelStep(_ count: Int, plotWidth: Double) -> Int {
        max(1, Int((Double(count) * 64 / plotWidth).rounded(.up)))
    }

    /// 1. Follow-through as bars whose width grows with the number decided, on-time as dots and
    /// a line, with the number decided written under every period.
    static func rates(_ review: Review, unit: String) -> SVGChart {
        let periods = periods(review)
        let plotTop = top + 22, plotHeight = 180.0
        let bottom = plotTop + plotHeight
        var chart = SVGChart(
            id: "chart-rates", title: "Follow-through and on time by \(unit) decided",
            description: rateDescription(periods, unit: unit), height: Int(bottom + 52), timeline: true)
        let plotWidth = SVGChart.width - left - right
        for percent in stride(from: 0, through: 100, by: 25) {
            let y = bottom - plotHeight * Double(percent) / 100
            chart.line(left, y, SVGChart.width - right, y, percent == 0 ? "axis" : "grid")
            chart.label(left - 6, y + 4, "\(percent)%", "end")
        }
        chart.line(left, plotTop, left, bottom, "axis")
        chart.rect(left, top - 9, 14, 10, "ft", "follow-through")
        chart.label(left + 18, top, "follow-through (bar width grows with the number decided)", "start")
        chart.circle(SVGChart.width - right - 150, top - 4, 4, "ontime", "on time")
        chart.label(SVGChart.width - right - 142, top, "on time", "start")
        chart.label(left - 6, bottom + 16, "decided", "end", "small")
        guard !periods.isEmpty else { return chart }
        let slot = plotWidth / Double(periods.count)
        let widest = Double(periods.map(\.counts.decided).max() ?? 0)
        let step = labelStep(periods.count, plotWidth: plotWidth)
        var line: [String] = []
        for (index, period) in periods.enumerated() {
            let counts = period.counts
            let center = left + slot * (Double(index) + 0.5)
            if let rate = counts.followThroughRate, widest > 0 {
                let width = max(3, slot * 0.8 * Double(counts.decided) / widest)
                let height = max(1, plotHeight * rate)
                chart.rect(
                    center - width / 2, bottom - height, width, height, "ft",
                    "\(period.name): follow-through \(ReportDocument.percent(rate)), \(counts.kept) of \(counts.decided) kept"
                )
            }
            if let rate = counts.onTimeRate {
                let y = bottom - plotHeight * rate
                line.append(SVGChart.number(center) + "," + SVGChart.number(y))
                chart.circle(
                    center, y, 3.5, "ontime",
                    "\(period.name): on time \(ReportDocument.percent(rate)), \(counts.keptOnTime) of \(counts.decidedDated)"
                )
            } else if line.count > 1 {
                chart.polylines.append(.init(points: line.joined(separator: " "), kind: "ontime"))
                line = []
            } else {
                line = []
            }
            chart.label(center, bottom + 16, String(counts.decided), "middle", "small")
            if index % step == 0 || index == periods.count - 1 && step == 1 {
                chart.label(center, bottom + 36, period.name)
            }
        }
        if line.count > 1 { chart.polylines.append(.init(points: line.joined(separator: " "), kind: "ontime")) }
        return chart
    }

    static func rateDescription(_ periods: [PeriodBreakdown], unit: String) -> String {
        guard let first = periods.first, let last = periods.last else { return "No commitments yet." }
        let parts = periods.map { period in
            let counts = period.counts
            return "\(period.name) \(ReportDocument.percent(counts.followThroughRate)) of \(counts.decided) decided"
                + ", on time \(ReportDocument.percent(counts.onTimeRate))"
        }
        return "Follow-through per \(unit) from \(first.name) to \(last.name), by when each commitment was decided: "
            + parts.joined(separator: "; ") + "."
    }

    /// The outcome classes, bottom to top of a stack, and their words.
    static let outcomes: [(Outcome, String)] = Outcome.allCases.map { ($0, "o-" + $0.rawValue) }

    /// 2. The eight outcomes per period, stacked: each bar adds up to the period's commitments.
    static func outcomes(_ review: Review, unit: String) -> SVGChart {
        let periods = periods(review)
        let plotTop = top + 4, plotHeight = 190.0
        let bottom = plotTop + plotHeight
        let highest = periods.map(\.counts.made).max() ?? 0
        let (maximum, step) = SVGChart.niceScale(highest)
        let descriptions = periods.map { period in
            "\(period.name): " + outcomeWords(period.counts)
        }
        var chart = SVGChart(
            id: "chart-outcomes", title: "Outcomes by \(unit)",
            description: "Commitments per \(unit), decided in it or made in it and open, by outcome. "
                + descriptions.joined(separator: "; ") + ".", height: Int(bottom + 40), timeline: true)
        let plotWidth = SVGChart.width - left - right
        for value in stride(from: 0, through: maximum, by: step) {
            let y = bottom - plotHeight * Double(value) / Double(maximum)
            chart.line(left, y, SVGChart.width - right, y, value == 0 ? "axis" : "grid")
            chart.label(left - 6, y + 4, String(value), "end")
        }
        chart.line(left, plotTop, left, bottom, "axis")
        guard !periods.isEmpty else { return chart }
        let slot = plotWidth / Double(periods.count)
        let labelEvery = labelStep(periods.count, plotWidth: plotWidth)
        for (index, period) in periods.enumerated() {
            let center = left + slot * (Double(index) + 0.5)
            let width = slot * 0.7
            var y = bottom
            for (outcome, kind) in outcomes {
                let count = period.counts.count(outcome)
                guard count > 0 else { continue }
                let height = plotHeight * Double(count) / Double(maximum)
                y -= height
                chart.rect(center - width / 2, y, width, height, kind, "\(period.name): \(count) \(outcome.label)")
            }
            if period.counts.made > 0 { chart.label(center, y - 4, String(period.counts.made), "middle", "small") }
            if index % labelEvery == 0 { chart.label(center, bottom + 18, period.name) }
        }
        return chart
    }

    static func outcomeWords(_ counts: Counts) -> String {
        let words = Outcome.allCases.compactMap { outcome -> String? in
            let count = counts.count(outcome)
            return count == 0 ? nil : "\(count) \(outcome.label)"
        }
        return words.isEmpty ? "none" : words.joined(separator: ", ")
    }

    /// Follow-through first, then the name; unknown rates last.
    static func sorted(_ rows: [Breakdown]) -> [Breakdown] {
        rows.sorted { a, b in
            switch (a.counts.followThroughRate, b.counts.followThroughRate) {
            case (let x?, let y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.name < b.name
            }
        }
    }

    /// 3 and 4. One horizontal stacked bar per person or theme, sorted by follow-through.
    static func breakdown(id: String, title: String, sigil: String, _ rows: [Breakdown]) -> SVGChart {
        let rows = sorted(rows)
        let rowHeight = 24.0, labelWidth = 150.0, rateWidth = 48.0
        let plotTop = top
        let bottom = plotTop + rowHeight * Double(rows.count)
        let (maximum, step) = SVGChart.niceScale(rows.map(\.counts.made).max() ?? 0)
        let barLeft = labelWidth, barRight = SVGChart.width - rateWidth
        let scale = (barRight - barLeft) / Double(maximum)
        let words = rows.map { row in
            "\(sigil)\(row.name): follow-through \(ReportDocument.percent(row.counts.followThroughRate)), "
                + outcomeWords(row.counts)
        }
        var chart = SVGChart(
            id: id, title: title,
            description: "Sorted by follow-through, unknown last. " + words.joined(separator: "; ") + ".",
            height: Int(bottom + 34))
        for value in stride(from: 0, through: maximum, by: step) {
            let x = barLeft + scale * Double(value)
            chart.line(x, plotTop, x, bottom, value == 0 ? "axis" : "grid")
            chart.label(x, bottom + 16, String(value))
        }
        chart.label(barRight, bottom + 30, "commitments", "end", "small")
        chart.label(SVGChart.width - 4, plotTop - 4, "FT", "end", "small")
        for (index, row) in rows.enumerated() {
            let y = plotTop + rowHeight * Double(index)
            chart.label(barLeft - 8, y + 16, SVGChart.cut(sigil + row.name, 20), "end")
            var x = barLeft
            for (outcome, kind) in outcomes {
                let count = row.counts.count(outcome)
                guard count > 0 else { continue }
                let width = scale * Double(count)
                chart.rect(x, y + 4, width, rowHeight - 8, kind, "\(sigil)\(row.name): \(count) \(outcome.label)")
                x += width
            }
            chart.label(SVGChart.width - 4, y + 16, ReportDocument.percent(row.counts.followThroughRate), "end")
        }
        return chart
    }

    /// 5. The mirror: per expected theme, how often it is expected and your own follow-through.
    static func mirror(_ review: Review) -> SVGChart {
        let rows = review.mirror
        let rowHeight = 28.0, labelWidth = 200.0, noteWidth = 150.0
        let plotTop = top
        let bottom = plotTop + rowHeight * Double(rows.count)
        let barLeft = labelWidth, barRight = SVGChart.width - noteWidth
        let words = rows.map { row in
            "#\(row.tag): expected \(row.expectations)×, your own follow-through "
                + (row.own.made == 0
                    ? "none (no own commitment)"
                    : "\(ReportDocument.percent(row.own.followThroughRate)) of \(row.own.made) own")
        }
        var chart = SVGChart(
            id: "chart-mirror", title: "The mirror: what you expect of the team, and your own follow-through",
            description: words.joined(separator: "; ") + ".", height: Int(bottom + 34))
        for percent in stride(from: 0, through: 100, by: 25) {
            let x = barLeft + (barRight - barLeft) * Double(percent) / 100
            chart.line(x, plotTop, x, bottom, percent == 0 ? "axis" : "grid")
            chart.label(x, bottom + 16, "\(percent)%")
        }
        chart.label(barRight, bottom + 30, "your own follow-through", "end", "small")
        for (index, row) in rows.enumerated() {
            let y = plotTop + rowHeight * Double(index)
            chart.label(
                barLeft - 8, y + 18, SVGChart.cut("#" + row.tag, 16) + " · expected \(row.expectations)×", "end")
            let note: String
            if let rate = row.own.followThroughRate {
                let width = max(1, (barRight - barLeft) * rate)
                chart.rect(
                    barLeft, y + 6, width, rowHeight - 12, rate < 1 ? "mirror-short" : "mirror-kept",
                    "#\(row.tag): \(ReportDocument.percent(rate)) of \(row.own.decided) decided")
                note = "\(ReportDocument.percent(rate)) of \(row.own.made) own"
            } else {
                chart.rect(
                    barLeft, y + 6, barRight - barLeft, rowHeight - 12, "mirror-none",
                    "#\(row.tag): " + (row.own.made == 0 ? "no own commitment" : "nothing decided yet"))
                note = row.own.made == 0 ? "no own commitment" : "none decided"
            }
            chart.label(barRight + 8, y + 18, note, "start")
        }
        return chart
    }

    /// 6. A cell per day for the 53 weeks up to the as-of date, darker with more entries; mirror
    /// days in their own colour with a ring.
    static func calendar(_ review: Review) -> SVGChart {
        let cell = 11.0, gap = 2.0, stepSize = cell + gap
        let gridLeft = 32.0, gridTop = 20.0
        let asOf = review.asOf
        let first = asOf.adding(days: 1 - asOf.weekday).adding(days: -52 * 7)
        var byDay: [Day: EntryDay] = [:]
        for entryDay in review.entryDays where entryDay.day >= first && entryDay.day <= asOf {
            byDay[entryDay.day] = entryDay
        }
        let shown = byDay.values.sorted { $0.day < $1.day }
        let mirrors = shown.filter { $0.mirrors > 0 }.map(\.day)
        // Between one mirror entry and the next, and from the last to the as-of date.
        let gaps = zip(mirrors, mirrors.dropFirst() + [asOf]).map { $1.days(since: $0) }
        var description =
            "\(shown.map(\.entries).reduce(0, +)) entries on \(shown.count) days from \(first) to \(asOf); "
        if let last = mirrors.last {
            description +=
                "\(mirrors.count) with a mirror entry, the last on \(last), \(asOf.days(since: last)) days before \(asOf); "
                + "the longest gap from one to the next (or to \(asOf)): \(gaps.max() ?? 0) days."
        } else {
            description += "no mirror entry."
        }
        var chart = SVGChart(
            id: "chart-calendar", title: "Entries per day, last 53 weeks", description: description,
            height: Int(gridTop + stepSize * 7 + 28), timeline: true)
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            chart.label(gridLeft - 6, gridTop + stepSize * Double(row) + 9, name, "end", "small")
        }
        var lastMonth = first.month
        var lastLabel = -4
        for week in 0..<53 {
            let monday = first.adding(days: week * 7)
            let x = gridLeft + stepSize * Double(week)
            // A month is named over its first full week, if the last name is three weeks away.
            if monday.month != lastMonth, week - lastLabel >= 3, week < 51 {
                chart.label(x, gridTop - 6, monday.monthShortName, "start", "small")
                lastLabel = week
            }
            lastMonth = monday.month
            for weekday in 0..<7 {
                let day = monday.adding(days: weekday)
                guard day <= asOf else { break }
                let y = gridTop + stepSize * Double(weekday)
                let entry = byDay[day]
                let count = entry?.entries ?? 0
                let mirror = (entry?.mirrors ?? 0) > 0
                let kind = mirror ? "day-mirror" : "day\(min(count, 3))"
                let tip =
                    "\(day.weekdayShortName) \(day): "
                    + (count == 0 ? "no entry" : Plural.count(count, "entry", "entries") + (mirror ? ", mirror" : ""))
                chart.rect(x, y, cell, cell, kind, tip)
                if mirror { chart.circle(x + cell / 2, y + cell / 2, 2.5, "mirror-dot", tip) }
            }
        }
        let legendY = gridTop + stepSize * 7 + 10
        var x = gridLeft
        chart.label(x, legendY + 9, "fewer", "start", "small")
        x += 36
        for level in 0...3 {
            chart.rect(
                x, legendY, cell, cell, "day\(level)",
                level == 0 ? "no entry" : "\(level)\(level == 3 ? "+" : "") entries")
            x += stepSize
        }
        chart.label(x + 2, legendY + 9, "more", "start", "small")
        x += 44
        chart.rect(x, legendY, cell, cell, "day-mirror", "mirror entry")
        chart.circle(x + cell / 2, legendY + cell / 2, 2.5, "mirror-dot", "mirror entry")
        chart.label(x + stepSize + 2, legendY + 9, "mirror entry", "start", "small")
        return chart
    }
}
