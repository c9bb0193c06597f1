import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

extension EntityType: ExpressibleByArgument {}

struct Top: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank entities by papers and by centrality in the co-occurrence graph.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this type: method, benchmark or dataset.")
    var type: EntityType?
    @Option(help: "How many to list.")
    var limit: Int = 20
    @Option(help: "Order by papers, degree, strength, betweenness or pagerank.")
    var by: String = "papers"
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reportingErrors {
            let store = try Store(path: database.db)
            let ranks = try rankEntities(CooccurrenceGraph(mentions: try store.mentions().map(\.analysisMention)))
            let key: (EntityRank) -> Double
            switch by {
            case "papers": key = { Double($0.papers) }
            case "degree": key = { $0.degree }
            case "strength": key = { $0.strength }
            case "betweenness": key = { $0.betweenness }
            case "pagerank": key = { $0.pagerank }
            default: throw UserError("unknown order \"\(by)\" (papers, degree, strength, betweenness, pagerank)")
            }
            let chosen = ranks.filter { type == nil || $0.type == type }
                .sorted { key($0) != key($1) ? key($0) > key($1) : $0.name < $1.name }.prefix(limit)
            let table = TextTable(header: ["rank", "name", "type", "papers", "degree", "strength", "betweenness", "pagerank"],
                                  rows: chosen.enumerated().map { i, r in
                                      ["\(i + 1)", r.name, r.type.rawValue, "\(r.papers)", fmt(r.degree, 0), fmt(r.strength, 0),
                                       fmt(r.betweenness, 1), fmt(r.pagerank, 4)]
                                  })
            switch format {
            case .table: print(table.text(), terminator: "")
            case .csv: print(table.csv(), terminator: "")
            case .json:
                print("[\n" + chosen.map { r in
                    "{\"name\":\(JSONText.quoted(r.name)),\"type\":\"\(r.type.rawValue)\",\"papers\":\(r.papers),"
                        + "\"degree\":\(r.degree),\"strength\":\(r.strength),\"betweenness\":\(r.betweenness),\"pagerank\":\(r.pagerank)}"
                }.joined(separator: ",\n") + "\n]")
            }
        }
    }
}

func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

extension MentionRecord {
    var analysisMention: Mention {
        Mention(paper: paperID, entity: entity, type: type, count: count, introduced: role == .introduces)
    }
}
