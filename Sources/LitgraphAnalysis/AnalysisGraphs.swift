import LitgraphExtraction

/// The graphs litgraph derives from a corpus, named as on the command line (`--graph method-benchmark`).
public enum GraphKind: String, CaseIterable, Sendable {
    /// Entity — entity, weight = papers mentioning both (any role). Undirected.
    case cooccurrence
    /// Paper — entity (bipartite), weight = times the paper names the entity. Undirected.
    case mention
    /// Method — benchmark or dataset (bipartite), weight = papers that evaluate the method on it. Undirected.
    case methodBenchmark = "method-benchmark"
    /// Paper → paper it cites, among the papers of the input. Directed.
    case citation
    /// Paper A → paper B when A uses an entity B introduced, weight = such entities. Directed.
    case buildsOn = "builds-on"
    /// Entity → entity derived from it (DrQ → DrQ-v2). Directed.
    case lineage

    /// Whether edges have a direction.
    public var isDirected: Bool {
        switch self {
        case .cooccurrence, .mention, .methodBenchmark: false
        case .citation, .buildsOn, .lineage: true
        }
    }

    /// Whether the nodes are papers only (`citation`, `builds-on`); the other kinds have entity nodes (and the
    /// mention graph both).
    public var hasOnlyPaperNodes: Bool { self == .citation || self == .buildsOn }

    /// One line saying what a node, an edge and a weight are, for help texts and exported files.
    public var summary: String {
        switch self {
        case .cooccurrence: "entity – entity; weight = papers that mention both"
        case .mention: "paper – entity; weight = times the paper names the entity"
        case .methodBenchmark: "method – benchmark/dataset; weight = papers evaluating the method on it"
        case .citation: "paper → cited paper of the corpus; weight 1"
        case .buildsOn: "paper → earlier paper whose introduced entities it uses; weight = such entities"
        case .lineage: "entity → entity derived from it (catalogue parent or version suffix); weight 1"
        }
    }
}

/// Builds the derived graphs of a corpus as `LabeledGraph`s, the one shape exporters, `top` and `communities`
/// read.
///
/// Node ids are `paper:<paper id>` and `entity:<entity name>`, so the two never collide; labels are titles and
/// entity names; `kind` is `paper`, `method`, `benchmark` or `dataset`. Papers come in input order, entities by
/// name (case-insensitive, then exact), edges by (source, target): the same input gives the same graph. Every
/// node of a kind is kept, even when it has no edge. Node attributes, in this order:
/// - papers: `date` and `year` where the paper is dated; in the citation graph also `references` (all its
///   references) and `unresolved` (those naming no paper of the input);
/// - entities: `papers` (papers mentioning it, any role) and `year` (the catalogue's, else the year of the
///   earliest dated paper that introduces it) where known.
/// `addingCentralities(weighted:)` and `addingCommunities(_:)` append measures.
public enum AnalysisGraphs {
    /// What to keep when building.
    public struct Options: Sendable, Equatable {
        /// Edges whose weight (a count in every kind) is below this are dropped; their nodes stay.
        public var minCount: Int
        /// The roles that count as "the paper evaluates it" on both sides of a method–benchmark edge. The default
        /// keeps every role but `mentions`: a paper's own method is `introduces`, yet it is exactly the method
        /// the paper evaluates, and a benchmark paper evaluates the methods it compares.
        public var evaluationRoles: Set<MentionRole>

        public init(minCount: Int = 1, evaluationRoles: Set<MentionRole> = [.introduces, .uses, .compares]) {
            self.minCount = minCount
            self.evaluationRoles = evaluationRoles
        }
    }

    /// Builds the `kind` graph of `input`; throws `AnalysisInputError` when a mention or citation names a paper or
    /// entity the input does not hold, an id or name repeats, a paper–entity pair repeats or a count is below 1.
    ///
    /// - cooccurrence: every entity; an edge for every pair mentioned together, weight = papers in common.
    ///   O(Σ k²) for k entities per paper.
    /// - mention: every paper, then every entity; weight = the mention count.
    /// - method–benchmark: an edge when one paper names a method and a benchmark or dataset, both in an
    ///   evaluation role (`Options.evaluationRoles`), weight = such papers; the nodes are the methods, then the
    ///   benchmarks and datasets, of these pairs (before `minCount` drops light edges).
    /// - citation: every paper; an edge citing → cited for each reference resolved to another paper of the input
    ///   (repeats merged, self-citations dropped).
    /// - builds-on: every paper; A → B when A uses or compares an entity that B introduces, B ≠ A, and B is not
    ///   later than A where both are dated (compared to the coarser date: 2023 is not later than 2023-05);
    ///   weight = the number of such entities.
    /// - lineage: every entity; parent → child for the catalogue's parent when the parent is an entity of the
    ///   input, and, for uncatalogued entities, `versionBase(of:)` when the base is an entity of the input with
    ///   the same type. Names are matched exactly, else case-insensitively.
    public static func build(_ kind: GraphKind, from input: AnalysisInput, options: Options = Options()) throws
        -> LabeledGraph
    {
        let index = try InputIndex(input)
        var builder: EdgeBuilder
        var nodes: [LabeledNode]
        switch kind {
        case .cooccurrence:
            nodes = index.entityOrder.map(index.entityNode)
            builder = EdgeBuilder(directed: false)
            for entities in index.entitiesByPaper {
                let sorted = entities.map { index.entityPosition[$0.entity]! }.sorted()
                for x in sorted.indices {
                    for y in sorted.indices where y > x { builder.add(sorted[x], sorted[y]) }
                }
            }
        case .mention:
            nodes = input.papers.map(index.paperNode) + index.entityOrder.map(index.entityNode)
            builder = EdgeBuilder(directed: false)
            for (paper, entities) in index.entitiesByPaper.enumerated() {
                for m in entities {
                    builder.add(paper, input.papers.count + index.entityPosition[m.entity]!, weight: Double(m.count))
                }
            }
        case .methodBenchmark:
            var methods = Set<Int>(), targets = Set<Int>()
            var pairs: [(Set<Int>, Set<Int>)] = []
            for entities in index.entitiesByPaper {
                var m = Set<Int>(), t = Set<Int>()
                for mention in entities where options.evaluationRoles.contains(mention.role) {
                    let e = index.entityIndex[mention.entity]!
                    if input.entities[e].type == .method { m.insert(e) } else { t.insert(e) }
                }
                guard !m.isEmpty && !t.isEmpty else { continue }
                methods.formUnion(m)
                targets.formUnion(t)
                pairs.append((m, t))
            }
            let order = index.entityOrder.filter(methods.contains) + index.entityOrder.filter(targets.contains)
            var position: [Int: Int] = [:]
            for (i, e) in order.enumerated() { position[e] = i }
            nodes = order.map(index.entityNode)
            builder = EdgeBuilder(directed: false)
            for (m, t) in pairs {
                for a in m { for b in t { builder.add(position[a]!, position[b]!) } }
            }
        case .citation:
            var references = [Int](repeating: 0, count: input.papers.count)
            var unresolved = references
            builder = EdgeBuilder(directed: true)
            var seen = Set<[Int]>()
            for c in input.citations {
                let source = try index.paper(c.paper, in: "citation")
                references[source] += 1
                guard let cited = c.cited else { unresolved[source] += 1; continue }
                let target = try index.paper(cited, in: "citation of \(c.paper)")
                if target != source && seen.insert([source, target]).inserted { builder.add(source, target) }
            }
            nodes = input.papers.enumerated().map { i, paper in
                var node = index.paperNode(paper)
                node.attributes += [.init("references", .int(references[i])), .init("unresolved", .int(unresolved[i]))]
                return node
            }
        case .buildsOn:
            nodes = input.papers.map(index.paperNode)
            builder = EdgeBuilder(directed: true)
            var introducers: [String: [Int]] = [:]
            for (paper, entities) in index.entitiesByPaper.enumerated() {
                for m in entities where m.role == .introduces { introducers[m.entity, default: []].append(paper) }
            }
            for (a, entities) in index.entitiesByPaper.enumerated() {
                for m in entities where m.role.isUse {
                    for b in introducers[m.entity] ?? [] where b != a {
                        if let da = input.papers[a].date, let db = input.papers[b].date, isLater(db, than: da) {
                            continue
                        }
                        builder.add(a, b)
                    }
                }
            }
        case .lineage:
            nodes = index.entityOrder.map(index.entityNode)
            builder = EdgeBuilder(directed: true)
            for (child, entity) in input.entities.enumerated() {
                var parent: Int?
                if let name = entity.parent {
                    parent = index.entity(named: name)
                } else if !entity.catalogued, let base = versionBase(of: entity.name),
                          let found = index.entity(named: base), input.entities[found].type == entity.type {
                    parent = found
                }
                if let parent, parent != child {
                    builder.add(index.entityPosition[input.entities[parent].name]!,
                                index.entityPosition[entity.name]!)
                }
            }
        }
        return LabeledGraph(name: kind.rawValue, nodes: nodes,
                            graph: builder.graph(nodeCount: nodes.count, minCount: options.minCount))
    }

    /// True when date `a` is after date `b`, compared on the precision both have ("2023" is not after "2023-05").
    static func isLater(_ a: String, than b: String) -> Bool {
        let length = min(a.utf8.count, b.utf8.count)
        return b.utf8.prefix(length).lexicographicallyPrecedes(a.utf8.prefix(length))
    }
}

/// Accumulates edge weights by (source, target), then writes them sorted.
private struct EdgeBuilder {
    let directed: Bool
    var weights: [Int: [Int: Double]] = [:]

    init(directed: Bool) { self.directed = directed }

    mutating func add(_ a: Int, _ b: Int, weight: Double = 1) {
        let (s, t) = directed || a <= b ? (a, b) : (b, a)
        weights[s, default: [:]][t, default: 0] += weight
    }

    func graph(nodeCount: Int, minCount: Int) -> WeightedGraph {
        var edges: [WeightedEdge] = []
        for s in weights.keys.sorted() {
            for (t, w) in weights[s]!.sorted(by: { $0.key < $1.key }) where w >= Double(minCount) {
                edges.append(WeightedEdge(s, t, weight: w))
            }
        }
        return WeightedGraph(nodeCount: nodeCount, edges: edges, directed: directed)
    }
}

/// The input checked and indexed once: papers and entities by key, each paper's mentions, entity paper counts.
private struct InputIndex {
    let input: AnalysisInput
    let paperIndex: [String: Int]
    let entityIndex: [String: Int]
    /// Lower-cased name → entity, for names (parents, version bases) written in another case.
    let entityByLowercased: [String: Int]
    /// Entity indices in node order: by lower-cased name, then exact name.
    let entityOrder: [Int]
    /// Entity name → position in `entityOrder`.
    let entityPosition: [String: Int]
    /// Each paper's mentions, in input order.
    let entitiesByPaper: [[AnalysisInput.Mention]]
    let paperCounts: [Int]
    let years: [Int?]

    init(_ input: AnalysisInput) throws {
        self.input = input
        var papers: [String: Int] = [:]
        for (i, p) in input.papers.enumerated() {
            guard papers.updateValue(i, forKey: p.id) == nil else {
                throw AnalysisInputError("paper id \"\(p.id)\" appears twice")
            }
        }
        var entities: [String: Int] = [:], lowered: [String: Int] = [:]
        for (i, e) in input.entities.enumerated() {
            guard entities.updateValue(i, forKey: e.name) == nil else {
                throw AnalysisInputError("entity \"\(e.name)\" appears twice")
            }
            if lowered[e.name.lowercased()] == nil { lowered[e.name.lowercased()] = i }
        }
        paperIndex = papers
        entityIndex = entities
        entityByLowercased = lowered
        entityOrder = input.entities.indices.sorted {
            let a = input.entities[$0].name, b = input.entities[$1].name
            let la = a.lowercased(), lb = b.lowercased()
            return la != lb ? la < lb : a < b
        }
        var position: [String: Int] = [:]
        for (i, e) in entityOrder.enumerated() { position[input.entities[e].name] = i }
        entityPosition = position
        var byPaper = [[AnalysisInput.Mention]](repeating: [], count: input.papers.count)
        var counts = [Int](repeating: 0, count: input.entities.count)
        var firstIntroduced = [String?](repeating: nil, count: input.entities.count)
        var pairs = Set<[Int]>()
        for m in input.mentions {
            guard let p = papers[m.paper] else { throw AnalysisInputError("a mention names unknown paper \"\(m.paper)\"") }
            guard let e = entities[m.entity] else {
                throw AnalysisInputError("a mention names unknown entity \"\(m.entity)\"")
            }
            guard m.count >= 1 else {
                throw AnalysisInputError("mention of \"\(m.entity)\" in \"\(m.paper)\" has count \(m.count); counts start at 1")
            }
            guard pairs.insert([p, e]).inserted else {
                throw AnalysisInputError("paper \"\(m.paper)\" mentions \"\(m.entity)\" twice; merge the mentions first")
            }
            byPaper[p].append(m)
            counts[e] += 1
            if m.role == .introduces, let date = input.papers[p].date,
               firstIntroduced[e].map({ AnalysisGraphs.isLater($0, than: date) }) ?? true {
                firstIntroduced[e] = date
            }
        }
        entitiesByPaper = byPaper
        paperCounts = counts
        years = input.entities.enumerated().map { i, e in e.year ?? firstIntroduced[i].flatMap(Self.year) }
    }

    func paper(_ id: String, in what: String) throws -> Int {
        guard let i = paperIndex[id] else { throw AnalysisInputError("a \(what) names unknown paper \"\(id)\"") }
        return i
    }

    /// The entity called `name`, exactly or else in another case.
    func entity(named name: String) -> Int? {
        entityIndex[name] ?? entityByLowercased[name.lowercased()]
    }

    func paperNode(_ paper: AnalysisInput.Paper) -> LabeledNode {
        var attributes: [LabeledNode.Attribute] = []
        if let date = paper.date {
            attributes.append(.init("date", .string(date)))
            if let year = Self.year(date) { attributes.append(.init("year", .int(year))) }
        }
        return LabeledNode(id: "paper:" + paper.id, label: paper.title, kind: "paper", attributes: attributes)
    }

    func entityNode(_ index: Int) -> LabeledNode {
        let e = input.entities[index]
        var attributes: [LabeledNode.Attribute] = [.init("papers", .int(paperCounts[index]))]
        if let year = years[index] { attributes.append(.init("year", .int(year))) }
        return LabeledNode(id: "entity:" + e.name, label: e.name, kind: e.type.rawValue, attributes: attributes)
    }

    /// The year of a `YYYY…` date.
    static func year(_ date: String) -> Int? { Int(date.prefix(4)) }
}
