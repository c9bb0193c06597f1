import Foundation
import LitgraphExtraction

/// Parameters of Kleinberg's two-state burst model.
public struct BurstOptions: Sendable, Hashable {
    /// State 1 emits at s × the base rate; s > 1.
    public var s: Double
    /// Moving up to state 1 costs γ · ln n; γ ≥ 0.
    public var gamma: Double
    /// Bursts shorter than this many slices are dropped, as CiteSpace does (it commonly uses 2).
    public var minDuration: Int

    public init(s: Double = 2, gamma: Double = 1, minDuration: Int = 1) {
        self.s = s
        self.gamma = gamma
        self.minDuration = minDuration
    }
}

/// A maximal run of the burst state: first and last slice (inclusive) and its weight.
public struct Burst: Sendable, Hashable {
    public var first: Int
    public var last: Int
    /// Σ over the run of σ(0, t) − σ(1, t): how much better the burst state explains these slices.
    public var weight: Double

    public var duration: Int { last - first + 1 }
}

/// The optimal state sequence of one stream and the bursts read from it.
public struct BurstDetection: Sendable, Hashable {
    /// 0 or 1 per slice.
    public var states: [Int]
    /// Bursts of at least `minDuration` slices, oldest first.
    public var bursts: [Burst]
    /// Base rate Σr / Σd and burst rate min(s · p0, 0.9999).
    public var p0: Double
    public var p1: Double
}

/// Why a stream cannot be read for bursts.
public enum BurstError: Error, CustomStringConvertible, Equatable {
    case invalid(String)

    public var description: String {
        switch self { case .invalid(let reason): "burst detection: \(reason)" }
    }
}

/// Kleinberg's batched two-state burst detection: finds the slices where an entity is mentioned markedly
/// more often than its base rate.
///
/// Slice t has `totals[t]` = d_t documents, `relevant[t]` = r_t of them relevant. State 0 emits at
/// p0 = Σr/Σd, state 1 at p1 = s · p0 (capped at 0.9999, the cap the `burst_detection` Python package uses,
/// so a rate near 1 stays a valid probability). The cost of state i at slice t is
/// σ(i, t) = −ln[C(d_t, r_t) · p_i^r_t · (1 − p_i)^(d_t − r_t)] with ln C computed through `lgamma`; moving up
/// costs γ · ln n, moving down or staying is free, the sequence starts in state 0. An exact Viterbi pass
/// finds the cheapest state sequence (ties keep the lower state); a burst is a maximal run of state 1 and
/// its weight is Σ σ(0, t) − σ(1, t) over the run.
///
/// Reference: J. Kleinberg, "Bursty and Hierarchical Structure in Streams", KDD 2002 / Data Mining and
/// Knowledge Discovery 7(4), 2003, §4. Complexity O(n · k²) for n slices and k = 2 states, O(n) memory.
public func kleinbergBursts(relevant: [Int], totals: [Int], options: BurstOptions = BurstOptions()) throws -> BurstDetection {
    guard relevant.count == totals.count else {
        throw BurstError.invalid("\(relevant.count) relevant counts for \(totals.count) slices")
    }
    guard options.s > 1, options.s.isFinite else { throw BurstError.invalid("s must be greater than 1, got \(options.s)") }
    guard options.gamma >= 0, options.gamma.isFinite else {
        throw BurstError.invalid("gamma must be 0 or more, got \(options.gamma)")
    }
    guard options.minDuration >= 1 else { throw BurstError.invalid("minimum duration must be at least 1 slice") }
    for (r, d) in zip(relevant, totals) where r < 0 || d < 0 || r > d {
        throw BurstError.invalid("a slice has \(r) relevant of \(d) documents")
    }
    let n = totals.count
    let sumR = relevant.reduce(0, +), sumD = totals.reduce(0, +)
    guard n > 0, sumR > 0, sumR < sumD else {
        // No relevant document, or every document relevant: no rate above the base rate to find.
        let p0 = sumD == 0 ? 0 : Double(sumR) / Double(sumD)
        return BurstDetection(states: [Int](repeating: 0, count: n), bursts: [], p0: p0, p1: p0)
    }
    let p0 = Double(sumR) / Double(sumD)
    let p1 = min(options.s * p0, 0.9999)
    let ln = (p0: log(p0), q0: log(1 - p0), p1: log(p1), q1: log(1 - p1))

    func sigma(_ state: Int, _ t: Int) -> Double {
        let d = totals[t], r = relevant[t]
        let lnChoose = lgamma(Double(d + 1)) - lgamma(Double(r + 1)) - lgamma(Double(d - r + 1))
        let (lp, lq) = state == 0 ? (ln.p0, ln.q0) : (ln.p1, ln.q1)
        // 0 · ln p is 0 even where ln p is −∞.
        return -(lnChoose + (r == 0 ? 0 : Double(r) * lp) + (d == r ? 0 : Double(d - r) * lq))
    }

    let up = options.gamma * log(Double(n))
    var cost0 = 0.0, cost1 = Double.infinity
    var from0 = [UInt8](repeating: 0, count: n), from1 = [UInt8](repeating: 0, count: n)
    for t in 0..<n {
        let into0 = cost0 <= cost1 ? (cost0, UInt8(0)) : (cost1, UInt8(1))
        let into1 = cost1 <= cost0 + up ? (cost1, UInt8(1)) : (cost0 + up, UInt8(0))
        from0[t] = into0.1
        from1[t] = into1.1
        cost0 = into0.0 + sigma(0, t)
        cost1 = into1.0 + sigma(1, t)
    }
    var states = [Int](repeating: 0, count: n)
    var state: UInt8 = cost0 <= cost1 ? 0 : 1
    for t in stride(from: n - 1, through: 0, by: -1) {
        states[t] = Int(state)
        state = state == 0 ? from0[t] : from1[t]
    }

    var bursts: [Burst] = []
    var t = 0
    while t < n {
        guard states[t] == 1 else { t += 1; continue }
        var weight = 0.0
        let first = t
        while t < n && states[t] == 1 { weight += sigma(0, t) - sigma(1, t); t += 1 }
        if t - first >= options.minDuration { bursts.append(Burst(first: first, last: t - 1, weight: weight)) }
    }
    return BurstDetection(states: states, bursts: bursts, p0: p0, p1: p1)
}

/// One burst of one entity, placed on the time axis.
public struct EntityBurst: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    public var start: String
    public var end: String
    /// Slice indices in the series.
    public var first: Int
    public var last: Int
    /// The burst's weight (CiteSpace's "strength").
    public var strength: Double
    /// Papers mentioning the entity within the burst, and in all.
    public var papers: Int
    public var totalPapers: Int
}

extension TimeSeries {
    /// Every entity's bursts over the series' slices (r_t = its papers, d_t = dated papers per slice), sorted by
    /// strength (strongest first), then start, then name. O(E · n) for E entities and n slices.
    public func bursts(options: BurstOptions = BurstOptions()) throws -> [EntityBurst] {
        var found: [EntityBurst] = []
        for entity in entities {
            let detection = try kleinbergBursts(relevant: entity.counts, totals: totals, options: options)
            for b in detection.bursts {
                found.append(EntityBurst(name: entity.name, type: entity.type,
                                         start: granularity.label(of: firstOrdinal + b.first),
                                         end: granularity.label(of: firstOrdinal + b.last),
                                         first: b.first, last: b.last, strength: b.weight,
                                         papers: entity.counts[b.first...b.last].reduce(0, +), totalPapers: entity.papers))
            }
        }
        return found.sorted { a, b in
            if a.strength != b.strength { return a.strength > b.strength }
            if a.first != b.first { return a.first < b.first }
            return a.name < b.name
        }
    }
}
