import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphReport
import LitgraphStore

extension TimeGranularity: ExpressibleByArgument {}

/// Options shared by the commands that count papers per time slice.
struct SeriesOptions: ParsableArguments {
    @Option(help: "Slice time by month, quarter or year.")
    var by: TimeGranularity = .month
    @Flag(help: "Count each family of the catalogue's tree as one entity under its root (GRPO with DAPO and Dr. GRPO; GPT-4o and GPT-4V under GPT).")
    var family = false
    @Option(name: .customLong("group"), help: ArgumentHelp(
        "Count several entities as one, under a label: \"LABEL=NAME,NAME,…\" (repeatable).",
        discussion: "A paper that mentions any member counts once for the group. Names may be aliases. Example: "
            + "--group \"VLM reward models=VLM-RM,RL-VLM-F,RoVRM,VL-RewardBench\"."))
    var groups: [String] = []

    /// The store's papers per entity per slice; with `--family`, every entity is counted under its family's root,
    /// and every `--group` member under its group's label.
    func series(from store: Store, db: String) throws -> (series: TimeSeries, families: FamilyNames) {
        var families = try FamilyNames(store: store, enabled: family)
        for spec in groups {
            guard let eq = spec.firstIndex(of: "=") else {
                throw UserError("--group should look like LABEL=NAME,NAME,…, found \"\(spec)\"")
            }
            let label = spec[..<eq].trimmingCharacters(in: .whitespaces)
            let members = spec[spec.index(after: eq)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !label.isEmpty, !members.isEmpty else {
                throw UserError("--group needs a label and at least one name, found \"\(spec)\"")
            }
            var entities: [StoredEntity] = []
            for member in members { entities.append(try storedEntity(named: member, in: store, path: db)) }
            families.addGroup(label, members: entities)
        }
        let mentions = try store.mentions().map { m -> Mention in
            let (name, type) = families.group(m.entity, m.type)
            return Mention(paper: m.paperID, entity: name, type: type, count: m.count, introduced: m.role == .introduces)
        }
        let papers = try store.papers().map { DatedPaper(id: $0.id, date: $0.date) }
        return (TimeSeries(papers: papers, mentions: mentions, by: by), families)
    }
}

/// Entity names as counted: each entity itself, or with `--family` the root of its family, spelled as stored.
struct FamilyNames {
    private var roots = EntityFamilies(parents: [])
    private var stored: [String: (name: String, type: EntityType)] = [:]
    /// `--group` labels by the lower-cased names of their members, with the type of their first member.
    private var grouped: [String: (name: String, type: EntityType)] = [:]
    var enabled: Bool

    init(store: Store, enabled: Bool) throws {
        self.enabled = enabled
        guard enabled else { return }
        let entities = try store.entities()
        roots = EntityFamilies(parents: entities.map { ($0.name, $0.parent) })
        for e in entities { stored[e.name.lowercased()] = (e.name, e.type) }
    }

    /// Counts `members` under `label`; a group wins over the family an entity would be counted under.
    mutating func addGroup(_ label: String, members: [StoredEntity]) {
        guard let type = members.first?.type else { return }
        for m in members { grouped[m.name.lowercased()] = (label, type) }
        grouped[label.lowercased()] = (label, type)
    }

    /// The group label that `name` (a label, or a member) is counted under, if any.
    func groupLabel(_ name: String) -> (String, EntityType)? { grouped[name.lowercased()] }

    /// The name and type an entity is counted under.
    func group(_ name: String, _ type: EntityType) -> (String, EntityType) {
        if let g = grouped[name.lowercased()] { return g }
        guard enabled else { return (name, type) }
        let root = roots.root(of: name)
        return stored[root.lowercased()] ?? (root, type)
    }
}

/// What was left out of the slices, as one sentence, or nil when every paper had a usable date.
func leftOutNote(_ s: TimeSeries) -> String? {
    var parts: [String] = []
    if s.undated > 0 { parts.append("\(s.undated) without a date") }
    if s.tooCoarse > 0 { parts.append("\(s.tooCoarse) dated by year only (use --by year)") }
    if s.unreadable > 0 { parts.append("\(s.unreadable) with an unreadable date") }
    guard !parts.isEmpty else { return nil }
    let all = s.datedPapers + s.undated + s.tooCoarse + s.unreadable
    return "\(s.datedPapers) of \(all) papers counted; left out: " + parts.joined(separator: ", ") + "."
}

/// The left-out counts as a JSON object.
func notesJSON(_ s: TimeSeries) -> String {
    "{\"dated\":\(s.datedPapers),\"undated\":\(s.undated),\"year_only\":\(s.tooCoarse),\"unreadable\":\(s.unreadable)}"
}

func percent(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f%%", x * 100) }
func points(_ x: Double, _ digits: Int = 1) -> String { String(format: "%+.\(digits)f pp", x * 100) }

struct Trends: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Papers per entity per month, quarter or year; without names, the rising and fading entities.",
        discussion: """
            With names: one row per slice, from the first dated paper to the last (empty slices show 0), one \
            column per entity, counting the papers that mention it (--share: as a share of that slice's dated \
            papers). Papers without a usable date are left out and counted in a note.

            Without names: growth over the last 2W slices (W = --window; default 6 months, 2 quarters or 1 year). \
            change = the entity's share of papers in the last W slices − its share in the W slices before, in \
            percentage points; slope = the least-squares slope of its per-slice share over those 2W slices. \
            Rising: at least --min-papers papers in the last W slices and change above --min-change; "new" \
            marks those first seen in the last W slices (emerging). Fading: at least --min-papers papers in its \
            best W-slice window before the recent one, and a recent share at most --fade-ratio × that peak share.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var slicing: SeriesOptions
    @Argument(help: "Entities to show (canonical names or aliases).")
    var names: [String] = []
    @Flag(help: "Show each slice's share of papers instead of counts.")
    var share = false
    @Option(help: "Only this type in the rising/fading lists: method, benchmark or dataset.")
    var type: EntityType?
    @Option(help: "How many rising and how many fading entities to list.")
    var limit: Int = 10
    @Option(help: "With names, show only the slices from this date on (YYYY or YYYY-MM).")
    var since: String?
    @Option(help: "Slices in the recent window (default: 6 months, 2 quarters, 1 year).")
    var window: Int?
    @Option(help: "Papers needed in the recent window to rise, or in the peak window to fade.")
    var minPapers: Int = 2
    @Option(help: "Rise in share (percentage points) an entity must exceed to count as rising.")
    var minChange: Double = 0
    @Option(help: "Fading: recent share at most this fraction of the peak share.")
    var fadeRatio: Double = 0.5
    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reportingErrors {
            guard limit >= 0 else { throw UserError("--limit must be 0 or more") }
            guard window.map({ $0 >= 1 }) ?? true else { throw UserError("--window must be at least 1 slice") }
            guard minPapers >= 0 else { throw UserError("--min-papers must be 0 or more") }
            guard fadeRatio >= 0 && fadeRatio <= 1 else { throw UserError("--fade-ratio must be between 0 and 1") }
            let store = try Store(path: database.db)
            let (series, families) = try slicing.series(from: store, db: database.db)
            if names.isEmpty {
                var options = TrendOptions.defaults(for: slicing.by)
                if let window { options.window = window }
                options.minPapers = minPapers
                options.minChange = minChange / 100
                options.fadeRatio = fadeRatio
                printSummary(series, options: options)
            } else {
                var columns: [(String, EntityType)] = []
                for name in names {
                    let column: (String, EntityType)
                    if let label = families.groupLabel(name) {
                        column = label
                    } else {
                        let entity = try storedEntity(named: name, in: store, path: database.db)
                        column = families.group(entity.name, entity.type)
                    }
                    if !columns.contains(where: { $0.0 == column.0 }) { columns.append(column) }
                }
                try printTable(series, columns: columns)
            }
        }
    }

    /// Slices × entities: counts, or shares with --share.
    func printTable(_ series: TimeSeries, columns: [(String, EntityType)]) throws {
        let counted = columns.map { name, type in
            series.series(named: name) ?? EntitySeries(name: name, type: type, counts: [Int](repeating: 0, count: series.totals.count))
        }
        var from = 0
        if let since {
            // A year alone means its first slice.
            guard case .slice(let ordinal) = slicing.by.slice(of: since.utf8.count == 4 ? since + "-01" : since) else { throw UserError("--since should look like YYYY or YYYY-MM, found \"\(since)\"") }
            from = min(max(0, ordinal - series.firstOrdinal), series.totals.count)
        }
        let labels = series.labels
        let shares = counted.map { series.share(of: $0) }
        let unit = slicing.by.rawValue
        switch format {
        case .table, .csv:
            let rows = (from..<series.totals.count).map { t -> [String] in
                [labels[t], "\(series.totals[t])"] + counted.indices.map { i in
                    guard share else { return "\(counted[i].counts[t])" }
                    guard let x = shares[i][t] else { return format == .csv ? "" : "-" }
                    return format == .csv ? String(format: "%.4f", x) : percent(x)
                }
            }
            let table = TextTable(header: [unit, "papers"] + counted.map(\.name), rows: rows)
            if format == .csv {
                print(table.csv(), terminator: "")
                if let note = leftOutNote(series) { printError("litgraph: " + note) }
            } else {
                print((share ? "Share of each \(unit)'s dated papers that mention " : "Papers per \(unit) that mention ")
                      + counted.map { (e: EntitySeries) in "\(e.name) (\(e.papers))" }.joined(separator: ", ") + ":")
                print(table.text(), terminator: "")
                if let note = leftOutNote(series) { print(note) }
            }
        case .json:
            let range = from..<series.totals.count
            func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
            let entities: [String] = counted.indices.map { i in
                let counts = list(range.map { String(counted[i].counts[$0]) })
                let share = list(range.map { t -> String in shares[i][t].map { "\($0)" } ?? "null" })
                return "{\"name\":\(JSONText.quoted(counted[i].name)),\"type\":\"\(counted[i].type.rawValue)\","
                    + "\"counts\":\(counts),\"share\":\(share)}"
            }
            let slices = list(range.map { JSONText.quoted(labels[$0]) })
            let totals = list(range.map { String(series.totals[$0]) })
            print("{\"by\":\"\(unit)\",\"slices\":\(slices),\"papers\":\(totals),\n\"entities\":[\n"
                  + entities.joined(separator: ",\n") + "\n],\n\"notes\":" + notesJSON(series) + "}")
        }
    }

    /// Rising (and emerging) and fading entities with their growth figures.
    func printSummary(_ series: TimeSeries, options: TrendOptions) {
        let summary = series.trends(options: options)
        let rising = summary.rising.filter { type == nil || $0.type == type }.prefix(limit)
        let fading = summary.fading.filter { type == nil || $0.type == type }.prefix(limit)
        let labels = series.labels, unit = slicing.by.rawValue
        func span(_ r: Range<Int>) -> String {
            r.isEmpty ? "nothing" : labels[r.lowerBound] + (r.count > 1 ? " … " + labels[r.upperBound - 1] : "")
        }
        func papers(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + series.totals[$1] } }
        switch format {
        case .table:
            guard !series.totals.isEmpty else {
                print("No dated papers: nothing to compare over time.")
                if let note = leftOutNote(series) { print(note) }
                return
            }
            print("Last \(summary.recent.count) \(unit)\(summary.recent.count == 1 ? "" : "s"): \(span(summary.recent)) "
                  + "(\(papers(summary.recent)) papers), against \(span(summary.previous)) (\(papers(summary.previous)) papers).")
            print("\nRising — share of papers, then and now (new = first seen in the last \(summary.recent.count) \(unit)\(summary.recent.count == 1 ? "" : "s")):")
            print(TextTable(header: ["rank", "name", "type", "papers then", "papers now", "share then", "share now",
                                     "change", "slope/\(unit)", "first seen", "new"],
                            rows: rising.enumerated().map { i, t in
                                ["\(i + 1)", t.name, t.type.rawValue, "\(t.previousPapers)", "\(t.recentPapers)",
                                 percent(t.previousShare), percent(t.recentShare), points(t.change), points(t.slope, 2),
                                 t.firstSlice, t.isNew ? "new" : ""]
                            }).text(), terminator: "")
            print("\nFading — recent share at most \(fmt(options.fadeRatio, 2)) × its best \(summary.recent.count)-\(unit) share before:")
            print(TextTable(header: ["rank", "name", "type", "papers", "peak from", "papers at peak", "peak share",
                                     "share now", "last seen"],
                            rows: fading.enumerated().map { i, t in
                                ["\(i + 1)", t.name, t.type.rawValue, "\(t.papers)", t.peakStart ?? "", "\(t.peakPapers)",
                                 percent(t.peakShare), percent(t.recentShare), t.lastSlice]
                            }).text(), terminator: "")
            if let note = leftOutNote(series) { print("\n" + note) }
        case .csv:
            let header = ["list", "rank", "name", "type", "papers", "first", "last", "previous_papers", "recent_papers",
                          "previous_share", "recent_share", "change", "slope", "peak_start", "peak_papers", "peak_share", "new"]
            func row(_ list: String, _ i: Int, _ t: EntityTrend) -> [String] {
                [list, "\(i + 1)", t.name, t.type.rawValue, "\(t.papers)", t.firstSlice, t.lastSlice, "\(t.previousPapers)",
                 "\(t.recentPapers)", fmt(t.previousShare, 4), fmt(t.recentShare, 4), fmt(t.change, 4), fmt(t.slope, 5),
                 t.peakStart ?? "", "\(t.peakPapers)", fmt(t.peakShare, 4), t.isNew ? "true" : "false"]
            }
            let rows = rising.enumerated().map { row("rising", $0, $1) } + fading.enumerated().map { row("fading", $0, $1) }
            print(TextTable(header: header, rows: rows).csv(), terminator: "")
            if let note = leftOutNote(series) { printError("litgraph: " + note) }
        case .json:
            func item(_ t: EntityTrend) -> String {
                "{\"name\":\(JSONText.quoted(t.name)),\"type\":\"\(t.type.rawValue)\",\"papers\":\(t.papers),"
                    + "\"first\":\(JSONText.quoted(t.firstSlice)),\"last\":\(JSONText.quoted(t.lastSlice)),"
                    + "\"previous_papers\":\(t.previousPapers),\"recent_papers\":\(t.recentPapers),"
                    + "\"previous_share\":\(t.previousShare),\"recent_share\":\(t.recentShare),\"change\":\(t.change),"
                    + "\"slope\":\(t.slope),\"peak_start\":\(t.peakStart.map(JSONText.quoted) ?? "null"),"
                    + "\"peak_papers\":\(t.peakPapers),\"peak_share\":\(t.peakShare),\"new\":\(t.isNew)}"
            }
            func window(_ r: Range<Int>) -> String {
                r.isEmpty ? "null" : "{\"from\":\(JSONText.quoted(labels[r.lowerBound])),"
                    + "\"to\":\(JSONText.quoted(labels[r.upperBound - 1])),\"papers\":\(papers(r))}"
            }
            print("{\"by\":\"\(unit)\",\"window\":\(options.window),\"recent\":\(window(summary.recent)),"
                  + "\"previous\":\(window(summary.previous)),\n\"rising\":[\n" + rising.map(item).joined(separator: ",\n")
                  + "\n],\n\"fading\":[\n" + fading.map(item).joined(separator: ",\n") + "\n],\n\"notes\":" + notesJSON(series) + "}")
        }
    }
}
