import ArgumentParser
import Foundation
import LitgraphCorpus
import LitgraphExtraction
import LitgraphStore

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read paper records, extract their entities and store both.",
        discussion: """
            Formats by extension: .txt (trending-papers listing), .jsonl/.ndjson, .csv. All files are read first \
            and stored in one transaction: a malformed file stops the run and the database stays as it was. \
            Re-ingesting a file replaces its papers, adding nothing twice.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var catalogueOptions: CatalogueOptions
    @Option(help: "A TSV/CSV sidecar of dates and ids joined by id, arxiv_id, position n or title; repeatable.")
    var meta: [String] = []
    @Option(help: "Force the input format: listing, jsonl or csv.")
    var format: String?
    @Argument(help: "Input files.")
    var files: [String]

    func run() throws {
        try reportingErrors {
            let format = try format.map { name -> RecordFormat in
                guard let f = RecordFormat(rawValue: name) else {
                    throw UserError("unknown format \"\(name)\" (listing, jsonl, csv)")
                }
                return f
            }
            let extractor = Extractor(catalogue: try catalogueOptions.load())
            let sidecars = try meta.map { try MetadataSidecar(contentsOf: URL(fileURLWithPath: $0)) }
            let store = try Store(path: database.db)
            let summaries = try store.ingest(files: files.map(URL.init(fileURLWithPath:)), extractor: extractor,
                                             sidecars: sidecars, format: format)
            for s in summaries {
                print("\(s.file): \(s.papers) papers (\(s.newPapers) new), \(s.mentions) entity mentions")
            }
            print("\(database.db): \(try store.paperCount()) papers, \(try store.entities().count) entities")
        }
    }
}
