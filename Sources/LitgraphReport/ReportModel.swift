import Foundation
import LitgraphAnalysis
import LitgraphExtraction

/// A paper as the report lists it.
public struct ReportPaper: Sendable, Hashable {
    public var id: String
    public var title: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` where known.
    public var date: String?

    public init(id: String, title: String, date: String?) {
        self.id = id
        self.title = title
        self.date = date
    }
}

/// Everything a report is made from, as plain values: the corpus (papers, entities, which paper mentions which
/// entity in which role) and how to describe it. The CLI loads the corpus from the store; tests write one literally.
public struct ReportInput: Sendable {
    public var title: String
    public var corpus: AnalysisInput
    /// How many catalogue entries extraction used, for the method notes.
    public var catalogueSize: Int
    /// Entities on the co-occurrence map, most mentioned first.
    public var mapSize: Int
    /// Rows in each per-type ranking table.
    public var tableSize: Int

    public init(title: String, corpus: AnalysisInput, catalogueSize: Int, mapSize: Int = 45, tableSize: Int = 15) {
        self.title = title
        self.corpus = corpus
        self.catalogueSize = catalogueSize
        self.mapSize = mapSize
        self.tableSize = tableSize
    }
}

/// The fixed parameters of the report's analyses, named once so the text that describes them cannot drift.
enum ReportParameters {
    /// Time slices of the rising/fading and burst sections.
    static let granularity = TimeGranularity.quarter
    /// `litgraph trends`' defaults at quarters: a 2-quarter window, 2 papers, any rise, fading at half the peak.
    static let trends = TrendOptions.defaults(for: granularity)
    /// Rows in each of the rising and fading tables (as `litgraph trends` lists by default).
    static let trendRows = 10
    /// Kleinberg's defaults (s = 2, γ = 1), and the stricter burst rate shown when they find nothing.
    static let bursts = BurstOptions()
    static let fallbackBursts = BurstOptions(s: 3, gamma: 1)
    static let burstRows = 20
    /// Leiden on the co-occurrence graph.
    static let communitySeed: UInt64 = 1
    static let communityMinSize = 5
    static let communityLabelSize = 3
    static let communityMembersShown = 10
    /// Methods and benchmarks/datasets on the method–benchmark map, and methods in its table.
    static let mapMethods = 25
    static let mapTargets = 20
    static let evaluationRows = 15
    /// Strongest pairs by papers in common.
    static let associationRows = 10
    static let associationMinCount = 2
}

/// One method of the method–benchmark graph with what it is evaluated on.
struct MethodEvaluations {
    var method: String
    /// Papers mentioning the method (any role).
    var papers: Int
    /// Benchmarks and datasets, with the papers that evaluate the method on each: most papers first, then name.
    var targets: [(name: String, type: String, papers: Int)]
}

/// The analysed content of a report, shared by its Markdown and HTML forms so both say the same thing.
struct ReportContent {
    var input: ReportInput
    var papers: [ReportPaper]
    var mentions: [Mention]
    var ranks: [EntityRank]
    var rankByName: [String: EntityRank]
    var cooccurrence: CooccurrenceGraph
    /// Entity name → date of the earliest dated paper mentioning it.
    var firstSeen: [String: String]
    var introducedBy: [(entity: String, type: EntityType, paper: ReportPaper)]
    var periods: [String]
    var papersPerPeriod: [String: Int]
    var entityPeriodCounts: [String: [String: Int]]
    var undated: Int
    /// Papers per entity per quarter, and the rising and fading entities measured on it.
    var quarters: TimeSeries
    var trends: TrendSummary
    /// Bursts at `ReportParameters.bursts`; when there are none, `fallbackBursts` holds those at
    /// `ReportParameters.fallbackBursts` (nil otherwise).
    var bursts: [EntityBurst]
    var fallbackBursts: [EntityBurst]?
    /// The labelled co-occurrence graph and its Leiden communities.
    var cooccurrenceGraph: LabeledGraph
    var communities: CommunityReport
    /// The role-aware method–benchmark graph (`AnalysisGraphs.build(.methodBenchmark, …)`).
    var methodBenchmark: LabeledGraph
    var associations: AssociationTable

    init(_ input: ReportInput) throws {
        self.input = input
        let corpus = input.corpus
        papers = corpus.papers.map { ReportPaper(id: $0.id, title: $0.title, date: $0.date) }
        // The graphs check the corpus (unknown papers or entities, repeated pairs) before anything counts it.
        cooccurrenceGraph = try AnalysisGraphs.build(.cooccurrence, from: corpus)
        methodBenchmark = try AnalysisGraphs.build(.methodBenchmark, from: corpus)
        let typeOf = Dictionary(corpus.entities.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        mentions = corpus.mentions.map {
            Mention(paper: $0.paper, entity: $0.entity, type: typeOf[$0.entity]!, count: $0.count,
                    introduced: $0.role == .introduces)
        }
        cooccurrence = CooccurrenceGraph(mentions: mentions)
        ranks = try rankEntities(cooccurrence)
        rankByName = Dictionary(uniqueKeysWithValues: ranks.map { ($0.name, $0) })
        let paperByID = Dictionary(papers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var firstSeen: [String: String] = [:]
        var periodCounts: [String: [String: Int]] = [:]
        var introducedBy: [(String, EntityType, ReportPaper)] = []
        for m in mentions {
            guard let paper = paperByID[m.paper] else { continue }
            if let date = paper.date {
                if firstSeen[m.entity].map({ date < $0 }) ?? true { firstSeen[m.entity] = date }
                if let p = Self.period(date) { periodCounts[m.entity, default: [:]][p, default: 0] += 1 }
            }
            if m.introduced { introducedBy.append((m.entity, m.type, paper)) }
        }
        self.firstSeen = firstSeen
        self.entityPeriodCounts = periodCounts
        self.introducedBy = introducedBy.sorted {
            ($0.2.date ?? "9999", $0.2.id, $0.0) < ($1.2.date ?? "9999", $1.2.id, $1.0)
        }
        var perPeriod: [String: Int] = [:]
        var undated = 0
        for paper in papers {
            if let p = paper.date.flatMap(Self.period) { perPeriod[p, default: 0] += 1 } else { undated += 1 }
        }
        papersPerPeriod = perPeriod
        self.undated = undated
        periods = Self.periodRange(perPeriod.keys.sorted())

        quarters = TimeSeries(papers: corpus.papers.map { DatedPaper(id: $0.id, date: $0.date) }, mentions: mentions,
                              by: ReportParameters.granularity)
        trends = quarters.trends(options: ReportParameters.trends)
        bursts = try quarters.bursts(options: ReportParameters.bursts)
        fallbackBursts = bursts.isEmpty ? try quarters.bursts(options: ReportParameters.fallbackBursts) : nil
        communities = try findCommunities(in: cooccurrenceGraph, objective: .modularity,
                                          seed: ReportParameters.communitySeed,
                                          labelSize: ReportParameters.communityLabelSize)
        associations = AssociationTable(cooccurrence: cooccurrence, paperCount: papers.count)
    }

    /// Communities of the co-occurrence graph with at least `ReportParameters.communityMinSize` members, largest
    /// first (Leiden's numbering).
    var listedCommunities: [CommunityReport.Community] {
        communities.communities.filter { $0.members.count >= ReportParameters.communityMinSize }
    }

    /// The strongest pairs: most papers in common first (ties by the two names), at least
    /// `ReportParameters.associationMinCount` papers.
    var strongestPairs: [EntityAssociation] {
        associations.strongest(by: .count, limit: ReportParameters.associationRows,
                               minCount: ReportParameters.associationMinCount)
    }

    /// The methods of the method–benchmark graph, most mentioned first (then most benchmarks and datasets, then
    /// name), each with every benchmark and dataset it is evaluated on.
    var methodEvaluations: [MethodEvaluations] {
        let g = methodBenchmark
        var neighbours = [[(node: Int, weight: Double)]](repeating: [], count: g.nodes.count)
        for e in g.graph.edges {
            neighbours[e.source].append((e.target, e.weight))
            neighbours[e.target].append((e.source, e.weight))
        }
        func papers(_ node: Int) -> Int {
            if case .int(let n)? = g.attribute("papers", of: node) { return n }
            return 0
        }
        let methods = g.nodes.indices.filter { g.nodes[$0].kind == EntityType.method.rawValue && !neighbours[$0].isEmpty }
        return methods.map { m in
            let targets = neighbours[m].sorted {
                $0.weight != $1.weight ? $0.weight > $1.weight : Self.nameOrder(g.nodes[$0.node].label, g.nodes[$1.node].label)
            }.map { (name: g.nodes[$0.node].label, type: g.nodes[$0.node].kind, papers: Int($0.weight)) }
            return MethodEvaluations(method: g.nodes[m].label, papers: papers(m), targets: targets)
        }.sorted { a, b in
            if a.papers != b.papers { return a.papers > b.papers }
            if a.targets.count != b.targets.count { return a.targets.count > b.targets.count }
            return Self.nameOrder(a.method, b.method)
        }
    }

    /// Names case-insensitively, then exactly: the order every list of the analysis stage uses.
    static func nameOrder(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        return x != y ? x < y : a < b
    }

    /// The half-year a date falls in ("2023 H1"), or its year when the date has no month.
    static func period(_ date: String) -> String? {
        let parts = date.split(separator: "-")
        guard let year = parts.first, year.count == 4 else { return nil }
        guard parts.count > 1, let month = Int(parts[1]) else { return String(year) + " H1" }
        return "\(year) H\(month <= 6 ? 1 : 2)"
    }

    /// Every half-year from the first to the last, so gaps show as zeros.
    static func periodRange(_ sorted: [String]) -> [String] {
        guard let first = sorted.first, let last = sorted.last,
              let y0 = Int(first.prefix(4)), let y1 = Int(last.prefix(4)) else { return [] }
        var all: [String] = []
        for y in y0...y1 { for h in 1...2 { all.append("\(y) H\(h)") } }
        return all.filter { $0 >= first && $0 <= last }
    }

    func top(_ type: EntityType?, _ n: Int) -> [EntityRank] {
        Array(ranks.filter { type == nil || $0.type == type }.prefix(n))
    }

    var dateRange: (String, String)? {
        let dates = papers.compactMap(\.date).sorted()
        guard let a = dates.first, let b = dates.last else { return nil }
        return (a, b)
    }

    func count(_ type: EntityType) -> Int { ranks.filter { $0.type == type }.count }
}

/// The sentences and cells both forms of the report share. Names in the returned cells are raw: each form
/// escapes them as it writes them.
extension ReportContent {
    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    static func points(_ x: Double) -> String { String(format: "%+.1f pp", x * 100) }
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    func methodBenchmarkText() -> String {
        let g = methodBenchmark
        let methods = g.nodes.filter { $0.kind == EntityType.method.rawValue }.count
        return "A method is linked to a benchmark or dataset when a paper names both as introduced, used or compared "
            + "(a bare mention does not count), wider for more papers: \(Self.plural(methods, "method")) and "
            + "\(g.nodes.count - methods) benchmarks and datasets, \(Self.plural(g.graph.edges.count, "pair")) in all. "
            + "The map shows the \(ReportParameters.mapMethods) most mentioned of these methods and the "
            + "\(ReportParameters.mapTargets) benchmarks and datasets they are evaluated on most; the table lists "
            + "everything the \(ReportParameters.evaluationRows) most mentioned are evaluated on."
    }

    /// "Atari 100k (2); MuJoCo (1)": what a method is evaluated on, with papers.
    func targetList(_ m: MethodEvaluations) -> String {
        m.targets.map { "\($0.name) (\($0.papers))" }.joined(separator: "; ")
    }

    func clustersText() -> String {
        let all = communities.communities.count, listed = listedCommunities.count
        return "Leiden communities of the co-occurrence graph (modularity, resolution 1, seed "
            + "\(ReportParameters.communitySeed), weighted by papers in common): \(all) communit\(all == 1 ? "y" : "ies"), "
            + "modularity \(Self.fixed(communities.partition.modularity, 3)). "
            + (listed == 0 ? "None has \(ReportParameters.communityMinSize) or more members."
                : "The \(listed) with at least \(ReportParameters.communityMinSize) members, largest first, each labelled "
                    + "by its \(ReportParameters.communityLabelSize) members of highest PageRank.")
    }

    /// The community's first members by PageRank, then how many more.
    func memberList(_ community: CommunityReport.Community) -> String {
        let shown = community.members.prefix(ReportParameters.communityMembersShown).map { cooccurrenceGraph.nodes[$0].label }
        let more = community.members.count - shown.count
        return shown.joined(separator: "; ") + (more > 0 ? "; … \(more) more" : "")
    }

    func associationsText() -> String {
        strongestPairs.isEmpty
            ? "No two entities are named together in \(ReportParameters.associationMinCount) or more papers."
            : "The \(Self.plural(strongestPairs.count, "pair")) named together in the most papers (at least "
                + "\(ReportParameters.associationMinCount)), of \(papers.count) papers. Association strength "
                + "(probabilistic) = N·c_ij/(c_ii·c_jj): 1 means as often as chance, 10 ten times as often; "
                + "Jaccard = papers together / papers with either."
    }

    /// The rising entities listed (at most `ReportParameters.trendRows`), in `litgraph trends`' order.
    var risingShown: ArraySlice<EntityTrend> { trends.rising.prefix(ReportParameters.trendRows) }
    var fadingShown: ArraySlice<EntityTrend> { trends.fading.prefix(ReportParameters.trendRows) }

    /// The span of a window of quarter slices: "2024-Q4 … 2025-Q1 (52 papers)".
    func span(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "no earlier quarter" }
        let labels = quarters.labels
        let papers = r.reduce(0) { $0 + quarters.totals[$1] }
        return labels[r.lowerBound] + (r.count > 1 ? " … " + labels[r.upperBound - 1] : "")
            + " (\(Self.plural(papers, "paper")))"
    }

    func trendWindowText() -> String {
        guard !quarters.totals.isEmpty else { return "No paper has a usable date: nothing to compare over time." }
        var s = "By quarter, as litgraph trends --by quarter computes it: the last "
            + "\(Self.plural(trends.recent.count, "quarter")), \(span(trends.recent)), against the "
            + "\(trends.previous.count) before, \(span(trends.previous))."
        let left = quarters.undated + quarters.tooCoarse + quarters.unreadable
        if left > 0 { s += " \(Self.plural(left, "paper")) without a usable date \(left == 1 ? "is" : "are") left out." }
        return s
    }

    func risingText() -> String {
        "Share of papers then and now, largest rise first; \"new\" marks an entity first seen in the last "
            + "\(Self.plural(trends.recent.count, "quarter")) (\(trends.emerging.count) of \(trends.rising.count) rising)."
            + (trends.rising.count > risingShown.count ? " The first \(risingShown.count) are listed." : "")
    }

    func fadingText() -> String {
        "A share now at most \(Self.fixed(trends.options.fadeRatio, 1)) × its best \(trends.options.window)-quarter "
            + "share before, largest fall first."
            + (trends.fading.count > fadingShown.count ? " The first \(fadingShown.count) of \(trends.fading.count) are listed." : "")
    }

    /// The bursts the report lists: at the defaults, or at the fallback setting when the defaults find none.
    var burstsShown: ArraySlice<EntityBurst> { (fallbackBursts ?? bursts).prefix(ReportParameters.burstRows) }

    /// The caption over the fallback bursts, which must never pass for the defaults' result.
    func fallbackBurstCaption() -> String {
        let f = ReportParameters.fallbackBursts
        return "Bursts at s = \(Self.fixed(f.s, 0)), γ = \(Self.fixed(f.gamma, 0)), not at the defaults:"
    }

    func burstText() -> String {
        let labels = quarters.labels
        guard !labels.isEmpty else { return "No paper has a usable date: no bursts to find." }
        let d = ReportParameters.bursts, f = ReportParameters.fallbackBursts
        let setting = "s = \(Self.fixed(d.s, 0)), γ = \(Self.fixed(d.gamma, 0))"
        var s = "Kleinberg bursts by quarter (\(setting)) over \(labels.count) quarters, \(labels.first!) … \(labels.last!): "
        if let fallback = fallbackBursts {
            s += "none at \(setting): no entity's papers per quarter rise far enough above its base rate to pay "
                + "the cost of a burst, γ · ln \(labels.count) = \(Self.fixed(d.gamma * log(Double(labels.count)), 2)). "
            s += fallback.isEmpty
                ? "None at s = \(Self.fixed(f.s, 0)) either."
                : "Shown instead: the result at s = \(Self.fixed(f.s, 0)), γ = \(Self.fixed(f.gamma, 0)) (a burst "
                    + "rate \(Self.fixed(f.s, 0)) × the base rate), not at the defaults."
        } else {
            s += "\(Self.plural(bursts.count, "burst")), strongest first"
                + (bursts.count > burstsShown.count ? "; the first \(burstsShown.count) are listed." : ".")
        }
        return s
    }
}
