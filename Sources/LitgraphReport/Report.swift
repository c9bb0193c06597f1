import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphRender

/// Builds a trend report: a Markdown README and a self-contained HTML page (inline SVG, inline CSS, no
/// network), plus the maps as standalone SVG files. Same input, same bytes: no timestamps, sorted output.
public enum TrendReport {
    /// File name → contents.
    public static func build(_ input: ReportInput) throws -> [String: String] {
        let content = try ReportContent(input)
        let cooccurrence = try cooccurrenceMap(content)
        let methodBenchmark = try methodBenchmarkMap(content)
        return [
            "cooccurrence.svg": try cooccurrence.svg(),
            "method-benchmark.svg": try methodBenchmark.svg(),
            "README.md": MarkdownReport(content: content).render(),
            "index.html": HTMLReport(content: content, cooccurrenceSVG: try cooccurrence.inlineSVG(),
                                     methodBenchmarkSVG: try methodBenchmark.inlineSVG()).render(),
        ]
    }

    /// Writes the files into `directory` (created if needed), each atomically, so an interrupted run never
    /// leaves a half-written file.
    public static func write(_ files: [String: String], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in files.keys.sorted() {
            try Data(files[name]!.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
        }
    }

    /// The co-occurrence map: the most mentioned entities, sized by PageRank, linked by papers in common.
    static func cooccurrenceMap(_ c: ReportContent) throws -> NetworkMap {
        let shown = c.top(nil, c.input.mapSize)
        let index = Dictionary(uniqueKeysWithValues: c.cooccurrence.entities.enumerated().map { ($1.name, $0) })
        let keep = Set(shown.compactMap { index[$0.name] })
        let maxRank = shown.map(\.pagerank).max() ?? 1
        let nodes = shown.map { r in
            MapNode(id: r.name, label: r.name, category: r.type.rawValue, size: maxRank > 0 ? r.pagerank / maxRank : 0,
                    papers: r.papers, tooltip: "\(r.type.rawValue); PageRank \(String(format: "%.4f", r.pagerank))")
        }
        let edges = c.cooccurrence.edges.filter { keep.contains($0.a) && keep.contains($0.b) }.map {
            MapEdge(source: c.cooccurrence.entities[$0.a].name, target: c.cooccurrence.entities[$0.b].name,
                    weight: Double($0.papers))
        }
        return NetworkMap(title: "Entity co-occurrence: \(c.input.title)", nodes: nodes, edges: edges,
                          sizeMeaning: "PageRank in the co-occurrence graph", weightMeaning: "papers in common",
                          idPrefix: "cooc")
    }

    /// Which methods are evaluated on which benchmarks and datasets, from the role-aware method–benchmark graph
    /// (both named by one paper in an evaluation role): the most mentioned methods of that graph, and the
    /// benchmarks and datasets they are evaluated on most often (then the most mentioned, then by name).
    static func methodBenchmarkMap(_ c: ReportContent) throws -> NetworkMap {
        let methods = Array(c.methodEvaluations.prefix(ReportParameters.mapMethods))
        var evaluations: [String: Int] = [:], kind: [String: String] = [:]
        for m in methods {
            for t in m.targets {
                evaluations[t.name, default: 0] += t.papers
                kind[t.name] = t.type
            }
        }
        func papers(_ name: String) -> Int { c.rankByName[name]?.papers ?? 0 }
        let targets = evaluations.keys.sorted { a, b in
            if evaluations[a]! != evaluations[b]! { return evaluations[a]! > evaluations[b]! }
            if papers(a) != papers(b) { return papers(a) > papers(b) }
            return ReportContent.nameOrder(a, b)
        }.prefix(ReportParameters.mapTargets)
        let shownTargets = Set(targets)
        var edges: [MapEdge] = []
        var linked = Set<String>()
        for m in methods {
            for t in m.targets where shownTargets.contains(t.name) {
                edges.append(MapEdge(source: m.method, target: t.name, weight: Double(t.papers),
                                     tooltip: "\(m.method) on \(t.name): \(t.papers) paper\(t.papers == 1 ? "" : "s")"))
                linked.insert(m.method)
                linked.insert(t.name)
            }
        }
        let shown = methods.map { ($0.method, EntityType.method.rawValue) }.filter { linked.contains($0.0) }
            + targets.map { ($0, kind[$0]!) }
        let maxPapers = Double(max(shown.map { papers($0.0) }.max() ?? 1, 1))
        let nodes = shown.map { name, type in
            MapNode(id: name, label: name, category: type, size: Double(papers(name)) / maxPapers, papers: papers(name),
                    tooltip: "\(type); \(papers(name)) papers mention it")
        }
        return NetworkMap(title: "Methods and what they are evaluated on: \(c.input.title)", nodes: nodes, edges: edges,
                          sizeMeaning: "papers mentioning it", weightMeaning: "papers evaluating the method on it",
                          idPrefix: "mb")
    }
}
