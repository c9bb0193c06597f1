import IgraphKit
import LitgraphAnalysis
import Testing

/// `centralities(of:weighted:)` and `communities(of:...)` against networkx (Fixtures/make_expected.py).
@Suite struct CentralityTests {
    let expected = Expected.values

    var karateGraph: WeightedGraph {
        WeightedGraph(nodeCount: expected.karate.nodes, edges: expected.karate.edges.map { WeightedEdge($0[0], $0[1]) })
    }

    /// The weighted graph of make_expected.py, written out here too: a main component 0–7, a pair 8–9 and an
    /// isolated node 10, with weights in {0.5, 1, 2, 4} so 1/w path lengths are exact.
    static let weightedGraph = WeightedGraph(nodeCount: 11, edges: [
        WeightedEdge(0, 1, weight: 4), WeightedEdge(0, 2, weight: 1), WeightedEdge(1, 2, weight: 2),
        WeightedEdge(1, 3, weight: 0.5), WeightedEdge(2, 3, weight: 4), WeightedEdge(3, 4, weight: 1),
        WeightedEdge(4, 5, weight: 2), WeightedEdge(4, 6, weight: 1), WeightedEdge(5, 6, weight: 4),
        WeightedEdge(5, 7, weight: 0.5), WeightedEdge(6, 7, weight: 2), WeightedEdge(2, 6, weight: 0.5),
        WeightedEdge(8, 9, weight: 2),
    ])

    /// The directed graph of make_expected.py: a cycle 0→1→2→0, a branch through 3 and 4, and node 5 with no
    /// out-edges.
    static let directedGraph = WeightedGraph(nodeCount: 6, edges: [
        WeightedEdge(0, 1), WeightedEdge(1, 2), WeightedEdge(2, 0), WeightedEdge(2, 3), WeightedEdge(3, 4),
        WeightedEdge(4, 2), WeightedEdge(4, 5), WeightedEdge(1, 5), WeightedEdge(3, 0),
    ], directed: true)

    func expectMatches(_ actual: Centralities, _ reference: Expected.Measures, _ name: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        expectClose(actual.degree, reference.degree, "\(name) degree", sourceLocation: sourceLocation)
        expectClose(actual.strength, reference.strength, "\(name) strength", sourceLocation: sourceLocation)
        expectClose(actual.betweenness, reference.betweenness, "\(name) betweenness", sourceLocation: sourceLocation)
        expectClose(actual.closeness, reference.closeness, "\(name) closeness", sourceLocation: sourceLocation)
        expectClose(actual.pagerank, reference.pagerank, "\(name) pagerank", sourceLocation: sourceLocation)
        if let eigenvector = reference.eigenvector {
            expectClose(actual.eigenvector, eigenvector, "\(name) eigenvector", sourceLocation: sourceLocation)
        }
    }

    @Test func literalGraphsMatchTheScript() {
        #expect(Self.weightedGraph.nodeCount == expected.weighted.nodes)
        #expect(Self.weightedGraph.edges.map { [Double($0.source), Double($0.target), $0.weight] }
                == expected.weighted.edges)
        #expect(Self.directedGraph.nodeCount == expected.directed.nodes)
        #expect(Self.directedGraph.edges.map { [$0.source, $0.target] } == expected.directed.edges)
    }

    @Test func karateClubMatchesNetworkx() throws {
        expectMatches(try centralities(of: karateGraph, weighted: false), expected.karate.unweighted, "karate")
    }

    @Test func weightedGraphMatchesNetworkx() throws {
        expectMatches(try centralities(of: Self.weightedGraph, weighted: true), expected.weighted.weighted, "weighted")
    }

    @Test func weightedGraphReadUnweightedMatchesNetworkx() throws {
        expectMatches(try centralities(of: Self.weightedGraph, weighted: false), expected.weighted.unweighted,
                      "unweighted")
    }

    @Test func directedGraphMatchesNetworkx() throws {
        let values = try centralities(of: Self.directedGraph, weighted: false)
        expectMatches(values, expected.directed.unweighted, "directed")
        #expect(abs(values.pagerank.reduce(0, +) - 1) <= 1e-12)
    }

    @Test func edgelessGraph() throws {
        let graph = WeightedGraph(nodeCount: expected.edgeless.nodes, edges: [])
        let values = try centralities(of: graph, weighted: true)
        expectMatches(values, expected.edgeless.unweighted, "edgeless")
        #expect(values.eigenvector == [0, 0, 0, 0])
        let partition = try communities(of: graph, weighted: true)
        #expect(partition == Communities(membership: [0, 1, 2, 3], count: 4, modularity: 0))
    }

    @Test func emptyGraph() throws {
        let graph = WeightedGraph(nodeCount: 0, edges: [])
        let values = try centralities(of: graph, weighted: false)
        #expect(CentralityMeasure.allCases.allSatisfy { values[$0].isEmpty })
        #expect(try communities(of: graph, weighted: false) == Communities(membership: [], count: 0, modularity: 0))
    }

    @Test(arguments: [0.0, -1.0, .nan, .infinity])
    func invalidWeightsThrowWhenWeighted(weight: Double) throws {
        let graph = WeightedGraph(nodeCount: 3, edges: [WeightedEdge(0, 1), WeightedEdge(1, 2, weight: weight)])
        let error = #expect(throws: InvalidWeightError.self) { try centralities(of: graph, weighted: true) }
        #expect(error?.edge == 1)
        #expect(throws: InvalidWeightError.self) { try communities(of: graph, weighted: true) }
        // Unweighted measures ignore the weights.
        #expect(try centralities(of: graph, weighted: false).degree == [1, 2, 1])
    }

    @Test func edgeToMissingNodeThrowsIgraphError() {
        let graph = WeightedGraph(nodeCount: 2, edges: [WeightedEdge(0, 2)])
        let error = #expect(throws: IgraphError.self) { try centralities(of: graph, weighted: false) }
        #expect(error?.message == "Invalid vertex ID")
        #expect(throws: IgraphError.self) { try communities(of: graph, weighted: false) }
    }

    @Test func karateCommunitiesReachNetworkxOptimum() throws {
        let found = try communities(of: karateGraph, weighted: false, seed: 1)
        let optimum = try #require(expected.karate.partitions.first { $0.name == "louvain_best" })
        #expect(found.modularity >= 0.41)
        #expect(found.count == 4)
        #expect(blocks(found.membership) == blocks(optimum.membership))
        #expect(abs(found.modularity - optimum.modularity) <= 1e-9)
        // Numbered by decreasing size.
        let sizes = (0..<found.count).map { label in found.membership.filter { $0 == label }.count }
        #expect(sizes == sizes.sorted(by: >))
    }

    @Test func communitiesAreDeterministic() throws {
        for seed: UInt64 in [1, 2, 3] {
            let first = try communities(of: karateGraph, weighted: false, seed: seed)
            #expect(try communities(of: karateGraph, weighted: false, seed: seed) == first)
        }
    }

    @Test func weightedCommunitiesMatchNetworkxModularity() throws {
        let reference = expected.weighted.partition
        let weighted = try communities(of: Self.weightedGraph, weighted: true)
        #expect(blocks(weighted.membership) == blocks(reference.membership))
        #expect(abs(weighted.modularity - reference.modularityWeighted) <= 1e-9)
        let unweighted = try communities(of: Self.weightedGraph, weighted: false)
        #expect(unweighted.modularity >= reference.modularityUnweighted - 1e-12)
    }

    @Test func directedGraphCommunitiesIgnoreDirection() throws {
        let found = try communities(of: Self.directedGraph, weighted: false)
        #expect(found.membership.count == 6)
        #expect(found.modularity >= 0)
    }

    @Test func measureSubscriptCoversEveryMeasure() {
        let values = Centralities(degree: [1], strength: [2], betweenness: [3], closeness: [4], eigenvector: [5],
                                  pagerank: [6])
        #expect(CentralityMeasure.allCases.map { values[$0][0] } == [1, 2, 3, 4, 5, 6])
        #expect(CentralityMeasure.allCases.map(\.rawValue)
                == ["degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank"])
    }
}
