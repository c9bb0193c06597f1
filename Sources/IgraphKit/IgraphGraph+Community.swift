import CIgraph

/// What the Leiden algorithm maximises.
public struct LeidenObjective: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case modularity, cpm }

    let kind: Kind
    /// The resolution γ: larger values give more, smaller communities.
    public let resolution: Double

    /// Newman–Girvan modularity (γ = 1), the usual choice for finding communities in a network.
    public static let modularity = LeidenObjective(kind: .modularity, resolution: 1)

    /// Modularity with resolution γ (Reichardt & Bornholdt 2006): Σ_c [w_c/m − γ (s_c / 2m)²], with `w_c` the
    /// weight inside community c, `s_c` its total strength and `m` the total edge weight.
    public static func modularity(resolution: Double) -> LeidenObjective {
        LeidenObjective(kind: .modularity, resolution: resolution)
    }

    /// The constant Potts model (Traag, Van Dooren & Nesterov 2011): Σ_c [w_c − γ n_c² / 2], with `w_c` the edge
    /// weight inside community c and `n_c` its number of vertices; free of modularity's resolution limit.
    public static func cpm(resolution: Double) -> LeidenObjective {
        LeidenObjective(kind: .cpm, resolution: resolution)
    }
}

/// How many passes the Leiden algorithm makes.
public enum LeidenIterations: Sendable, Hashable {
    /// Repeat until a pass leaves the partition unchanged.
    case untilStable
    /// Exactly this many passes.
    case fixed(Int)
}

/// A partition found by the Leiden algorithm.
public struct LeidenResult: Sendable, Equatable {
    /// The community of each vertex, numbered `0..<communityCount`.
    public var membership: [Int]
    /// The number of communities.
    public var communityCount: Int
    /// The objective's value for `membership`. Modularity: as `modularity(membership:weights:resolution:)` computes
    /// it with the objective's γ, NaN on a graph without edge weight. CPM: igraph's figure,
    /// (1 / 2m) Σ_c [2 w_c − γ n_c²] with m the total edge weight.
    public var quality: Double
}

extension IgraphGraph {
    /// Communities that (locally) maximise `objective`, found by the Leiden algorithm; same seed, same partition.
    ///
    /// Traag, Waltman & van Eck (2019), "From Louvain to Leiden: guaranteeing well-connected communities":
    /// communities are guaranteed connected; each pass is roughly O(E). Undirected graphs only (igraph throws
    /// for a directed one). `weights` are tie strengths (larger = stronger, non-negative). `beta` is the
    /// randomness of the refinement step. `seed` seeds igraph's default RNG inside the lock, so the result
    /// depends only on the inputs.
    public func leiden(
        objective: LeidenObjective = .modularity, weights: [Double]? = nil, seed: UInt64 = 1,
        beta: Double = 0.01, iterations: LeidenIterations = .untilStable
    ) throws -> LeidenResult {
        let passes: Int
        switch iterations {
        case .untilStable: passes = -1
        case .fixed(let count): passes = count
        }
        return try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                var communityCount: igraph_integer_t = 0
                var quality: igraph_real_t = 0
                let membership: [Int]
                switch objective.kind {
                case .modularity:
                    // Modularity is the CPM-like objective of igraph's Leiden with node weights = strengths and
                    // resolution γ / 2m.
                    let strengths = try realVectorResult {
                        try IgraphRuntime.check(igraph_strength(graph, $0, igraph_vss_all(), IGRAPH_ALL, true, weights))
                    }
                    let twiceTotal = strengths.reduce(0, +)
                    guard twiceTotal > 0 else {
                        // No edge weight: every vertex is its own community and modularity is undefined.
                        return LeidenResult(
                            membership: Array(0..<vertexCount), communityCount: vertexCount, quality: .nan)
                    }
                    membership = try withRealVector(strengths) { nodeWeights in
                        try intVectorResult {
                            try IgraphRuntime.check(igraph_rng_seed(igraph_rng_default(), seed))
                            try IgraphRuntime.check(igraph_community_leiden(
                                graph, weights, nodeWeights, objective.resolution / twiceTotal, beta, false,
                                igraph_integer_t(passes), $0, &communityCount, &quality))
                        }
                    }
                    quality = try modularityLocked(membership, weights: weights, resolution: objective.resolution)
                case .cpm:
                    membership = try intVectorResult {
                        try IgraphRuntime.check(igraph_rng_seed(igraph_rng_default(), seed))
                        try IgraphRuntime.check(igraph_community_leiden(
                            graph, weights, nil, objective.resolution, beta, false, igraph_integer_t(passes), $0,
                            &communityCount, &quality))
                    }
                }
                return LeidenResult(membership: membership, communityCount: Int(communityCount), quality: quality)
            }
        }
    }

    /// Newman–Girvan modularity of a partition (with resolution γ, 1 by default): the fraction of edge weight
    /// inside communities minus its expected value under a degree-preserving random graph. O(V + E).
    ///
    /// `membership` gives each vertex's community as a non-negative integer. `weights` are tie strengths
    /// (larger = stronger). Directed graphs use the directed formula (Leicht & Newman 2008). NaN when the graph
    /// has no edge weight.
    public func modularity(membership: [Int], weights: [Double]? = nil, resolution: Double = 1) throws -> Double {
        try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                try modularityLocked(membership, weights: weights, resolution: resolution)
            }
        }
    }

    private func modularityLocked(
        _ membership: [Int], weights: UnsafePointer<igraph_vector_t>?, resolution: Double
    ) throws -> Double {
        try withIntVector(membership) { membership in
            var value: igraph_real_t = 0
            try IgraphRuntime.check(igraph_modularity(graph, membership, weights, resolution, true, &value))
            return value
        }
    }
}
