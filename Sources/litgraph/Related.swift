import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

extension AssociationMeasure: ExpressibleByArgument {}

struct Related: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entities that co-occur most strongly with one entity, with counts and normalised strengths.",
        discussion: """
            Counts are papers (c_ij mention both, c_ii mention i, N in the database). Measures: \
            association = N·c_ij/(c_ii·c_jj) (probabilistic; bibliometrix's value × N), association-vos = \
            2m·c_ij/(k_i·k_j) (VOSviewer/CWTS, k = total link weight, m = total edge weight of the whole \
            co-occurrence network), jaccard, cosine (Salton), inclusion, npmi, count.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The entity: a canonical name or any alias (\"DMControl\" finds DeepMind Control Suite).")
    var name: String
    @Option(help: "Order by association, association-vos, jaccard, cosine, inclusion, npmi or count.")
    var measure: AssociationMeasure = .association
    @Option(help: "How many to list.")
    var limit: Int = 20
    @Option(help: "Only entities mentioned together in at least this many papers.")
    var minCount: Int = 1
    @Option(help: "Only co-occurring entities mentioned in at least this many papers.")
    var minPapers: Int = 1
    @Option(help: "Only co-occurring entities of this type: method, benchmark or dataset.")
    var type: EntityType?
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reportingErrors {
            guard limit >= 0 else { throw UserError("--limit must be 0 or more, not \(limit)") }
            guard minCount >= 1 else { throw UserError("--min-count must be 1 or more, not \(minCount)") }
            guard minPapers >= 1 else { throw UserError("--min-papers must be 1 or more, not \(minPapers)") }
            let store = try Store(path: database.db)
            let entity = try storedEntity(named: name, in: store, path: database.db)
            let table = AssociationTable(mentions: try store.mentions().map(\.analysisMention),
                                         paperCount: try store.paperCount())
            guard let index = table.index(of: entity.name) else {
                throw UserError("\(entity.name) is stored but no paper mentions it")
            }
            let pairs = table.strongest(for: index, by: measure, limit: limit, minCount: minCount, minPapers: minPapers,
                                        include: { type == nil || $0.type == type })
            // The sort measure first, then the count, then the other measures in their fixed order.
            let columns = [measure] + ([.count] + AssociationMeasure.allCases.filter { $0 != .count })
                .filter { $0 != measure }
            let title = "\(entity.name) (\(entity.type.rawValue)): \(table.entities[index].papers) of "
                + "\(table.paperCount) papers. Co-occurring \(type.map { $0.rawValue + "s" } ?? "entities") by "
                + measure.variant + "; counts are papers"
            switch format {
            case .table, .csv:
                let rows = pairs.enumerated().map { rank, pair -> [String] in
                    let other = table.entities[pair.partner(of: index)]
                    return ["\(rank + 1)", other.name, other.type.rawValue, "\(other.papers)"] + columns.map { m in
                        m == .count ? "\(pair.count)" : (format == .csv ? "\(pair.value(m))" : fmt(pair.value(m), 4))
                    }
                }
                let text = TextTable(header: ["rank", "name", "type", "papers"] + columns.map(\.rawValue), rows: rows)
                if format == .csv {
                    print(text.csv(), terminator: "")
                } else {
                    print(title)
                    print(text.text(), terminator: "")
                }
            case .json:
                let items = pairs.map { pair -> String in
                    let other = table.entities[pair.partner(of: index)]
                    return "{\"name\":\(JSONText.quoted(other.name)),\"type\":\"\(other.type.rawValue)\","
                        + "\"papers\":\(other.papers),"
                        + columns.map { "\"\($0.rawValue)\":" + ($0 == .count ? "\(pair.count)" : "\(pair.value($0))") }
                            .joined(separator: ",") + "}"
                }
                print("{\"entity\":\(JSONText.quoted(entity.name)),\"type\":\"\(entity.type.rawValue)\","
                      + "\"papers\":\(table.entities[index].papers),\"corpus_papers\":\(table.paperCount),"
                      + "\"measure\":\"\(measure.rawValue)\",\"variant\":\(JSONText.quoted(measure.variant)),"
                      + "\"related\":[\n" + items.joined(separator: ",\n") + "\n]}")
            }
        }
    }
}
