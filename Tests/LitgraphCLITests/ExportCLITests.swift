import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LitgraphStore
import Testing
import TestScratch

/// The co-occurrence graph of a database worked out from its stored mentions alone: entity names, and for
/// every pair of entities the number of papers that mention both.
func referenceCooccurrence(_ dbPath: String) throws -> (entities: Set<String>, pairs: [[String]: Int]) {
    var byPaper: [String: Set<String>] = [:]
    for m in try Store(path: dbPath).mentions() { byPaper[m.paperID, default: []].insert(m.entity) }
    var pairs: [[String]: Int] = [:]
    for names in byPaper.values {
        let sorted = names.sorted()
        for i in sorted.indices { for j in sorted.indices where j > i { pairs[[sorted[i], sorted[j]], default: 0] += 1 } }
    }
    return (Set(byPaper.values.joined()), pairs)
}

@Suite(.serialized) struct ExportCLITests {
    @Test func exportsTheCooccurrenceGraphOfTheBundledCorpusInEveryFormat() throws {
        let dir = try Scratch.directory()
        let ingest = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let reference = try referenceCooccurrence(dir.appendingPathComponent("litgraph.db").path)
        #expect(reference.entities.count > 100 && reference.pairs.count > 100)

        func export(_ format: String, _ out: String) throws -> Run {
            let run = try litgraph(["export", "--graph", "cooccurrence", "--format", format, "--out", out], in: dir)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stderr.contains("\(reference.entities.count) nodes, \(reference.pairs.count) edges"))
            return run
        }
        func read(_ name: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }

        // JSON: the same nodes, and the same pairs with the same paper counts as weights.
        #expect(try export("json", "g.json").stdout == "g.json\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read("g.json").utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        // Entity nodes are named "entity:<name>" in every graph, so papers and entities never collide.
        func name(_ id: Any?) -> String { String((id as? String ?? "").dropFirst("entity:".count)) }
        #expect(nodes.allSatisfy { ($0["id"] as? String)?.hasPrefix("entity:") == true })
        #expect(Set(nodes.map { name($0["id"]) }) == reference.entities)
        #expect(nodes.count == reference.entities.count)
        let edges = try #require(json["edges"] as? [[String: Any]])
        var weights: [[String]: Int] = [:]
        for e in edges {
            let pair = [name(e["source"]), name(e["target"])].sorted()
            #expect(weights.updateValue(Int(e["weight"] as? Double ?? 0), forKey: pair) == nil, "pair \(pair) twice")
        }
        #expect(weights == reference.pairs)
        #expect(nodes.allSatisfy { n in
            ["papers", "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank", "cluster"].allSatisfy { n[$0] != nil }
        })

        // GraphML and GEXF: well-formed, the same counts.
        _ = try export("graphml", "g.graphml")
        let graphml = try XMLDocument(xmlString: try read("g.graphml"), options: [])
        #expect(try graphml.nodes(forXPath: "//*[local-name()='node']").count == reference.entities.count)
        #expect(try graphml.nodes(forXPath: "//*[local-name()='edge']").count == reference.pairs.count)
        _ = try export("gexf", "g.gexf")
        let gexf = try XMLDocument(xmlString: try read("g.gexf"), options: [])
        #expect(try gexf.nodes(forXPath: "//*[local-name()='node']").count == reference.entities.count)
        #expect(try gexf.nodes(forXPath: "//*[local-name()='edge']").count == reference.pairs.count)

        // CSV: PATH-nodes.csv and PATH-edges.csv, a trailing .csv dropped from PATH.
        #expect(try export("csv", "g.csv").stdout == "g-nodes.csv\ng-edges.csv\n")
        #expect(try read("g-nodes.csv").components(separatedBy: "\r\n").count == reference.entities.count + 2)
        #expect(try read("g-edges.csv").components(separatedBy: "\r\n").count == reference.pairs.count + 2)

        // VOSviewer: PATH-map.txt and PATH-network.txt, one link per pair, Leiden clusters 1-based.
        #expect(try export("vosviewer", "g").stdout == "g-map.txt\ng-network.txt\n")
        let map = try read("g-map.txt").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(map.count == reference.entities.count + 1)
        // Years colour items (a score), they do not size them (a weight).
        #expect(map[0].contains("score<year>") && !map[0].contains("weight<year>"), "\(map[0])")
        let cluster = try #require(map[0].firstIndex(of: "cluster"))
        let clusters = map.dropFirst().compactMap { Int($0[cluster]) }
        #expect(clusters.count == reference.entities.count && clusters.min() == 1)
        #expect(try read("g-network.txt").split(separator: "\n").count == reference.pairs.count)

        _ = try export("vosviewer-json", "g-vos.json")
        let vos = try #require(try JSONSerialization.jsonObject(with: Data(read("g-vos.json").utf8)) as? [String: Any])
        #expect(((vos["network"] as? [String: Any])?["links"] as? [Any])?.count == reference.pairs.count)

        // Another process, the same bytes.
        for (format, file) in [("json", "g.json"), ("graphml", "g.graphml"), ("gexf", "g.gexf")] {
            let again = try litgraph(["export", "--graph", "cooccurrence", "--format", format], in: dir)
            #expect(again.stdout == (try read(file)), "\(format) differs between runs")
        }
    }

    @Test func exportsTheMentionGraphWithPapersAndEntities() throws {
        let dir = try Scratch.directory()
        _ = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
        let store = try Store(path: dir.appendingPathComponent("litgraph.db").path)
        let mentions = try store.mentions()
        let run = try litgraph(["export", "--graph", "mention", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        // Every stored paper is a node, also one that mentions nothing.
        #expect(nodes.filter { $0["kind"] as? String == "paper" }.count == (try store.paperCount()))
        #expect(nodes.filter { $0["kind"] as? String != "paper" }.count == Set(mentions.map(\.entity)).count)
        #expect((json["edges"] as? [Any])?.count == mentions.count)
        let maniskill = try #require(nodes.first { $0["id"] as? String == "paper:visual-rl-trending-5" })
        #expect((maniskill["label"] as? String)?.hasPrefix("ManiSkill2: A Unified Benchmark") == true)
        #expect(maniskill["date"] as? String == "2023-02")
    }

    @Test func everyKindExportsAndMissingOutputSaysWhatToDo() throws {
        let dir = try Scratch.directory()
        _ = try litgraph(["ingest", "--meta", bundledMeta, bundledCorpus], in: dir)
        for kind in ["cooccurrence", "mention", "method-benchmark", "citation", "builds-on", "lineage"] {
            let run = try litgraph(["export", "--graph", kind, "--format", "graphml"], in: dir)
            #expect(run.status == 0, "\(kind): \(run.stderr)")
            let xml = try XMLDocument(xmlString: run.stdout, options: [])
            #expect(try xml.nodes(forXPath: "//*[local-name()='node']").count > 0, "\(kind)")
        }
        let csv = try litgraph(["export", "--graph", "cooccurrence", "--format", "csv"], in: dir)
        #expect(csv.status != 0)
        #expect(csv.stderr.contains("--out"))
        let unknown = try litgraph(["export", "--graph", "nonsense", "--format", "csv"], in: dir)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("cooccurrence"))
    }
}
