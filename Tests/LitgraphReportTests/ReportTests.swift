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
    corpus: AnalysisInput(
        papers: [
            .init(id: "p1", title: hostile, date: "2023-02"),
            .init(id: "p2", title: "Second | paper *bold*", date: "2024-07"),
            .init(id: "p3", title: "Third", date: nil),
        ],
        entities: [
            .init(name: "DreamerV3", type: .method), .init(name: "Atari 100k", type: .benchmark),
            .init(name: hostile, type: .method), .init(name: "DeepMind Control Suite", type: .benchmark),
            .init(name: "COCO", type: .dataset),
        ],
        mentions: [
            .init(paper: "p1", entity: "DreamerV3", role: .uses),
            .init(paper: "p1", entity: "Atari 100k", role: .uses),
            .init(paper: "p1", entity: hostile, role: .introduces),
            .init(paper: "p2", entity: "DreamerV3", role: .uses),
            .init(paper: "p2", entity: "DeepMind Control Suite", role: .mentions),
            .init(paper: "p2", entity: "COCO", role: .uses),
            .init(paper: "p3", entity: "COCO", role: .uses),
            .init(paper: "p3", entity: "Atari 100k", role: .uses),
        ]),
    catalogueSize: 10)

/// Two eras of a made-up field, one paper per month from 2023-01, two per quarter. Papers e1–e4 (2023-Q1–Q2)
/// name an old clique, papers l1–l4 (2024-Q3–Q4) a new one led by hostile names, m1–m4 name nothing, and an
/// undated paper names COCO. By hand: each clique is its own Leiden community of 5; every pair within a clique
/// shares 4 of 13 papers (association 13·4/(4·4) = 3.25, Jaccard 1; with COCO, which the undated paper names
/// too, 13·4/(4·5) = 2.6 and 4/5); the two cliques split the edges evenly, modularity 2·(1/2 − 1/4) = 0.5; each entity has 2 of 2 papers in each of
/// its two quarters against a base rate of 4/12, so its Kleinberg burst (s = 2: p1 = 2/3) gains 2·ln 2 per
/// quarter, 4·ln 2 = 2.77 in all, more than γ·ln 8 = 2.08; the new clique rises from 0 to 4 of the last 4
/// dated papers (+100 pp) and the old one fades from a peak of 4 of 4.
let hostileBench = "<b>Bench|*</b> \"&amp;\""
let eras: ReportInput = {
    let old = [("DreamerV3", EntityType.method, MentionRole.uses), ("PPO", .method, .compares),
               ("Atari 100k", .benchmark, .uses), ("DeepMind Control Suite", .benchmark, .uses),
               ("COCO", .dataset, .mentions)]
    let new = [(hostile, EntityType.method, MentionRole.uses), ("ViT", .method, .uses),
               (hostileBench, .benchmark, .uses), ("ImageNet", .dataset, .uses), ("MMBench", .benchmark, .mentions)]
    let months = ["2023-01", "2023-02", "2023-04", "2023-05", "2023-07", "2023-10", "2024-01", "2024-04",
                  "2024-07", "2024-08", "2024-10", "2024-11"]
    let ids = ["e1", "e2", "e3", "e4", "m1", "m2", "m3", "m4", "l1", "l2", "l3", "l4"]
    var mentions: [AnalysisInput.Mention] = []
    for id in ids.prefix(4) { for (name, _, role) in old { mentions.append(.init(paper: id, entity: name, role: role)) } }
    for id in ids.suffix(4) {
        for (name, _, role) in new {
            mentions.append(.init(paper: id, entity: name, role: id == "l1" && name == hostile ? .introduces : role))
        }
    }
    mentions.append(.init(paper: "u1", entity: "COCO", role: .uses))
    return ReportInput(
        title: "Eras",
        corpus: AnalysisInput(
            papers: zip(ids, months).map { .init(id: $0, title: "Paper \($0) " + hostile, date: $1) }
                + [.init(id: "u1", title: "Undated", date: nil)],
            entities: (old + new).map { .init(name: $0.0, type: $0.1) },
            mentions: mentions),
        catalogueSize: 10)
}()

/// Two papers per quarter for six quarters; the hostile method is named by both papers of the last one only. By
/// hand: base rate 2/12; at s = 2 the burst state (1/3) gains 2·ln 2 = 1.39 < γ·ln 6 = 1.79, so no burst; at
/// s = 3 (1/2) it gains 2·ln 3 = 2.20, a burst.
let lateSpike: ReportInput = {
    let months = ["2023-01", "2023-02", "2023-04", "2023-05", "2023-07", "2023-08", "2023-10", "2023-11",
                  "2024-01", "2024-02", "2024-04", "2024-05"]
    let papers = months.enumerated().map { AnalysisInput.Paper(id: "p\($0)", title: "Paper \($0)", date: $1) }
    return ReportInput(
        title: "Late spike",
        corpus: AnalysisInput(
            papers: papers, entities: [.init(name: hostile, type: .method), .init(name: "Filler", type: .benchmark)],
            mentions: papers.map { .init(paper: $0.id, entity: "Filler", role: .uses) }
                + [.init(paper: "p10", entity: hostile, role: .uses), .init(paper: "p11", entity: hostile, role: .uses)]),
        catalogueSize: 10)
}()

/// The part of `text` from the line or tag that opens `start` up to `end` (or the end of the text).
func section(_ text: String, from start: String, to end: String) -> String {
    guard let a = text.range(of: start) else { return "" }
    let rest = text[a.lowerBound...]
    guard let b = rest.range(of: end, range: rest.index(after: rest.startIndex)..<rest.endIndex) else { return String(rest) }
    return String(rest[..<b.lowerBound])
}

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

    /// Every new section on a corpus whose answers are worked out by hand (see `eras`), hostile names escaped
    /// in each section of both forms.
    @Test func newSectionsMatchTheHandWorkedEras() throws {
        let files = try TrendReport.build(eras)
        let md = try #require(files["README.md"]), html = try #require(files["index.html"])
        let mdHostile = Markdown.cell(hostile), mdBench = Markdown.cell(hostileBench)
        let htmlHostile = HTML.escape(hostile), htmlBench = HTML.escape(hostileBench)
        #expect(mdHostile == "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' \\\\ back")
        #expect(htmlBench == "&lt;b&gt;Bench|*&lt;/b&gt; &quot;&amp;amp;&quot;")
        for needle in ["<script>", "<b>Bench"] {
            #expect(!md.contains(needle) && !html.contains(needle), "\(needle)")
        }

        let rising = section(md, from: "## Rising and fading", to: "\n## ")
        #expect(rising.contains("the last 2 quarters, 2024-Q3 … 2024-Q4 (4 papers), against the 2 before, "
                                + "2024-Q1 … 2024-Q2 (2 papers). 1 paper without a usable date is left out."))
        #expect(rising.contains("| 1 | \(mdBench) | benchmark | 0 | 4 | 0.0% | 100.0% | +100.0 pp | 2024-Q3 | new |"))
        #expect(rising.contains("| 2 | \(mdHostile) | method | 0 | 4 | 0.0% | 100.0% | +100.0 pp | 2024-Q3 | new |"))
        #expect(rising.contains("| 1 | Atari 100k | benchmark | 4 | 2023-Q1 | 4 | 100.0% | 0.0% | 2023-Q2 |"))
        #expect(rising.contains("| 5 | PPO | method | 4 | 2023-Q1 | 4 | 100.0% | 0.0% | 2023-Q2 |"))

        let bursts = section(md, from: "## Bursts", to: "\n## ")
        #expect(bursts.contains("(s = 2, γ = 1) over 8 quarters, 2023-Q1 … 2024-Q4: 10 bursts, strongest first."))
        #expect(bursts.contains("| 1 | Atari 100k | benchmark | 2023-Q1 | 2023-Q2 | 2 | 2.77 | 4 | 4 |"))
        #expect(bursts.contains("| 6 | \(mdBench) | benchmark | 2024-Q3 | 2024-Q4 | 2 | 2.77 | 4 | 4 |"))
        #expect(bursts.contains("| 7 | \(mdHostile) | method | 2024-Q3 | 2024-Q4 | 2 | 2.77 | 4 | 4 |"))
        #expect(!bursts.contains("not at the defaults"))

        let clusters = section(md, from: "## Clusters", to: "\n## ")
        #expect(clusters.contains("2 communities, modularity 0.500. The 2 with at least 5 members"))
        let clusterRows = clusters.split(separator: "\n").filter { $0.hasPrefix("| 1 |") || $0.hasPrefix("| 2 |") }
        #expect(clusterRows.count == 2 && clusterRows.allSatisfy { $0.contains("| 5 |") })
        let newRow = try #require(clusterRows.first { $0.contains(mdHostile) })
        for name in [mdBench, "ViT", "ImageNet", "MMBench"] { #expect(newRow.contains(name), "\(name)") }
        #expect(!newRow.contains("PPO") && !newRow.contains("COCO"))

        let pairs = section(md, from: "## Strongest associations", to: "\n## ")
        #expect(pairs.contains("| 1 | \(mdBench) | \(mdHostile) | 4 | 4 / 4 | 3.25 | 1.000 |"))
        #expect(pairs.contains("| 8 | Atari 100k | COCO | 4 | 4 / 5 | 2.60 | 0.800 |"))
        #expect(pairs.split(separator: "\n").filter { $0.hasPrefix("| 10 |") }.count == 1)
        #expect(!pairs.contains("| 11 |"))

        // Role-aware: MMBench and COCO are only mentioned, so no method is evaluated on them.
        let methods = section(md, from: "## Methods and their benchmarks", to: "\n## ")
        #expect(methods.contains("| \(mdHostile) | 4 | \(mdBench) (4); ImageNet (4) |"))
        #expect(methods.contains("| PPO | 4 | Atari 100k (4); DeepMind Control Suite (4) |"))
        #expect(!methods.contains("MMBench") && !methods.contains("COCO"))
        let map = try #require(files["method-benchmark.svg"])
        #expect(parsesAsXML(map) && !map.contains("MMBench") && map.contains("ImageNet"))

        // The same sections in the page, each holding the hostile names escaped.
        for id in ["method-benchmark", "clusters", "associations", "rising", "bursts"] {
            let part = section(html, from: "<section id=\"\(id)\">", to: "</section>")
            #expect(part.contains(htmlHostile) && part.contains(htmlBench), "\(id)")
        }
        #expect(section(html, from: "<section id=\"bursts\">", to: "</section>")
            .contains("<td class=\"num\">2.77</td>"))
        let notes = section(md, from: "## How this was made", to: "\n## ")
        for needle in ["Kleinberg", "s = 2, γ = 1", "Leiden", "seed 1", "PageRank", "N·c_ij/(c_ii·c_jj)", "Jaccard",
                       "last 2 quarters", "introduced, used or compared"] {
            #expect(notes.contains(needle), "\(needle)")
        }
    }

    /// No burst at the defaults: the report says so and shows the s = 3 result under a label that says what it is.
    @Test func burstsFallBackToS3AndSaySo() throws {
        let files = try TrendReport.build(lateSpike)
        let md = section(try #require(files["README.md"]), from: "## Bursts", to: "\n## ")
        #expect(md.contains("none at s = 2, γ = 1"))
        #expect(md.contains("γ · ln 6 = 1.79"))
        #expect(md.contains("**Bursts at s = 3, γ = 1, not at the defaults:**"))
        #expect(md.contains("| 1 | \(Markdown.cell(hostile)) | method | 2024-Q2 | 2024-Q2 | 1 | 2.20 | 2 | 2 |"))
        let html = section(try #require(files["index.html"]), from: "<section id=\"bursts\">", to: "</section>")
        #expect(html.contains("<p class=\"caption\">Bursts at s = 3, γ = 1, not at the defaults:</p>"))
        #expect(html.contains(HTML.escape(hostile)) && !html.contains("<script>"))
        // Nothing at s = 3 either: said, and no table.
        let none = section(try #require(TrendReport.build(input)["README.md"]), from: "## Bursts", to: "\n## ")
        #expect(none.contains("None at s = 3 either.") && !none.contains("| # |"))
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
        #expect(try TrendReport.build(eras) == TrendReport.build(eras))
    }

    @Test func aCorpusThatNamesAnUnknownEntityIsRefused() {
        var bad = input
        bad.corpus.mentions.append(.init(paper: "p1", entity: "Nowhere", role: .uses))
        #expect(throws: AnalysisInputError.self) { try TrendReport.build(bad) }
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
        for id in ["rising", "bursts", "clusters", "associations", "method-benchmark"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        let markdown = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(markdown.contains("| 1 | GPT-4o | method | 2024-Q4 | 2025-Q1 | 2 | 4.09 | 9 | 9 |"))
        #expect(!html.contains("https://") && !html.contains("<script"))
    }
}
