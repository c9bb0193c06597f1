/// A pattern for `Matcher`: the bytes to find, whether case must match exactly, and a caller's value.
public struct MatcherPattern: Sendable {
    public var text: String
    public var exactCase: Bool
    public var value: Int32

    public init(_ text: String, exactCase: Bool = false, value: Int32) {
        self.text = text
        self.exactCase = exactCase
        self.value = value
    }
}

/// One match: the byte range in the text and the pattern's value.
public struct MatcherHit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var value: Int32
    public var pattern: Int32
}

/// Finds many names at once in UTF-8 bytes: whole words only, leftmost-longest, non-overlapping.
///
/// An Aho–Corasick automaton (Aho & Corasick 1975, "Efficient string matching", CACM 18(6)) compiled to a
/// dense DFA over byte classes: ASCII letters fold case, and space, tab, newline and `-` form one separator
/// class, so "Meta-World" also finds "Meta World". Bytes that occur in no pattern share one class that leads
/// back to the root. Scanning is O(n + candidates) per text with one table load per byte.
///
/// Word boundaries: a hit must not touch a word byte (letter, digit, `_`, non-ASCII) on either side, nor
/// continue a token: a hit followed by `-` or `.` and a digit, by `-v2`-style versions, by `-` and a capital,
/// or by `+`, is part of a longer name ("DrQ" in "DrQ-v2", "GPT-4" in "GPT-4.5", "TD3" in "TD3+BC"), and so
/// is one preceded by a letter or digit and `-` ("CNN" in "R-CNN"); a model size ("LLaVA-7b") is not a
/// continuation. Among overlapping hits the leftmost
/// wins, then the longest.
public final class Matcher: Sendable {
    let classOf: [UInt8]
    let classCount: Int
    /// `delta[state * classCount + class]`: the next state.
    let delta: [Int32]
    /// Per state: range in `outputs` of the patterns ending here (own and through dictionary links).
    let outputStart: [Int32]
    let outputCount: [Int32]
    let outputs: [Int32]
    let patterns: [MatcherPattern]
    let patternBytes: [[UInt8]]

    /// Compiles the automaton. Empty patterns are ignored.
    public init(patterns: [MatcherPattern]) {
        // Byte classes: 0 = in no pattern; separators share one class; letters fold case.
        var classOf = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        let separator: UInt8 = 1
        next = 2
        for b in [UInt8(32), 9, 10, 13, 45] { classOf[Int(b)] = separator }
        let bytesOf = patterns.map { Array($0.text.utf8) }
        for bytes in bytesOf {
            for b in bytes where classOf[Int(Byte.lower(b))] == 0 {
                classOf[Int(Byte.lower(b))] = next
                next += 1
            }
        }
        for b in UInt8(65)...90 { classOf[Int(b)] = classOf[Int(b + 32)] }
        let classCount = Int(next)

        // Trie as a growing dense table; -1 = no edge yet.
        var delta = [Int32](repeating: -1, count: classCount)
        var own: [[Int32]] = [[]]
        for (index, bytes) in bytesOf.enumerated() where !bytes.isEmpty {
            var state = 0
            for b in bytes {
                let slot = state * classCount + Int(classOf[Int(b)])
                if delta[slot] < 0 {
                    delta[slot] = Int32(own.count)
                    own.append([])
                    delta.append(contentsOf: repeatElement(-1, count: classCount))
                }
                state = Int(delta[slot])
            }
            own[state].append(Int32(index))
        }
        let stateCount = own.count

        // Breadth-first: failure links, complete transitions, outputs through failure links.
        var fail = [Int32](repeating: 0, count: stateCount)
        var all = own
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<classCount {
            if delta[c] < 0 { delta[c] = 0 } else { queue.append(Int(delta[c])) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            all[s] += all[Int(fail[s])]
            for c in 0..<classCount {
                let slot = s * classCount + c
                let t = delta[slot]
                let viaFail = delta[Int(fail[s]) * classCount + c]
                if t < 0 {
                    delta[slot] = viaFail
                } else {
                    fail[Int(t)] = viaFail
                    queue.append(Int(t))
                }
            }
        }
        var outputStart = [Int32](repeating: 0, count: stateCount)
        var outputCount = [Int32](repeating: 0, count: stateCount)
        var outputs: [Int32] = []
        for s in 0..<stateCount {
            outputStart[s] = Int32(outputs.count)
            outputCount[s] = Int32(all[s].count)
            outputs += all[s]
        }
        self.classOf = classOf
        self.classCount = classCount
        self.delta = delta
        self.outputStart = outputStart
        self.outputCount = outputCount
        self.outputs = outputs
        self.patterns = patterns
        self.patternBytes = bytesOf
    }

    /// Number of automaton states, for diagnostics and benchmarks.
    public var stateCount: Int { outputStart.count }

    /// All whole-word, leftmost-longest, non-overlapping hits in `text`, in order.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [MatcherHit] {
        var candidates: [MatcherHit] = []
        delta.withUnsafeBufferPointer { delta in
            classOf.withUnsafeBufferPointer { classOf in
                outputCount.withUnsafeBufferPointer { outputCount in
                    var state = 0
                    let cc = classCount
                    for i in 0..<text.count {
                        state = Int(delta[state &* cc &+ Int(classOf[Int(text[i])])])
                        let count = Int(outputCount[state])
                        if count == 0 { continue }
                        let first = Int(outputStart[state])
                        for k in first..<(first + count) {
                            let p = Int(outputs[k])
                            let length = patternBytes[p].count
                            let start = i + 1 - length
                            if accept(pattern: p, start: start, end: i + 1, text: text) {
                                candidates.append(MatcherHit(start: start, end: i + 1, value: patterns[p].value,
                                                             pattern: Int32(p)))
                            }
                        }
                    }
                }
            }
        }
        return Self.leftmostLongest(candidates)
    }

    /// Convenience for Swift strings.
    public func matches(in text: String) -> [MatcherHit] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    /// Boundary and case checks for one candidate.
    @inline(__always)
    func accept(pattern p: Int, start: Int, end: Int, text: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = patternBytes[p]
        // The separator class lets a pattern's own separators match; the first and last bytes must not be
        // text separators standing in for something else.
        if start > 0 {
            let before = text[start - 1]
            if Byte.isWord(before) { return false }
            if before == 45 && start > 1 && Byte.isAlnum(text[start - 2]) { return false }
        }
        if end < text.count {
            let after = text[end]
            if Byte.isWord(after) || after == 43 { return false }
            if (after == 45 || after == 46) && end + 1 < text.count {
                let next = text[end + 1]
                if Byte.isDigit(next) && !(after == 45 && Self.isSizeSuffix(text, from: end + 1)) { return false }
                if after == 45 {
                    if Byte.isUpper(next) { return false }
                    if (next == 118 || next == 86) && end + 2 < text.count && Byte.isDigit(text[end + 2]) { return false }
                }
            }
        }
        // Separators in the pattern match any separator; elsewhere bytes must agree (case-folded unless exact).
        let exact = patterns[p].exactCase
        for j in 0..<bytes.count {
            let pb = bytes[j], tb = text[start + j]
            if pb == tb { continue }
            if Byte.isLetter(pb) {
                if exact || Byte.lower(pb) != Byte.lower(tb) { return false }
            } else if !(isSeparator(pb) && isSeparator(tb)) {
                return false
            }
        }
        return true
    }

    @inline(__always) func isSeparator(_ b: UInt8) -> Bool { Byte.isSpace(b) || b == 45 }

    /// A model-size suffix such as "-7b", "-13B" or "-1.5B" ("LLaVA-7b" is LLaVA at one size), ending a word.
    static func isSizeSuffix(_ t: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var i = from
        while i < t.count && (Byte.isDigit(t[i]) || (t[i] == 46 && i > from)) { i += 1 }
        guard i > from, i < t.count, t[i] == 98 || t[i] == 66 || t[i] == 77 || t[i] == 109 else { return false }
        return i + 1 == t.count || !Byte.isWord(t[i + 1])
    }

    /// Keeps, among overlapping hits, the leftmost and then the longest. Input is in order of end offset.
    static func leftmostLongest(_ hits: [MatcherHit]) -> [MatcherHit] {
        if hits.count < 2 { return hits }
        let sorted = hits.sorted { $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.pattern < $1.pattern) }
        var kept: [MatcherHit] = []
        kept.reserveCapacity(sorted.count)
        var reach = -1
        for hit in sorted where hit.start >= reach {
            kept.append(hit)
            reach = hit.end
        }
        return kept
    }
}
