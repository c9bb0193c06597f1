import ArgumentParser
import Foundation
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

struct Papers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the papers that use an entity (by its name or any alias), with their role.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The entity: a canonical name or any alias (\"DMControl\" finds DeepMind Control Suite).")
    var uses: String
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table
    @Flag(help: "Only the entity itself, not the members of its family (DMControl 100k for DMControl).")
    var exact = false

    func run() throws {
        try reportingErrors {
            let store = try Store(path: database.db)
            guard let entity = try store.entity(named: uses) else {
                let close = try store.suggestions(for: uses)
                var message = "no entity \"\(uses)\" in \(database.db)"
                if let entry = try? Catalogue.shipped().entry(named: uses) {
                    message += " (\(entry.name) is a known \(entry.type.rawValue), but no stored paper mentions it)"
                }
                message += close.isEmpty ? "" : ". Closest known: " + close.joined(separator: ", ")
                throw UserError(message)
            }
            let papers = try store.papers(mentioning: entity, family: !exact)
            switch format {
            case .table:
                print("\(entity.name) (\(entity.type.rawValue)): \(papers.count) paper\(papers.count == 1 ? "" : "s")")
                print(TextTable(header: ["id", "date", "role", "entity", "title"],
                                rows: papers.map { [$0.id, $0.date ?? "", $0.role.rawValue, $0.entity, $0.title] }).text(),
                      terminator: "")
            case .csv:
                print(TextTable(header: ["id", "date", "role", "entity", "title", "surfaces"],
                                rows: papers.map { [$0.id, $0.date ?? "", $0.role.rawValue, $0.entity, $0.title,
                                                    $0.surfaces.joined(separator: "; ")] }).csv(), terminator: "")
            case .json:
                let items = papers.map { p in
                    "{\"id\":\(JSONText.quoted(p.id)),\"date\":\(p.date.map(JSONText.quoted) ?? "null"),"
                        + "\"title\":\(JSONText.quoted(p.title)),\"entity\":\(JSONText.quoted(p.entity)),"
                        + "\"role\":\"\(p.role.rawValue)\","
                        + "\"surface\":[\(p.surfaces.map(JSONText.quoted).joined(separator: ","))]}"
                }
                print("{\"entity\":\(JSONText.quoted(entity.name)),\"type\":\"\(entity.type.rawValue)\",\"papers\":[\n"
                      + items.joined(separator: ",\n") + "\n]}")
            }
        }
    }
}
