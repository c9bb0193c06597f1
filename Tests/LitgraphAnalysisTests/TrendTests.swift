import LitgraphAnalysis
import Testing

/// Papers per entity per slice, shares and growth on a literal corpus whose figures are worked out by hand
/// in the comments.
@Suite struct TrendTests {
    // Month slices 2023-01 … 2023-06 hold 2, 0, 1, 2, 1, 1 dated papers. p4 is dated by year alone, p5 has no
    // date, p10's month does not exist.
    static let papers = [
        DatedPaper(id: "p1", date: "2023-01"), DatedPaper(id: "p2", date: "2023-01-15"),
        DatedPaper(id: "p3", date: "2023-03"), DatedPaper(id: "p4", date: "2023"),
        DatedPaper(id: "p5", date: nil), DatedPaper(id: "p6", date: "2023-04"),
        DatedPaper(id: "p7", date: "2023-04-30"), DatedPaper(id: "p8", date: "2023-05"),
        DatedPaper(id: "p9", date: "2023-06"), DatedPaper(id: "p10", date: "2023-13"),
    ]
    static let mentions = [
        Mention(paper: "p1", entity: "A", type: .method), Mention(paper: "p2", entity: "A", type: .method),
        Mention(paper: "p2", entity: "A", type: .method, count: 3), // the same paper twice counts once
        Mention(paper: "p6", entity: "A", type: .method),
        Mention(paper: "p6", entity: "B", type: .benchmark), Mention(paper: "p7", entity: "B", type: .benchmark),
        Mention(paper: "p8", entity: "B", type: .benchmark), Mention(paper: "p9", entity: "B", type: .benchmark),
        Mention(paper: "p4", entity: "C", type: .dataset), Mention(paper: "p5", entity: "C", type: .dataset),
        Mention(paper: "p8", entity: "D", type: .method), Mention(paper: "p9", entity: "D", type: .method),
    ]

    @Test func datesReadAsSlices() {
        #expect(TimeGranularity.month.slice(of: "2023-02-14") == .slice(2023 * 12 + 1))
        #expect(TimeGranularity.quarter.slice(of: "2023-12") == .slice(2023 * 4 + 3))
        #expect(TimeGranularity.year.slice(of: "2023-02") == .slice(2023))
        #expect(TimeGranularity.month.slice(of: "2023") == .tooCoarse)
        #expect(TimeGranularity.month.slice(of: "2023-00") == .unreadable)
        #expect(TimeGranularity.year.slice(of: "23 Feb") == .unreadable)
        #expect(TimeGranularity.year.slice(of: "2023-") == .unreadable)
        #expect(TimeGranularity.month.label(of: 2023 * 12 + 1) == "2023-02")
        #expect(TimeGranularity.quarter.label(of: 2023 * 4 + 3) == "2023-Q4")
        #expect(TimeGranularity.year.label(of: 987) == "0987")
    }

    @Test func monthlyCountsAreContinuousAndLeaveOutUndatedPapers() throws {
        let s = TimeSeries(papers: Self.papers, mentions: Self.mentions, by: .month)
        #expect(s.labels == ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"])
        #expect(s.totals == [2, 0, 1, 2, 1, 1])
        #expect(s.entities.map(\.name) == ["A", "B", "D"])
        #expect(s.series(named: "A")?.counts == [2, 0, 0, 1, 0, 0])
        #expect(s.series(named: "B")?.counts == [0, 0, 0, 2, 1, 1])
        #expect((s.undated, s.tooCoarse, s.unreadable) == (1, 1, 1))
        let share = s.share(of: try #require(s.series(named: "B")))
        #expect(share == [0, nil, 0, 1, 1, 1])
    }

    @Test func quartersAndYearsRegroupTheSamePapers() {
        let q = TimeSeries(papers: Self.papers, mentions: Self.mentions, by: .quarter)
        #expect(q.labels == ["2023-Q1", "2023-Q2"])
        #expect(q.totals == [3, 4])
        #expect(q.series(named: "A")?.counts == [2, 1])
        let y = TimeSeries(papers: Self.papers, mentions: Self.mentions, by: .year)
        #expect(y.totals == [8])
        #expect(y.series(named: "C")?.counts == [1]) // p4 counts in its year; p5 still has no date
        #expect((y.undated, y.tooCoarse, y.unreadable) == (1, 0, 1))
    }

    @Test func growthRisingEmergingAndFading() throws {
        // Window 2: recent = 2023-05…06 (2 papers), previous = 2023-03…04 (3 papers).
        let s = TimeSeries(papers: Self.papers, mentions: Self.mentions, by: .month)
        let summary = s.trends(options: TrendOptions(window: 2))
        #expect(summary.recent == 4..<6 && summary.previous == 2..<4)
        let b = try #require(summary.all.first { $0.name == "B" })
        #expect(b.recentShare == 1 && abs(b.previousShare - 2.0 / 3) < 1e-12 && abs(b.change - 1.0 / 3) < 1e-12)
        // Shares 0, 1, 1, 1 at slices 2…5: slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)² = 1.5 / 5.
        #expect(abs(b.slope - 0.3) < 1e-12)
        #expect(!b.isNew)
        let a = try #require(summary.all.first { $0.name == "A" })
        // A's best two-slice window before the recent one is 2023-01…02: 2 of 2 papers.
        #expect(a.peakShare == 1 && a.peakPapers == 2 && a.peakStart == "2023-01")
        #expect(abs(a.change + 1.0 / 3) < 1e-12)
        #expect((a.firstSlice, a.lastSlice) == ("2023-01", "2023-04"))
        #expect(summary.rising.map(\.name) == ["D", "B"])
        #expect(summary.emerging.map(\.name) == ["D"])
        #expect(summary.fading.map(\.name) == ["A"])
        // Stricter thresholds: B's one-third rise is not enough, and A has no two-paper peak under minPapers 3.
        let strict = s.trends(options: TrendOptions(window: 2, minPapers: 2, minChange: 0.5))
        #expect(strict.rising.map(\.name) == ["D"])
        #expect(s.trends(options: TrendOptions(window: 2, minPapers: 3)).fading.isEmpty)
    }

    @Test func familiesMapToTheirRoot() {
        let f = EntityFamilies(parents: [("GPT-4o", "GPT-4"), ("GPT-4", "GPT"), ("GPT", nil), ("a", "b"), ("b", "a")])
        #expect(f.root(of: "GPT-4o") == "GPT")
        #expect(f.root(of: "gpt-4o") == "GPT")
        #expect(f.root(of: "PPO") == "PPO")
        #expect(f.root(of: "a") == "b")
    }

    @Test func noDatedPaperGivesAnEmptySeries() {
        let s = TimeSeries(papers: [DatedPaper(id: "x", date: nil)], mentions: [Mention(paper: "y", entity: "E", type: .method)],
                           by: .month)
        #expect(s.totals.isEmpty && s.entities.isEmpty)
        #expect(s.undated == 2) // "y" is mentioned but not listed: it has no date either
        #expect(s.trends(options: TrendOptions(window: 3)).rising.isEmpty)
    }
}
