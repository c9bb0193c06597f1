import ArgumentParser
import Foundation
import LitgraphExtraction

/// `litgraph acronyms`: the acronym definitions of a plain text, or their score against SciAI gold.
struct Acronyms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the acronym definitions of a text, or score them against SciAI gold (--sciai).",
        discussion: """
            With a text file (or - for standard input), prints one definition per line as SHORT<TAB>long form, \
            in text order; lines of a paragraph are joined, blank lines separate paragraphs.

            With --sciai FILE.json (SciAI acronym identification data, Veyseh et al. 2020: a JSON list of \
            {id, tokens, labels} with BIO labels B/I-short and B/I-long), rebuilds each sentence from its \
            tokens joined by single spaces, finds definitions, and reports long-form precision, recall and F1 \
            (a long form is correct when its token span equals a gold long span), and the same for short forms \
            as halves of definitions (gold short forms without a long form in the sentence are not expected).
            """)

    @Option(help: "Score against a SciAI-format gold file instead of printing definitions.")
    var sciai: String?
    @Option(help: "With --sciai: false positives and misses to list, each with its sentence (0 for none).")
    var errors: Int = 0
    @Argument(help: "A plain-text file, or - for standard input.")
    var file: String?

    func validate() throws {
        if sciai == nil && file == nil { throw ValidationError("give a text file (or -), or --sciai FILE.json") }
        if sciai != nil && file != nil { throw ValidationError("give either a text file or --sciai, not both") }
        if errors < 0 { throw ValidationError("--errors must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            if let sciai {
                let sentences = try SciAISentence.load(URL(fileURLWithPath: sciai))
                print(Self.report(AcronymScore(sentences), file: sciai, errors: errors), terminator: "")
            } else if let file {
                let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : try Data(contentsOf: URL(fileURLWithPath: file))
                var out = ""
                for paragraph in Self.paragraphs(String(decoding: data, as: UTF8.self)) {
                    for d in AcronymDefinitions.find(in: paragraph) { out += "\(d.short)\t\(d.long)\n" }
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }

    /// The paragraphs of a text, each with its lines joined by spaces, so that a definition may cross a line
    /// break but not a blank line.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    static func report(_ score: AcronymScore, file: String, errors: Int) -> String {
        func line(_ label: String, _ c: AcronymScore.Counts) -> String {
            String(format: "%@  P %.3f  R %.3f  F1 %.3f   (tp %d, predicted %d, gold %d)\n", label as NSString,
                   c.precision, c.recall, c.f1, c.truePositives, c.predicted, c.expected)
        }
        var out = "\(file): \(score.sentences) sentences\n"
        out += line("long forms ", score.long)
        out += line("short forms", score.short)
        guard errors > 0 else { return out }
        out += "\nfalse positives (first \(min(errors, score.falsePositives.count)) of \(score.falsePositives.count)):\n"
        for m in score.falsePositives.prefix(errors) {
            out += "  \(m.id) \(m.kind): predicted [\(m.predicted ?? "")], gold [\(m.gold ?? "none")]\n    \(m.sentence)\n"
        }
        out += "\nmisses (first \(min(errors, score.misses.count)) of \(score.misses.count)):\n"
        for m in score.misses.prefix(errors) {
            out += "  \(m.id) \(m.kind): gold [\(m.gold ?? "")]\n    \(m.sentence)\n"
        }
        return out
    }
}
