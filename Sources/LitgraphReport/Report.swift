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

    /// Which methods are evaluated on which benchmarks and datasets: the bipartite slice of co-occurrence.
    static func methodBenchmarkMap(_ c: ReportContent) throws -> NetworkMap {
        let methods = c.top(.method, 25)
        let targets = c.ranks.filter { $0.type != .method }.prefix(20)
        let index = Dictionary(uniqueKeysWithValues: c.cooccurrence.entities.enumerated().map { ($1.name, $0) })
        let methodIDs = Set(methods.compactMap { index[$0.name] })
        let targetIDs = Set(targets.compactMap { index[$0.name] })
        let edges = c.cooccurrence.edges.filter {
            (methodIDs.contains($0.a) && targetIDs.contains($0.b)) || (methodIDs.contains($0.b) && targetIDs.contains($0.a))
        }
        let linked = Set(edges.flatMap { [$0.a, $0.b] })
        let shown = (methods + targets).filter { index[$0.name].map(linked.contains) ?? false }
        let maxPapers = Double(shown.map(\.papers).max() ?? 1)
        let nodes = shown.map { r in
            MapNode(id: r.name, label: r.name, category: r.type.rawValue, size: Double(r.papers) / maxPapers,
                    papers: r.papers)
        }
        return NetworkMap(title: "Methods and what they are evaluated on: \(c.input.title)", nodes: nodes,
                          edges: edges.map {
                              MapEdge(source: c.cooccurrence.entities[$0.a].name, target: c.cooccurrence.entities[$0.b].name,
                                      weight: Double($0.papers))
                          },
                          sizeMeaning: "papers mentioning it", weightMeaning: "papers naming both", idPrefix: "mb")
    }
}
