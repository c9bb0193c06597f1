import IgraphKit
import Testing

/// The IgraphKit wrapper against networkx on Zachary's karate club, and its error, seeding and edge-case behaviour.
@Suite struct IgraphKitTests {
    let karate = Expected.values.karate

    @Test func zacharyIsNetworkxKarateClub() throws {
        let graph = try IgraphGraph.famous("Zachary")
        #expect(graph.vertexCount == 34)
        #expect(graph.edgeCount == 78)
        #expect(!graph.isDirected)
        let edges = Set(try graph.edges().map { [min($0.source, $0.target), max($0.source, $0.target)] })
        #expect(edges == Set(karate.edges))
    }

    @Test func zacharyCentralitiesMatchNetworkx() throws {
        let graph = try IgraphGraph.famous("Zachary")
        let expected = karate.unweighted
        expectClose(try graph.degree(), expected.degree, "degree")
        expectClose(try graph.strength(weights: nil), expected.degree, "strength")
        expectClose(try graph.betweenness(weights: nil), expected.betweenness, "betweenness")
        expectClose(try graph.closeness(weights: nil), expected.closeness, "closeness")
        expectClose(try graph.pagerank(), expected.pagerank, "pagerank")
        expectClose(try graph.eigenvectorCentrality(), try #require(expected.eigenvector), "eigenvector")
    }

    @Test func closenessScalingsOnDisconnectedGraph() throws {
        // A path 0-1-2 and an isolated vertex 3.
        let graph = try IgraphGraph(vertexCount: 4, edges: [(0, 1), (1, 2)])
        let mean = try graph.closeness(weights: nil, scaling: .inverseMeanDistance)
        let total = try graph.closeness(weights: nil, scaling: .inverseTotalDistance)
        let wassermanFaust = try graph.closeness(weights: nil, scaling: .wassermanFaust)
        expectClose(Array(mean.prefix(3)), [2.0 / 3, 1, 2.0 / 3], "inverse mean distance")
        expectClose(Array(total.prefix(3)), [1.0 / 3, 1.0 / 2, 1.0 / 3], "inverse total distance")
        expectClose(wassermanFaust, [4.0 / 9, 2.0 / 3, 4.0 / 9, 0], "Wasserman-Faust")
        #expect(mean[3].isNaN && total[3].isNaN)
    }

    @Test func directedDegreeModes() throws {
        let graph = try IgraphGraph(vertexCount: 3, edges: [(0, 1), (0, 2), (1, 2)], directed: true)
        #expect(try graph.degree(mode: .out) == [2, 1, 0])
        #expect(try graph.degree(mode: .in) == [0, 1, 2])
        #expect(try graph.degree(mode: .all) == [2, 2, 2])
        #expect(try graph.strength(weights: [1, 2, 4], mode: .in) == [0, 1, 6])
    }

    @Test func edgeToMissingVertexThrows() {
        let error = #expect(throws: IgraphError.self) {
            try IgraphGraph(vertexCount: 3, edges: [(0, 1), (1, 3)])
        }
        #expect(error?.code == 7)
        #expect(error?.message == "Invalid vertex ID")
        #expect(error?.description.hasPrefix("igraph error 7 (Invalid vertex ID)") == true)
        #expect(throws: IgraphError.self) { try IgraphGraph(vertexCount: 3, edges: [(-1, 1)]) }
        #expect(throws: IgraphError.self) { try IgraphGraph(vertexCount: -1, edges: [IgraphGraph.Edge]()) }
    }

    @Test func otherIgraphFailuresThrow() throws {
        #expect(throws: IgraphError.self) { try IgraphGraph.famous("No such graph") }
        let path = try IgraphGraph(vertexCount: 3, edges: [(0, 1), (1, 2)])
        // One weight for two edges.
        #expect(throws: IgraphError.self) { try path.pagerank(weights: [1]) }
        #expect(throws: IgraphError.self) { try path.betweenness(weights: [1, -1]) }
        #expect(throws: IgraphError.self) { try path.modularity(membership: [0, 1]) }
        let directed = try IgraphGraph(vertexCount: 3, edges: [(0, 1), (1, 2)], directed: true)
        #expect(throws: IgraphError.self) { try directed.leiden(seed: 1) }
        // Still usable after the errors.
        #expect(try path.degree() == [1, 2, 1])
    }

    @Test func leidenFindsNetworkxOptimumOnKarate() throws {
        let graph = try IgraphGraph.famous("Zachary")
        let result = try graph.leiden(objective: .modularity, seed: 42)
        let optimum = try #require(karate.partitions.first { $0.name == "louvain_best" })
        #expect(result.quality >= 0.41)
        #expect(result.communityCount == 4)
        #expect(abs(result.quality - (try graph.modularity(membership: result.membership))) <= 1e-12)
        #expect(blocks(result.membership) == blocks(optimum.membership))
        #expect(abs(result.quality - optimum.modularity) <= 1e-9)
    }

    @Test func leidenIsDeterministicForASeed() async throws {
        let graph = try IgraphGraph.famous("Zachary")
        let first = try graph.leiden(seed: 7, iterations: .fixed(1))
        // Concurrent runs interleave with other tests' igraph calls; the lock and the seed keep them identical.
        let results = try await withThrowingTaskGroup(of: LeidenResult.self) { group in
            for _ in 0..<8 { group.addTask { try graph.leiden(seed: 7, iterations: .fixed(1)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == first })
    }

    @Test func modularityMatchesNetworkx() throws {
        let graph = try IgraphGraph.famous("Zachary")
        for partition in karate.partitions {
            let value = try graph.modularity(membership: partition.membership)
            #expect(abs(value - partition.modularity) <= 1e-9, "\(partition.name)")
        }
    }

    @Test func cpmWithLowResolutionJoinsEachComponent() throws {
        let graph = try IgraphGraph(vertexCount: 5, edges: [(0, 1), (1, 2), (3, 4)])
        let result = try graph.leiden(objective: .cpm(resolution: 0.1), seed: 1)
        #expect(blocks(result.membership) == [[0, 1, 2], [3, 4]])
        // (1 / 2m) Σ_c [2 w_c − γ n_c²] with m = 3: (2·3 − 0.1·(9 + 4)) / 6.
        #expect(abs(result.quality - (6 - 0.1 * 13) / 6) <= 1e-12)
    }

    @Test func emptyAndEdgelessGraphs() throws {
        let empty = try IgraphGraph(vertexCount: 0, edges: [IgraphGraph.Edge]())
        #expect(try empty.degree().isEmpty)
        #expect(try empty.betweenness(weights: nil).isEmpty)
        #expect(try empty.closeness(weights: nil).isEmpty)
        #expect(try empty.pagerank().isEmpty)
        #expect(try empty.eigenvectorCentrality().isEmpty)
        #expect(try empty.leiden(seed: 1).membership.isEmpty)

        let edgeless = try IgraphGraph(vertexCount: 3, edges: [IgraphGraph.Edge]())
        #expect(try edgeless.degree() == [0, 0, 0])
        #expect(try edgeless.betweenness(weights: nil) == [0, 0, 0])
        #expect(try edgeless.closeness(weights: nil) == [0, 0, 0])
        expectClose(try edgeless.pagerank(), [1.0 / 3, 1.0 / 3, 1.0 / 3], "pagerank")
        #expect(try edgeless.eigenvectorCentrality() == [1, 1, 1])
        let leiden = try edgeless.leiden(seed: 1)
        #expect(leiden.membership == [0, 1, 2])
        #expect(leiden.quality.isNaN)
    }
}
