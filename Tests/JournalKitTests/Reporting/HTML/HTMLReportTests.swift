import Foundation
import Testing

@testable import JournalKit

/// The HTML report: hostile entry text reaches the page as text only, read back by a real HTML
/// parser (Python's html.parser); links never carry a scheme from a file name; charts are
/// deterministic geometry.
@Suite struct HTMLReportTests {
    static let script = "<script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(2)>"
    static let override = "\u{202E}gnp.exe"

    /// Payloads in the text, the people, the tags, follow-up notes and the file names.
    static var hostileEntries: [Entry] {
        let stem = "2026-11-02-\(image)"
        // Code spans keep markup as the entry's own text; a raw tag outside one is dropped by the parser.
        let text = """
            # Week

            - Everyone logs calls #expect #crm\u{202E}x
            - [ ] Send `\(script)` to @ana\u{202E}evil by Friday #commit #tag\u{202E}x ^hostile
            - [ ] Read `[this](javascript:alert(3))` and <a href="javascript:alert(4)">that</a> \(override) #commit
            - [ ] Share the notes with @li `\(image)` #crm\u{202E}x #commit

            """
        let later = """
            # Later

            - [ ] Call @ana about `\(script)` by Nov 13 #commit

            """
        return entries([(stem, text), ("2026-11-09-\(script)", later)])
    }

    static func hostileHTML(linkBase: String? = nil) -> String {
        HTMLReport.render(
            Review(entries: hostileEntries, options: ReviewOptions(asOf: day("2026-11-27"))), linkBase: linkBase)
    }

    /// Every start tag with its attributes, and all text, as Python's html.parser reads them.
    struct Parsed: Decodable {
        var tags: [[String]]
        var attributes: [[String]]
        var text: String
    }

    static func parse(_ html: String) throws -> Parsed {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        let parser = """
            import json, sys
            from html.parser import HTMLParser
            class Collect(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.tags, self.attributes, self.text = [], [], []
                def handle_starttag(self, tag, attrs):
                    self.tags.append([tag])
                    for name, value in attrs:
                        self.attributes.append([tag, name, value or ""])
                def handle_startendtag(self, tag, attrs):
                    self.handle_starttag(tag, attrs)
                def handle_data(self, data):
                    self.text.append(data)
                def handle_comment(self, data):
                    self.tags.append(["!--"])
            collect = Collect()
            collect.feed(open(sys.argv[1], encoding="utf-8").read())
            collect.close()
            print(json.dumps({"tags": collect.tags, "attributes": collect.attributes, "text": "".join(collect.text)}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", parser, page.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    /// Every element the template itself writes; nothing else may appear.
    static let templateElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "svg", "defs", "pattern", "rect", "circle", "path",
        "header", "h1", "main", "section", "h2", "p", "figure", "figcaption", "div", "desc", "line", "polyline",
        "text", "ul", "li", "table", "caption", "thead", "tr", "th", "tbody", "td", "bdi", "span", "details",
        "summary", "ol", "a", "footer", "wbr",
    ]

    @Test func hostileTextIsOnlyText() throws {
        let html = Self.hostileHTML()
        let parsed = try Self.parse(html)
        let tags = Set(parsed.tags.map { $0[0] })
        #expect(tags.isSubset(of: Self.templateElements), "\(tags.subtracting(Self.templateElements))")
        #expect(!tags.contains("script") && !tags.contains("img") && !tags.contains("!--"))
        for attribute in parsed.attributes {
            let (tag, name, value) = (attribute[0], attribute[1], attribute[2])
            #expect(!name.hasPrefix("on"), "\(tag) \(name)")
            #expect(!["src", "srcdoc", "formaction", "style"].contains(name) || tag == "style", "\(tag) \(name)")
            if name == "href" {
                // No scheme at all: a relative path, percent-encoded.
                #expect(
                    value.range(of: #"^\s*[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) == nil, "\(value)")
                #expect(value.hasPrefix("entries/"), "\(value)")
            }
        }
        // The payloads are still there, as text a reader sees.
        #expect(parsed.text.contains(Self.script))
        #expect(parsed.text.contains(Self.image))
        #expect(parsed.text.contains("javascript:alert(3)"))
        // Bidi overrides never reach the page; they show as visible escapes.
        #expect(!html.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
        #expect(parsed.text.contains("\\u{202E}gnp.exe"))
        #expect(parsed.text.contains("@ana\\u{202E}evil") || parsed.text.contains("ana\\u{202E}evil"))
        #expect(parsed.text.contains("#tag\\u{202E}x") || parsed.text.contains("tag\\u{202E}x"))
        // The file name with markup is a link's text and an encoded href, not an element.
        #expect(parsed.text.contains("entries/2026-11-02-\(Self.image).md:4"))
        #expect(html.contains("href=\"entries/2026-11-02-%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%282%29%3E.md\""))
        // The second file, named with a script tag (its slash a folder), is a link's text too.
        #expect(parsed.text.contains("entries/2026-11-09-\(Self.script).md:3"))
        #expect(html.contains("href=\"entries/2026-11-09-%3Cscript%3Ealert%281%29%3C/script%3E.md\""))
    }

    @Test func theLinkBaseCannotBringAScheme() throws {
        for base in ["javascript:alert(5)", " javascript:alert(5)", "data:text/html,x"] {
            for attribute in try Self.parse(Self.hostileHTML(linkBase: base)).attributes where attribute[1] == "href" {
                #expect(
                    attribute[2].range(of: #"^\s*[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) == nil,
                    "\(attribute[2])")
            }
        }
        #expect(
            HTMLLink.href("entries/a b.md", base: "https://example.com/journal/")
                == "https://example.com/journal/entries/a%20b.md")
        #expect(HTMLLink.href("entries/a.md", base: "../journal") == "../journal/entries/a.md")
        #expect(HTMLLink.href("entries/a.md", base: "/") == "/entries/a.md")
        #expect(HTMLLink.href("entries/a.md", base: nil) == "entries/a.md")
        #expect(HTMLLink.href("javascript:alert(1).md", base: nil) == "javascript%3Aalert%281%29.md")
    }

    @Test func thePageIsSelfContained() {
        let html = HTMLReport.render(SmallJournal.review())
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("@import"))
        #expect(!html.contains("url(http") && !html.contains("src="))
        #expect(html.contains("prefers-color-scheme: dark") && html.contains("@media print"))
        #expect(html.contains("break-inside: avoid"))
        // Same review, same bytes.
        #expect(html == HTMLReport.render(SmallJournal.review()))
    }

    @Test func everyChartHasATitleAndATextAlternative() throws {
        let html = HTMLReport.render(SmallJournal.review())
        for id in ["chart-calendar", "chart-rates", "chart-outcomes", "chart-people", "chart-themes", "chart-mirror"] {
            #expect(html.contains("role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""), "\(id)")
            #expect(html.contains("<title id=\"\(id)-title\">"), "\(id)")
            #expect(html.contains("<desc id=\"\(id)-desc\">"), "\(id)")
        }
        // Every table the text shows, by its section.
        for section in ["overdue", "due-soon", "people", "themes", "mirror", "renegotiated", "trend"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        #expect(html.contains("<details><summary>History</summary>"))
        // Without people or a mirror, those charts and sections are left out like the text's.
        let bare = HTMLReport.render(
            Review(
                entries: entries([("2026-11-02", "- [x] Ship it ✅ 2026-11-03 #commit\n")]),
                options: ReviewOptions(asOf: day("2026-11-05"))))
        #expect(!bare.contains("chart-people") && !bare.contains("chart-mirror"))
        #expect(bare.contains("chart-calendar") && bare.contains("chart-rates"))
    }

    // MARK: Geometry

    @Test func numbersHaveOneDecimalAtMost() {
        #expect(SVGChart.number(12) == "12")
        #expect(SVGChart.number(12.25) == "12.3")
        #expect(SVGChart.number(0.04) == "0")
        #expect(SVGChart.number(-3.5) == "-3.5")
        #expect(SVGChart.number(1e7) == "10000000")
    }

    @Test func niceScales() {
        #expect(SVGChart.niceScale(0) == (1, 1))
        #expect(SVGChart.niceScale(3) == (3, 1))
        #expect(SVGChart.niceScale(8) == (8, 2))
        #expect(SVGChart.niceScale(10) == (10, 2))
        #expect(SVGChart.niceScale(15) == (16, 4))
        #expect(SVGChart.niceScale(37) == (40, 10))
    }

    @Test func breakdownsSortByFollowThroughThenNameUnknownLast() {
        func row(_ name: String, kept: Int, missed: Int, open: Int = 0) -> Breakdown {
            var counts = Counts()
            counts.made = kept + missed + open
            counts.keptOnTime = kept
            counts.missed = missed
            counts.open = open
            return Breakdown(name: name, counts: counts)
        }
        let rows = [
            row("zoe", kept: 1, missed: 1), row("ana", kept: 0, missed: 0, open: 2), row("bo", kept: 1, missed: 1),
            row("cy", kept: 2, missed: 0),
        ]
        #expect(ReviewCharts.sorted(rows).map(\.name) == ["cy", "bo", "zoe", "ana"])
    }

    @Test func theCalendarHasACellPerDayForFiftyThreeWeeks() {
        // As of Friday 2026-11-27: 52 full weeks and Monday to Friday of the last.
        let chart = ReviewCharts.calendar(SmallJournal.review())
        let days = chart.rects.filter { $0.tip.contains("2026") || $0.tip.contains("2025") }
        #expect(days.count == 52 * 7 + 5)
        #expect(days.first?.tip.hasPrefix("Mon 2025-11-24") == true)
        #expect(days.last?.tip.hasPrefix("Fri 2026-11-27") == true)
        let mirror = days.filter { $0.kind == "day-mirror" }
        #expect(mirror.map(\.tip) == ["Mon 2026-11-02: 1 entry, mirror"])
        #expect(days.filter { $0.kind == "day1" }.map(\.tip) == ["Mon 2026-11-09: 1 entry"])
        #expect(chart.description.contains("the last on 2026-11-02, 25 days before 2026-11-27"))
    }

    @Test func rateBarsGrowWithTheNumberDecided() {
        let chart = ReviewCharts.rates(SmallJournal.review(), unit: "week")
        let bars = chart.rects.filter { $0.kind == "ft" && $0.tip.contains(": follow-through") }
        // W45: 1 decided, W46: 2, W47: 1 (0 %, drawn 1 high), W48: none decided, no bar.
        #expect(bars.map { $0.tip.prefix(8) } == ["2026-W45", "2026-W46", "2026-W47"])
        let widths = bars.compactMap { Double($0.width) }
        #expect(widths[1] == widths[0] * 2 && widths[0] == widths[2])
        #expect(chart.labels.filter { $0.kind == "small" }.map(\.text).suffix(4) == ["1", "2", "1", "0"])
    }
}
