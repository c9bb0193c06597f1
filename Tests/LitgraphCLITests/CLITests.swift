import Foundation
import Testing
import TestScratch

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let bundledCorpus = repoRoot.appendingPathComponent("corpus/visual-rl-trending.txt").path
let bundledMeta = repoRoot.appendingPathComponent("corpus/visual-rl-trending-meta.tsv").path

/// The built `litgraph` executable, next to the test bundle in the build products folder.
let executable: URL = {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("litgraph")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("litgraph")
}()

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `litgraph` with arguments in a scratch directory and collects its output.
func litgraph(_ arguments: [String], in directory: URL) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
               stderr: String(decoding: stderr, as: UTF8.self))
}

@Suite(.serialized) struct CLITests {
    @Test func extractPrintsOneJSONObjectPerPaper() throws {
        let dir = try Scratch.directory()
        let input = dir.appendingPathComponent("in.jsonl")
        try """
            {"id": "p1", "title": "ManiSkill2: A Unified Benchmark for Generalizable Manipulation Skills", "abstract": "We compare DrQ-v2 and DreamerV3 on the DeepMind Control Suite (DMControl)."}
            {"id": "p\\"2", "title": "Nothing <here> & \\"there\\"", "abstract": ""}
            """.write(to: input, atomically: true, encoding: .utf8)
        let run = try litgraph(["extract", "--format", "jsonl", input.path], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "p1")
        #expect((first["title"] as? String)?.hasPrefix("ManiSkill2") == true)
        let entities = try #require(first["entities"] as? [[String: Any]])
        for e in entities {
            #expect(Set(e.keys) == ["name", "type", "surface", "introduced", "count", "role"])
            #expect(["introduces", "uses", "compares", "mentions"].contains(e["role"] as? String))
            #expect(["method", "benchmark", "dataset"].contains(e["type"] as? String))
            #expect((e["surface"] as? [String])?.isEmpty == false)
            #expect((e["count"] as? Int ?? 0) >= 1)
        }
        let maniskill = try #require(entities.first { $0["name"] as? String == "ManiSkill2" })
        #expect(maniskill["introduced"] as? Bool == true)
        #expect(maniskill["type"] as? String == "benchmark")
        let dmc = try #require(entities.first { $0["name"] as? String == "DeepMind Control Suite" })
        #expect(Set(dmc["surface"] as? [String] ?? []) == ["DeepMind Control Suite", "DMControl"])
        #expect(dmc["introduced"] as? Bool == false)
        #expect(dmc["role"] as? String == "compares" || dmc["role"] as? String == "uses")
        #expect(maniskill["role"] as? String == "introduces")
        #expect(entities.contains { $0["name"] as? String == "DrQ-v2" })
        #expect(!entities.contains { $0["name"] as? String == "DrQ" })
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["id"] as? String == "p\"2")
        #expect(second["title"] as? String == "Nothing <here> & \"there\"")
    }

    @Test func ingestThenAskWhichPapersUseManiSkill2AndDMControl() throws {
        let dir = try Scratch.directory()
        let ingest = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("litgraph.db").path))

        let maniskill = try litgraph(["papers", "--uses", "ManiSkill2", "--format", "csv", "--any-role"], in: dir)
        #expect(maniskill.status == 0)
        #expect(maniskill.stdout.contains("visual-rl-trending-5,2023-02,introduces,ManiSkill2,ManiSkill2: A Unified Benchmark"))
        // By default the paper that introduces it is listed apart from the papers that use it.
        let table = try litgraph(["papers", "--uses", "ManiSkill2"], in: dir)
        let introducedBy = try #require(table.stdout.range(of: "Introduced by:"))
        #expect(table.stdout[introducedBy.upperBound...].contains("visual-rl-trending-5  2023-02  introduces"))

        let byName = try litgraph(["papers", "--uses", "DeepMind Control Suite", "--format", "json", "--any-role"], in: dir)
        let byAlias = try litgraph(["papers", "--uses", "DMControl", "--format", "json", "--any-role"], in: dir)
        #expect(byName.status == 0 && byAlias.status == 0)
        #expect(byName.stdout == byAlias.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [String: Any])
        let papers = try #require(json["papers"] as? [[String: Any]])
        let using = try litgraph(["papers", "--uses", "DMControl", "--format", "json"], in: dir)
        let usingJSON = try #require(try JSONSerialization.jsonObject(with: Data(using.stdout.utf8)) as? [String: Any])
        let users = try #require(usingJSON["papers"] as? [[String: Any]])
        #expect(users.allSatisfy { ["uses", "compares"].contains($0["role"] as? String) })
        #expect(users.count >= papers.count - 2 && users.count <= papers.count)
        // Independent reference: the listing's records whose text names the suite in any spelling, or one of
        // its family (Distracting Control Suite, DMControl 100k), which `papers` includes unless --exact.
        let lines = try String(contentsOfFile: bundledCorpus, encoding: .utf8).components(separatedBy: "\n")
        let pattern = try NSRegularExpression(pattern: "deepmind control suite|distracting control suite|\\bdm ?control\\b|\\bDMC\\b",
                                              options: [.caseInsensitive])
        var expected: Set<String> = []
        for n in 1...195 {
            let record = lines[2 * n] + " " + lines[2 * n + 1]
            if pattern.firstMatch(in: record, range: NSRange(record.startIndex..., in: record)) != nil {
                expected.insert("visual-rl-trending-\(n)")
            }
        }
        #expect(expected.count >= 5)
        #expect(Set(papers.compactMap { $0["id"] as? String }) == expected)
    }

    @Test func unknownEntitySuggestsClosestNames() throws {
        let dir = try Scratch.directory()
        _ = try litgraph(["ingest", bundledCorpus], in: dir)
        let run = try litgraph(["papers", "--uses", "ManiSkil"], in: dir)
        #expect(run.status != 0)
        #expect(run.stderr.contains("no entity \"ManiSkil\""))
        #expect(run.stderr.contains("ManiSkill2"))
    }

    @Test func malformedInputFailsWithFileLineAndLeavesNoDatabaseChange() throws {
        let dir = try Scratch.directory()
        let bad = dir.appendingPathComponent("bad.csv")
        try "id,title,abstract\na,One,x\nb,\"Two,y\n".write(to: bad, atomically: true, encoding: .utf8)
        _ = try litgraph(["ingest", bundledCorpus], in: dir)
        let db = dir.appendingPathComponent("litgraph.db")
        let before = try Data(contentsOf: db)
        let run = try litgraph(["ingest", bad.path], in: dir)
        #expect(run.status != 0)
        #expect(run.stderr.contains("bad.csv:3:"))
        #expect(run.stderr.contains("never closed"))
        #expect(try Data(contentsOf: db) == before)
    }

    @Test func topListsEntitiesByPapersAndCentrality() throws {
        let dir = try Scratch.directory()
        _ = try litgraph(["ingest", bundledCorpus], in: dir)
        let run = try litgraph(["top", "--type", "benchmark", "--limit", "5", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.map(String.init) == ["rank", "name", "type", "papers", "degree", "strength", "betweenness", "closeness",
                                                  "eigenvector", "pagerank"])
        #expect(rows.count == 6)
        #expect(rows.dropFirst().allSatisfy { $0[2] == "benchmark" })
        let papers = rows.dropFirst().map { Int($0[3]) ?? 0 }
        #expect(papers == papers.sorted(by: >))
    }
}
