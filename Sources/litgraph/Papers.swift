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
    @Flag(help: "Also list papers that only introduce the entity or merely mention it.")
    var anyRole = false

    func run() throws {
        try reportingErrors {
            let store = try Store(path: database.db)
            let entity = try storedEntity(named: uses, in: store, path: database.db)
            let all = try store.papers(mentioning: entity, family: !exact)
            // Using an entity means evaluating on it, building on it or comparing with it; a paper that only
            // introduces it or mentions it in passing is listed apart (or with the rest under --any-role).
            let papers = anyRole ? all : all.filter { $0.role.isUse }
            let introducers = all.filter { $0.role == .introduces }
            let mentionsOnly = all.filter { $0.role == .mentions }.count
            switch format {
            case .table:
                print("\(entity.name) (\(entity.type.rawValue)): \(papers.count) paper\(papers.count == 1 ? "" : "s")"
                      + (anyRole ? " mentioning it" : " using it"))
                print(TextTable(header: ["id", "date", "role", "entity", "title"],
                                rows: papers.map { [$0.id, $0.date ?? "", $0.role.rawValue, $0.entity, $0.title] }).text(),
                      terminator: "")
                if !anyRole && !introducers.isEmpty {
                    print("\nIntroduced by:")
                    print(TextTable(header: ["id", "date", "role", "entity", "title"],
                                    rows: introducers.map { [$0.id, $0.date ?? "", $0.role.rawValue, $0.entity, $0.title] }).text(),
                          terminator: "")
                }
                if !anyRole && mentionsOnly > 0 {
                    print("\n\(mentionsOnly) more paper\(mentionsOnly == 1 ? "" : "s") only mention\(mentionsOnly == 1 ? "s" : "") it (--any-role lists them).")
                }
            case .csv:
                print(TextTable(header: ["id", "date", "role", "entity", "title", "surfaces"],
                                rows: papers.map { [$0.id, $0.date ?? "", $0.role.rawValue, $0.entity, $0.title,
                                                    $0.surfaces.joined(separator: "; ")] }).csv(), terminator: "")
            case .json:
                func item(_ p: PaperMention) -> String {
                    "{\"id\":\(JSONText.quoted(p.id)),\"date\":\(p.date.map(JSONText.quoted) ?? "null"),"
                        + "\"title\":\(JSONText.quoted(p.title)),\"entity\":\(JSONText.quoted(p.entity)),"
                        + "\"role\":\"\(p.role.rawValue)\","
                        + "\"surface\":[\(p.surfaces.map(JSONText.quoted).joined(separator: ","))]}"
                }
                var json = "{\"entity\":\(JSONText.quoted(entity.name)),\"type\":\"\(entity.type.rawValue)\",\"papers\":[\n"
                    + papers.map(item).joined(separator: ",\n") + "\n]"
                if !anyRole {
                    json += ",\"introduced_by\":[" + introducers.map(item).joined(separator: ",") + "]"
                        + ",\"mentioned_only\":\(mentionsOnly)"
                }
                print(json + "}")
            }
        }
    }
}
