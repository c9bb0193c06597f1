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

/// Everything a report is made from, as plain values: the papers, their mentions, and how to describe them.
public struct ReportInput: Sendable {
    public var title: String
    public var papers: [ReportPaper]
    public var mentions: [Mention]
    /// How many catalogue entries extraction used, for the method notes.
    public var catalogueSize: Int
    /// Entities on the co-occurrence map, most mentioned first.
    public var mapSize: Int
    /// Rows in each per-type ranking table.
    public var tableSize: Int

    public init(title: String, papers: [ReportPaper], mentions: [Mention], catalogueSize: Int,
                mapSize: Int = 45, tableSize: Int = 15) {
        self.title = title
        self.papers = papers
        self.mentions = mentions
        self.catalogueSize = catalogueSize
        self.mapSize = mapSize
        self.tableSize = tableSize
    }
}

/// The analysed content of a report, shared by its Markdown and HTML forms so both say the same thing.
struct ReportContent {
    var input: ReportInput
    var ranks: [EntityRank]
    var rankByName: [String: EntityRank]
    var cooccurrence: CooccurrenceGraph
    /// Entity name → sorted periods (YYYY-Qn) of the papers mentioning it.
    var firstSeen: [String: String]
    var introducedBy: [(entity: String, type: EntityType, paper: ReportPaper)]
    var periods: [String]
    var papersPerPeriod: [String: Int]
    var entityPeriodCounts: [String: [String: Int]]
    var undated: Int

    init(_ input: ReportInput) throws {
        self.input = input
        cooccurrence = CooccurrenceGraph(mentions: input.mentions)
        ranks = try rankEntities(cooccurrence)
        rankByName = Dictionary(uniqueKeysWithValues: ranks.map { ($0.name, $0) })
        let paperByID = Dictionary(input.papers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var firstSeen: [String: String] = [:]
        var periodCounts: [String: [String: Int]] = [:]
        var introducedBy: [(String, EntityType, ReportPaper)] = []
        for m in input.mentions {
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
        for paper in input.papers {
            if let p = paper.date.flatMap(Self.period) { perPeriod[p, default: 0] += 1 } else { undated += 1 }
        }
        papersPerPeriod = perPeriod
        self.undated = undated
        periods = Self.periodRange(perPeriod.keys.sorted())
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
        let dates = input.papers.compactMap(\.date).sorted()
        guard let a = dates.first, let b = dates.last else { return nil }
        return (a, b)
    }

    func count(_ type: EntityType) -> Int { ranks.filter { $0.type == type }.count }
}
