import LitgraphExtraction

/// The calendar unit papers are counted in: a month, a quarter or a year.
public enum TimeGranularity: String, Sendable, CaseIterable {
    case month, quarter, year

    /// The slice a store date ("2023", "2023-02", "2023-02-14") falls in, as an ordinal that counts slices
    /// from year 0 so consecutive slices differ by one; `.tooCoarse` when the date lacks the month these
    /// slices need, `.unreadable` when it is not one of the three shapes. Reads bytes, no calendar.
    public func slice(of date: String) -> DateReading {
        var fields: [Int] = []
        var value = 0, digits = 0
        for byte in date.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                if digits > 4 { return .unreadable }
            } else if byte == 0x2D, digits > 0 {
                fields.append(value)
                value = 0
                digits = 0
            } else {
                return .unreadable
            }
        }
        guard digits > 0 else { return .unreadable }
        fields.append(value)
        guard fields.count <= 3, fields[0] >= 1 else { return .unreadable }
        if fields.count >= 2, !(1...12).contains(fields[1]) { return .unreadable }
        if fields.count == 3, !(1...31).contains(fields[2]) { return .unreadable }
        let year = fields[0]
        switch self {
        case .year: return .slice(year)
        case .quarter: return fields.count < 2 ? .tooCoarse : .slice(year * 4 + (fields[1] - 1) / 3)
        case .month: return fields.count < 2 ? .tooCoarse : .slice(year * 12 + fields[1] - 1)
        }
    }

    /// The label of a slice ordinal: "2023-02", "2023-Q1" or "2023".
    public func label(of ordinal: Int) -> String {
        func padded(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        switch self {
        case .year: return padded(ordinal, 4)
        case .quarter: return padded(ordinal / 4, 4) + "-Q" + String(ordinal % 4 + 1)
        case .month: return padded(ordinal / 12, 4) + "-" + padded(ordinal % 12 + 1, 2)
        }
    }
}

/// What a paper's date says about where it goes on the time axis.
public enum DateReading: Sendable, Hashable {
    case slice(Int)
    /// A year alone, read at month or quarter granularity.
    case tooCoarse
    case unreadable
}

/// A paper's id and its date as stored ("2023", "2023-02" or "2023-02-14"), or nil when it has none.
public struct DatedPaper: Sendable, Hashable {
    public var id: String
    public var date: String?

    public init(id: String, date: String?) {
        self.id = id
        self.date = date
    }
}

/// One entity's papers per slice.
public struct EntitySeries: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    /// Distinct dated papers mentioning the entity, one count per slice of the series.
    public var counts: [Int]

    public init(name: String, type: EntityType, counts: [Int]) {
        self.name = name
        self.type = type
        self.counts = counts
    }

    /// Dated papers mentioning it in all.
    public var papers: Int { counts.reduce(0, +) }
    /// Index of the first slice with a paper, nil if none.
    public var firstSlice: Int? { counts.firstIndex { $0 > 0 } }
    /// Index of the last slice with a paper, nil if none.
    public var lastSlice: Int? { counts.lastIndex { $0 > 0 } }
}

/// Papers per entity per time slice, over continuous slices from the first dated paper to the last (a slice
/// with no paper is present with 0), beside the number of dated papers in each slice, so counts can be read
/// as a share of the corpus. Papers left out for want of a usable date are counted, not dropped silently.
public struct TimeSeries: Sendable {
    public var granularity: TimeGranularity
    /// Ordinal of the first slice (see `TimeGranularity.slice(of:)`); slice i has ordinal first + i.
    public var firstOrdinal: Int
    /// Dated papers in each slice: the denominator of a share.
    public var totals: [Int]
    /// One series per entity mentioned by a dated paper, sorted by name (case-insensitive, then bytewise).
    public var entities: [EntitySeries]
    /// Papers with no date.
    public var undated: Int
    /// Papers dated by year alone, left out of month and quarter slices.
    public var tooCoarse: Int
    /// Papers whose date is not YYYY, YYYY-MM or YYYY-MM-DD.
    public var unreadable: Int

    /// Counts, for every entity and slice, the distinct papers of that slice that mention the entity.
    /// A mention of a paper missing from `papers` counts as undated. O(P + M + E·S) for P papers, M mentions,
    /// E entities and S slices.
    public init(papers: [DatedPaper], mentions: [Mention], by granularity: TimeGranularity) {
        self.granularity = granularity
        var sliceOf: [String: Int] = [:]
        var undated = 0, coarse = 0, unreadable = 0
        for paper in papers where sliceOf[paper.id] == nil {
            guard let date = paper.date, !date.isEmpty else { undated += 1; sliceOf[paper.id] = -1; continue }
            switch granularity.slice(of: date) {
            case .slice(let ordinal): sliceOf[paper.id] = ordinal
            case .tooCoarse: coarse += 1; sliceOf[paper.id] = -1
            case .unreadable: unreadable += 1; sliceOf[paper.id] = -1
            }
        }
        var unknownPapers = Set<String>()
        for m in mentions where sliceOf[m.paper] == nil { unknownPapers.insert(m.paper) }
        self.undated = undated + unknownPapers.count
        self.tooCoarse = coarse
        self.unreadable = unreadable

        let ordinals = sliceOf.values.filter { $0 >= 0 }
        guard let first = ordinals.min(), let last = ordinals.max() else {
            firstOrdinal = 0
            totals = []
            entities = []
            return
        }
        firstOrdinal = first
        var totals = [Int](repeating: 0, count: last - first + 1)
        for ordinal in ordinals { totals[ordinal - first] += 1 }
        self.totals = totals

        var types: [String: EntityType] = [:]
        var seen = Set<PairKey>()
        var counts: [String: [Int]] = [:]
        for m in mentions {
            guard let ordinal = sliceOf[m.paper], ordinal >= 0 else { continue }
            guard seen.insert(PairKey(paper: m.paper, entity: m.entity)).inserted else { continue }
            if types[m.entity] == nil { types[m.entity] = m.type }
            counts[m.entity, default: [Int](repeating: 0, count: totals.count)][ordinal - first] += 1
        }
        entities = counts.map { EntitySeries(name: $0.key, type: types[$0.key]!, counts: $0.value) }
            .sorted { a, b in
                let x = a.name.lowercased(), y = b.name.lowercased()
                return x != y ? x < y : a.name < b.name
            }
    }

    private struct PairKey: Hashable {
        var paper: String
        var entity: String
    }

    /// Slice labels, oldest first.
    public var labels: [String] { totals.indices.map { granularity.label(of: firstOrdinal + $0) } }
    /// Dated papers in all.
    public var datedPapers: Int { totals.reduce(0, +) }

    /// The series of the entity with this exact name.
    public func series(named name: String) -> EntitySeries? { entities.first { $0.name == name } }

    /// The entity's share of each slice (its papers / dated papers), nil for a slice with no dated paper.
    public func share(of entity: EntitySeries) -> [Double?] {
        zip(entity.counts, totals).map { $1 == 0 ? nil : Double($0) / Double($1) }
    }
}

/// Thresholds for calling an entity rising, emerging or fading.
public struct TrendOptions: Sendable, Hashable {
    /// Slices in the recent window W (compared with the W slices before it).
    public var window: Int
    /// Papers an entity needs in the recent window to rise, or in its peak window to fade.
    public var minPapers: Int
    /// Rising needs recent share − previous share above this (a fraction: 0.01 is one percentage point).
    public var minChange: Double
    /// Fading means recent share ≤ this × peak share.
    public var fadeRatio: Double

    public init(window: Int, minPapers: Int = 2, minChange: Double = 0, fadeRatio: Double = 0.5) {
        self.window = window
        self.minPapers = minPapers
        self.minChange = minChange
        self.fadeRatio = fadeRatio
    }

    /// About half a year whatever the slice: 6 months, 2 quarters, 1 year.
    public static func defaults(for granularity: TimeGranularity) -> TrendOptions {
        switch granularity {
        case .month: TrendOptions(window: 6)
        case .quarter: TrendOptions(window: 2)
        case .year: TrendOptions(window: 1)
        }
    }
}

/// How one entity's share of the corpus moved.
///
/// Growth is measured two ways over the last 2W slices. `change` = share in the recent window (its papers in
/// the last W slices / dated papers in those slices) − share in the W slices before; `slope` is the
/// least-squares slope of the per-slice share against slice index over the same 2W slices (share per slice;
/// slices without dated papers are left out). The peak is the best share over any W consecutive slices that
/// end before the recent window.
public struct EntityTrend: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    /// Dated papers mentioning it in all.
    public var papers: Int
    public var firstSlice: String
    public var lastSlice: String
    public var recentPapers: Int
    public var previousPapers: Int
    public var recentShare: Double
    public var previousShare: Double
    public var change: Double
    public var slope: Double
    public var peakShare: Double
    public var peakPapers: Int
    /// Label of the first slice of the peak window, nil when there is no earlier window or no paper in it.
    public var peakStart: String?
    /// First paper within the recent window.
    public var isNew: Bool
}

/// The rising and fading entities of a series, with the windows they were measured on.
public struct TrendSummary: Sendable {
    public var options: TrendOptions
    /// Slice indices of the recent window and of the W slices before it (empty if the series is too short).
    public var recent: Range<Int>
    public var previous: Range<Int>
    /// Every entity's trend, in the series' name order.
    public var all: [EntityTrend]
    /// Recent papers ≥ minPapers and change > minChange; largest change first, then more recent papers, then name.
    public var rising: [EntityTrend]
    /// Rising entities first seen in the recent window, in the same order.
    public var emerging: [EntityTrend] { rising.filter(\.isNew) }
    /// Peak-window papers ≥ minPapers and recent share ≤ fadeRatio × peak share; largest fall
    /// (peak − recent share) first, then more peak papers, then name.
    public var fading: [EntityTrend]
}

extension TimeSeries {
    /// The recent window (last W slices) and the W slices before it, clamped at the series' start.
    func windows(_ w: Int) -> (recent: Range<Int>, previous: Range<Int>) {
        let n = totals.count, w = max(1, w)
        let recent = max(0, n - w)..<n
        return (recent, max(0, recent.lowerBound - w)..<recent.lowerBound)
    }

    /// Growth figures for one entity (see `EntityTrend`). O(S) for S slices.
    public func trend(of entity: EntitySeries, window: Int) -> EntityTrend {
        let (recent, previous) = windows(window)
        let w = recent.count
        func sum(_ xs: [Int], _ r: Range<Int>) -> Int { r.reduce(0) { $0 + xs[$1] } }
        func share(_ r: Range<Int>) -> (Double, Int) {
            let d = sum(totals, r), k = sum(entity.counts, r)
            return (d == 0 ? 0 : Double(k) / Double(d), k)
        }
        let (recentShare, recentPapers) = share(recent)
        let (previousShare, previousPapers) = share(previous)
        var peak = (share: 0.0, papers: 0, start: nil as Int?)
        if recent.lowerBound >= w {
            for start in 0...(recent.lowerBound - w) {
                let (s, k) = share(start..<(start + w))
                if s > peak.share { peak = (s, k, start) }
            }
        }
        // Least-squares slope of share on slice index over previous ∪ recent, skipping empty slices.
        var points: [(x: Double, y: Double)] = []
        for t in previous.lowerBound..<recent.upperBound where totals[t] > 0 {
            points.append((Double(t), Double(entity.counts[t]) / Double(totals[t])))
        }
        var slope = 0.0
        if points.count >= 2 {
            let mx = points.reduce(0) { $0 + $1.x } / Double(points.count)
            let my = points.reduce(0) { $0 + $1.y } / Double(points.count)
            var sxy = 0.0, sxx = 0.0
            for p in points { sxy += (p.x - mx) * (p.y - my); sxx += (p.x - mx) * (p.x - mx) }
            slope = sxx == 0 ? 0 : sxy / sxx
        }
        let first = entity.firstSlice ?? 0, last = entity.lastSlice ?? 0
        return EntityTrend(name: entity.name, type: entity.type, papers: entity.papers,
                           firstSlice: granularity.label(of: firstOrdinal + first),
                           lastSlice: granularity.label(of: firstOrdinal + last),
                           recentPapers: recentPapers, previousPapers: previousPapers,
                           recentShare: recentShare, previousShare: previousShare,
                           change: recentShare - previousShare, slope: slope,
                           peakShare: peak.share, peakPapers: peak.papers,
                           peakStart: peak.start.map { granularity.label(of: firstOrdinal + $0) },
                           isNew: entity.firstSlice.map { recent.contains($0) } ?? false)
    }

    /// Rising, emerging and fading entities under `options`; deterministic order (see `TrendSummary`).
    /// O(E·S·W) for E entities and S slices.
    public func trends(options: TrendOptions) -> TrendSummary {
        let (recent, previous) = windows(options.window)
        let all = entities.map { trend(of: $0, window: options.window) }
        let rising = all.filter { $0.recentPapers >= options.minPapers && $0.change > options.minChange }
            .sorted { a, b in
                if a.change != b.change { return a.change > b.change }
                if a.recentPapers != b.recentPapers { return a.recentPapers > b.recentPapers }
                return a.name < b.name
            }
        let fading = all.filter {
            $0.peakPapers >= options.minPapers && $0.peakShare > 0 && $0.recentShare <= options.fadeRatio * $0.peakShare
        }.sorted { a, b in
            let x = a.peakShare - a.recentShare, y = b.peakShare - b.recentShare
            if x != y { return x > y }
            if a.peakPapers != b.peakPapers { return a.peakPapers > b.peakPapers }
            return a.name < b.name
        }
        return TrendSummary(options: options, recent: recent, previous: previous, all: all, rising: rising, fading: fading)
    }
}

/// Maps an entity to the root of its family in the catalogue's tree (GPT-4o → GPT-4 → GPT), so the members
/// of a family can be counted together. Names compare case-insensitively; a cycle stops at the name that
/// closes it.
public struct EntityFamilies: Sendable {
    private var parent: [String: String] = [:]

    /// `parents` lists each entity with its parent's name, or nil for a root.
    public init(parents: [(name: String, parent: String?)]) {
        for (name, p) in parents { if let p, !p.isEmpty { parent[name.lowercased()] = p } }
    }

    /// The topmost ancestor of `name`, or `name` itself when it has no parent.
    public func root(of name: String) -> String {
        var current = name
        var visited: Set<String> = [name.lowercased()]
        while let up = parent[current.lowercased()], visited.insert(up.lowercased()).inserted {
            current = up
        }
        return current
    }
}
