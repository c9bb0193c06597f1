import ArgumentParser
import Foundation
import LitgraphCorpus
import LitgraphExtraction

/// `litgraph bench extract`: single-thread throughput of the catalogue matcher alone and of full
/// extraction over a corpus read beforehand, best and median of N runs, one parseable line each.
struct BenchExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Time the matcher alone and full extraction on one thread over a corpus file.",
        discussion: """
            Prints one line per measurement: "bench measurement=NAME papers= bytes= mb= runs= best_s= \
            median_s= abstracts_per_s= mb_per_s= found= found_kind= peak_rss_mib=". Throughput is from the \
            best run; MB is 10^6 bytes of title + newline + abstract in UTF-8, the text extraction reads. \
            Full extraction is `Extractor.extract(_:)` per paper (no second, corpus-wide pass).
            """)

    @OptionGroup var catalogueOptions: CatalogueOptions
    @Option(name: .customLong("repeat"), help: "Runs per measurement; the best and the median are reported.")
    var runs: Int = 5
    @Option(help: ArgumentHelp("Also write every matcher hit, one paper a line (start:end:value:pattern), "
        + "to check that a change to the matcher finds the same hits.", valueName: "file"))
    var dumpHits: String?
    @Flag(help: ArgumentHelp("Also time the stages of extraction cumulatively (text, +tokenize, +match, "
        + "+acronyms, +introductions, +discovery): one stage's cost is the difference from the line before; "
        + "what full extraction adds to the last is building the entities (roles, aliases, counts)."))
    var stages = false
    @Argument(help: "The corpus (.jsonl, .csv or .txt listing).")
    var file: String

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--repeat must be positive") }
    }

    func run() throws {
        try reportingErrors {
            // Not timed: the catalogue, the matcher's tables and the corpus.
            let catalogue = try catalogueOptions.load()
            let extractor = Extractor(catalogue: catalogue)
            let papers = try readRecords(URL(fileURLWithPath: file))
            // The same bytes extraction reads: title, a newline, the abstract (native UTF-8 strings).
            let texts = papers.map { $0.title + "\n" + $0.abstract }
            let bytes = texts.reduce(0) { $0 + $1.utf8.count }
            let matcher = extractor.catalogueMatcher
            emit("bench info=litgraph papers=\(papers.count) bytes=\(bytes) patterns=\(extractor.matcherPatterns.count) "
                + "states=\(matcher.stateCount) entries=\(catalogue.entries.count) "
                + "peak_rss_mib=\(Self.mib(peakResidentKiB())) when=loaded")

            if let dumpHits {
                var out = ""
                for text in texts {
                    var text = text
                    let hits = text.withUTF8 { matcher.matches(in: $0) }
                    out += hits.map { "\($0.start):\($0.end):\($0.value):\($0.pattern)" }.joined(separator: " ") + "\n"
                }
                do { try Data(out.utf8).write(to: URL(fileURLWithPath: dumpHits)) } catch {
                    throw UserError("\(dumpHits): cannot write: \(error.localizedDescription)")
                }
            }
            let matcherRun = Measurement(name: "litgraph-matcher", foundKind: "hits", papers: papers.count, bytes: bytes)
            matcherRun.report(runs: runs) {
                var hits = 0
                for text in texts {
                    var text = text
                    hits += text.withUTF8 { matcher.matches(in: $0).count }
                }
                return hits
            }
            let extractRun = Measurement(name: "litgraph-extract", foundKind: "entities", papers: papers.count, bytes: bytes)
            extractRun.report(runs: runs) {
                var entities = 0
                for paper in papers { entities += extractor.extract(paper).entities.count }
                return entities
            }
            if stages {
                for stage in Extractor.Stage.allCases {
                    Measurement(name: "litgraph-upto-\(stage.rawValue)", foundKind: stage.rawValue, papers: papers.count,
                                bytes: bytes).report(runs: runs) { extractor.run(upTo: stage, on: papers) }
                }
            }
        }
    }

    static func mib(_ kib: Int?) -> String { kib.map { String(format: "%.1f", Double($0) / 1024) } ?? "NA" }
}

/// One timed measurement: runs a body N times on the calling thread and prints its best and median.
struct Measurement {
    var name: String
    var foundKind: String
    var papers: Int
    var bytes: Int

    /// Runs `body` (which returns what it found, so the work cannot be dropped) and prints the line.
    func report(runs: Int, _ body: () -> Int) {
        let clock = ContinuousClock()
        var seconds: [Double] = []
        var found = 0
        for run in 0..<runs {
            var result = 0
            let elapsed = clock.measure { result = body() }
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            if run > 0 && result != found {
                printError("litgraph bench: \(name) found \(result) then \(found): the runs disagree")
            }
            found = result
        }
        seconds.sort()
        let best = seconds[0]
        let median = seconds.count % 2 == 1 ? seconds[seconds.count / 2]
            : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
        let mb = Double(bytes) / 1e6
        emit("bench measurement=\(name) papers=\(papers) bytes=\(bytes) mb=\(String(format: "%.3f", mb)) "
            + "runs=\(runs) best_s=\(String(format: "%.6f", best)) median_s=\(String(format: "%.6f", median)) "
            + "abstracts_per_s=\(String(format: "%.0f", Double(papers) / best)) "
            + "mb_per_s=\(String(format: "%.3f", mb / best)) found=\(found) found_kind=\(foundKind) "
            + "peak_rss_mib=\(BenchExtract.mib(peakResidentKiB()))")
    }
}

/// Writes one line to standard output at once (unbuffered), so a line is out before the next run starts.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
