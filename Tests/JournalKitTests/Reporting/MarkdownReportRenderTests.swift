import Ccmark
import Foundation
import Testing

@testable import JournalKit

/// The markdown report is pasted into notes and 1:1 docs: entry text must render as the same
/// visible text, never as HTML, a link, an autolink, emphasis, strikethrough, a code span, a
/// heading or list, or an extra table cell. Checked by rendering the report with the libcmark
/// journal links and with GitHub's dialect (`cmark-gfm` with tables, autolinks, strikethrough),
/// and comparing the node structure with the same report made from harmless text.
@Suite struct MarkdownReportRenderTests {
    /// Each survives the entry's own parsing (code spans keep their text; `&lt;` is decoded).
    static let payloads = [
        "`<img src=x onerror=alert(2)>`", "`<script>alert(1)</script>`", "&lt;script&gt;alert(3)&lt;/script&gt;",
        "`[click](javascript:alert(4))`", "`<http://evil.example>`", "http://evil.example/x",
        "https://evil.example", "www.evil.example", "`*em* _em_ **strong** ~~gone~~`", "`a | b | c`",
        "`` ` `` tick", "`![img](x.png)`", "`\\*not em\\*`", "`&amp;`", "`<!-- c -->`", "mail ana@example.com",
        "`[a]: http://ref.example`",
    ]

    static func review(_ texts: [String]) -> Review {
        let lines = texts.enumerated().map { index, text in
            "- [ ] Item \(index) \(text) due:2026-11-05 #commit\n"
        }
        let files = [
            ("2026-11-02-weekly-mirror", lines.joined()),
            ("2026-11-09", "- [x] [[2026-11-02-weekly-mirror#item-0]] done\n"),
        ]
        return Review(entries: entries(files), options: ReviewOptions(asOf: day("2026-11-27")))
    }

    static var hostile: String { MarkdownReport.render(ReportDocument(review: review(payloads))) }
    static var harmless: String {
        MarkdownReport.render(ReportDocument(review: review(payloads.indices.map { "plain \($0)" })))
    }

    /// The element names of cmark's XML, without text: the document's structure.
    static func structure(_ xml: String) -> [String] {
        var names: [String] = []
        var rest = xml[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.prefix { $0.isLetter || $0 == "_" || $0 == "/" || $0 == "?" || $0 == "!" }
            if !["text", "/text", "softbreak", "linebreak", "?xml", "!DOCTYPE"].contains(String(name)) {
                names.append(String(name))
            }
        }
        return names
    }

    static func libcmarkXML(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_xml(document, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    static let gfm = "/usr/bin/cmark-gfm"

    static func gfmXML(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gfm)
        process.arguments = ["-t", "xml", "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePayloadsReachTheReport() {
        let report = Self.hostile
        for index in Self.payloads.indices { #expect(report.contains("Item \(index) ")) }
        #expect(report.contains("onerror=alert\\(2\\)"))
    }

    @Test func libcmarkSeesNoNodeFromEntryText() {
        let hostile = Self.libcmarkXML(Self.hostile)
        #expect(Self.structure(hostile) == Self.structure(Self.libcmarkXML(Self.harmless)))
        for node in ["<html_inline", "<html_block", "<link", "<image", "<emph", "<strong", "<code "] {
            #expect(!hostile.contains(node), "\(node)")
        }
        // The visible text is the entry's text: cmark decodes the report's escapes back to it.
        #expect(hostile.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(hostile.contains("&amp;lt;script&amp;gt;") || hostile.contains("&lt;script&gt;alert(3)"))
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: gfm), "needs Debian's cmark-gfm (make test-markdown)")
    )
    func gitHubsDialectSeesNoNodeFromEntryText() throws {
        let hostile = try Self.gfmXML(Self.hostile)
        let harmless = try Self.gfmXML(Self.harmless)
        #expect(!hostile.isEmpty)
        #expect(Self.structure(hostile) == Self.structure(harmless))
        #expect(Self.structure(hostile).contains("table_cell"))
        for node in ["<html_inline", "<html_block", "<link", "<image", "<emph", "<strong", "<strikethrough", "<code "] {
            #expect(!hostile.contains(node), "\(node)")
        }
        #expect(hostile.contains("http://evil.example/x"))
        #expect(hostile.contains("www.evil.example"))
        #expect(hostile.contains("ana\u{2060}@example.com"))
    }
}
