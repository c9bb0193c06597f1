import ArgumentParser
import Foundation
import LitgraphCorpus
import LitgraphExtraction

/// `litgraph bench corpus`: a large synthetic corpus made by resampling the bundled listing's titles and
/// abstract sentences, the same bytes for the same seed.
struct BenchCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a synthetic JSON Lines corpus resampled from the bundled listing's titles and sentences.")

    @Option(help: "Number of papers to write.")
    var papers: Int = 100_000
    @Option(help: "Seed of the random number generator (SplitMix64).")
    var seed: UInt64 = 1
    @Option(help: "The listing whose titles and sentences are resampled.")
    var source: String = "corpus/visual-rl-trending.txt"
    @Option(help: "Output file (JSON Lines: id, title, abstract).")
    var out: String

    func validate() throws {
        guard papers > 0 else { throw ValidationError("--papers must be positive") }
    }

    func run() throws {
        try reportingErrors {
            let sourcePapers = try ListingReader().read(URL(fileURLWithPath: source))
            let sampler = SentenceSampler(papers: sourcePapers)
            guard FileManager.default.createFile(atPath: out, contents: nil),
                  let handle = FileHandle(forWritingAtPath: out) else {
                throw UserError("\(out): cannot create")
            }
            defer { try? handle.close() }
            var rng = SplitMix64(seed: seed)
            var chunk = ""
            var bytes = 0
            for n in 1...papers {
                let paper = sampler.paper(id: "bench-\(n)", using: &rng)
                chunk += "{\"id\":\(JSONText.quoted(paper.id)),\"title\":\(JSONText.quoted(paper.title)),"
                    + "\"abstract\":\(JSONText.quoted(paper.abstract))}\n"
                if chunk.utf8.count >= 1 << 20 {
                    bytes += chunk.utf8.count
                    try handle.write(contentsOf: Data(chunk.utf8))
                    chunk = ""
                }
            }
            bytes += chunk.utf8.count
            try handle.write(contentsOf: Data(chunk.utf8))
            printError("litgraph bench corpus: \(papers) papers (seed \(seed)) from \(sampler.titles.count) titles and "
                + "\(sampler.sentences.count) sentences of \(source) -> \(out), \(bytes) bytes")
        }
    }
}

/// Draws synthetic papers from a real corpus: a title drawn from its titles, and an abstract of as many
/// sentences as a randomly drawn real abstract has, each sentence drawn from all of its abstracts'.
struct SentenceSampler {
    let titles: [String]
    let sentences: [String]
    /// Sentence count of each real abstract, so synthetic lengths follow the real distribution.
    let lengths: [Int]

    init(papers: [Paper]) {
        titles = papers.map(\.title)
        let split = papers.map { Self.sentences(of: $0.abstract) }
        sentences = split.flatMap { $0 }
        lengths = split.map(\.count).filter { $0 > 0 }
    }

    func paper(id: String, using rng: inout SplitMix64) -> Paper {
        let title = titles[rng.below(titles.count)]
        let count = lengths[rng.below(lengths.count)]
        var abstract = ""
        for k in 0..<count {
            if k > 0 { abstract += " " }
            abstract += sentences[rng.below(sentences.count)]
        }
        return Paper(id: id, title: title, abstract: abstract)
    }

    /// Splits an abstract after `.`, `?` or `!` followed by a space and a capital letter or digit. Crude
    /// ("e.g. The" splits) but it keeps every byte of the text, which is all a throughput corpus needs.
    static func sentences(of text: String) -> [String] {
        let b = Array(text.utf8)
        var result: [String] = []
        var start = 0
        var i = 0
        while i + 2 < b.count {
            if b[i] == 46 || b[i] == 63 || b[i] == 33, b[i + 1] == 32,
               (b[i + 2] >= 65 && b[i + 2] <= 90) || (b[i + 2] >= 48 && b[i + 2] <= 57) {
                result.append(String(decoding: b[start...i], as: UTF8.self))
                start = i + 2
                i += 2
            } else {
                i += 1
            }
        }
        if start < b.count { result.append(String(decoding: b[start...], as: UTF8.self)) }
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
