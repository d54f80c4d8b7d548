import Foundation
import Testing

@testable import JournalKit

/// The text and markdown forms of the small journal's review, written out by hand from the
/// renderers' rules: two-space gaps, numbers right-aligned, commitments as two-line items whose
/// text is cut to fit and whose `path:line` detail never is.
@Suite struct ReportGoldenTests {
    static let text = """
        Review as of 2026-11-27

        Follow-through 50% (2 of 4 decided kept) · on time 25% (1 of 4) · 1 open · 2 overdue
        6 commitments made: 2 kept (1 on time, 1 late), 1 missed, 1 stale, 1 open,
        and 1 released, 1 on a day not known.
        Last looked in the mirror 25 days ago.

        Follow-through by week
        2026-W45 → 2026-W48 · scale 0% ▁▂▃▄▅▆▇█ 100% · ·· nothing decided
        rate    ██ ▅▅ ▁▁ ··
        decided  1  2  1  0
        Week      Total  OnTime  KLate  KUndtd  Rel  RLate  Miss  Stale  Open    FT
        2026-W45      2       1      0       0    0      0     0      0     1  100%
        2026-W46      3       0      1       0    1      0     1      0     0   50%
        2026-W47      1       0      0       0    0      0     0      1     0    0%
        2026-W48      0       0      0       0    0      0     0      0     0     –
        OnTime kept on time · KLate kept late · KUndtd kept, no date known · Rel released · RLate released
        late (not kept) · FT follow-through

        Overdue and silently dropped
        missed  14d late   Log my own calls in the CRM by Friday #commit #crm
                           due 2026-11-13 · made 2026-11-09 · entries/2026-11-09.md:5
        stale   quiet 25d  Send @tom the territory map #pipeline
                           made 2026-11-02 · entries/2026-11-02-weekly-mirror.md:15

        Due in the next 7 days
        Tue 2026-12-01  in 4d  Book @ana onto the negotiation course #coaching
                               due 2026-11-13 → 2026-12-01 · made 2026-11-02
          entries/2026-11-02-weekly-mirror.md:14

        By person
        Person  Made  OnTime  KLate  KUndtd  Rel  RLate  Miss  Stale  Open    FT
        @ana       1       0      0       0    0      0     0      0     1     –
        @li        1       1      0       0    0      0     0      0     0  100%
        @maria     1       0      1       0    0      0     0      0     0  100%
        @tom       1       0      0       0    0      0     0      1     0    0%

        By theme
        Theme         Made  OnTime  KLate  KUndtd  Rel  RLate  Miss  Stale  Open    FT
        #coaching        1       0      0       0    0      0     0      0     1     –
        #crm             1       0      0       0    0      0     1      0     0    0%
        #pipeline        1       0      0       0    0      0     0      1     0    0%
        #recognition     1       0      1       0    0      0     0      0     0  100%

        The mirror: what you expect of them, and what you do
        Theme  Expected  Own  OnTime  KLate  KUndtd  Rel  RLate  Miss  Stale  Open  FT
        #crm          1    1       0      0       0    0      0     1      0     0  0%
        #prep         1    0       0      0       0    0      0     0      0     0   –
        You expect #crm of the team; your own #crm commitment was missed.
        You expect #prep of the team, but made no #prep commitment yourself.

        Renegotiated
        open  moved 1×, in time  Book @ana onto the negotiation course #coaching
                                 due 2026-11-13 → 2026-12-01 · made 2026-11-02
          entries/2026-11-02-weekly-mirror.md:14

        """

    static let markdown = """
        # Review as of 2026-11-27

        Follow-through 50% \\(2 of 4 decided kept\\) · on time 25% \\(1 of 4\\) · 1 open · 2 overdue
        6 commitments made: 2 kept \\(1 on time, 1 late\\), 1 missed, 1 stale, 1 open,
        and 1 released, 1 on a day not known.
        Last looked in the mirror 25 days ago.

        ## Follow-through by week

        ```text
        2026-W45 → 2026-W48 · scale 0% ▁▂▃▄▅▆▇█ 100% · ·· nothing decided
        rate    ██ ▅▅ ▁▁ ··
        decided  1  2  1  0
        ```

        | Week | Total | Kept on time | Kept late | Kept undated | Released | Released late | Missed | Stale | Open | Follow-through |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        | 2026-W45 | 2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 100% |
        | 2026-W46 | 3 | 0 | 1 | 0 | 1 | 0 | 1 | 0 | 0 | 50% |
        | 2026-W47 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0% |
        | 2026-W48 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | – |

        ## Overdue and silently dropped

        | Status | Late or quiet | Commitment | Due | Made | Where |
        | --- | --- | --- | --- | --- | --- |
        | missed | 14d late | Log my own calls in the CRM by Friday #commit #crm | due 2026-11-13 | 2026-11-09 | entries/2026-11-09.md:5 |
        | stale | quiet 25d | Send @tom the territory map #pipeline |  | 2026-11-02 | entries/2026-11-02-weekly-mirror.md:15 |

        ## Due in the next 7 days

        | Due | When | Commitment | Due | Made | Where |
        | --- | --- | --- | --- | --- | --- |
        | Tue 2026-12-01 | in 4d | Book @ana onto the negotiation course #coaching | due 2026-11-13 → 2026-12-01 | 2026-11-02 | entries/2026-11-02-weekly-mirror.md:14 |

        ## By person

        | Person | Made | Kept on time | Kept late | Kept undated | Released | Released late | Missed | Stale | Open | Follow-through |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        | @ana | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | – |
        | @li | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 100% |
        | @maria | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 100% |
        | @tom | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0% |

        ## By theme

        | Theme | Made | Kept on time | Kept late | Kept undated | Released | Released late | Missed | Stale | Open | Follow-through |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        | #coaching | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | – |
        | #crm | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0% |
        | #pipeline | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0% |
        | #recognition | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 100% |

        ## The mirror: what you expect of them, and what you do

        | Theme | Expected | Own | Kept on time | Kept late | Kept undated | Released | Released late | Missed | Stale | Open | Follow-through |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        | #crm | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0% |
        | #prep | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | – |

        > You expect #crm of the team; your own #crm commitment was missed.
        > You expect #prep of the team, but made no #prep commitment yourself.

        ## Renegotiated

        | Status | Moves | Commitment | Due | Made | Where |
        | --- | --- | --- | --- | --- | --- |
        | open | moved 1×, in time | Book @ana onto the negotiation course #coaching | due 2026-11-13 → 2026-12-01 | 2026-11-02 | entries/2026-11-02-weekly-mirror.md:14 |

        """

    @Test func textGolden() {
        let rendered = TextReport.render(ReportDocument(review: SmallJournal.review()), width: 100, color: false)
        #expect(rendered == Self.text)
        #expect(!rendered.contains("\u{1B}"))
    }

    @Test func markdownGolden() {
        #expect(MarkdownReport.render(ReportDocument(review: SmallJournal.review())) == Self.markdown)
    }

    @Test func colourOnlyWhenAsked() {
        let document = ReportDocument(review: SmallJournal.review())
        let coloured = TextReport.render(document, width: 100, color: true)
        #expect(coloured.hasPrefix("\u{1B}[1mReview as of 2026-11-27\u{1B}[0m\n"))
        #expect(coloured.contains("\u{1B}[33mYou expect #prep"))
        #expect(!TextReport.render(document, width: 100, color: false).contains("\u{1B}"))
    }

    @Test func wideTerminalsShowTheWholeText() {
        let rendered = TextReport.render(ReportDocument(review: SmallJournal.review()), width: 200)
        #expect(rendered.contains("Log my own calls in the CRM by Friday #commit #crm\n"))
        #expect(!rendered.contains("…"))
    }

    @Test func narrowTerminalsCutTheTextButNeverTheLocation() {
        let rendered = TextReport.render(ReportDocument(review: SmallJournal.review()), width: 44)
        // 44 columns less the 19 of label and note leave 25 for the text, the ellipsis included.
        #expect(rendered.contains("missed  14d late   Log my own calls in the …\n"))
        // The location does not fit beside the dates, so it stands alone, whole.
        #expect(rendered.contains("                   made 2026-11-02\n  entries/2026-11-02-weekly-mirror.md:15\n"))
    }

    /// At every width, measured with the tests' own width oracle, no line is wider than the
    /// terminal but a `path:line` standing alone.
    @Test(arguments: [40, 60, 80, 100, 120])
    func everyLineFits(_ width: Int) {
        let rendered = TextReport.render(ReportDocument(review: SmallJournal.review()), width: width)
        for line in rendered.split(separator: "\n") where WidthOracle.width(line) > width {
            #expect(
                line.trimmingCharacters(in: .whitespaces).range(of: #"^\S+:\d+$"#, options: .regularExpression) != nil,
                "\(line)")
        }
    }

    @Test func sectionsAreLeftOutWhenEmpty() {
        let files = [("2026-11-02", "- [x] Share the QBR notes ✅ 2026-11-03 #commit\n")]
        let review = Review(entries: entries(files), options: ReviewOptions(asOf: day("2026-11-03")))
        let titles = ReportDocument(review: review).sections.map(\.title)
        #expect(titles == [nil, "Follow-through by week"])
        let lines = ReportDocument(review: review).sections.first?.lines ?? []
        #expect(lines.last == "No mirror entry yet: start with 'journal new weekly-mirror'.")
    }

    @Test func headlineWithNothingMade() {
        let review = Review(
            entries: entries([("2026-11-02-mirror", "Looked.\n")]), options: .init(asOf: day("2026-11-03")))
        let document = ReportDocument(review: review)
        #expect(document.sections.count == 1)
        #expect(document.sections.first?.lines == ["No commitments yet.", "Last looked in the mirror yesterday."])
    }

    @Test func monthTrend() {
        let document = ReportDocument(review: SmallJournal.review { $0.period = .month })
        let trend = document.sections.first { $0.title == "Follow-through by month" }
        #expect(trend?.trend?.points == [.init(period: "2026-11", rate: 0.5, decided: 4)])
        #expect(trend?.table?.headers.first == "Month")
        let quarter = ReportDocument(review: SmallJournal.review { $0.period = .quarter })
        #expect(quarter.sections.contains { $0.title == "Follow-through by quarter" })
    }

    /// As many of the latest periods as fit, up to 26, each as wide as its largest count.
    @Test func trendFitsTheWidth() {
        let points = (1...30).map {
            ReportDocument.Trend.Point(period: "P\($0)", rate: Double($0 % 5) / 4, decided: $0)
        }
        let trend = ReportDocument.Trend(points: points)
        let wide = TextReport.trendLines(trend, width: 200)
        #expect(wide[0].hasPrefix("P5 → P30 · scale"))
        #expect(wide[2] == "decided" + (5...30).map { " " + String($0).leftPadded(to: 2) }.joined())
        let eighty = TextReport.trendLines(trend, width: 80)
        // 7 for the label, then 3 a period: 24 fit in 80 columns.
        #expect(eighty[0].hasPrefix("P7 → P30"))
        #expect(eighty.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(eighty[1].hasPrefix("rate    ▅▅ ▆▆ ██ ▁▁"))
        let narrow = TextReport.trendLines(trend, width: 20)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(narrow.last == "decided 27 28 29 30")
        let one = TextReport.trendLines(.init(points: [.init(period: "2026-11", rate: nil, decided: 0)]), width: 80)
        #expect(one == ["2026-11 · scale 0% ▁▂▃▄▅▆▇█ 100% · ·· nothing decided", "rate    ··", "decided  0"])
    }

    @Test func percentRounds() {
        #expect(ReportDocument.percent(nil) == "–")
        #expect(ReportDocument.percent(20.0 / 26.0) == "77%")
        #expect(ReportDocument.percent(0.005) == "1%")
        #expect(ReportDocument.percent(1) == "100%")
    }
}
