import CIgraph

/// How `IgraphGraph.closeness` turns the distances from a vertex into one number.
///
/// With `r` the number of other vertices the vertex reaches, `n` the vertex count and `Σd` the sum of the
/// distances to those `r` vertices. The three agree up to a constant on a connected graph; they differ on a
/// disconnected one, where only `wassermanFaust` keeps a vertex of a small component from ranking high.
public enum ClosenessScaling: Sendable, Hashable {
    /// `1 / Σd`: igraph's unnormalised closeness; NaN for a vertex that reaches no other.
    case inverseTotalDistance
    /// `r / Σd`, the inverse mean distance to the reachable vertices: igraph's normalised closeness and networkx's
    /// `closeness_centrality(wf_improved=False)`; NaN for a vertex that reaches no other.
    case inverseMeanDistance
    /// `(r / (n − 1)) · (r / Σd)`: Wasserman & Faust (1994) scaling for disconnected graphs, networkx's default
    /// `closeness_centrality`; 0 for a vertex that reaches no other.
    case wassermanFaust
}

extension IgraphGraph {
    /// The number of edge ends at each vertex (a self-loop counts twice), following `mode` in a directed graph.
    public func degree(mode: NeighborMode = .all) throws -> [Double] {
        try IgraphRuntime.locked {
            try intVectorResult {
                try IgraphRuntime.check(igraph_degree(graph, $0, igraph_vss_all(), mode.igraphMode, true))
            }
        }.map(Double.init)
    }

    /// The sum of the weights of the edges at each vertex (`igraph_strength`); the degree when `weights` is nil.
    ///
    /// `weights` holds one value per edge, in edge order.
    public func strength(weights: [Double]?, mode: NeighborMode = .all) throws -> [Double] {
        try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                try realVectorResult {
                    try IgraphRuntime.check(
                        igraph_strength(graph, $0, igraph_vss_all(), mode.igraphMode, true, weights))
                }
            }
        }
    }

    /// Betweenness of each vertex: the number of shortest paths between other vertices that pass through it,
    /// each pair's paths sharing one unit.
    ///
    /// Unnormalised, counting each unordered pair once in an undirected graph and each ordered pair in a directed
    /// one (networkx `betweenness_centrality(normalized=False)`). `weights` are edge *lengths* (distances):
    /// a larger weight makes a path longer; all must be positive. Brandes (2001), "A faster algorithm for
    /// betweenness centrality": O(VE) unweighted, O(VE + V² log V) weighted.
    public func betweenness(weights: [Double]?) throws -> [Double] {
        try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                try realVectorResult {
                    try IgraphRuntime.check(igraph_betweenness(graph, $0, igraph_vss_all(), true, weights))
                }
            }
        }
    }

    /// Closeness of each vertex: how near it is to the vertices it can reach, scaled as `scaling` says.
    ///
    /// `weights` are edge lengths (distances), like in `betweenness`. `mode` picks which paths count in a directed
    /// graph: `.out` distances from the vertex, `.in` distances to it (networkx's convention), `.all` ignores
    /// direction. One BFS (unweighted, O(V + E)) or Dijkstra (weighted, O(E + V log V)) per vertex.
    public func closeness(
        weights: [Double]?, mode: NeighborMode = .all, scaling: ClosenessScaling = .wassermanFaust
    ) throws -> [Double] {
        var reachable: [Int] = []
        let inverseMean = try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                try withIntVector([]) { reachableCount in
                    let values = try realVectorResult {
                        try IgraphRuntime.check(igraph_closeness(
                            graph, $0, reachableCount, nil, igraph_vss_all(), mode.igraphMode, weights, true))
                    }
                    let count = Int(igraph_vector_int_size(reachableCount))
                    if count > 0, let storage = reachableCount.pointee.stor_begin {
                        reachable = UnsafeBufferPointer(start: storage, count: count).map { Int($0) }
                    }
                    return values
                }
            }
        }
        switch scaling {
        case .inverseMeanDistance:
            return inverseMean
        case .inverseTotalDistance:
            return zip(inverseMean, reachable).map { value, r in r == 0 ? value : value / Double(r) }
        case .wassermanFaust:
            let others = Double(vertexCount - 1)
            return zip(inverseMean, reachable).map { value, r in r == 0 ? 0 : value * Double(r) / others }
        }
    }

    /// PageRank of each vertex, summing to 1: the stationary distribution of a random surfer who follows an edge
    /// (chosen in proportion to `weights`) with probability `damping` and otherwise jumps to a uniform vertex.
    ///
    /// Directed graphs follow edge direction; a vertex without out-edges jumps uniformly (networkx's default).
    /// Page, Brin, Motwani & Winograd (1999), "The PageRank citation ranking"; solved exactly by PRPACK
    /// (Gleich et al. 2015), a sparse linear solve, roughly O(E) per iteration.
    public func pagerank(damping: Double = 0.85, weights: [Double]? = nil) throws -> [Double] {
        try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                try realVectorResult {
                    try IgraphRuntime.check(igraph_pagerank(
                        graph, IGRAPH_PAGERANK_ALGO_PRPACK, $0, nil, igraph_vss_all(), true, damping, weights, nil))
                }
            }
        }
    }

    /// Eigenvector centrality of each vertex, scaled so the largest is 1: a vertex is central when its neighbours
    /// are (Bonacich 1972).
    ///
    /// Directed graphs use in-edges (networkx's convention). `weights` are tie strengths (larger = stronger).
    /// On a disconnected graph only the component with the largest eigenvalue gets non-zero values; igraph returns
    /// all ones for a graph without edges and zeros for a directed acyclic graph. Computed with ARPACK
    /// (implicitly restarted Lanczos/Arnoldi), a few sparse matrix–vector products of O(E) each. On a directed graph
    /// ARPACK starts from a random vector: `seed` seeds igraph's RNG inside the lock, so the same graph gives the
    /// same values to the last bit whatever ran before.
    public func eigenvectorCentrality(weights: [Double]? = nil, seed: UInt64 = 1) throws -> [Double] {
        try IgraphRuntime.locked {
            try withWeightVector(weights, for: self) { weights in
                try realVectorResult {
                    try IgraphRuntime.check(igraph_rng_seed(igraph_rng_default(), seed))
                    try IgraphRuntime.check(igraph_eigenvector_centrality(graph, $0, nil, true, true, weights, nil))
                }
            }
        }
    }
}
