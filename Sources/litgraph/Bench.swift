import ArgumentParser
import Foundation

/// `litgraph bench`: the pieces of the benchmarks: `scripts/bench-extract` runs corpus, names and extract beside
/// pyahocorasick and flashtext; `scripts/bench-analysis` runs analysis beside networkx.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks: make a synthetic corpus, list the matcher's names, time extraction and analysis.",
        discussion: """
            scripts/bench-extract runs corpus, names and extract on one core and compares litgraph with \
            pyahocorasick and flashtext on the same names and texts; scripts/bench-analysis runs analysis \
            beside networkx.
            """,
        subcommands: [BenchCorpus.self, BenchNames.self, BenchExtract.self, BenchRead.self, BenchAnalysis.self]
    )
}

/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA): a
/// 64-bit seeded generator, so a benchmark corpus is the same bytes for the same seed on every machine and
/// Swift version. O(1) per draw.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A draw from 0..<n by Lemire's multiply-shift (2019, "Fast random integer generation in an interval"),
    /// without rejection: the bias is below n / 2⁶⁴, far under anything a benchmark corpus can show.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }
}

/// The process's peak resident set size (VmHWM in /proc/self/status), in KiB; nil where there is no /proc.
func peakResidentKiB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
    }
    return nil
}
