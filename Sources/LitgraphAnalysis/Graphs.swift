import LitgraphExtraction

/// One paper–entity mention as the analysis stage sees it: plain values, whatever store they came from.
public struct Mention: Sendable, Hashable {
    public var paper: String
    public var entity: String
    public var type: EntityType
    public var count: Int
    public var introduced: Bool

    public init(paper: String, entity: String, type: EntityType, count: Int = 1, introduced: Bool = false) {
        self.paper = paper
        self.entity = entity
        self.type = type
        self.count = count
        self.introduced = introduced
    }
}

/// An entity as a graph node.
public struct EntityNode: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    /// Number of distinct papers that mention it.
    public var papers: Int
}

/// The bipartite paper–entity graph: papers 0..<papers.count, then entities, edges weighted by mention count.
public struct MentionGraph: Sendable {
    public var papers: [String]
    public var entities: [EntityNode]
    /// (paper index, entity index, mentions)
    public var edges: [(paper: Int, entity: Int, count: Int)]

    /// Builds the graph; papers in order of first appearance, entities sorted by name for stable output.
    public init(mentions: [Mention]) {
        var paperIndex: [String: Int] = [:]
        var papers: [String] = []
        var types: [String: EntityType] = [:]
        var paperCount: [String: Int] = [:]
        // Two records for one paper and entity (aliases merged by the caller) still count as one paper.
        struct Pair: Hashable { var paper: String, entity: String }
        var seen = Set<Pair>()
        for m in mentions {
            if paperIndex[m.paper] == nil { paperIndex[m.paper] = papers.count; papers.append(m.paper) }
            if types[m.entity] == nil { types[m.entity] = m.type }
            if seen.insert(Pair(paper: m.paper, entity: m.entity)).inserted { paperCount[m.entity, default: 0] += 1 }
        }
        let names = types.keys.sorted { $0.lowercased() != $1.lowercased() ? $0.lowercased() < $1.lowercased() : $0 < $1 }
        var entityIndex: [String: Int] = [:]
        for (i, name) in names.enumerated() { entityIndex[name] = i }
        self.papers = papers
        self.entities = names.map { EntityNode(name: $0, type: types[$0]!, papers: paperCount[$0]!) }
        self.edges = mentions.map { (paperIndex[$0.paper]!, entityIndex[$0.entity]!, $0.count) }
    }

    /// As a `WeightedGraph`: nodes are papers then entities (entity i is node papers.count + i).
    public var graph: WeightedGraph {
        WeightedGraph(nodeCount: papers.count + entities.count,
                      edges: edges.map { WeightedEdge($0.paper, papers.count + $0.entity, weight: Double($0.count)) })
    }
}

/// Entities linked by the number of papers that mention both.
public struct CooccurrenceGraph: Sendable {
    public var entities: [EntityNode]
    /// (i, j, papers in common) with i < j, sorted.
    public var edges: [(a: Int, b: Int, papers: Int)]

    /// Counts, for every pair of entities, the papers that mention both. O(Σ k_p²) for k_p entities per paper.
    public init(mentionGraph m: MentionGraph, minPapers: Int = 1) {
        var byPaper = [[Int]](repeating: [], count: m.papers.count)
        for e in m.edges { byPaper[e.paper].append(e.entity) }
        var counts: [Int: Int] = [:]
        let n = m.entities.count
        for list in byPaper {
            let sorted = Array(Set(list)).sorted()
            for x in 0..<sorted.count {
                for y in (x + 1)..<sorted.count { counts[sorted[x] * n + sorted[y], default: 0] += 1 }
            }
        }
        entities = m.entities
        edges = counts.filter { $0.value >= minPapers }.map { (a: $0.key / n, b: $0.key % n, papers: $0.value) }
            .sorted { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
    }

    public init(mentions: [Mention], minPapers: Int = 1) {
        self.init(mentionGraph: MentionGraph(mentions: mentions), minPapers: minPapers)
    }

    public var graph: WeightedGraph {
        WeightedGraph(nodeCount: entities.count, edges: edges.map { WeightedEdge($0.a, $0.b, weight: Double($0.papers)) })
    }
}

/// An entity with its paper count and its centralities in the co-occurrence graph.
public struct EntityRank: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    public var papers: Int
    public var degree: Double
    public var strength: Double
    public var betweenness: Double
    public var pagerank: Double
}

/// Ranks the entities of a co-occurrence graph: papers, degree, weighted strength, betweenness (distances
/// 1/papers in common) and weighted PageRank, computed through igraph. Sorted by papers, then PageRank, then name.
public func rankEntities(_ cooccurrence: CooccurrenceGraph) throws -> [EntityRank] {
    let c = try centralities(of: cooccurrence.graph, weighted: true)
    return cooccurrence.entities.enumerated().map { i, e in
        EntityRank(name: e.name, type: e.type, papers: e.papers, degree: c.degree[i], strength: c.strength[i],
                   betweenness: c.betweenness[i], pagerank: c.pagerank[i])
    }.sorted {
        $0.papers != $1.papers ? $0.papers > $1.papers
            : ($0.pagerank != $1.pagerank ? $0.pagerank > $1.pagerank : $0.name < $1.name)
    }
}
