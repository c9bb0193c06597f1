import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LitgraphAnalysis
import LitgraphExtraction
@testable import LitgraphReport

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A small corpus with hostile titles and names: every string from a record must come out escaped.
let hostile = "<script>alert(\"x\")</script> & 'q' \\ back"
let input = ReportInput(
    title: "Test <report> & co",
    papers: [
        ReportPaper(id: "p1", title: hostile, date: "2023-02"),
        ReportPaper(id: "p2", title: "Second | paper *bold*", date: "2024-07"),
        ReportPaper(id: "p3", title: "Third", date: nil),
    ],
    mentions: [
        Mention(paper: "p1", entity: "DreamerV3", type: .method),
        Mention(paper: "p1", entity: "Atari 100k", type: .benchmark),
        Mention(paper: "p1", entity: hostile, type: .method, introduced: true),
        Mention(paper: "p2", entity: "DreamerV3", type: .method),
        Mention(paper: "p2", entity: "DeepMind Control Suite", type: .benchmark),
        Mention(paper: "p2", entity: "COCO", type: .dataset),
        Mention(paper: "p3", entity: "COCO", type: .dataset),
        Mention(paper: "p3", entity: "Atari 100k", type: .benchmark),
    ],
    catalogueSize: 10)

func parsesAsXML(_ text: String) -> Bool {
    (try? XMLDocument(data: Data(text.utf8), options: [])) != nil
}

@Suite struct ReportTests {
    @Test func writesAllFilesWithEverythingEscaped() throws {
        let files = try TrendReport.build(input)
        #expect(Set(files.keys) == ["README.md", "index.html", "cooccurrence.svg", "method-benchmark.svg"])
        let html = try #require(files["index.html"])
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        #expect(html.contains("<title>Test &lt;report&gt; &amp; co — litgraph report</title>"))
        // Self-contained: no external fetches of any kind (XML namespace names are identifiers, not fetches).
        let withoutNamespaces = html.replacingOccurrences(of: #"xmlns(:\w+)?="[^"]*""#, with: "", options: .regularExpression)
        for needle in ["http://", "https://", "src=", "<link", "@import", "<script", "href=\"http"] {
            #expect(!withoutNamespaces.contains(needle), "\(needle)")
        }
        let markdown = try #require(files["README.md"])
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("| &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' \\\\ back | method | 2023-02 |"))
        for name in ["cooccurrence.svg", "method-benchmark.svg"] {
            let svg = try #require(files[name])
            #expect(parsesAsXML(svg), "\(name)")
            #expect(!svg.contains("<script>"))
        }
    }

    @Test func countsAndRankingsAreTheCorpus() throws {
        let content = try ReportContent(input)
        #expect(content.ranks.count == 5)
        #expect(content.ranks.first.map { [$0.name, "\($0.papers)"] } == ["Atari 100k", "2"] ||
                content.ranks.first.map { ["\($0.papers)"] } == ["2"])
        #expect(content.periods == ["2023 H1", "2023 H2", "2024 H1", "2024 H2"])
        #expect(content.papersPerPeriod == ["2023 H1": 1, "2024 H2": 1])
        #expect(content.undated == 1)
        #expect(content.firstSeen["DreamerV3"] == "2023-02")
        #expect(content.introducedBy.map(\.entity) == [hostile])
    }

    @Test func sameInputSameBytes() throws {
        #expect(try TrendReport.build(input) == TrendReport.build(input))
    }

    @Test func markdownAndCSVEscaping() {
        #expect(Markdown.cell("a|b<c>\nd") == "a\\|b&lt;c&gt; d")
        #expect(TextTable.csvField("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(TextTable(header: ["x", "y"], rows: [["1", "a,b"]]).csv() == "x,y\r\n1,\"a,b\"\r\n")
        #expect(HTML.escape("<a href='x'>&\u{1}</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
    }

    /// The committed report of the bundled corpus: its SVGs parse and name the entities the report lists.
    @Test func committedBundledReportIsWellFormed() throws {
        let folder = repoRoot.appendingPathComponent("Reports/visual-rl")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else {
            Issue.record("Reports/visual-rl/index.html is missing: run scripts/report")
            return
        }
        for name in ["cooccurrence.svg", "method-benchmark.svg"] {
            let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let doc = try XMLDocument(data: Data(svg.utf8), options: [])
            #expect(doc.rootElement()?.name == "svg")
            #expect(svg.contains("DeepMind Control Suite") || name == "method-benchmark.svg")
        }
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 >= 2)
        #expect(!html.contains("https://") && !html.contains("<script"))
    }
}
