import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the trend report: README.md, a self-contained index.html, and SVG maps.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Folder to write into.")
    var out: String = "Reports/visual-rl"
    @Option(help: "The report's title.")
    var title: String = "Visual reinforcement learning and vision-language models"
    @Option(help: "Entities on the co-occurrence map.")
    var mapSize: Int = 45

    func run() throws {
        try reportingErrors {
            let corpus = try AnalysisInput(store: try Store(path: database.db))
            guard !corpus.papers.isEmpty else {
                throw UserError("\(database.db) has no papers: run `litgraph ingest FILE…` first")
            }
            let input = ReportInput(title: title, corpus: corpus, catalogueSize: try Catalogue.shipped().entries.count,
                                    mapSize: mapSize)
            let files = try TrendReport.build(input)
            let folder = URL(fileURLWithPath: out)
            try TrendReport.write(files, to: folder)
            for name in files.keys.sorted() { print(folder.appendingPathComponent(name).path) }
        }
    }
}
