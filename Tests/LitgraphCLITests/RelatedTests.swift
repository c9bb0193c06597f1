import Foundation
import Testing
import TestScratch

/// `litgraph related` on the bundled corpus.
@Suite(.serialized) struct RelatedTests {
    /// Ids of the papers that name `entity` itself (not its family), in any role, read through `papers`.
    func paperIDs(_ entity: String, in dir: URL) throws -> Set<String> {
        let run = try litgraph(["papers", "--uses", entity, "--exact", "--any-role", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return Set((json["papers"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    }

    @Test func relatedListsCoOccurringEntitiesWithCountsAndMeasures() throws {
        let dir = try Scratch.directory()
        let ingest = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let run = try litgraph(["related", "DMControl", "--measure", "count", "--limit", "100", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["rank", "name", "type", "papers", "count", "association", "association-vos", "jaccard",
                               "cosine", "inclusion", "npmi"])
        let body = rows.dropFirst()
        #expect(body.count >= 5)
        let counts = body.map { Int($0[4]) ?? 0 }
        #expect(counts == counts.sorted(by: >))
        let byName = Dictionary(body.map { ($0[1], $0) }, uniquingKeysWith: { a, _ in a })
        // Pinned: Adroit shares papers 6 and 63 with DeepMind Control Suite (5 papers of 195), DrQ-v2 paper 8.
        let adroit = try #require(byName["Adroit"])
        #expect(adroit[2] == "benchmark" && adroit[3] == "2" && adroit[4] == "2")
        #expect(Double(adroit[5]) == 39)     // 195·2 / (5·2)
        #expect(Double(adroit[7]) == 0.4)    // 2 / (5 + 2 − 2)
        let drq = try #require(byName["DrQ-v2"])
        #expect(drq[2] == "method" && drq[4] == "1")
        // Independent of the co-occurrence code: intersect the papers `papers --uses` lists for each side.
        let suite = try paperIDs("DeepMind Control Suite", in: dir)
        #expect(suite.count == 5)
        for name in ["Adroit", "DrQ-v2", "Meta-World"] {
            let row = try #require(byName[name], "\(name) co-occurs with DeepMind Control Suite")
            #expect(Int(row[4]) == suite.intersection(try paperIDs(name, in: dir)).count, "\(name)")
        }
        #expect(suite.intersection(try paperIDs("Adroit", in: dir)) == ["visual-rl-trending-6", "visual-rl-trending-63"])

        // The sort measure comes first and the header names its variant; the name and an alias agree.
        let vos = try litgraph(["related", "DeepMind Control Suite", "--measure", "association-vos", "--type", "method"], in: dir)
        #expect(vos.status == 0, "\(vos.stderr)")
        let lines = vos.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("DeepMind Control Suite (benchmark): 5 of 195 papers."))
        #expect(lines[0].contains("VOSviewer/CWTS"))
        #expect(lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                == ["rank", "name", "type", "papers", "association-vos", "count", "association", "jaccard", "cosine",
                    "inclusion", "npmi"])
        let vosCSV = try litgraph(["related", "DMControl", "--measure", "association-vos", "--type", "method", "--format", "csv"],
                                  in: dir)
        let methods = vosCSV.stdout.split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == methods.count + 3)
        #expect(!methods.isEmpty && methods.allSatisfy { $0[2] == "method" })
        let strengths = methods.map { Double($0[4]) ?? -1 }
        #expect(strengths == strengths.sorted(by: >))
        let probabilistic = try litgraph(["related", "DMControl", "--type", "method"], in: dir)
        #expect(probabilistic.stdout.split(separator: "\n").first?.contains("probabilistic") == true)

        let json = try litgraph(["related", "DMC", "--format", "json", "--limit", "3", "--min-count", "2"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["entity"] as? String == "DeepMind Control Suite")
        #expect(object["corpus_papers"] as? Int == 195)
        #expect(object["measure"] as? String == "association")
        let related = try #require(object["related"] as? [[String: Any]])
        #expect(!related.isEmpty && related.count <= 3)
        #expect(related.allSatisfy { ($0["count"] as? Int ?? 0) >= 2 })
        #expect(related.allSatisfy { Set($0.keys) == ["name", "type", "papers", "count", "association", "association-vos",
                                                         "jaccard", "cosine", "inclusion", "npmi"] })
    }

    @Test func relatedRejectsUnknownNamesAndBadOptions() throws {
        let dir = try Scratch.directory()
        _ = try litgraph(["ingest", bundledCorpus], in: dir)
        let unknown = try litgraph(["related", "ManiSkil"], in: dir)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no entity \"ManiSkil\""))
        #expect(unknown.stderr.contains("ManiSkill2"))
        let measure = try litgraph(["related", "ManiSkill2", "--measure", "pmi"], in: dir)
        #expect(measure.status != 0)
        #expect(measure.stderr.contains("association-vos"))
        let minCount = try litgraph(["related", "ManiSkill2", "--min-count", "0"], in: dir)
        #expect(minCount.status != 0)
        #expect(minCount.stderr.contains("--min-count"))
    }
}
