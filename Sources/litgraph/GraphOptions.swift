import ArgumentParser
import LitgraphAnalysis
import LitgraphStore

extension GraphKind: ExpressibleByArgument {}
extension CommunityObjective: ExpressibleByArgument {}
extension CentralityMeasure: ExpressibleByArgument {}

/// Options shared by commands that build one derived graph (`top`, `communities`, `export`).
struct GraphOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The graph to build.",
        discussion: GraphKind.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n")))
    var graph: GraphKind = .cooccurrence
    @Option(help: "Drop edges whose weight (papers in common, mentions, papers, entities) is below this.")
    var minCount: Int = 1

    func validate() throws {
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
    }

    /// Loads the corpus from `store` and builds the chosen graph.
    func build(from store: Store) throws -> LabeledGraph {
        try AnalysisGraphs.build(graph, from: try AnalysisInput(store: store),
                                 options: AnalysisGraphs.Options(minCount: minCount))
    }
}

extension AnalysisInput {
    /// Everything the derived graphs are built from, read from the store: papers in ingest order, entities with
    /// their catalogue year and parent, mentions with roles, and references resolved to stored papers.
    init(store: Store) throws {
        self.init(
            papers: try store.papers().map { Paper(id: $0.id, title: $0.title, date: $0.date) },
            entities: try store.entities().map {
                Entity(name: $0.name, type: $0.type, catalogued: $0.catalogued, year: $0.year, parent: $0.parent)
            },
            mentions: try store.mentions().map {
                Mention(paper: $0.paperID, entity: $0.entity, role: $0.role, count: $0.count)
            },
            citations: try store.citations().map {
                Citation(paper: $0.paperID, reference: $0.reference, cited: $0.cited)
            })
    }
}
