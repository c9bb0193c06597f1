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
/// A trie of the patterns (the goto function of Aho & Corasick 1975, "Efficient string matching", CACM 18(6))
/// compiled to a dense table over byte classes: ASCII letters fold case, and space, tab, newline and `-` form
/// one separator class, so "Meta-World" also finds "Meta World"; bytes that occur in no pattern share one
/// class with no edges. A hit must start where a word does, so the trie is walked only from word starts,
/// left to right, keeping at each the longest pattern that passes the boundary and case checks and resuming
/// after it: that is the leftmost-longest, non-overlapping set directly, with no candidates to sort.
///
/// Most words begin no pattern. The scan hashes each word (case-folded) as it passes over it and walks only
/// where a table of the patterns' first words (`FirstWords`) says a pattern may begin; for a word that only
/// begins patterns of several words ("Visual") the next word must match too. A pattern that begins with a
/// function word ("The Pile") is filed under its second word instead and tried from there, back over the
/// function word, which spares the pair test on every "the", "a" and "and". A pattern that matches
/// always passes this filter, so the filter changes nothing but speed. Cost: O(n) for the scan plus the
/// walks, each at most as long as the longest pattern. A full Aho–Corasick scan instead makes one dependent
/// load from a large table per byte, and finds candidates inside words that the boundary check rejects.
///
/// Word boundaries: a hit must not touch a word byte (letter, digit, `_`, non-ASCII) on either side, nor
/// continue a token: a hit followed by `-` or `.` and a digit, by `-v2`-style versions, by `-` and a capital,
/// or by `+`, is part of a longer name ("DrQ" in "DrQ-v2", "GPT-4" in "GPT-4.5", "TD3" in "TD3+BC"), and so
/// is one preceded by a letter or digit and `-` ("CNN" in "R-CNN"); a model size ("LLaVA-7b") is not a
/// continuation. Among overlapping hits the leftmost wins, then the longest, then the first pattern given.
public final class Matcher: Sendable {
    let classOf: [UInt8]
    let classCount: Int
    /// Dense rows of `classCount` cells, one for the root and one for each state with several children (its
    /// `chain` entry holds the row's index): the other states, nearly all, need none, so the table is a few
    /// megabytes instead of states × classes cells. States down to `breadthFirstDepth` are numbered
    /// breadth-first, so the rows a scan visits most (near the root) sit together; below, each subtree in
    /// preorder, so a walk down a long name reads entries that follow each other in memory. A cell holds -1
    /// where no pattern continues that way, else `child state << 1 | 1 if patterns end at the child`.
    let trie: [Int32]
    /// Per state with one child (most states below the first levels: the rest of one name): that edge's
    /// class and cell, so the walk reads this small array, in preorder one entry after the other, instead of
    /// a multi-hundred-byte row per byte (a cache miss each). `ChainEdge.dense` marks a state with several
    /// children (and the root), whose row in `trie` decides; a leaf has class 0 (no byte's edge) and cell -1.
    let chain: [ChainEdge]
    /// Depth to which states are numbered breadth-first (see `trie`).
    static let breadthFirstDepth = 2
    /// Per state: range in `outputs` of the patterns that end exactly there, in pattern order.
    let outputStart: [Int32]
    let outputCount: [Int32]
    let outputs: [Int32]
    let patterns: [MatcherPattern]
    /// Every pattern's bytes back to back: pattern p is `patternData[patternStart[p]..<patternStart[p + 1]]`.
    let patternData: [UInt8]
    let patternStart: [Int32]
    let patternExact: [Bool]
    /// What may start at a word, by its leading run of word bytes (see `FirstWords`).
    let firstWords: FirstWords
    /// Per byte: its ASCII-lower-cased value if it is a word byte, else 0.
    let wordFold: [UInt8]

    /// Compiles the trie and the first-word filter. Empty patterns are ignored.
    public convenience init(patterns: [MatcherPattern]) { self.init(patterns: patterns, fileUnderSecondWord: true) }

    /// `fileUnderSecondWord` false files every pattern under its first word: the same hits, more work; tests
    /// compare the two.
    init(patterns: [MatcherPattern], fileUnderSecondWord: Bool) {
        // Byte classes: 0 = in no pattern; separators share one class; letters fold case.
        var classOf = [UInt8](repeating: 0, count: 256)
        let separator: UInt8 = 1
        var next: UInt8 = 2
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

        // The trie as sibling lists while it grows: a dense row per state would be states × classes cells
        // (tens of megabytes for the shipped catalogue), almost all empty. Class 0 never gets an edge.
        var firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1], edgeClass: [UInt8] = [0]
        var own: [[Int32]] = [[]]
        for (index, bytes) in bytesOf.enumerated() where !bytes.isEmpty {
            var state = 0
            for b in bytes {
                let cls = classOf[Int(b)]
                var child = firstChild[state]
                while child >= 0 && edgeClass[Int(child)] != cls { child = nextSibling[Int(child)] }
                if child < 0 {
                    child = Int32(own.count)
                    own.append([])
                    firstChild.append(-1)
                    edgeClass.append(cls)
                    nextSibling.append(firstChild[state])
                    firstChild[state] = child
                }
                state = Int(child)
            }
            own[state].append(Int32(index))
        }
        // Each state's children in class order, back to back: state s's are kids[kidStart[s]..<kidStart[s + 1]].
        var kidStart = [Int](repeating: 0, count: own.count + 1)
        var kids: [Int] = []
        kids.reserveCapacity(own.count)
        for s in 0..<own.count {
            var child = firstChild[s]
            while child >= 0 { kids.append(Int(child)); child = nextSibling[Int(child)] }
            kids[kidStart[s]...].sort { edgeClass[$0] < edgeClass[$1] }
            kidStart[s + 1] = kids.count
        }
        // Renumber (breadth-first near the root, depth-first below) and encode the cells (see `trie`).
        var order = [0]
        order.reserveCapacity(own.count)
        var head = 0
        var depth = [0]
        while head < order.count {
            let s = order[head]
            head += 1
            guard depth[head - 1] < Self.breadthFirstDepth else { continue }
            for child in kids[kidStart[s]..<kidStart[s + 1]] {
                order.append(child)
                depth.append(depth[head - 1] + 1)
            }
        }
        var stack: [Int] = []
        for index in 0..<depth.count where depth[index] == Self.breadthFirstDepth {
            // Preorder below s: a state's first child follows it, so a walk down a name reads adjacent entries.
            stack.append(contentsOf: kids[kidStart[order[index]]..<kidStart[order[index] + 1]].reversed())
            while let d = stack.popLast() {
                order.append(d)
                stack.append(contentsOf: kids[kidStart[d]..<kidStart[d + 1]].reversed())
            }
        }
        var renumbered = [Int](repeating: 0, count: own.count)
        for (new, old) in order.enumerated() { renumbered[old] = new }
        // A dense row for the root and for each state with several children, in the new order; a chain edge
        // for the others.
        var trie: [Int32] = []
        var chain = [ChainEdge](repeating: ChainEdge(cell: -1, cls: 0), count: own.count)
        for (new, old) in order.enumerated() {
            let children = kids[kidStart[old]..<kidStart[old + 1]]
            func cell(_ child: Int) -> Int32 { Int32(renumbered[child]) << 1 | (own[child].isEmpty ? 0 : 1) }
            if new != 0 && children.count == 1 {
                chain[new] = ChainEdge(cell: cell(children.first!), cls: edgeClass[children.first!])
            } else if new == 0 || children.count > 1 {
                let row = trie.count
                trie.append(contentsOf: repeatElement(-1, count: classCount))
                for child in children { trie[row + Int(edgeClass[child])] = cell(child) }
                chain[new] = ChainEdge(cell: Int32(row / classCount), cls: ChainEdge.dense)
            }
        }
        var outputStart = [Int32](repeating: 0, count: own.count)
        var outputCount = [Int32](repeating: 0, count: own.count)
        var outputs: [Int32] = []
        for (new, old) in order.enumerated() {
            outputStart[new] = Int32(outputs.count)
            outputCount[new] = Int32(own[old].count)
            outputs += own[old]
        }
        var patternStart: [Int32] = [0]
        patternStart.reserveCapacity(bytesOf.count + 1)
        for bytes in bytesOf { patternStart.append(patternStart.last! + Int32(bytes.count)) }

        // First-word filter: each pattern's leading run of word bytes, and what the pattern needs after it.
        var firstWords = FirstWords.Builder()
        for (index, bytes) in bytesOf.enumerated() {
            var k = 0
            while k < bytes.count && Byte.isWord(bytes[k]) { k += 1 }
            if k == 0 { continue } // starts with a non-word byte: the root row decides
            let h = FirstWords.hash(bytes[0..<k])
            if k + 1 < bytes.count && Self.isSeparator(bytes[k]) && Byte.isWord(bytes[k + 1]) {
                // "Meta-World", "The Pile": the word, a separator, the next word.
                var m = k + 1
                while m < bytes.count && Byte.isWord(bytes[m]) { m += 1 }
                let second = FirstWords.hash(bytes[(k + 1)..<m])
                if fileUnderSecondWord && FirstWords.isFunctionWord(bytes[0..<k])
                    && !FirstWords.isFunctionWord(bytes[(k + 1)..<m]) {
                    // "The Pile", "A-OKVQA": filed under the second word, as "the" and "a" are everywhere.
                    firstWords.insert(second, FirstWords.follows)
                } else {
                    firstWords.insert(h, FirstWords.leads)
                }
                firstWords.insert(FirstWords.pairKey(h, second), FirstWords.pair)
            } else if k < bytes.count && !Self.isSeparator(bytes[k]) {
                // "A*3D", "RL^2": the word and the (non-word, case-less) byte after it.
                firstWords.insert(h, FirstWords.followed)
                firstWords.insert(FirstWords.followerKey(h, bytes[k]), FirstWords.withFollower)
            } else {
                firstWords.insert(h, FirstWords.alone)
                // An exact-case pattern with a capital ("IS", "AIM", "FAST") is no match for a word written
                // without capitals, which is most words: see `aloneLowerCase`.
                if !patterns[index].exactCase || !bytes.contains(where: Byte.isUpper) {
                    firstWords.insert(h, FirstWords.aloneLowerCase)
                }
            }
        }

        self.classOf = classOf
        self.classCount = classCount
        self.trie = trie
        self.chain = chain
        self.outputStart = outputStart
        self.outputCount = outputCount
        self.outputs = outputs
        self.patterns = patterns
        self.patternData = Array(bytesOf.joined())
        self.patternStart = patternStart
        self.patternExact = patterns.map(\.exactCase)
        self.firstWords = FirstWords(firstWords)
        self.wordFold = (0...255).map { Byte.isWord(UInt8($0)) ? Byte.lower(UInt8($0)) : 0 }
    }

    /// Number of trie states, for diagnostics and benchmarks.
    public var stateCount: Int { outputStart.count }

    /// All whole-word, leftmost-longest, non-overlapping hits in `text`, in order.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [MatcherHit] { matches(in: text, tokens: nil) }

    /// The same hits, reading the first-word keys that `tokenize` computed for `tokens` (the tokens of all of
    /// `text`) instead of folding and hashing those words again; words no token starts are read as usual.
    func matches(in text: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [MatcherHit] {
        tokens.withUnsafeBufferPointer { matches(in: text, tokens: $0) }
    }

    @inline(__always)
    private func matches(in text: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>?) -> [MatcherHit] {
        var hits: [MatcherHit] = []
        let n = text.count
        let cc = classCount
        trie.withUnsafeBufferPointer { trie in
        chain.withUnsafeBufferPointer { chain in
        classOf.withUnsafeBufferPointer { classOf in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputCount.withUnsafeBufferPointer { outputCount in
        outputs.withUnsafeBufferPointer { outputs in
        patternData.withUnsafeBufferPointer { data in
        patternStart.withUnsafeBufferPointer { patternStart in
        patternExact.withUnsafeBufferPointer { exact in
        wordFold.withUnsafeBufferPointer { wordFold in
            /// The end and pattern of the longest accepted pattern starting at `start`, or nil.
            func longest(from start: Int) -> (end: Int, pattern: Int)? {
                var best: (end: Int, pattern: Int)?
                var state = 0
                var i = start
                while i < n {
                    let cls = classOf[Int(text[i])]
                    let edge = chain[state]
                    let cell = edge.cls != ChainEdge.dense ? (edge.cls == cls ? edge.cell : -1)
                        : trie[Int(edge.cell) &* cc &+ Int(cls)]
                    if cell < 0 { break }
                    state = Int(cell >> 1)
                    i &+= 1
                    if cell & 1 == 0 { continue }
                    let first = Int(outputStart[state])
                    for k in first..<(first &+ Int(outputCount[state])) {
                        let p = Int(outputs[k])
                        let bytes = UnsafeBufferPointer(rebasing: data[Int(patternStart[p])..<Int(patternStart[p &+ 1])])
                        if Self.accept(bytes, exact: exact[p], start: start, end: i, text: text) {
                            best = (i, p)
                            break
                        }
                    }
                }
                return best
            }

            /// The `FirstWords.hash` of the word that starts at `p` (a word byte), and where the word ends.
            /// Eight bytes at a time (SWAR) while eight remain, so a word costs a load or two and no branch per
            /// byte; bytewise in the last seven, with the same chunks.
            @inline(__always) func word(at p0: Int) -> (hash: UInt64, end: Int) {
                var h = FirstWords.seed
                var p = p0
                let base = UnsafeRawPointer(text.baseAddress!)
                while p &+ 8 <= n {
                    let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt64.self))
                    let (folded, nonWord) = FirstWords.fold(w)
                    if nonWord == 0 { h = FirstWords.mix(h, folded); p &+= 8; continue }
                    let length = nonWord.trailingZeroBitCount >> 3
                    if length > 0 { h = FirstWords.mix(h, folded & ((1 &<< UInt64(8 &* length)) &- 1)) }
                    return (h, p &+ length)
                }
                var chunk: UInt64 = 0
                var j: UInt64 = 0
                while p < n {
                    let f = wordFold[Int(text[p])]
                    if f == 0 { break }
                    chunk |= UInt64(f) &<< (8 &* j)
                    j &+= 1
                    p &+= 1
                }
                if j > 0 { h = FirstWords.mix(h, chunk) }
                return (h, p)
            }

            /// `word(at:)`, from the token that starts at `p` when there is one with its word's key, and whether
            /// the word is known to have no capital (its token has none). Positions asked for never decrease,
            /// so one cursor walks the tokens once.
            var cursor = 0
            @inline(__always) func tokenWord(at p: Int) -> (hash: UInt64, end: Int, lowerCase: Bool) {
                if let tokens {
                    while cursor < tokens.count && tokens[cursor].start < p { cursor &+= 1 }
                    if cursor < tokens.count && tokens[cursor].start == p && tokens[cursor].wordLength != 0 {
                        return (tokens[cursor].wordHash, p &+ Int(tokens[cursor].wordLength), tokens[cursor].capitals == 0)
                    }
                }
                let (h, end) = word(at: p)
                return (h, end, false)
            }

            // The word start visited just before, when nothing was found there, with its key, where its word
            // ends and whether a walk began there: a pattern led by a function word is tried from there once
            // its second word is reached (`FirstWords.follows`).
            var previous: (start: Int, hash: UInt64, end: Int, walked: Bool)?
            // Invariant: `start` is 0 or follows a non-word byte.
            var start = 0
            while start < n {
                var found: (end: Int, pattern: Int)?
                var hitStart = start
                var next: Int
                let before = previous
                previous = nil
                if wordFold[Int(text[start])] != 0 {
                    // Pass over the word, hashing it; walk only where a pattern may begin with it.
                    let (h, w, lowerCase) = tokenWord(at: start)
                    let kinds = firstWords[h]
                    if kinds == 0 {
                        // Most words begin no pattern: one test, where each kind's own test below could be
                        // mispredicted in turn.
                        previous = (start, h, w, false)
                        start = w &+ 1
                        continue
                    }
                    if kinds & FirstWords.follows != 0, let before, !before.walked, before.end &+ 1 == start,
                       Self.isSeparator(text[before.end]),
                       firstWords[FirstWords.pairKey(before.hash, h)] & FirstWords.pair != 0,
                       !Self.continuesToken(text, at: before.start) {
                        // The walk the previous word would have begun had its patterns been filed under it.
                        if let f = longest(from: before.start) {
                            found = f
                            hitStart = before.start
                        }
                    }
                    if found == nil {
                        var walk = kinds & FirstWords.alone != 0
                            && (!lowerCase || kinds & FirstWords.aloneLowerCase != 0)
                        if !walk && kinds & FirstWords.followed != 0 && w < n {
                            walk = firstWords[FirstWords.followerKey(h, text[w])] & FirstWords.withFollower != 0
                        }
                        if !walk && kinds & FirstWords.leads != 0 && w &+ 1 < n && Self.isSeparator(text[w])
                            && wordFold[Int(text[w &+ 1])] != 0 {
                            // Only patterns of several words begin with it: the next word decides.
                            walk = firstWords[FirstWords.pairKey(h, tokenWord(at: w &+ 1).hash)] & FirstWords.pair != 0
                        }
                        let walked = walk && !Self.continuesToken(text, at: start)
                        if walked { found = longest(from: start) }
                        if found == nil { previous = (start, h, w, walked) }
                    }
                    next = w &+ 1
                } else {
                    // A pattern that starts with a non-word byte ("#…").
                    if trie[Int(classOf[Int(text[start])])] >= 0 && !Self.continuesToken(text, at: start) {
                        found = longest(from: start)
                    }
                    next = start &+ 1
                }
                if let found {
                    hits.append(MatcherHit(start: hitStart, end: found.end, value: patterns[found.pattern].value,
                                           pattern: Int32(found.pattern)))
                    // Resume at the first position after a non-word byte, at or after the hit's end.
                    next = found.end
                    while next < n && Byte.isWord(text[next &- 1]) { next &+= 1 }
                }
                start = next
            }
        }}}}}}}}}}
        return hits
    }

    /// Convenience for Swift strings.
    public func matches(in text: String) -> [MatcherHit] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    /// True where a hit starting at `start` would continue the token before it ("CNN" in "R-CNN").
    @inline(__always)
    static func continuesToken(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        start > 1 && text[start - 1] == 45 && Byte.isAlnum(text[start - 2])
    }

    /// Boundary and case checks for one candidate that starts where a word may (not after a word byte, nor
    /// continuing a token: see `continuesToken`) and whose byte classes match the pattern's.
    @inline(__always)
    static func accept(_ bytes: UnsafeBufferPointer<UInt8>, exact: Bool, start: Int, end: Int,
                       text: UnsafeBufferPointer<UInt8>) -> Bool {
        if end < text.count {
            let after = text[end]
            if Byte.isWord(after) || after == 43 { return false }
            if (after == 45 || after == 46) && end + 1 < text.count {
                let next = text[end + 1]
                if Byte.isDigit(next) && !(after == 45 && (Self.isSizeSuffix(text, from: end + 1)
                    || Self.isYearSuffix(text, from: end + 1))) { return false }
                if after == 45 {
                    if Byte.isUpper(next) && !Self.isSizeWord(text, from: end + 1) { return false }
                    if (next == 118 || next == 86) && end + 2 < text.count && Byte.isDigit(text[end + 2]) { return false }
                }
            }
        }
        // Separators in the pattern match any separator; elsewhere bytes must agree (case-folded unless exact).
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

    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool { Byte.isSpace(b) || b == 45 }

    /// A year (19xx or 20xx) after a hyphen, ending a word: "CoNLL-2010" is CoNLL's edition of 2010
    /// (`Extractor` names it, for the years `Extractor.isYear` takes).
    static func isYearSuffix(_ t: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        guard from + 4 <= t.count, (t[from] == 49 && t[from + 1] == 57) || (t[from] == 50 && t[from + 1] == 48), // 19, 20
              Byte.isDigit(t[from + 2]), Byte.isDigit(t[from + 3]) else { return false }
        return from + 4 == t.count || !Byte.isWord(t[from + 4])
    }

    /// A model size written as a word after a hyphen, in any case, ending a word: "BERT-Large", "ViT-Base",
    /// "DaViT-Tiny" are BERT, ViT and DaViT at one size, as "BERT-large" is (a lower-case word after a hyphen
    /// never continues a name). "XL" is not among them: "Transformer-XL" and "StyleGAN-XL" are models of their
    /// own.
    static func isSizeWord(_ t: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var end = from
        while end < t.count && Byte.isLetter(t[end]) { end += 1 }
        guard end == t.count || !Byte.isWord(t[end]) else { return false }
        return sizeWords.contains(t, from, end)
    }

    static let sizeWords = WordSet(["base", "large", "small", "tiny", "huge", "giant", "medium"])

    /// A model-size suffix such as "-7b", "-13B" or "-1.5B" ("LLaVA-7b" is LLaVA at one size), ending a word.
    static func isSizeSuffix(_ t: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var i = from
        while i < t.count && (Byte.isDigit(t[i]) || (t[i] == 46 && i > from)) { i += 1 }
        guard i > from, i < t.count, t[i] == 98 || t[i] == 66 || t[i] == 77 || t[i] == 109 else { return false }
        return i + 1 == t.count || !Byte.isWord(t[i + 1])
    }
}

/// The one edge out of a trie state with at most one child (see `Matcher.chain`): 8 bytes, read in
/// preorder sequence along a name.
struct ChainEdge: Sendable {
    /// The child's cell as `Matcher.trie` encodes it, -1 for a leaf, or for a `dense` state its row in `trie`.
    var cell: Int32
    /// The edge's byte class, or `dense` for a state with several children.
    var cls: UInt8
    /// No byte class has this value (classes are numbered below 255).
    static let dense: UInt8 = 255
}

/// What patterns can start at a word, looked up by a hash of the word: a table of flag bytes, each the union
/// of the kinds of every key that hashes there. A lookup may report a kind no pattern has there (one slot
/// in 32 is taken at most), never miss one that it has, so it can only send the matcher on a walk that
/// finds nothing. A word's key is `hash` of its ASCII-case-folded bytes; `pairKey` and `followerKey` extend it.
struct FirstWords: Sendable {
    /// A pattern is this word alone (or the word, a separator and a non-word byte).
    static let alone: UInt8 = 1
    /// A pattern is this word then a non-word byte that is not a separator: see `withFollower`.
    static let followed: UInt8 = 2
    /// Key of a word and the byte after it that a `followed` pattern needs.
    static let withFollower: UInt8 = 4
    /// Patterns start with this word, a separator and another word: see `pair`.
    static let leads: UInt8 = 8
    /// Key of two words, separated, that begin a pattern.
    static let pair: UInt8 = 16
    /// The second word of a pattern that begins with a function word and a separator ("The Pile"): such
    /// patterns are looked for from their second word, back over the first, since function words make up
    /// a third of a text and would each cost the `pair` test.
    static let follows: UInt8 = 32
    /// An `alone` pattern of this word may match it written without capitals: it is not exact-case, or it
    /// has no capital. Without this kind, a word known to have no capital needs no walk for its `alone`
    /// patterns (the walk's other reasons, `followed` and `leads`, are tested on their own).
    static let aloneLowerCase: UInt8 = 64

    /// English function words: a pattern that begins with one is filed under its second word (`follows`).
    static let functionWords = WordSet([
        "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "at", "by", "from", "as", "is",
        "are", "be", "we", "our", "this", "that", "it", "its", "into", "via", "not", "no",
    ])

    static func isFunctionWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { functionWords.contains($0, 0, $0.count) }
    }

    let flags: [UInt8]
    let shift: UInt64

    static let seed: UInt64 = 0
    /// One chunk of eight folded bytes (first byte lowest, zeros past the word's end) into the running hash.
    @inline(__always) static func mix(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let x = (h ^ chunk) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 31)
    }

    /// The key of a word: its bytes ASCII-lower-cased, in chunks of eight (the last one zero-padded) mixed
    /// in turn. The scan computes the same chunks with `fold`. O(length).
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h = seed
        var chunk: UInt64 = 0
        var j: UInt64 = 0
        for b in bytes {
            chunk |= UInt64(Byte.lower(b)) &<< (8 &* j)
            j &+= 1
            if j == 8 { h = mix(h, chunk); chunk = 0; j = 0 }
        }
        if j > 0 { h = mix(h, chunk) }
        return h
    }

    /// The key of a word of at most 16 bytes already folded and packed into two chunks (first byte lowest,
    /// bytes past `length` cleared), as `tokenize` has them: the same chunks mixed as `hash` mixes them.
    @inline(__always) static func hash(lo: UInt64, hi: UInt64, length: Int) -> UInt64 {
        length <= 8 ? mix(seed, lo) : mix(mix(seed, lo), hi)
    }

    /// Key of two words separated by a separator (`pair`).
    @inline(__always) static func pairKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix((first << 32) | (first >> 32), second)
    }

    /// Key of a word and the non-word byte after it (`withFollower`).
    @inline(__always) static func followerKey(_ h: UInt64, _ b: UInt8) -> UInt64 {
        mix(h, UInt64(b) | 1 << 63)
    }

    /// Eight bytes (first lowest) with ASCII capitals lower-cased, and the high bit of each byte that is no
    /// word byte (`Byte.isWord`: letters, digits, `_`, non-ASCII). SWAR: no carry crosses a byte.
    @inline(__always) static func fold(_ w: UInt64) -> (folded: UInt64, nonWord: UInt64) {
        let word = SWAR.inRange(w, 65, 90) | SWAR.inRange(w, 97, 122) | SWAR.inRange(w, 48, 57) | SWAR.equal(w, 95)
            | (w & SWAR.high)
        return (SWAR.lowerASCII(w), ~word & SWAR.high)
    }

    struct Builder {
        var keys: [(UInt64, UInt8)] = []
        mutating func insert(_ h: UInt64, _ kind: UInt8) { keys.append((h, kind)) }
    }

    /// At least 32 slots per distinct key, at least 1,024, at most 2²⁴: a word that begins no pattern then
    /// finds its slot taken (and walks the trie for nothing) at most one time in 32, where with 8 slots per key
    /// it was one time in 8, most of the walks (a table of 512 KB for the shipped catalogue's ~12,400 keys,
    /// in the L2 cache).
    init(_ builder: Builder) {
        var logSlots: UInt64 = 10
        // Distinct keys: a key inserted with several kinds takes one slot.
        let keys = Set(builder.keys.map(\.0)).count
        while (1 << logSlots) < keys * 32 && logSlots < 24 { logSlots += 1 }
        shift = 64 - logSlots
        var flags = [UInt8](repeating: 0, count: 1 << logSlots)
        for (h, kind) in builder.keys { flags[Self.slot(h, shift)] |= kind }
        self.flags = flags
    }

    /// The slot of `h` (Fibonacci hashing: the top bits of h × 2⁶⁴/φ), for building and reading alike. The
    /// shift is 40 to 54 and the slot below 2²⁴, so the masking shift and the unchecked conversion give the
    /// same slot as `>>` and `Int(_:)`, without their tests for a shift of 64 or more and a negative Int.
    @inline(__always) static func slot(_ h: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// The kinds recorded under `h`.
    @inline(__always) subscript(_ h: UInt64) -> UInt8 {
        let slot = Self.slot(h, shift)
        return flags.withUnsafeBufferPointer { $0[slot] }
    }
}
