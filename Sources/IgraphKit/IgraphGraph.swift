import CIgraph

/// An immutable igraph graph owned by Swift: the `igraph_t` is created in `init` and destroyed in `deinit`.
///
/// Vertices are `0..<vertexCount`; edges keep the order they were given in, so a weight vector passed to a
/// measure is indexed like `edges`. Parallel edges and self-loops are kept as given.
///
/// `@unchecked Sendable`: the wrapped `igraph_t` is never mutated after `init`, and every igraph call that reads
/// or destroys it runs under IgraphKit's process-wide lock.
public final class IgraphGraph: @unchecked Sendable {
    /// One edge between two vertex indices; from `source` to `target` in a directed graph.
    public struct Edge: Sendable, Hashable {
        public var source: Int
        public var target: Int

        public init(_ source: Int, _ target: Int) {
            self.source = source
            self.target = target
        }
    }

    let graph: UnsafeMutablePointer<igraph_t>
    /// The number of vertices.
    public let vertexCount: Int
    /// The number of edges.
    public let edgeCount: Int
    /// Whether edges have a direction.
    public let isDirected: Bool

    /// Takes ownership of an initialised `igraph_t` (read under the lock).
    private init(taking graph: UnsafeMutablePointer<igraph_t>) {
        self.graph = graph
        (vertexCount, edgeCount, isDirected) = IgraphRuntime.locked {
            (Int(igraph_vcount(graph)), Int(igraph_ecount(graph)), igraph_is_directed(graph))
        }
    }

    deinit {
        IgraphRuntime.locked { igraph_destroy(graph) }
        graph.deallocate()
    }

    /// Builds a graph with `vertexCount` vertices and the given edges; throws `IgraphError` for a negative count or
    /// an edge to a vertex outside `0..<vertexCount` (igraph's `IGRAPH_EINVVID`).
    public convenience init(vertexCount: Int, edges: [Edge], directed: Bool = false) throws {
        let endpoints = edges.flatMap { [$0.source, $0.target] }
        let graph = try Self.make { graph in
            // igraph_create would silently grow the vertex set to fit the edges; empty + add_edges checks them.
            try IgraphRuntime.check(igraph_empty(graph, igraph_integer_t(vertexCount), directed))
            do {
                try withIntVector(endpoints) { try IgraphRuntime.check(igraph_add_edges(graph, $0, nil)) }
            } catch {
                igraph_destroy(graph)
                throw error
            }
        }
        self.init(taking: graph)
    }

    /// Builds a graph from `(source, target)` pairs; see `init(vertexCount:edges:directed:)`.
    public convenience init(vertexCount: Int, edges: [(Int, Int)], directed: Bool = false) throws {
        try self.init(vertexCount: vertexCount, edges: edges.map { Edge($0.0, $0.1) }, directed: directed)
    }

    /// One of igraph's built-in named graphs (`igraph_famous`), for example "Zachary" for Zachary's karate club
    /// (34 vertices, 78 edges, numbered as in networkx's `karate_club_graph`); throws for an unknown name.
    public static func famous(_ name: String) throws -> IgraphGraph {
        IgraphGraph(taking: try make { try IgraphRuntime.check(igraph_famous($0, name)) })
    }

    /// Allocates an `igraph_t`, lets `initialise` set it up under the lock, and frees the memory if that throws
    /// (`initialise` must leave no initialised graph behind when it throws).
    private static func make(
        _ initialise: (UnsafeMutablePointer<igraph_t>) throws -> Void
    ) throws -> UnsafeMutablePointer<igraph_t> {
        let graph = UnsafeMutablePointer<igraph_t>.allocate(capacity: 1)
        do {
            try IgraphRuntime.locked { try initialise(graph) }
        } catch {
            graph.deallocate()
            throw error
        }
        return graph
    }

    /// The edges in igraph's edge order (the order they were given in).
    public func edges() throws -> [Edge] {
        let flat = try IgraphRuntime.locked {
            try intVectorResult { try IgraphRuntime.check(igraph_get_edgelist(graph, $0, false)) }
        }
        return stride(from: 0, to: flat.count - 1, by: 2).map { Edge(flat[$0], flat[$0 + 1]) }
    }
}

/// Which edges of a vertex a measure follows in a directed graph; undirected graphs ignore it.
public enum NeighborMode: Sendable, Hashable {
    /// Edges in either direction.
    case all
    /// Edges leaving the vertex.
    case out
    /// Edges entering the vertex.
    case `in`

    var igraphMode: igraph_neimode_t {
        switch self {
        case .all: IGRAPH_ALL
        case .out: IGRAPH_OUT
        case .in: IGRAPH_IN
        }
    }
}
