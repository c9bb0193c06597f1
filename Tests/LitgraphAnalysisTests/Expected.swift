import Foundation
import Testing

/// Reference values from `Fixtures/expected_centralities.json`, written by `Fixtures/make_expected.py`
/// (networkx 3.6.1; the script's header says exactly which functions and parameters produced each value).
struct Expected: Decodable, Sendable {
    struct Measures: Decodable, Sendable {
        var degree: [Double]
        var strength: [Double]
        var betweenness: [Double]
        var closeness: [Double]
        var pagerank: [Double]
        var eigenvector: [Double]?
    }

    struct Partition: Decodable, Sendable {
        var name: String
        var membership: [Int]
        var modularity: Double
    }

    struct Karate: Decodable, Sendable {
        var nodes: Int
        var edges: [[Int]]
        var unweighted: Measures
        var partitions: [Partition]
    }

    struct WeightedPartition: Decodable, Sendable {
        var membership: [Int]
        var modularityWeighted: Double
        var modularityUnweighted: Double

        enum CodingKeys: String, CodingKey {
            case membership
            case modularityWeighted = "modularity_weighted"
            case modularityUnweighted = "modularity_unweighted"
        }
    }

    struct Weighted: Decodable, Sendable {
        var nodes: Int
        var edges: [[Double]]
        var weighted: Measures
        var unweighted: Measures
        var partition: WeightedPartition
    }

    struct Plain: Decodable, Sendable {
        var nodes: Int
        var edges: [[Int]]?
        var unweighted: Measures
    }

    var karate: Karate
    var weighted: Weighted
    var directed: Plain
    var edgeless: Plain

    /// Loaded once from the test bundle.
    static let values: Expected = {
        guard let url = Bundle.module.url(
            forResource: "expected_centralities", withExtension: "json", subdirectory: "Fixtures")
        else { fatalError("Fixtures/expected_centralities.json missing from the test bundle") }
        do {
            return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read expected_centralities.json: \(error)")
        }
    }()
}

/// Expects `actual` to match `expected` element by element within `tolerance`, relative for values above 1.
func expectClose(
    _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        #expect(abs(a - e) <= tolerance * max(1, abs(e)), "\(what)[\(index)] = \(a), expected \(e)",
                sourceLocation: sourceLocation)
    }
}

/// A partition as a set of vertex sets, so two labelings of the same partition compare equal.
func blocks(_ membership: [Int]) -> Set<Set<Int>> {
    Set(Dictionary(grouping: membership.indices, by: { membership[$0] }).values.map { Set($0) })
}
