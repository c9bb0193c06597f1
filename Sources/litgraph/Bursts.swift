import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

struct Bursts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Entities mentioned in a burst: markedly more often than their base rate for a run of slices.",
        discussion: """
            Kleinberg's two-state model (KDD 2002), as CiteSpace reports it: per slice, the papers mentioning \
            the entity out of all dated papers; the burst state's rate is s × the base rate and entering it \
            costs γ · ln(slices). Strength is how much better the burst state explains the run. Papers without \
            a usable date are left out and counted in a note.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var slicing: SeriesOptions
    @Option(name: .customLong("s"), help: "Burst rate as a multiple of the base rate (> 1).")
    var s: Double = 2
    @Option(help: "Cost of entering a burst, × ln(number of slices) (≥ 0).")
    var gamma: Double = 1
    @Option(help: "Drop bursts shorter than this many slices (CiteSpace commonly uses 2).")
    var minDuration: Int = 1
    @Option(help: "Only this type: method, benchmark or dataset.")
    var type: EntityType?
    @Option(help: "How many bursts to list.")
    var limit: Int = 20
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reportingErrors {
            guard limit >= 0 else { throw UserError("--limit must be 0 or more") }
            let (series, _) = try slicing.series(from: try Store(path: database.db), db: database.db)
            let options = BurstOptions(s: s, gamma: gamma, minDuration: minDuration)
            let bursts = try series.bursts(options: options).filter { type == nil || $0.type == type }.prefix(limit)
            let unit = slicing.by.rawValue
            let table = TextTable(header: ["rank", "name", "type", "start", "end", "\(unit)s", "strength", "papers in burst", "papers"],
                                  rows: bursts.enumerated().map { i, b in
                                      ["\(i + 1)", b.name, b.type.rawValue, b.start, b.end, "\(b.last - b.first + 1)",
                                       fmt(b.strength, 2), "\(b.papers)", "\(b.totalPapers)"]
                                  })
            switch format {
            case .table:
                let labels = series.labels
                print("Bursts (s = \(fmt(s, 2)), γ = \(fmt(gamma, 2)), at least \(minDuration) \(unit)\(minDuration == 1 ? "" : "s")) over "
                      + (labels.isEmpty ? "no dated papers" : "\(labels.count) \(unit)s, \(labels.first!) … \(labels.last!), \(series.datedPapers) dated papers")
                      + ":")
                if bursts.isEmpty {
                    print("No burst at these settings: a burst must gain more than γ · ln(\(labels.count)) = "
                          + fmt(gamma * log(Double(max(labels.count, 1))), 2) + " over the base rate. With few papers per "
                          + "\(unit), try a coarser --by, a larger --s or a smaller --gamma.")
                } else {
                    print(table.text(), terminator: "")
                }
                if let note = leftOutNote(series) { print(note) }
            case .csv:
                print(table.csv(), terminator: "")
                if let note = leftOutNote(series) { printError("litgraph: " + note) }
            case .json:
                print("{\"by\":\"\(unit)\",\"s\":\(s),\"gamma\":\(gamma),\"min_duration\":\(minDuration),\"bursts\":[\n"
                      + bursts.map { b in
                          "{\"name\":\(JSONText.quoted(b.name)),\"type\":\"\(b.type.rawValue)\",\"start\":\(JSONText.quoted(b.start)),"
                              + "\"end\":\(JSONText.quoted(b.end)),\"strength\":\(b.strength),\"papers\":\(b.papers),"
                              + "\"total_papers\":\(b.totalPapers)}"
                      }.joined(separator: ",\n") + "\n],\n\"notes\":" + notesJSON(series) + "}")
            }
        }
    }
}
