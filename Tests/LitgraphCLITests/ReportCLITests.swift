import Foundation
import LitgraphStore
import Testing

/// `litgraph report` on the bundled corpus: the new sections say what the analysis commands say, and what the
/// stored mentions give when counted again here.
@Suite(.serialized) struct ReportCLITests {
    /// The bundled corpus ingested, its report written to `out/`, and the report's README.
    func report() throws -> (dir: URL, markdown: String) {
        let dir = try bundledDatabase.get()
        let run = try litgraph(["report", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        return (dir, try String(contentsOf: dir.appendingPathComponent("out/README.md"), encoding: .utf8))
    }

    /// The committed `Reports/visual-rl` is what `scripts/report` writes now: the same ingest (the bundled
    /// corpus with its months) and the same title, compared file by file, so that a change to extraction,
    /// analysis or the catalogue cannot leave the shipped report stale.
    @Test func committedReportIsCurrent() throws {
        let dir = try bundledDatabase.get()
        let run = try litgraph(["report", "--out", "current", "--title",
                                "Visual reinforcement learning and vision-language models"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let committed = repoRoot.appendingPathComponent("Reports/visual-rl")
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
        #expect(names.contains("README.md") && names.contains("index.html"))
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("current").path).sorted()
        #expect(written == names, "files: \(written) against \(names)")
        for name in names {
            let expected = try Data(contentsOf: committed.appendingPathComponent(name))
            let actual = try Data(contentsOf: dir.appendingPathComponent("current").appendingPathComponent(name))
            #expect(actual == expected, "Reports/visual-rl/\(name) is stale: run scripts/report")
        }
    }

    func section(_ text: String, _ heading: String) -> [Substring] {
        guard let start = text.range(of: "## " + heading + "\n") else { return [] }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return rest[..<end].split(separator: "\n")
    }

    static func nameOrder(_ a: String, _ b: String) -> Bool {
        a.lowercased() != b.lowercased() ? a.lowercased() < b.lowercased() : a < b
    }

    @Test func burstsAndTrendsAreThoseOfTheCommandsByQuarter() throws {
        let (dir, markdown) = try report()
        let bursts = section(markdown, "Bursts")
        #expect(bursts.contains("| 1 | GPT-4o | method | 2024-Q4 | 2025-Q1 | 2 | 4.09 | 9 | 9 |"))
        #expect(bursts.first { $0.hasPrefix("Kleinberg") }.map(String.init) == "Kleinberg bursts by quarter (s = 2, γ = 1) over 34 quarters, "
                    + "2016-Q4 … 2025-Q1: 1 burst, strongest first.")
        let command = try jsonObject(try litgraph(["bursts", "--by", "quarter", "--format", "json"], in: dir).stdout)
        let listed = try #require(command["bursts"] as? [[String: Any]])
        #expect(listed.map { "| \($0["name"]!) | \($0["start"]!) | \($0["end"]!) |" }
                == bursts.filter { $0.first == "|" && $0.dropFirst(2).first?.isNumber == true }.map { row in
                    let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    return "| \(cells[1]) | \(cells[3]) | \(cells[4]) |"
                })

        let trends = section(markdown, "Rising and fading")
        #expect(trends.contains { $0.contains("2024-Q4 … 2025-Q1 (52 papers), against the 2 before, 2024-Q2 … 2024-Q3 (29 papers)") })
        #expect(trends.contains("| 1 | GPT-4o | method | 0 | 9 | 0.0% | 17.3% | +17.3 pp | 2024-Q4 | new |"))
        #expect(trends.contains("| 1 | DeepMind Control Suite | benchmark | 5 | 2021-Q2 | 2 | 66.7% | 1.9% | 2024-Q4 |"))
        let summary = try jsonObject(try litgraph(["trends", "--by", "quarter", "--format", "json"], in: dir).stdout)
        func names(_ key: String) -> [String] { (summary[key] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        let rows = trends.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| # ") && !$0.hasPrefix("| --- ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[1] }
        #expect(names("rising").count == 10 && rows == names("rising") + names("fading"))
    }

    @Test func clustersAreTheCommunitiesCommandsWithFiveOrMore() throws {
        let (dir, markdown) = try report()
        let clusters = section(markdown, "Clusters")
        #expect(clusters.contains("| 1 | 34 | GPT-4o; GPT-4V; Chain-of-Thought | GPT-4o; GPT-4V; Chain-of-Thought; CLIP; "
                                  + "Gemini 1.5 Pro; GeoQA; MathVerse; SVE-Math; Qwen2-VL; PVD; … 24 more |"))
        #expect(clusters.contains { $0.hasPrefix("| 6 | 14 | DeepSeek-R1; GRPO; MathVista | ") })
        let command = try jsonObject(try litgraph(["communities", "--min-size", "5", "--format", "json"], in: dir).stdout)
        let communities = try #require(command["communities"] as? [[String: Any]])
        let expected = communities.enumerated().map { i, c in
            "| \(i + 1) | \(c["size"]!) | " + ((c["label"] as? [String]) ?? []).joined(separator: "; ") + " |"
        }
        let rows = clusters.filter { $0.first == "|" && $0.dropFirst(2).first?.isNumber == true }
        #expect(expected.count == 12 && rows.count == expected.count)
        for (row, prefix) in zip(rows, expected) { #expect(row.hasPrefix(prefix), "\(row)") }
        let modularity = try #require(command["modularity"] as? Double)
        #expect(clusters.contains { $0.contains("91 communities, modularity \(String(format: "%.3f", modularity)).") })
    }

    /// Counted again from the stored mentions: pairs of entities by papers in common, and each method's
    /// benchmarks and datasets from the papers that name both in an evaluation role.
    @Test func associationsAndEvaluationsMatchTheStoredMentions() throws {
        let (dir, markdown) = try report()
        let mentions = try Store(path: dir.appendingPathComponent("litgraph.db").path).mentions()
        var byPaper: [String: Set<String>] = [:], papersOf: [String: Set<String>] = [:]
        for m in mentions {
            byPaper[m.paperID, default: []].insert(m.entity)
            papersOf[m.entity, default: []].insert(m.paperID)
        }
        var together: [[String]: Int] = [:]
        for names in byPaper.values {
            let sorted = names.sorted(by: Self.nameOrder)
            for i in sorted.indices { for j in sorted.indices where j > i { together[[sorted[i], sorted[j]], default: 0] += 1 } }
        }
        let top = together.filter { $0.value >= 2 }.sorted { x, y in
            x.value != y.value ? x.value > y.value
                : (x.key[0] != y.key[0] ? Self.nameOrder(x.key[0], y.key[0]) : Self.nameOrder(x.key[1], y.key[1]))
        }.prefix(10)
        let expected = top.enumerated().map { i, pair -> String in
            let (a, b, c) = (pair.key[0], pair.key[1], pair.value)
            let ca = papersOf[a]!.count, cb = papersOf[b]!.count
            return "| \(i + 1) | \(a) | \(b) | \(c) | \(ca) / \(cb) | " + String(format: "%.2f", 195.0 * Double(c) / Double(ca * cb))
                + " | " + String(format: "%.3f", Double(c) / Double(ca + cb - c)) + " |"
        }
        let rows = section(markdown, "Strongest associations").filter { $0.first == "|" && $0.dropFirst(2).first?.isNumber == true }
        #expect(rows.map(String.init) == expected)
        #expect(expected.first == "| 1 | DeepSeek-R1 | GRPO | 3 | 4 / 3 | 48.75 | 0.750 |")

        var evaluated: [String: [String: Int]] = [:]
        var byPaperRoles: [String: [(String, Bool)]] = [:]
        for m in mentions where m.role != .mentions { byPaperRoles[m.paperID, default: []].append((m.entity, m.type == .method)) }
        for list in byPaperRoles.values {
            for (method, isMethod) in list where isMethod {
                for (target, isTargetMethod) in list where !isTargetMethod { evaluated[method, default: [:]][target, default: 0] += 1 }
            }
        }
        let table = section(markdown, "Methods and their benchmarks").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| method ") && !$0.hasPrefix("| --- ") }
        #expect(table.count == 15)
        #expect(table.first == "| GPT-4o | 9 | DivScene (1); PARROT-360V (1); VisOnlyQA (1); ViSTa (1) |")
        for row in table {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let targets = evaluated[cells[0]] ?? [:]
            let list = targets.sorted { $0.value != $1.value ? $0.value > $1.value : Self.nameOrder($0.key, $1.key) }
                .map { "\($0.key) (\($0.value))" }.joined(separator: "; ")
            #expect(cells[2] == list, "\(cells[0])")
            #expect(Int(cells[1]) == papersOf[cells[0]]?.count, "\(cells[0])")
        }
    }

    @Test func twoRunsWriteTheSameBytes() throws {
        let dir = try bundledDatabase.get()
        for out in ["a", "b"] {
            let run = try litgraph(["report", "--out", out], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
        }
        for name in ["README.md", "index.html", "cooccurrence.svg", "method-benchmark.svg"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a/" + name))
            let b = try Data(contentsOf: dir.appendingPathComponent("b/" + name))
            #expect(a == b && !a.isEmpty, "\(name)")
        }
    }
}
