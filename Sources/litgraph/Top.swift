import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

extension EntityType: ExpressibleByArgument {}

struct Top: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the nodes of a derived graph by papers or by a centrality.",
        discussion: """
            Centralities are computed with igraph on the chosen graph, with edge weights as tie strengths (path \
            lengths 1/weight) unless --unweighted. Directed graphs (citation, builds-on, lineage): betweenness \
            over directed paths, closeness from distances to the node, eigenvector and PageRank from in-edges \
            (eigenvector is 0 throughout an acyclic graph).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "Only nodes of this type: method, benchmark, dataset or paper.")
    var type: String?
    @Option(help: "How many to list.")
    var limit: Int = 20
    @Option(help: """
        Order by papers, degree, strength, betweenness, closeness, eigenvector or pagerank (default: papers, or \
        pagerank on a graph of papers).
        """)
    var by: String?
    @Flag(help: "Ignore edge weights: every edge counts 1.")
    var unweighted = false
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be at least 0") }
    }

    func run() throws {
        try reportingErrors {
            let kind = graphOptions.graph
            let order = by ?? (kind.hasOnlyPaperNodes ? "pagerank" : "papers")
            let measure = CentralityMeasure(rawValue: order)
            guard order == "papers" || measure != nil else {
                throw UserError("unknown order \"\(order)\" (papers, "
                                + CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            if let type, !(EntityType.allCases.map(\.rawValue) + ["paper"]).contains(type) {
                throw UserError("unknown type \"\(type)\" (method, benchmark, dataset, paper)")
            }
            let store = try Store(path: database.db)
            let graph = try graphOptions.build(from: store)
            let values = try centralities(of: graph.graph, weighted: !unweighted)
            func papers(_ node: Int) -> Int? {
                if case .int(let count)? = graph.attribute("papers", of: node) { return count }
                return nil
            }
            let key: (Int) -> Double = measure.map { m in { values[m][$0] } }
                ?? { papers($0).map(Double.init) ?? -1 }
            let chosen = graph.nodes.indices.filter { type == nil || graph.nodes[$0].kind == type }
                .sorted {
                    key($0) != key($1) ? key($0) > key($1)
                        : (graph.nodes[$0].label != graph.nodes[$1].label
                            ? graph.nodes[$0].label < graph.nodes[$1].label : $0 < $1)
                }
                .prefix(limit)
            let table = TextTable(
                header: ["rank", "name", "type", "papers", "degree", "strength", "betweenness", "closeness",
                         "eigenvector", "pagerank"],
                rows: chosen.enumerated().map { rank, i in
                    ["\(rank + 1)", graph.nodes[i].label, graph.nodes[i].kind, papers(i).map(String.init) ?? "",
                     fmt(values.degree[i], 0), fmt(values.strength[i], 0), fmt(values.betweenness[i], 1),
                     fmt(values.closeness[i], 4), fmt(values.eigenvector[i], 4), fmt(values.pagerank[i], 4)]
                })
            switch format {
            case .table: print(table.text(), terminator: "")
            case .csv: print(table.csv(), terminator: "")
            case .json:
                print("[\n" + chosen.map { i in
                    "{\"id\":\(JSONText.quoted(graph.nodes[i].id)),\"name\":\(JSONText.quoted(graph.nodes[i].label)),"
                        + "\"type\":\(JSONText.quoted(graph.nodes[i].kind)),\"papers\":\(papers(i).map(String.init) ?? "null"),"
                        + CentralityMeasure.allCases.map { "\"\($0.rawValue)\":\(jsonNumber(values[$0][i]))" }
                        .joined(separator: ",") + "}"
                }.joined(separator: ",\n") + "\n]")
            }
        }
    }
}

/// `x` with `digits` decimals; a value that rounds to zero prints without a minus sign (igraph's eigenvector
/// solver can leave −1e-17 where the value is 0).
func fmt(_ x: Double, _ digits: Int) -> String {
    let text = String(format: "%.\(digits)f", x)
    return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
}

/// A double as a JSON number (JSON has no NaN or infinity: those become null).
func jsonNumber(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

extension MentionRecord {
    var analysisMention: Mention {
        Mention(paper: paperID, entity: entity, type: type, count: count, introduced: role == .introduces)
    }
}
