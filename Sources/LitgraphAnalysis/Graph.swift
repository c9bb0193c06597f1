/// A graph as plain values: nodes are 0..<nodeCount, edges carry a weight. Analysis works on these, never
/// on a database handle, so every measure can be tested on a literal graph.
public struct WeightedGraph: Sendable, Equatable {
    public var nodeCount: Int
    public var edges: [WeightedEdge]
    public var directed: Bool

    public init(nodeCount: Int, edges: [WeightedEdge], directed: Bool = false) {
        self.nodeCount = nodeCount
        self.edges = edges
        self.directed = directed
    }
}

/// One edge of a `WeightedGraph`.
public struct WeightedEdge: Sendable, Hashable {
    public var source: Int
    public var target: Int
    public var weight: Double

    public init(_ source: Int, _ target: Int, weight: Double = 1) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}
