import ArgumentParser
import Foundation
import LitgraphCorpus

/// `litgraph bench read`: single-thread time to read a corpus file into papers (the reader alone, no
/// catalogue, no extraction), and optionally every field of every paper, to check a reader change.
struct BenchRead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Time reading a corpus file into papers on one thread.",
        discussion: """
            Prints one line: "bench measurement=litgraph-read papers= bytes= mb= runs= best_s= median_s= …", \
            where bytes are the file's bytes and found is the number of papers read.
            """)

    @Option(name: .customLong("repeat"), help: "Runs; the best and the median are reported.")
    var runs: Int = 3
    @Option(help: ArgumentHelp("Also write every paper with all its fields and its line, one JSON object a line, "
        + "to check that a change to a reader yields the same papers.", valueName: "file"))
    var dump: String?
    @Argument(help: "The corpus (.jsonl, .csv or .txt listing).")
    var file: String

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--repeat must be positive") }
    }

    func run() throws {
        try reportingErrors {
            let url = URL(fileURLWithPath: file)
            var papers = try readRecords(url)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            if let dump {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                var out = Data()
                for paper in papers {
                    out += try encoder.encode(DumpedPaper(paper: paper, line: paper.line))
                    out.append(0x0A)
                }
                do { try out.write(to: URL(fileURLWithPath: dump)) } catch {
                    throw UserError("\(dump): cannot write: \(error.localizedDescription)")
                }
            }
            var failure: Error?
            Measurement(name: "litgraph-read", foundKind: "papers", papers: papers.count, bytes: bytes)
                .report(runs: runs) {
                    do { papers = try readRecords(url) } catch { failure = error }
                    return papers.count
                }
            if let failure { throw failure }
        }
    }

    /// A paper with its line, which `Paper`'s own coding leaves out.
    struct DumpedPaper: Encodable {
        var paper: Paper
        var line: Int?
    }
}
