import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities in a derived graph with the Leiden algorithm (modularity or CPM).",
        discussion: """
            Leiden (Traag, Waltman & van Eck 2019) with a fixed seed: the same database and options print the \
            same communities. Modularity compares each community with a degree-preserving random graph \
            (resolution 1 by default); CPM asks each community to be denser than the resolution, in weight per \
            pair of nodes (default: the graph's own density). Edge direction is ignored. Each community is \
            labelled by its most central members (PageRank on the whole graph unless --label-by).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "modularity or cpm.")
    var objective: CommunityObjective = .modularity
    @Option(help: "The objective's resolution γ: larger gives more, smaller communities.")
    var resolution: Double?
    @Option(help: "Seed of Leiden's random choices.")
    var seed: UInt64 = 1
    @Flag(help: "Ignore edge weights: every edge counts 1.")
    var unweighted = false
    @Option(help: "The centrality that ranks members and labels communities.")
    var labelBy: CentralityMeasure = .pagerank
    @Option(help: "List communities with at least this many members (all are counted).")
    var minSize: Int = 2
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func validate() throws {
        if let resolution, !(resolution.isFinite && resolution >= 0) {
            throw ValidationError("--resolution must be a number at least 0")
        }
        guard minSize >= 1 else { throw ValidationError("--min-size must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let graph = try graphOptions.build(from: try Store(path: database.db))
            let report = try findCommunities(
                in: graph, objective: objective, resolution: resolution, seed: seed, weighted: !unweighted,
                labelMeasure: labelBy)
            let listed = report.communities.filter { $0.members.count >= minSize }
            let score = report.scores
            switch format {
            case .table:
                let hidden = report.communities.count - listed.count
                print("\(graph.name) graph: \(graph.nodes.count) nodes, \(graph.graph.edges.count) edges, "
                      + (unweighted ? "unweighted" : "weighted"))
                print("Leiden, \(objective.rawValue) at resolution \(shortNumber(report.resolution)), seed \(seed): "
                      + "\(report.communities.count) communities"
                      + (hidden > 0 ? " (\(hidden) smaller than \(minSize) not listed)" : "")
                      + "; modularity \(fmt(report.partition.modularity, 4)), quality \(fmt(report.partition.quality, 4))")
                print()
                print(TextTable(header: ["id", "size", "label (top \(labelBy.rawValue))"],
                                rows: listed.map { ["\($0.id)", "\($0.members.count)", $0.label.joined(separator: "; ")] })
                        .text(maxWidth: 120), terminator: "")
                print()
                for community in listed {
                    print("[\(community.id)] " + community.members.map { graph.nodes[$0].label }.joined(separator: "; "))
                }
            case .csv:
                let rows = listed.flatMap { community in
                    community.members.enumerated().map { rank, node in
                        ["\(community.id)", "\(community.members.count)", community.label.joined(separator: "; "),
                         "\(rank + 1)", graph.nodes[node].id, graph.nodes[node].label, graph.nodes[node].kind,
                         "\(score[node])"]
                    }
                }
                print(TextTable(header: ["community", "size", "label", "rank", "id", "name", "type", labelBy.rawValue],
                                rows: rows).csv(), terminator: "")
            case .json:
                let items = listed.map { community in
                    "{\"id\":\(community.id),\"size\":\(community.members.count),"
                        + "\"label\":[\(community.label.map(JSONText.quoted).joined(separator: ","))],"
                        + "\"members\":[\n" + community.members.map { node in
                            "{\"id\":\(JSONText.quoted(graph.nodes[node].id)),\"name\":\(JSONText.quoted(graph.nodes[node].label)),"
                                + "\"type\":\(JSONText.quoted(graph.nodes[node].kind)),"
                                + "\"\(labelBy.rawValue)\":\(jsonNumber(score[node]))}"
                        }.joined(separator: ",\n") + "]}"
                }
                print("{\"graph\":\(JSONText.quoted(graph.name)),\"nodes\":\(graph.nodes.count),"
                      + "\"edges\":\(graph.graph.edges.count),\"weighted\":\(!unweighted),"
                      + "\"objective\":\"\(objective.rawValue)\",\"resolution\":\(jsonNumber(report.resolution)),"
                      + "\"seed\":\(seed),\"communities_total\":\(report.communities.count),"
                      + "\"modularity\":\(jsonNumber(report.partition.modularity)),"
                      + "\"quality\":\(jsonNumber(report.partition.quality)),\"label_by\":\"\(labelBy.rawValue)\","
                      + "\"communities\":[\n" + items.joined(separator: ",\n") + "\n]}")
            }
        }
    }
}

/// A number in the fewest digits that still read back as the same double (up to 6 significant digits).
func shortNumber(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.6g", x)
}
