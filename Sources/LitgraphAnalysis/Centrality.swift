import IgraphKit

/// The vertex measures litgraph reports, named as they appear in output.
public enum CentralityMeasure: String, CaseIterable, Sendable {
    case degree
    case strength
    case betweenness
    case closeness
    case eigenvector
    case pagerank
}

/// Every centrality measure of one graph, each an array indexed by node.
///
/// See `centralities(of:weighted:)` for how each is computed and how edge weights are read.
public struct Centralities: Sendable, Equatable {
    public var degree: [Double]
    public var strength: [Double]
    public var betweenness: [Double]
    public var closeness: [Double]
    public var eigenvector: [Double]
    public var pagerank: [Double]

    public init(
        degree: [Double], strength: [Double], betweenness: [Double], closeness: [Double],
        eigenvector: [Double], pagerank: [Double]
    ) {
        self.degree = degree
        self.strength = strength
        self.betweenness = betweenness
        self.closeness = closeness
        self.eigenvector = eigenvector
        self.pagerank = pagerank
    }

    /// The values of one measure, indexed by node.
    public subscript(measure: CentralityMeasure) -> [Double] {
        switch measure {
        case .degree: degree
        case .strength: strength
        case .betweenness: betweenness
        case .closeness: closeness
        case .eigenvector: eigenvector
        case .pagerank: pagerank
        }
    }
}

/// An edge weight a weighted measure cannot use: weights must be finite and greater than zero.
public struct InvalidWeightError: Error, Equatable, CustomStringConvertible {
    /// The edge's index in `WeightedGraph.edges`.
    public var edge: Int
    public var weight: Double

    public var description: String {
        "edge \(edge) has weight \(weight); weighted measures need finite weights greater than zero"
    }
}

/// Computes degree, strength, betweenness, closeness, eigenvector centrality and PageRank of every node with
/// igraph, reading co-occurrence weights (larger = stronger tie) as follows when `weighted` is true.
///
/// - degree: the number of edge ends at the node (a self-loop counts twice; directed: in + out); never weighted.
/// - strength: the sum of the weights of its edges; equal to degree when unweighted.
/// - betweenness: unnormalised Brandes (2001) betweenness, each unordered pair of other nodes sharing one unit
///   (each ordered pair in a directed graph), as networkx's `normalized=False`. Weighted, a path's length is
///   the sum of `1 / weight` over its edges, so strong ties are short. O(VE), weighted O(VE + V² log V).
/// - closeness: Wasserman–Faust closeness `(r / (n − 1)) · (r / Σd)`, `r` the nodes reachable and `Σd` their
///   total distance (networkx's default `closeness_centrality`), with distances `1 / weight` when weighted;
///   0 for an isolated node, and in a directed graph the distances run *to* the node (networkx's convention).
/// - eigenvector: eigenvector centrality scaled so the largest is 1, with weights as tie strengths (directed:
///   in-edges). Only the component with the largest eigenvalue is non-zero; all 0 for a graph without edges.
/// - pagerank: PageRank with damping 0.85 (Page et al. 1999, PRPACK), weights as transition strengths; sums to 1.
///
/// Edges are used as given: parallel edges count separately, so merge them into one weighted edge first.
/// Throws `InvalidWeightError` when `weighted` and a weight is not finite and positive, and `IgraphError` for an
/// edge to a node outside `0..<nodeCount`.
public func centralities(of graph: WeightedGraph, weighted: Bool) throws -> Centralities {
    let prepared = try PreparedGraph(graph, weighted: weighted)
    return Centralities(
        degree: try prepared.measure(.degree), strength: try prepared.measure(.strength),
        betweenness: try prepared.measure(.betweenness), closeness: try prepared.measure(.closeness),
        eigenvector: try prepared.measure(.eigenvector), pagerank: try prepared.measure(.pagerank))
}

/// Computes one measure of `centralities(of:weighted:)` alone, exactly as that function does, for callers that
/// need one (or time one: `litgraph bench analysis`).
public func centrality(_ measure: CentralityMeasure, of graph: WeightedGraph, weighted: Bool) throws -> [Double] {
    try PreparedGraph(graph, weighted: weighted).measure(measure)
}

/// A graph handed to igraph once, with its checked weights and their `1 / weight` distances.
private struct PreparedGraph {
    let graph: WeightedGraph
    let weights: [Double]?
    let distances: [Double]?
    let igraph: IgraphGraph

    init(_ graph: WeightedGraph, weighted: Bool) throws {
        self.graph = graph
        weights = weighted ? try checkedWeights(of: graph) : nil
        distances = weights?.map { 1 / $0 }
        igraph = try IgraphGraph(
            vertexCount: graph.nodeCount, edges: graph.edges.map { IgraphGraph.Edge($0.source, $0.target) },
            directed: graph.directed)
    }

    func measure(_ measure: CentralityMeasure) throws -> [Double] {
        switch measure {
        case .degree: try igraph.degree(mode: .all)
        case .strength: try igraph.strength(weights: weights, mode: .all)
        case .betweenness: try igraph.betweenness(weights: distances)
        case .closeness:
            try igraph.closeness(weights: distances, mode: graph.directed ? .in : .all, scaling: .wassermanFaust)
        // igraph answers all ones for a graph without edges; no ties means no centrality here.
        case .eigenvector:
            graph.edges.isEmpty
                ? Array(repeating: 0, count: graph.nodeCount) : try igraph.eigenvectorCentrality(weights: weights)
        case .pagerank: try igraph.pagerank(damping: 0.85, weights: weights)
        }
    }
}

/// A partition of a graph's nodes into communities.
public struct Communities: Sendable, Equatable {
    /// The community of each node, numbered from 0 by decreasing size (ties: the community holding the smaller
    /// node first), so the same partition always gets the same numbers.
    public var membership: [Int]
    /// The number of communities.
    public var count: Int
    /// Newman–Girvan modularity (γ = 1) of `membership`, whatever resolution found it, so values compare
    /// across resolutions; 0 for a graph without edges, where modularity is undefined.
    public var modularity: Double

    public init(membership: [Int], count: Int, modularity: Double) {
        self.membership = membership
        self.count = count
        self.modularity = modularity
    }
}

/// Finds communities by maximising modularity with the Leiden algorithm, seeded so the same graph and seed give
/// the same partition.
///
/// Traag, Waltman & van Eck (2019), "From Louvain to Leiden: guaranteeing well-connected communities": every
/// community is connected; each pass is roughly O(E), repeated until the partition is stable. With `weighted`,
/// weights are tie strengths (larger = stronger) and must be finite and positive; `resolution` is modularity's
/// γ (larger: more, smaller communities). Edge direction is ignored.
public func communities(
    of graph: WeightedGraph, weighted: Bool, seed: UInt64 = 1, resolution: Double = 1
) throws -> Communities {
    let weights = weighted ? try checkedWeights(of: graph) : nil
    let igraph = try IgraphGraph(
        vertexCount: graph.nodeCount, edges: graph.edges.map { IgraphGraph.Edge($0.source, $0.target) },
        directed: false)
    guard !graph.edges.isEmpty else {
        return Communities(membership: Array(0..<graph.nodeCount), count: graph.nodeCount, modularity: 0)
    }
    let found = try igraph.leiden(
        objective: .modularity(resolution: resolution), weights: weights, seed: seed, beta: 0.01,
        iterations: .untilStable)
    let membership = canonicalMembership(found.membership)
    return Communities(
        membership: membership, count: found.communityCount,
        modularity: try igraph.modularity(membership: membership, weights: weights, resolution: 1))
}

/// The edge weights, or `InvalidWeightError` for the first one that is not finite and positive.
private func checkedWeights(of graph: WeightedGraph) throws -> [Double] {
    for (index, edge) in graph.edges.enumerated() where !(edge.weight.isFinite && edge.weight > 0) {
        throw InvalidWeightError(edge: index, weight: edge.weight)
    }
    return graph.edges.map(\.weight)
}

/// Renumbers communities by decreasing size, ties broken by their smallest node.
private func canonicalMembership(_ membership: [Int]) -> [Int] {
    var members: [Int: [Int]] = [:]
    for (node, community) in membership.enumerated() { members[community, default: []].append(node) }
    let order = members.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    var result = membership
    for (label, nodes) in order.enumerated() {
        for node in nodes { result[node] = label }
    }
    return result
}
