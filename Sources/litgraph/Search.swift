import ArgumentParser
import LitgraphReport
import LitgraphStore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Full-text search over titles and abstracts (FTS5, bm25).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many results.")
    var limit: Int = 20
    @Argument(help: "Words to find (all must occur).")
    var query: [String]

    func run() throws {
        try reportingErrors {
            let hits = try Store(path: database.db).search(query.joined(separator: " "), limit: limit)
            print(TextTable(header: ["id", "date", "title"], rows: hits.map { [$0.id, $0.date ?? "", $0.title] }).text(),
                  terminator: "")
        }
    }
}
