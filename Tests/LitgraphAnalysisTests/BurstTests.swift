import Foundation
import LitgraphAnalysis
import Testing

/// Kleinberg's two-state model against the worked examples of the project's burst reference
/// (/work/shared/reference/bursts.md: d_t = 100, s = 2, γ = 1, exact Viterbi) and the model's properties.
@Suite struct BurstTests {
    static let exampleA = [2, 3, 2, 2, 9, 10, 11, 3, 2, 2, 12, 2]
    static let exampleB = [1, 1, 1, 1, 4, 4, 4, 4, 1, 1, 1, 1]
    static let hundreds = [Int](repeating: 100, count: 12)

    @Test func firstWorkedExampleGivesTwoBursts() throws {
        let r = try kleinbergBursts(relevant: Self.exampleA, totals: Self.hundreds)
        #expect(abs(r.p0 - 0.05) < 1e-12)
        #expect(abs(r.p1 - 0.10) < 1e-12)
        #expect(r.states == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0])
        #expect(r.bursts.map { [$0.first, $0.last] } == [[4, 6], [10, 10]])
        #expect(abs(r.bursts[0].weight - 6.196) < 1e-3)
        #expect(abs(r.bursts[1].weight - 3.560) < 1e-3)
    }

    @Test func secondWorkedExampleGivesOneFourSliceBurst() throws {
        // A greedy pass that keeps only the locally best state finds no burst here; the exact Viterbi does.
        let r = try kleinbergBursts(relevant: Self.exampleB, totals: Self.hundreds)
        #expect(abs(r.p0 - 0.02) < 1e-12)
        #expect(r.states == [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0])
        #expect(r.bursts.count == 1)
        #expect(r.bursts.first.map { [$0.first, $0.last] } == [4, 7])
        #expect(abs((r.bursts.first?.weight ?? 0) - 3.173) < 1e-3)
    }

    @Test func minimumDurationDropsOneSliceBursts() throws {
        let r = try kleinbergBursts(relevant: Self.exampleA, totals: Self.hundreds, options: BurstOptions(minDuration: 2))
        #expect(r.bursts.map { [$0.first, $0.last] } == [[4, 6]])
        // The state sequence is the model's; only the report drops the short run.
        #expect(r.states[10] == 1)
    }

    @Test func constantRateGivesNoBurst() throws {
        #expect(try kleinbergBursts(relevant: [5, 5, 5, 5, 5, 5, 5, 5], totals: [50, 50, 50, 50, 50, 50, 50, 50]).bursts.isEmpty)
        // The same rate (1/10) over slices of different sizes.
        let r = try kleinbergBursts(relevant: [2, 4, 6, 10, 1, 30], totals: [20, 40, 60, 100, 10, 300])
        #expect(r.bursts.isEmpty)
        #expect(r.states == [0, 0, 0, 0, 0, 0])
    }

    @Test func hugeGammaGivesNoBurst() throws {
        #expect(try kleinbergBursts(relevant: Self.exampleA, totals: Self.hundreds, options: BurstOptions(gamma: 1000)).bursts.isEmpty)
        #expect(try kleinbergBursts(relevant: Self.exampleB, totals: Self.hundreds, options: BurstOptions(gamma: 50)).bursts.isEmpty)
    }

    /// Streams with a planted rise: a seeded linear congruential generator, so every run checks the same ones.
    static func streams() -> [(r: [Int], d: [Int])] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var out: [(r: [Int], d: [Int])] = [(exampleA, hundreds), (exampleB, hundreds)]
        for _ in 0..<40 {
            let n = 5 + next(30)
            let d = (0..<n).map { _ in 1 + next(60) }
            let hot = next(n), width = 1 + next(6)
            let r = d.enumerated().map { t, dt in
                let rate = (hot...(hot + width)).contains(t) ? 0.3 : 0.05
                return min(dt, Int(Double(dt) * rate) + (next(3) == 0 ? 1 : 0))
            }
            out.append((r, d))
        }
        return out
    }

    @Test func everyBurstWeighsAtLeastTheCostOfEnteringIt() throws {
        var checked = 0
        for (r, d) in Self.streams() {
            for gamma in [0.0, 0.5, 1, 2, 3] {
                let bound = gamma * log(Double(d.count))
                for b in try kleinbergBursts(relevant: r, totals: d, options: BurstOptions(gamma: gamma)).bursts {
                    #expect(b.weight >= bound - 1e-9, "r=\(r) d=\(d) γ=\(gamma) burst \(b)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    @Test func burstCountDoesNotGrowWithGamma() throws {
        var sawFewer = false
        for (r, d) in Self.streams() {
            var previous = Int.max
            for step in 0...20 {
                let count = try kleinbergBursts(relevant: r, totals: d, options: BurstOptions(gamma: Double(step) * 0.25)).bursts.count
                #expect(count <= previous, "r=\(r) d=\(d) γ=\(Double(step) * 0.25)")
                if count < previous && previous != .max { sawFewer = true }
                previous = count
            }
        }
        #expect(sawFewer)
    }

    @Test func badInputIsRefused() {
        #expect(throws: BurstError.self) { try kleinbergBursts(relevant: [3], totals: [2]) }
        #expect(throws: BurstError.self) { try kleinbergBursts(relevant: [1, 2], totals: [5]) }
        #expect(throws: BurstError.self) { try kleinbergBursts(relevant: [1], totals: [5], options: BurstOptions(s: 1)) }
        #expect(throws: BurstError.self) { try kleinbergBursts(relevant: [1], totals: [5], options: BurstOptions(gamma: -1)) }
        #expect(throws: BurstError.self) { try kleinbergBursts(relevant: [1], totals: [5], options: BurstOptions(minDuration: 0)) }
    }

    @Test func entityBurstsAreLabelledAndSortedByStrength() throws {
        // Slices 2023-01 … 2023-12 with 100 papers each; X follows the first worked example.
        var papers: [DatedPaper] = []
        var mentions: [Mention] = []
        for month in 0..<12 {
            for k in 0..<100 {
                let id = "m\(month)-\(k)"
                papers.append(DatedPaper(id: id, date: "2023-" + (month < 9 ? "0" : "") + "\(month + 1)"))
                if k < Self.exampleA[month] { mentions.append(Mention(paper: id, entity: "X", type: .method)) }
                if k < Self.exampleB[month] { mentions.append(Mention(paper: id, entity: "Y", type: .benchmark)) }
            }
        }
        let series = TimeSeries(papers: papers, mentions: mentions, by: .month)
        let bursts = try series.bursts()
        #expect(bursts.map { "\($0.name) \($0.start) \($0.end) \($0.papers)" }
                == ["X 2023-05 2023-07 30", "X 2023-11 2023-11 12", "Y 2023-05 2023-08 16"])
        #expect(bursts.map(\.strength) == bursts.map(\.strength).sorted(by: >))
        #expect(abs(bursts[0].strength - 6.196) < 1e-3)
        #expect(bursts.allSatisfy { $0.totalPapers == ($0.name == "X" ? 60 : 24) })
    }
}
