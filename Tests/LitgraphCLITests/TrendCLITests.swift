import Foundation
import Testing
import TestScratch

/// `litgraph trends` and `litgraph bursts` on the bundled corpus, dated by its sidecar.
@Suite(.serialized) struct TrendCLITests {
    /// A scratch directory holding litgraph.db made from the bundled corpus and its months.
    func ingested() throws -> URL {
        let dir = try Scratch.directory()
        let run = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        return dir
    }

    /// Papers per month straight from the sidecar's `month` column: the denominator, counted without litgraph.
    func sidecarMonths() throws -> [String: Int] {
        var months: [String: Int] = [:]
        let lines = try String(contentsOfFile: bundledMeta, encoding: .utf8).split(separator: "\n").dropFirst()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 2, !fields[2].isEmpty { months[String(fields[2]), default: 0] += 1 }
        }
        return months
    }

    func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func monthlyCountsOfGPT4oAndGRPOArePinnedAndSlicesAreContinuous() throws {
        let dir = try ingested()
        let run = try litgraph(["trends", "GPT-4o", "Group Relative Policy Optimization", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("194 of 195 papers counted; left out: 1 without a date"))
        let rows = csvRows(run.stdout)
        #expect(rows.first == ["month", "papers", "GPT-4o", "GRPO"])
        let body = Array(rows.dropFirst())
        // Continuous: every month from the first dated paper to the last, empty months included.
        #expect(body.first?[0] == "2016-11" && body.last?[0] == "2025-03")
        #expect(body.count == (2025 - 2016) * 12 + 3 - 11 + 1)
        #expect(body.contains { $0[0] == "2018-06" && $0[1] == "0" })
        let sidecar = try sidecarMonths()
        #expect(body.allSatisfy { Int($0[1]) == sidecar[$0[0], default: 0] })
        let lastSeven = body.suffix(7).map { $0.joined(separator: " ") }
        #expect(lastSeven == ["2024-09 3 0 0", "2024-10 10 1 0", "2024-11 12 4 0", "2024-12 10 1 0",
                              "2025-01 8 2 0", "2025-02 4 1 0", "2025-03 8 0 3"])
        #expect(body.dropLast(7).allSatisfy { $0[2] == "0" && $0[3] == "0" })
    }

    @Test func sharesAndQuartersAndSince() throws {
        let dir = try ingested()
        let run = try litgraph(["trends", "GRPO", "--share", "--by", "quarter", "--since", "2024", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // 2025-Q1 holds 8 + 4 + 8 = 20 dated papers; 3 mention GRPO.
        #expect(csvRows(run.stdout) == [["quarter", "papers", "GRPO"], ["2024-Q1", "28", "0.0000"], ["2024-Q2", "18", "0.0000"],
                                        ["2024-Q3", "11", "0.0000"], ["2024-Q4", "32", "0.0000"], ["2025-Q1", "20", "0.1500"]])
        let bad = try litgraph(["trends", "GRPO", "--since", "last spring"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("--since"))
    }

    @Test func withoutNamesGRPOAndDeepSeekR1EmergeInMarch2025() throws {
        let dir = try ingested()
        let run = try litgraph(["trends", "--format", "json", "--limit", "50"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let recent = try #require(json["recent"] as? [String: Any])
        #expect(recent["from"] as? String == "2024-10" && recent["to"] as? String == "2025-03")
        #expect(recent["papers"] as? Int == 52)
        let rising = try #require(json["rising"] as? [[String: Any]])
        let grpo = try #require(rising.first { $0["name"] as? String == "GRPO" })
        #expect(grpo["new"] as? Bool == true && grpo["first"] as? String == "2025-03" && grpo["recent_papers"] as? Int == 3)
        #expect(abs((grpo["recent_share"] as? Double ?? 0) - 3.0 / 52) < 1e-12)
        let r1 = try #require(rising.first { $0["name"] as? String == "DeepSeek-R1" })
        #expect(r1["new"] as? Bool == true && r1["recent_papers"] as? Int == 4)
        // Largest rise first; GPT-4o went from none of 29 papers to 9 of 52.
        #expect(rising.first?["name"] as? String == "GPT-4o")
        let changes = rising.compactMap { $0["change"] as? Double }
        #expect(changes == changes.sorted(by: >))
        let fading = try #require(json["fading"] as? [[String: Any]])
        #expect(fading.allSatisfy { ($0["recent_share"] as? Double ?? 1) <= 0.5 * ($0["peak_share"] as? Double ?? 0) })
        #expect(fading.contains { $0["name"] as? String == "GPT-4V" })
        #expect((json["notes"] as? [String: Any])?["undated"] as? Int == 1)
    }

    @Test func burstsByQuarterMatchTheIndependentReference() throws {
        let dir = try ingested()
        // Fixtures/kleinberg_reference.py on this database: GPT-4o 2024-Q4 2025-Q1 4.094, and no other burst.
        let run = try litgraph(["bursts", "--by", "quarter", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let bursts = try #require(json["bursts"] as? [[String: Any]])
        #expect(bursts.count == 1)
        #expect(bursts.first?["name"] as? String == "GPT-4o")
        #expect(bursts.first?["start"] as? String == "2024-Q4" && bursts.first?["end"] as? String == "2025-Q1")
        #expect(abs((bursts.first?["strength"] as? Double ?? 0) - 4.094) < 1e-3)
        #expect(bursts.first?["papers"] as? Int == 9)
        // A larger s lets the 4 DeepSeek-R1 papers of 2025-03 stand out as a one-month burst; --min-duration 2 drops it.
        let s5 = try litgraph(["bursts", "--s", "5", "--format", "csv"], in: dir)
        let rows = csvRows(s5.stdout).dropFirst().map { [$0[1], $0[3], $0[4]] }
        #expect(rows == [["GPT-4o", "2024-11", "2025-02"], ["DeepSeek-R1", "2025-03", "2025-03"]])
        let long = try litgraph(["bursts", "--s", "5", "--min-duration", "2", "--format", "csv"], in: dir)
        #expect(csvRows(long.stdout).dropFirst().map { $0[1] } == ["GPT-4o"])
        let none = try litgraph(["bursts"], in: dir)
        #expect(none.status == 0 && none.stdout.contains("No burst at these settings"))
        let bad = try litgraph(["bursts", "--s", "1"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("s must be greater than 1"))
    }

    @Test func familyCountsMembersUnderTheirRootOnce() throws {
        let dir = try ingested()
        let run = try litgraph(["trends", "GPT-4o", "--family", "--by", "year", "--since", "2023", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // GPT-4o, GPT-4V (under GPT-4), GPT-3.5, GPT-4 and GPT-3 (under GPT): distinct papers per year.
        #expect(csvRows(run.stdout) == [["year", "papers", "GPT"], ["2023", "56", "3"], ["2024", "89", "14"], ["2025", "20", "4"]])
    }

    @Test func groupsCountAPaperOnceForAllTheirMembers() throws {
        let dir = try ingested()
        // GRPO (3 papers) and DeepSeek-R1 (4) share papers in 2025-Q1: the group counts each paper once.
        let group = "GRPO-style=Group Relative Policy Optimization,DeepSeek-R1"
        let run = try litgraph(["trends", "GRPO-style", "GRPO", "DeepSeek-R1", "--group", group, "--by", "quarter",
                                "--since", "2025", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = csvRows(run.stdout)
        // The group's members are counted under it, so the member names name the group too (one column).
        #expect(rows.first == ["quarter", "papers", "GRPO-style"])
        #expect(rows.dropFirst().first == ["2025-Q1", "20", "4"])
        // Bursts count the group as one entity (its members are not listed apart): GRPO-style fine-tuning bursts
        // in 2025, by year at the defaults, where GRPO alone (3 papers) does not.
        let bursts = try litgraph(["bursts", "--by", "year", "--group", group, "--format", "csv"], in: dir)
        #expect(bursts.status == 0, "\(bursts.stderr)")
        let burstRows = csvRows(bursts.stdout)
        #expect(burstRows.count == 2 && burstRows[1].contains("GRPO-style") && burstRows[1].contains("2025"), "\(burstRows)")
        let alone = try litgraph(["bursts", "--by", "year", "--format", "csv"], in: dir)
        #expect(!alone.stdout.contains("GRPO"), "\(alone.stdout)")
        #expect(!bursts.stdout.contains("DeepSeek-R1,"), "members are counted under the group: \(bursts.stdout)")
        let bad = try litgraph(["trends", "--group", "no label here"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("LABEL=NAME"))
        let unknown = try litgraph(["trends", "--group", "x=NoSuchMethodAnywhere"], in: dir)
        #expect(unknown.status != 0 && unknown.stderr.contains("NoSuchMethodAnywhere"))
    }

    @Test func unknownNameFailsWithSuggestions() throws {
        let dir = try ingested()
        let run = try litgraph(["trends", "GPRO"], in: dir)
        #expect(run.status != 0)
        #expect(run.stderr.contains("no entity \"GPRO\"") && run.stderr.contains("GRPO"))
        #expect(run.stdout.isEmpty)
    }
}
