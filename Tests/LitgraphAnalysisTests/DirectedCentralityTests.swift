import Foundation
import IgraphKit
import LitgraphAnalysis
import Testing

/// Reference values of `Fixtures/make_directed_weighted.py` (networkx 3.6.1), read from
/// `Fixtures/expected_directed_weighted.json`.
struct DirectedWeightedExpected: Decodable, Sendable {
    var nodes: Int
    var edges: [[Double]]
    var weighted: Expected.Measures
    var unweighted: Expected.Measures

    static let values: DirectedWeightedExpected = {
        guard let url = Bundle.module.url(
            forResource: "expected_directed_weighted", withExtension: "json", subdirectory: "Fixtures")
        else { fatalError("Fixtures/expected_directed_weighted.json missing from the test bundle") }
        do {
            return try JSONDecoder().decode(Self.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read expected_directed_weighted.json: \(error)")
        }
    }()
}

/// Centralities of a directed weighted graph against networkx: direction (betweenness over directed paths,
/// closeness to the node, eigenvector and PageRank from in-edges) and weights (1/w lengths, w strengths).
@Suite struct DirectedCentralityTests {
    let expected = DirectedWeightedExpected.values

    /// make_directed_weighted.py's graph, written out here too: a strongly connected core 0–5 and a sink 6.
    static let graph = WeightedGraph(nodeCount: 7, edges: [
        WeightedEdge(0, 1, weight: 2), WeightedEdge(1, 2, weight: 1), WeightedEdge(2, 0, weight: 4),
        WeightedEdge(2, 3, weight: 0.5), WeightedEdge(3, 4, weight: 2), WeightedEdge(4, 5, weight: 1),
        WeightedEdge(5, 2, weight: 2), WeightedEdge(1, 3, weight: 4), WeightedEdge(4, 0, weight: 0.5),
        WeightedEdge(3, 6, weight: 1), WeightedEdge(5, 6, weight: 4), WeightedEdge(0, 4, weight: 1),
    ], directed: true)

    func expectMatches(_ actual: Centralities, _ reference: Expected.Measures, _ name: String) {
        expectClose(actual.degree, reference.degree, "\(name) degree")
        expectClose(actual.strength, reference.strength, "\(name) strength")
        expectClose(actual.betweenness, reference.betweenness, "\(name) betweenness")
        expectClose(actual.closeness, reference.closeness, "\(name) closeness")
        expectClose(actual.pagerank, reference.pagerank, "\(name) pagerank")
        expectClose(actual.eigenvector, reference.eigenvector ?? [], "\(name) eigenvector")
    }

    @Test func literalGraphMatchesTheScript() {
        #expect(Self.graph.nodeCount == expected.nodes)
        #expect(Self.graph.edges.map { [Double($0.source), Double($0.target), $0.weight] } == expected.edges)
    }

    @Test func weightedMatchesNetworkx() throws {
        expectMatches(try centralities(of: Self.graph, weighted: true), expected.weighted, "weighted")
    }

    @Test func unweightedMatchesNetworkx() throws {
        expectMatches(try centralities(of: Self.graph, weighted: false), expected.unweighted, "unweighted")
    }

    @Test func oneMeasureAloneEqualsItsValueAmongAll() throws {
        for weighted in [true, false] {
            let all = try centralities(of: Self.graph, weighted: weighted)
            for measure in CentralityMeasure.allCases {
                #expect(try centrality(measure, of: Self.graph, weighted: weighted) == all[measure], "\(measure)")
            }
        }
    }

    @Test func directedEigenvectorIsTheSameToTheLastBitWhateverRanBefore() throws {
        let igraph = try IgraphGraph(
            vertexCount: 7, edges: Self.graph.edges.map { IgraphGraph.Edge($0.source, $0.target) }, directed: true)
        let first = try igraph.eigenvectorCentrality()
        _ = try IgraphGraph.famous("Zachary").leiden(seed: 99)
        #expect(try igraph.eigenvectorCentrality() == first)
        #expect(try igraph.eigenvectorCentrality() == first)
    }

    @Test func reversingEdgesChangesDirectedMeasures() throws {
        var reversed = Self.graph
        reversed.edges = reversed.edges.map { WeightedEdge($0.target, $0.source, weight: $0.weight) }
        let forward = try centralities(of: Self.graph, weighted: true)
        let backward = try centralities(of: reversed, weighted: true)
        #expect(forward.strength == backward.strength)
        #expect(forward.pagerank != backward.pagerank)
        #expect(forward.closeness != backward.closeness)
        // The sink 6 receives but never passes on: reversed, it becomes a source nothing reaches.
        #expect(backward.closeness[6] == 0)
    }
}

/// Leiden with modularity and with CPM on Zachary's karate club and on labeled graphs.
@Suite struct CommunityObjectiveTests {
    let karate = WeightedGraph(
        nodeCount: Expected.values.karate.nodes,
        edges: Expected.values.karate.edges.map { WeightedEdge($0[0], $0[1]) })

    /// CPM's quality as igraph defines it, computed here from the partition: (1/2m) Σ_c [2 w_c − γ n_c²].
    func cpmQuality(_ graph: WeightedGraph, _ membership: [Int], _ gamma: Double) -> Double {
        var inside = [Double](repeating: 0, count: (membership.max() ?? -1) + 1)
        var sizes = inside
        for community in membership { sizes[community] += 1 }
        for edge in graph.edges where membership[edge.source] == membership[edge.target] {
            inside[membership[edge.source]] += edge.weight
        }
        let m = graph.edges.reduce(0) { $0 + $1.weight }
        return zip(inside, sizes).reduce(0) { $0 + 2 * $1.0 - gamma * $1.1 * $1.1 } / (2 * m)
    }

    @Test func cpmAndModularityDifferAtAResolution() throws {
        let modularity = try communities(of: karate, weighted: false, objective: .modularity, resolution: 1)
        let cpm = try communities(of: karate, weighted: false, objective: .cpm, resolution: 0.25)
        #expect(modularity.count == 4)
        #expect(blocks(cpm.membership) != blocks(modularity.membership))
        // CPM at γ = 0.25 wants communities denser than 1 edge in 4 pairs: more and smaller ones.
        #expect(cpm.count > modularity.count)
        #expect(abs(modularity.quality - modularity.modularity) <= 1e-12)
        #expect(abs(cpm.quality - cpmQuality(karate, cpm.membership, 0.25)) <= 1e-9)
        #expect(cpm.modularity < modularity.modularity)
    }

    @Test(arguments: CommunityObjective.allCases)
    func sameSeedSamePartition(objective: CommunityObjective) throws {
        let gamma = objective == .cpm ? cpmDefaultResolution(of: karate, weighted: false) : 1
        for seed: UInt64 in [1, 7, 42] {
            let first = try communities(of: karate, weighted: false, seed: seed, objective: objective, resolution: gamma)
            let again = try communities(of: karate, weighted: false, seed: seed, objective: objective, resolution: gamma)
            #expect(first == again)
        }
    }

    @Test func cpmDefaultResolutionIsTheDensity() {
        #expect(abs(cpmDefaultResolution(of: karate, weighted: false) - 78.0 / 561.0) <= 1e-15)
        let weighted = WeightedGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, weight: 2), WeightedEdge(1, 2, weight: 4)])
        #expect(cpmDefaultResolution(of: weighted, weighted: true) == 2)
        #expect(cpmDefaultResolution(of: weighted, weighted: false) == 2.0 / 3.0)
        #expect(cpmDefaultResolution(of: WeightedGraph(nodeCount: 1, edges: []), weighted: true) == 1)
    }

    @Test(arguments: [-1.0, .nan, .infinity])
    func badResolutionThrows(resolution: Double) {
        #expect(throws: InvalidResolutionError.self) {
            try communities(of: karate, weighted: false, objective: .cpm, resolution: resolution)
        }
    }

    /// Two triangles of entities joined by one light edge, each with a hub mentioned more.
    static let twoClusters = AnalysisInput(
        papers: (1...6).map { .init(id: "p\($0)", title: "Paper \($0)") },
        entities: ["A", "B", "C", "X", "Y", "Z"].map { .init(name: $0, type: $0 < "X" ? .method : .benchmark) },
        mentions: [
            ("p1", ["A", "B", "C"]), ("p2", ["A", "B"]), ("p3", ["A", "C"]),
            ("p4", ["X", "Y", "Z"]), ("p5", ["X", "Y"]), ("p6", ["C", "X"]),
        ].flatMap { paper, names in names.map { AnalysisInput.Mention(paper: paper, entity: $0, role: .uses) } })

    @Test func communitiesOfALabeledGraphAreLabelledByTheirMostCentral() throws {
        let graph = try AnalysisGraphs.build(.cooccurrence, from: Self.twoClusters)
        let report = try findCommunities(in: graph, objective: .modularity, labelSize: 2)
        #expect(report.resolution == 1)
        #expect(report.communities.count == 2)
        #expect(Set(report.communities.map { Set($0.members.map { graph.nodes[$0].label }) })
                == [["A", "B", "C"], ["X", "Y", "Z"]])
        let pagerank = try centralities(of: graph.graph, weighted: true).pagerank
        #expect(report.scores == pagerank)
        for community in report.communities {
            let scores = community.members.map { pagerank[$0] }
            #expect(scores == scores.sorted(by: >))
            #expect(community.label == community.members.prefix(2).map { graph.nodes[$0].label })
        }
        #expect(report.communities.contains { $0.label.first == "C" })
        #expect(report.communities.contains { $0.label.first == "X" })
        let labeled = graph.addingCommunities(report)
        #expect(labeled.nodes.indices.map { labeled.attribute("community", of: $0) }
                == report.partition.membership.map(AttributeValue.int))
        #expect(try findCommunities(in: graph, objective: .modularity, labelSize: 2) == report)
        let cpm = try findCommunities(in: graph, objective: .cpm)
        #expect(cpm.resolution == cpmDefaultResolution(of: graph.graph, weighted: true))
    }

    @Test func mentionGraphCommunitiesAreLabelledByEntities() throws {
        let graph = try AnalysisGraphs.build(.mention, from: Self.twoClusters)
        let report = try findCommunities(in: graph)
        for community in report.communities {
            let kinds = community.members.map { graph.nodes[$0].kind }
            if kinds.contains(where: { $0 != "paper" }) {
                #expect(community.label.allSatisfy { label in graph.nodes.first { $0.label == label }?.kind != "paper" })
            }
        }
    }
}
