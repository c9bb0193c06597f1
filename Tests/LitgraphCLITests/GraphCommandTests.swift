import Foundation
import Testing
import TestScratch

/// The bundled corpus ingested once (with its dates) for the graph commands' tests.
let bundledDatabase: Result<URL, Error> = Result {
    let dir = try Scratch.directory()
    let run = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
    guard run.status == 0 else { throw CLIFailure(message: run.stderr) }
    return dir
}

/// Five papers citing each other in every reference form; see Tests/LitgraphAnalysisTests/Fixtures.
let citingPapers = repoRoot.appendingPathComponent("Tests/LitgraphAnalysisTests/Fixtures/citing-papers.jsonl").path

struct CLIFailure: Error { var message: String }

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

@Suite(.serialized) struct GraphCommandTests {
    @Test func communitiesCoverEveryNodeTheSameWayEachRun() throws {
        let dir = try bundledDatabase.get()
        let first = try litgraph(["communities", "--format", "json", "--min-size", "1"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try litgraph(["communities", "--format", "json", "--min-size", "1"], in: dir)
        #expect(first.stdout == again.stdout)
        let json = try jsonObject(first.stdout)
        let communities = try #require(json["communities"] as? [[String: Any]])
        #expect(json["graph"] as? String == "cooccurrence")
        #expect(json["objective"] as? String == "modularity")
        #expect(json["resolution"] as? Double == 1)
        #expect(communities.count == json["communities_total"] as? Int)
        let members = communities.flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        #expect(members.count == json["nodes"] as? Int)
        #expect(Set(members).count == members.count)
        for community in communities {
            let names = (community["members"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            let label = community["label"] as? [String] ?? []
            #expect(community["size"] as? Int == names.count)
            #expect(label == Array(names.prefix(3)))
            let scores = (community["members"] as? [[String: Any]] ?? []).compactMap { $0["pagerank"] as? Double }
            #expect(scores == scores.sorted(by: >))
        }
        let sizes = communities.compactMap { $0["size"] as? Int }
        #expect(sizes == sizes.sorted(by: >))
        // Vision-and-language navigation datasets are named together paper after paper.
        let vln = communities.filter { community in
            let names = Set((community["members"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
            return !names.isDisjoint(with: ["R2R", "REVERIE", "SOON"])
        }
        #expect(vln.count == 1)
        let modularity = try #require(json["modularity"] as? Double)
        #expect(modularity > 0.3 && modularity < 1)
    }

    @Test func cpmGivesOtherCommunitiesThanModularity() throws {
        let dir = try bundledDatabase.get()
        func partition(_ extra: [String]) throws -> (json: [String: Any], blocks: Set<Set<String>>) {
            let run = try litgraph(["communities", "--format", "json", "--min-size", "1"] + extra, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let json = try jsonObject(run.stdout)
            let communities = json["communities"] as? [[String: Any]] ?? []
            return (json, Set(communities.map { community in
                Set((community["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            }))
        }
        let modularity = try partition([])
        let cpm = try partition(["--objective", "cpm", "--resolution", "0.5"])
        #expect(cpm.json["objective"] as? String == "cpm")
        #expect(cpm.json["resolution"] as? Double == 0.5)
        #expect(cpm.blocks != modularity.blocks)
        #expect(cpm.blocks.count > modularity.blocks.count)
        // Another seed or the default CPM resolution still gives one partition of all nodes.
        let cpmDefault = try partition(["--objective", "cpm", "--seed", "7"])
        #expect(cpmDefault.blocks.reduce(0) { $0 + $1.count } == modularity.blocks.reduce(0) { $0 + $1.count })
        let resolution = try #require(cpmDefault.json["resolution"] as? Double)
        #expect(resolution > 0 && resolution < 0.5)
    }

    @Test func communitiesTableAndCSV() throws {
        let dir = try bundledDatabase.get()
        let table = try litgraph(["communities", "--graph", "method-benchmark"], in: dir)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("method-benchmark graph: ") == true)
        #expect(lines[1].hasPrefix("Leiden, modularity at resolution 1, seed 1: "))
        #expect(lines.contains { $0.hasPrefix("id  size  label (top pagerank)") })
        #expect(lines.contains { $0.hasPrefix("[0] ") })
        let csv = try litgraph(["communities", "--graph", "method-benchmark", "--format", "csv", "--min-size", "1"], in: dir)
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.first == "community,size,label,rank,id,name,type,pagerank")
        let json = try jsonObject(try litgraph(["communities", "--graph", "method-benchmark", "--format", "json"], in: dir).stdout)
        #expect(rows.count - 1 == json["nodes"] as? Int)
    }

    @Test func topWorksOnEveryGraphOfTheBundledCorpus() throws {
        let dir = try bundledDatabase.get()
        for graph in ["cooccurrence", "mention", "method-benchmark", "citation", "builds-on", "lineage"] {
            for by in ["degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank"] {
                let run = try litgraph(["top", "--graph", graph, "--by", by, "--limit", "5", "--format", "json"], in: dir)
                #expect(run.status == 0, "\(graph) \(by): \(run.stderr)")
                let rows = try jsonArray(run.stdout)
                #expect(rows.count == 5, "\(graph) \(by)")
                let values = rows.compactMap { $0[by] as? Double }
                #expect(values == values.sorted(by: >), "\(graph) \(by)")
            }
        }
        // In the mention graph an entity's degree is the number of papers naming it.
        let mention = try jsonArray(try litgraph(["top", "--graph", "mention", "--type", "method", "--limit", "30",
                                                  "--format", "json"], in: dir).stdout)
        #expect(mention.count == 30)
        #expect(mention.allSatisfy { ($0["degree"] as? Double).map(Int.init) == $0["papers"] as? Int })
        // Unweighted, strength is the degree; weighted, some co-occurrence counts exceed 1.
        let unweighted = try jsonArray(try litgraph(["top", "--unweighted", "--limit", "30", "--format", "json"], in: dir).stdout)
        #expect(unweighted.allSatisfy { $0["strength"] as? Double == $0["degree"] as? Double })
        let weighted = try jsonArray(try litgraph(["top", "--limit", "30", "--format", "json"], in: dir).stdout)
        #expect(weighted.contains { ($0["strength"] as? Double ?? 0) > ($0["degree"] as? Double ?? 0) })
        // Lineage: DreamerV3's parent in the catalogue is Dreamer; both are in the corpus.
        let lineage = try jsonArray(try litgraph(["top", "--graph", "lineage", "--by", "degree", "--limit", "400",
                                                  "--format", "json"], in: dir).stdout)
        #expect(lineage.first { $0["name"] as? String == "Dreamer" }.flatMap { $0["degree"] as? Double } ?? 0 >= 2)
    }

    @Test func citationAndBuildsOnFromRecordsWithReferences() throws {
        let dir = try Scratch.directory()
        let ingest = try litgraph(["ingest", citingPapers], in: dir)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        func degrees(_ graph: String) throws -> [String: Double] {
            let run = try litgraph(["top", "--graph", graph, "--by", "degree", "--format", "json"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            return Dictionary(uniqueKeysWithValues: try jsonArray(run.stdout).map {
                ($0["id"] as? String ?? "", $0["degree"] as? Double ?? -1)
            })
        }
        // p2→p1, p3→p1, p3→p2, p4→p1, p4→p3, p5→p2 (p3's self-citation and three unresolved references dropped).
        #expect(try degrees("citation") == ["paper:p1": 3, "paper:p2": 3, "paper:p3": 3, "paper:p4": 2, "paper:p5": 1])
        // p2→p1, p3→p1, p3→p2, p4→p1, p4→p2; p5 (2020-11) predates TorqueNet (2021-03).
        #expect(try degrees("builds-on") == ["paper:p1": 3, "paper:p2": 3, "paper:p3": 2, "paper:p4": 2, "paper:p5": 0])
        let ranked = try jsonArray(try litgraph(["top", "--graph", "builds-on", "--format", "json"], in: dir).stdout)
        #expect(ranked.first?["id"] as? String == "paper:p1")
        #expect(ranked.first?["papers"] is NSNull)
        let communities = try litgraph(["communities", "--graph", "citation", "--format", "json"], in: dir)
        #expect(communities.status == 0, "\(communities.stderr)")
    }

    @Test func badOptionsFailWithAMessage() throws {
        let dir = try bundledDatabase.get()
        let by = try litgraph(["top", "--by", "fame"], in: dir)
        #expect(by.status != 0)
        #expect(by.stderr.contains("unknown order \"fame\""))
        let graph = try litgraph(["top", "--graph", "friendship"], in: dir)
        #expect(graph.status != 0)
        #expect(graph.stderr.contains("friendship"))
        let type = try litgraph(["top", "--type", "person"], in: dir)
        #expect(type.status != 0)
        let resolution = try litgraph(["communities", "--resolution", "-1"], in: dir)
        #expect(resolution.status != 0)
        #expect(resolution.stderr.contains("--resolution"))
        let minCount = try litgraph(["communities", "--min-count", "0"], in: dir)
        #expect(minCount.status != 0)
    }
}
