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

/// A value attached to a node of a `LabeledGraph`: what exporters write as a typed attribute.
public enum AttributeValue: Sendable, Hashable {
    case int(Int)
    case double(Double)
    case string(String)
}

/// A node of a `LabeledGraph`: a stable id, the label to show, its kind ("method", "benchmark", "dataset",
/// "paper"), and named attributes (counts, centralities, cluster) in a fixed order.
public struct LabeledNode: Sendable, Hashable {
    public var id: String
    public var label: String
    public var kind: String
    public var attributes: [Attribute]

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: AttributeValue
        public init(_ name: String, _ value: AttributeValue) { self.name = name; self.value = value }
    }

    public init(id: String, label: String, kind: String, attributes: [Attribute] = []) {
        self.id = id
        self.label = label
        self.kind = kind
        self.attributes = attributes
    }
}

/// A graph ready to leave the program: `graph` holds the structure (node i is `nodes[i]`), the nodes carry
/// labels and attributes. Every derived graph (co-occurrence, mention, method–benchmark, citation, builds-on,
/// lineage) is built as one of these, and every exporter (GraphML, GEXF, CSV, JSON, VOSviewer) reads one.
public struct LabeledGraph: Sendable, Equatable {
    /// What the graph is ("cooccurrence", "citation", …), written into exported files.
    public var name: String
    public var nodes: [LabeledNode]
    public var graph: WeightedGraph

    public init(name: String, nodes: [LabeledNode], graph: WeightedGraph) {
        precondition(nodes.count == graph.nodeCount, "one labeled node per graph node")
        self.name = name
        self.nodes = nodes
        self.graph = graph
    }
}
