import ArgumentParser
import Foundation
import LitgraphCorpus
import LitgraphExtraction

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the entities of each paper, straight from input files (no database).")

    @OptionGroup var catalogueOptions: CatalogueOptions
    @Option(help: "Output format (jsonl: one JSON object per paper).")
    var format: String = "jsonl"
    @Argument(help: "Input files (.txt listing, .jsonl, .csv).")
    var files: [String]

    func run() throws {
        try reportingErrors {
            guard format == "jsonl" else { throw UserError("unknown format \"\(format)\" (jsonl)") }
            let extractor = Extractor(catalogue: try catalogueOptions.load())
            let papers = try files.flatMap { try readRecords(URL(fileURLWithPath: $0)) }
            var out = ""
            for result in extractor.extract(papers) {
                out += result.jsonLine
                out += "\n"
                if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
