import Foundation
import LitgraphAnalysis
import LitgraphCorpus
import LitgraphExtraction
import LitgraphStore
import Testing

/// The bundled corpus' co-occurrence graph, built as the product builds it (ingest with the shipped catalogue,
/// stored mentions, `CooccurrenceGraph(mentions:)`), against networkx on the same graph:
/// Fixtures/make_bundled_expected.py wrote the graph (bundled_cooccurrence.json) and the values
/// (bundled_expected.json).
@Suite struct BundledCorpusTests {
    static let regenerate = "python3 Tests/LitgraphAnalysisTests/Fixtures/make_bundled_expected.py"

    /// bundled_cooccurrence.json: what `litgraph bench analysis --graph-out` wrote for the bundled corpus.
    struct GraphFixture: Decodable {
        struct Node: Decodable, Equatable {
            var name: String
            var type: String
            var papers: Int
        }

        /// [name, name, papers in common].
        struct Edge: Decodable, Equatable, CustomStringConvertible {
            var a: String
            var b: String
            var papers: Int

            init(a: String, b: String, papers: Int) {
                self.a = a
                self.b = b
                self.papers = papers
            }

            init(from decoder: Decoder) throws {
                var fields = try decoder.unkeyedContainer()
                a = try fields.decode(String.self)
                b = try fields.decode(String.self)
                papers = try fields.decode(Int.self)
            }

            var description: String { "\(a) – \(b) (\(papers))" }
        }

        struct Leiden: Decodable {
            var seed: UInt64
            var membership: [Int]
        }

        var nodes: [Node]
        var edges: [Edge]
        var leiden: Leiden
    }

    /// bundled_expected.json: networkx's values.
    struct Values: Decodable {
        var nodes: Int
        var edges: Int
        var components: [Int]
        var weighted: Expected.Measures
        var unweighted: Expected.Measures
        var leidenModularity: Double

        enum CodingKeys: String, CodingKey {
            case nodes, edges, components, weighted, unweighted
            case leidenModularity = "leiden_modularity"
        }
    }

    static func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
                               "Fixtures/\(name).json missing from the test bundle")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The product's graph: the bundled listing and its sidecar ingested into an in-memory store with the shipped
    /// catalogue, its mentions read back as `litgraph top` reads them.
    static func productGraph() throws -> CooccurrenceGraph {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let store = try Store()
        try store.ingest(files: [root.appendingPathComponent("corpus/visual-rl-trending.txt")],
                         extractor: Extractor(catalogue: try Catalogue.shipped()),
                         sidecars: [try MetadataSidecar(contentsOf: root.appendingPathComponent(
                            "corpus/visual-rl-trending-meta.tsv"))])
        return CooccurrenceGraph(mentions: try store.mentions().map {
            Mention(paper: $0.paperID, entity: $0.entity, type: $0.type, count: $0.count,
                    introduced: $0.role == .introduces)
        })
    }

    /// A failure to build the product's graph, kept as text so the shared result is Sendable.
    struct BuildError: Error, CustomStringConvertible {
        var description: String
    }

    /// `productGraph()`, built once for all tests (ingest extracts the whole corpus).
    static let built: Result<CooccurrenceGraph, BuildError> = {
        do { return .success(try productGraph()) } catch { return .failure(BuildError(description: "\(error)")) }
    }()

    /// The product's graph, after checking it is the one networkx was given; a mismatch names the first
    /// difference and the script that regenerates the fixtures.
    static func checkedGraph(sourceLocation: SourceLocation = #_sourceLocation) throws -> CooccurrenceGraph {
        let graph = try built.get()
        let fixture = try fixture("bundled_cooccurrence", as: GraphFixture.self)
        let nodes = graph.entities.map { GraphFixture.Node(name: $0.name, type: $0.type.rawValue, papers: $0.papers) }
        let edges = graph.edges.map {
            GraphFixture.Edge(a: graph.entities[$0.a].name, b: graph.entities[$0.b].name, papers: $0.papers)
        }
        let hint = "the bundled corpus' co-occurrence graph changed (extraction, catalogue or corpus); if the change "
            + "is intended, run `\(regenerate)` and commit both fixtures"
        for (what, difference) in [("node", firstDifference(nodes, fixture.nodes)),
                                   ("edge", firstDifference(edges, fixture.edges))] {
            if let difference { Issue.record("\(what) \(difference): \(hint)", sourceLocation: sourceLocation) }
        }
        try #require(nodes == fixture.nodes && edges == fixture.edges, "\(hint)", sourceLocation: sourceLocation)
        return graph
    }

    /// Where two lists first differ, as "i: X, fixture Y (n, fixture m)", or nil when they are equal.
    static func firstDifference<T: Equatable>(_ actual: [T], _ fixture: [T]) -> String? {
        guard let i = actual.indices.first(where: { $0 >= fixture.count || actual[$0] != fixture[$0] })
            ?? (actual.count < fixture.count ? actual.count : nil) else { return nil }
        let mine = i < actual.count ? "\(actual[i])" : "none"
        let theirs = i < fixture.count ? "\(fixture[i])" : "none"
        return "\(i): \(mine), fixture \(theirs) (\(actual.count), fixture \(fixture.count))"
    }

    func expectMatches(_ actual: Centralities, _ reference: Expected.Measures, _ name: String) {
        expectClose(actual.degree, reference.degree, "\(name) degree")
        expectClose(actual.strength, reference.strength, "\(name) strength")
        expectClose(actual.betweenness, reference.betweenness, "\(name) betweenness")
        expectClose(actual.closeness, reference.closeness, "\(name) closeness")
        expectClose(actual.eigenvector, reference.eigenvector ?? [], "\(name) eigenvector")
        expectClose(actual.pagerank, reference.pagerank, "\(name) pagerank")
    }

    @Test func graphIsTheOneNetworkxWasGiven() throws {
        let graph = try Self.checkedGraph()
        let values = try Self.fixture("bundled_expected", as: Values.self)
        #expect(graph.entities.count == values.nodes)
        #expect(graph.edges.count == values.edges)
        // Disconnected (isolated entities, small components): closeness is per reachable set in both libraries.
        #expect(values.components.count > 1)
    }

    @Test func weightedCentralitiesMatchNetworkx() throws {
        let graph = try Self.checkedGraph()
        let values = try Self.fixture("bundled_expected", as: Values.self)
        expectMatches(try centralities(of: graph.graph, weighted: true), values.weighted, "weighted")
    }

    @Test func unweightedCentralitiesMatchNetworkx() throws {
        let graph = try Self.checkedGraph()
        let values = try Self.fixture("bundled_expected", as: Values.self)
        expectMatches(try centralities(of: graph.graph, weighted: false), values.unweighted, "unweighted")
    }

    @Test func singleMeasuresEqualTheFullComputation() throws {
        let graph = try Self.checkedGraph().graph
        for weighted in [true, false] {
            let all = try centralities(of: graph, weighted: weighted)
            for measure in CentralityMeasure.allCases {
                let alone = try centrality(measure, of: graph, weighted: weighted)
                if measure == .eigenvector {
                    // ARPACK starts from a random vector drawn from igraph's RNG, whose state moves between
                    // calls: the last bits can differ from one call to the next.
                    expectClose(alone, all.eigenvector, tolerance: 1e-12, "eigenvector alone")
                } else {
                    #expect(alone == all[measure], "\(measure)")
                }
            }
        }
    }

    @Test func leidenModularityMatchesNetworkx() throws {
        let graph = try Self.checkedGraph()
        let fixture = try Self.fixture("bundled_cooccurrence", as: GraphFixture.self)
        let values = try Self.fixture("bundled_expected", as: Values.self)
        let found = try communities(of: graph.graph, weighted: true, seed: fixture.leiden.seed)
        // Same seed, same partition as when the fixture was written; its modularity computed by networkx.
        #expect(found.membership == fixture.leiden.membership)
        #expect(abs(found.modularity - values.leidenModularity) <= 1e-9,
                "modularity \(found.modularity), networkx \(values.leidenModularity)")
    }
}
