extension LabeledGraph {
    /// The value of attribute `name` on node `node`, or nil when the node has none.
    public func attribute(_ name: String, of node: Int) -> AttributeValue? {
        nodes[node].attributes.first { $0.name == name }?.value
    }

    /// The graph with attribute `name` set on every node to `values[node]` (one per node), replacing an attribute
    /// of that name in place or appending it.
    public func settingAttribute(_ name: String, _ values: [AttributeValue]) -> LabeledGraph {
        precondition(values.count == nodes.count, "one value per node")
        var copy = self
        for i in copy.nodes.indices {
            if let at = copy.nodes[i].attributes.firstIndex(where: { $0.name == name }) {
                copy.nodes[i].attributes[at].value = values[i]
            } else {
                copy.nodes[i].attributes.append(.init(name, values[i]))
            }
        }
        return copy
    }

    /// The graph with every centrality of `centralities(of:weighted:)` appended to each node, named as
    /// `CentralityMeasure` names them (`degree`, `strength`, `betweenness`, `closeness`, `eigenvector`,
    /// `pagerank`). Directed graphs follow that function's conventions (betweenness over directed paths,
    /// closeness from distances *to* the node, eigenvector and PageRank from in-edges); eigenvector centrality is
    /// 0 everywhere on a directed acyclic graph (citation, builds-on and lineage usually are), where only PageRank
    /// ranks by in-links.
    public func addingCentralities(weighted: Bool) throws -> LabeledGraph {
        let values = try centralities(of: graph, weighted: weighted)
        var result = self
        for measure in CentralityMeasure.allCases {
            result = result.settingAttribute(measure.rawValue, values[measure].map(AttributeValue.double))
        }
        return result
    }

    /// The graph with each node's community number appended as attribute `community`.
    public func addingCommunities(_ report: CommunityReport) -> LabeledGraph {
        settingAttribute("community", report.partition.membership.map(AttributeValue.int))
    }
}

/// Communities of a `LabeledGraph`, each with its members ranked and a label made of its most central members.
public struct CommunityReport: Sendable, Equatable {
    /// One community.
    public struct Community: Sendable, Equatable {
        /// Its number in `Communities.membership`: 0 is the largest.
        public var id: Int
        /// Its nodes (indices into `LabeledGraph.nodes`), most central first by `labelMeasure`, ties by label.
        public var members: [Int]
        /// The labels of its top members by `labelMeasure` (entities before papers when it holds both).
        public var label: [String]
    }

    public var objective: CommunityObjective
    /// The resolution γ the objective used.
    public var resolution: Double
    public var seed: UInt64
    public var weighted: Bool
    /// The centrality, computed on the whole graph, that orders members and picks labels.
    public var labelMeasure: CentralityMeasure
    /// Each node's `labelMeasure` value, indexed like `LabeledGraph.nodes`.
    public var scores: [Double]
    public var partition: Communities
    /// Every community, by id.
    public var communities: [Community]
}

/// Finds the communities of `graph` with the Leiden algorithm (`communities(of:weighted:seed:objective:resolution:)`)
/// and labels each with its `labelSize` most central members by `labelMeasure` (PageRank by default, computed on
/// the whole graph with the same weighting). In the mention graph a community's label is its entities, not its
/// papers, when it has any.
///
/// `resolution` nil means 1 for modularity and `cpmDefaultResolution(of:weighted:)` for CPM. The same graph,
/// options and seed give the same report.
public func findCommunities(
    in graph: LabeledGraph, objective: CommunityObjective = .modularity, resolution: Double? = nil,
    seed: UInt64 = 1, weighted: Bool = true, labelMeasure: CentralityMeasure = .pagerank, labelSize: Int = 3
) throws -> CommunityReport {
    let gamma = resolution ?? (objective == .cpm ? cpmDefaultResolution(of: graph.graph, weighted: weighted) : 1)
    let partition = try communities(of: graph.graph, weighted: weighted, seed: seed, objective: objective,
                                    resolution: gamma)
    let score = try centrality(labelMeasure, of: graph.graph, weighted: weighted)
    var members = [[Int]](repeating: [], count: partition.count)
    for (node, community) in partition.membership.enumerated() { members[community].append(node) }
    let list = members.enumerated().map { id, nodes -> CommunityReport.Community in
        let ranked = nodes.sorted {
            score[$0] != score[$1] ? score[$0] > score[$1]
                : (graph.nodes[$0].label != graph.nodes[$1].label ? graph.nodes[$0].label < graph.nodes[$1].label
                    : $0 < $1)
        }
        let entities = ranked.filter { graph.nodes[$0].kind != "paper" }
        let named = (entities.isEmpty ? ranked : entities).prefix(labelSize).map { graph.nodes[$0].label }
        return CommunityReport.Community(id: id, members: ranked, label: Array(named))
    }
    return CommunityReport(objective: objective, resolution: gamma, seed: seed, weighted: weighted,
                           labelMeasure: labelMeasure, scores: score, partition: partition, communities: list)
}
