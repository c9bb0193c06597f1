import ArgumentParser
import Foundation
import LitgraphExtraction

/// `litgraph bench names`: every string the extractor's matcher searches for, one a line, so competing
/// matchers are given exactly the same names.
struct BenchNames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Write every pattern the extractor's matcher searches for, one a line.")

    @OptionGroup var catalogueOptions: CatalogueOptions
    @Option(help: "Output file.")
    var out: String

    func run() throws {
        try reportingErrors {
            let catalogue = try catalogueOptions.load()
            let extractor = Extractor(catalogue: catalogue)
            // The matcher's own order; a name listed twice (once per case rule) is written once.
            var seen = Set<String>()
            let names = extractor.matcherPatterns.map(\.text).filter { seen.insert($0).inserted }
            let text = names.map { $0 + "\n" }.joined()
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw UserError("\(out): cannot write: \(error.localizedDescription)")
            }
            printError("litgraph bench names: \(names.count) names from \(catalogue.entries.count) entries -> \(out)")
        }
    }
}
