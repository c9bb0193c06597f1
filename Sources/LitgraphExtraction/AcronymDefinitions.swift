import Foundation

/// A definition "long form (SF)" found in a text, as byte ranges.
public struct AcronymDefinition: Sendable, Hashable {
    public var longStart: Int
    public var longEnd: Int
    public var shortStart: Int
    public var shortEnd: Int
}

/// Finds acronym definitions: "long form (SF)", "SF (long form)", and the written-out forms "SF: long
/// form", "SF stands for long form", "long form, or SF", "long form SF".
///
/// Schwartz & Hearst 2003, "A simple algorithm for identifying abbreviation definitions in biomedical
/// text" (PSB): a short form of 2–10 letters and digits in parentheses, a long form of at most
/// min(|SF| + 5, 2·|SF|) words before it. Where they match the short form's characters right to left
/// anywhere in those words, we first align it with word beginnings (`alignments`), which finds the long
/// form's extent the way annotators mark it (SciAI, Veyseh et al. 2020), and fall back to their match.
/// The rules, each where it is applied:
/// - short forms (`shortForm`): acronym-shaped, or one capital, or lower case spelled on word beginnings
///   only; hyphens in tokenised text ("LTE - A"), plurals ("CNNs"); a qualifying word beside one
///   ("(WWW '16 Companion)").
/// - long forms (`alignments`, `longForm`): every word spells from its first letter, function words and
///   hyphen parts may spell nothing, digits may be number words ("three-dimensional (3D)"); word beginnings
///   beat inner letters; no long form starts or ends with a function word; a trailing lower-case noun the
///   short form does not spell stays out ("networks (LSTM)"); a list with commas only when spelled on word
///   beginnings ("belief, desire, intention (BDI)").
/// - reversed (`reversed`) and written out (`writtenOut`): stricter, as nothing but word order marks them.
/// Linear in the text; O(words · |SF| · word length) per candidate, bounded by `maxLongFormBytes`; bytes only.
public enum AcronymDefinitions {
    public static func find(in text: UnsafeBufferPointer<UInt8>) -> [AcronymDefinition] {
        find(in: text, tokens: tokenize(text))
    }

    /// The definitions in `text`, whose tokens (`tokenize` over all of it) the caller has already.
    static func find(in text: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [AcronymDefinition] {
        var result: [AcronymDefinition] = []
        let n = text.count
        var i = 0
        while i < n {
            i = Byte.next(40, in: text, from: i) // "("
            guard i < n else { break }
            var close = i + 1
            while close < n && text[close] != 41 && text[close] != 40 && text[close] != 10 && close - i < 160 { close += 1 }
            guard close < n, text[close] == 41 else { i += 1; continue }
            if let d = parenthesised(text, open: i, close: close) ?? reversed(text, open: i, close: close) {
                result.append(d)
            }
            i = close + 1
        }
        writtenOut(text, tokens: tokens, into: &result)
        return result.sorted { ($0.shortStart, $0.longStart) < ($1.shortStart, $1.longStart) }
    }

    /// The definitions in `text` as strings, in text order.
    public static func find(in text: String) -> [(short: String, long: String)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { t in
            find(in: t).map { (t.string($0.shortStart, $0.shortEnd), t.string($0.longStart, $0.longEnd)) }
        }
    }

    // MARK: Short forms

    /// What a short form spells and how it is written.
    struct ShortForm {
        enum Shape {
            /// Two capitals, or a capital after the first letter, or a capital and a digit: "PPO", "DrQ", "mAP", "R2D2".
            case acronym
            /// One capital letter: "Origin (O)".
            case letter
            /// Lower-case letters and digits: "parts per million (ppm)".
            case lowercase
            /// A capitalised word, a truncation at best: "Accuracy (Acc)".
            case capitalised
        }
        var chars: ShortBytes
        /// Which characters are capitals in the short form: a capital taken from inside a word should be a
        /// capital there too ("Vision mOdel (CoLLaVO)").
        var capital: ShortFlags
        var shape: Shape
        /// Lower-case letters: each may be spelled from inside a word ("DrQ", "KiTS").
        var lower: Int
    }

    /// The short form in [s, e), or nil when the text there is no abbreviation: 1–10 letters and digits
    /// with a letter, starting with a letter or digit (Schwartz–Hearst), no other bytes than "-", "/",
    /// ".", "&", "+", "'" between them, and spaces only around "-" or "/", as tokenised text writes
    /// "LTE - A", or between words written like codes ("BOLD fMRI", "5 G"). Years, "(e.g. this)", "(see
    /// Fig. 3)" and equations fail here. A final "s" after two capitals is a plural ("CNNs") and spells
    /// nothing.
    static func shortForm(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> ShortForm? {
        guard e > s, e - s <= 20, Byte.isAlnum(t[s]) else { return nil }
        var chars = ShortBytes()
        var capital = ShortFlags()
        var upper = 0, lower = 0, digits = 0
        var innerUpper = false
        for k in s..<e {
            let b = t[k]
            if Byte.isUpper(b) { upper += 1; innerUpper = innerUpper || k > s } else if Byte.isLower(b) { lower += 1 } else if Byte.isDigit(b) { digits += 1 }
            if Byte.isAlnum(b) { chars.append(Byte.lower(b)); capital.append(Byte.isUpper(b)); continue }
            switch b {
            case 45, 47, 46, 38, 43, 39: continue // - / . & + '
            case 32:
                var p = k - 1
                while p > s && t[p] == 32 { p -= 1 }
                var q = k + 1
                while q < e - 1 && t[q] == 32 { q += 1 }
                if t[p] == 45 || t[p] == 47 || t[q] == 45 || t[q] == 47 { continue }
                var ps = p
                while ps > s && t[ps - 1] != 32 { ps -= 1 }
                var qe = q
                while qe < e && t[qe] != 32 { qe += 1 }
                guard codeLike(t, ps, p + 1) && codeLike(t, q, qe) else { return nil }
            default: return nil
            }
        }
        guard upper + lower > 0 else { return nil }
        let shape: ShortForm.Shape
        if upper >= 2 || innerUpper || (upper == 1 && digits > 0) {
            shape = .acronym
        } else if upper == 1 {
            shape = chars.count == 1 ? .letter : .capitalised
        } else {
            shape = .lowercase
        }
        if t[e - 1] == 115 && upper >= 2 { chars.removeLast(); capital.removeLast(); lower -= 1 }
        guard chars.count <= 10, chars.count >= 2 || shape == .letter else { return nil }
        return ShortForm(chars: chars, capital: capital, shape: shape, lower: lower)
    }

    /// `shortForm(t, s, e)` for a word of 2 to 16 letters and digits, two of them capitals (the caller
    /// checks), from one 16-byte load (SWAR) instead of a loop over the bytes: such a word is an acronym,
    /// its characters are its bytes lower-cased, a final "s" is a plural, and it needs 2 to 10 characters.
    /// `writtenOut` asks this of every candidate without a hyphen.
    static func plainAcronym(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> ShortForm? {
        var n = e - s
        if t[e - 1] == 115 { n -= 1 } // a plural "s" (the word has two capitals)
        guard n >= 2, n <= 10 else { return nil }
        let (m0, m1) = SWAR.prefix(n)
        let w0: UInt64, w1: UInt64
        if s + 16 <= t.count {
            (w0, w1) = SWAR.load(UnsafeRawPointer(t.baseAddress! + s), masks: (m0, m1))
        } else {
            var lo: UInt64 = 0, hi: UInt64 = 0
            for k in 0..<n {
                if k < 8 { lo |= UInt64(t[s + k]) &<< UInt64(8 * k) } else { hi |= UInt64(t[s + k]) &<< UInt64(8 * (k - 8)) }
            }
            (w0, w1) = (lo, hi)
        }
        // High bit of each capital and each lower-case letter; gathered into one bit per byte by a multiply.
        let upper0 = SWAR.inRange(w0, 65, 90), upper1 = SWAR.inRange(w1, 65, 90)
        let lower0 = SWAR.inRange(w0, 97, 122), lower1 = SWAR.inRange(w1, 97, 122)
        let gather: UInt64 = 0x0002_0408_1020_4081 // byte i's high bit to bit 56 + i
        let capitals = UInt32(truncatingIfNeeded: (upper0 &* gather) >> 56)
            | UInt32(truncatingIfNeeded: (upper1 &* gather) >> 56) << 8
        let lower = Int((((lower0 >> 7) &+ (lower1 >> 7)) &* SWAR.ones) >> 56)
        return ShortForm(chars: ShortBytes(lo: SWAR.lowerASCII(w0), hi: SWAR.lowerASCII(w1), count: n),
                         capital: ShortFlags(bits: capitals, count: n), shape: .acronym, lower: lower)
    }

    /// The word [s, e) is written like an acronym or a number, so that "BOLD fMRI", "MGM GAN" and "5 G" are
    /// one short form and "WWW '16 Companion" is not.
    static func codeLike(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e > s else { return false }
        var upper = 0, letters = 0, digits = 0
        for k in s..<e {
            if Byte.isUpper(t[k]) { upper += 1 }
            if Byte.isLetter(t[k]) { letters += 1 }
            if Byte.isDigit(t[k]) { digits += 1 }
        }
        if letters == 0 { return digits > 0 }
        return upper >= 2 || (upper == 1 && (letters == 1 || !Byte.isUpper(t[s])))
    }

    // MARK: Words

    /// A word, or a part of a hyphenated word, of a candidate long form.
    struct Part {
        var start: Int
        var end: Int
        /// Follows a hyphen: the "negative" of "Non-negative", which may spell nothing.
        var joined: Bool
        /// A small function word ("of", "for") or a token without a letter or digit ("'s", "/").
        var function: Bool
    }

    /// Small words that may carry no letter of an acronym: "Bag of Words (BoW)" may skip "of". (Also used by
    /// `Discovery.isTitleCase`.)
    static let skippableWords: [StaticString] = ["of", "the", "and", "for", "a", "an", "to", "in", "with", "on", "by",
                                                 "from", "via", "as"]
    static let skippable = Set(skippableWords.map(\.description))
    /// `skippable` probed by word key. Lower-casing a non-ASCII word yields none of these words (only the
    /// Kelvin sign lower-cases to an ASCII letter, "k", which none has), so ASCII keys alone decide.
    static let skippableSet = WordSet(skippableWords)

    /// The words a long form may pass over without spelling a letter: `skippable`, plus connectives that
    /// acronyms skip too ("Skyline using Tree Sorting (ST-S)", "Physical machines or servers (PM)"). A
    /// function word may still spell one: "Learning from Demonstrations (LfD)".
    static let functionWords = WordSet(["of", "the", "and", "for", "a", "an", "to", "in", "with", "on", "by", "from",
                                        "via", "as", "at", "or", "over", "under", "using", "into", "its", "their"])

    /// `words` is `functionWords`, read once by the caller: each read of a `static let` is a `swift_once`
    /// call on Linux, and `parts` asks once per word.
    @inline(__always) static func isFunction(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ words: WordSet) -> Bool {
        guard Byte.isAlnum(t[s]) else { return true }
        return e - s <= 5 && words.contains(t, s, e)
    }

    /// A stop byte ends a long form: clause and sentence punctuation, brackets, quotes, a newline.
    @inline(__always) static func isStop(_ b: UInt8, commas: Bool = false) -> Bool {
        // One bit test, where a chain of comparisons compiled to a jump table per byte. Below 64: ; : ( ) " !
        // ? = and the newline (the comma apart); from 64 to 127, less 64: [ ] { }.
        let below64: UInt64 = 1 << 59 | 1 << 58 | 1 << 40 | 1 << 41 | 1 << 34 | 1 << 33 | 1 << 63 | 1 << 61 | 1 << 10
        let above64: UInt64 = 1 << (91 - 64) | 1 << (93 - 64) | 1 << (123 - 64) | 1 << (125 - 64)
        if b < 64 { return (commas ? below64 : below64 | 1 << 44) >> UInt64(b) & 1 != 0 }
        return b < 128 && above64 >> UInt64(b &- 64) & 1 != 0
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }

    /// Splits [s, e) into words and hyphen parts.
    static func parts(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [Part] {
        var out: [Part] = []
        // A part and the blank or hyphen after it take two bytes at least: one allocation, no regrowth.
        out.reserveCapacity((e - s + 1) / 2)
        let functionWords = Self.functionWords
        var k = s
        while k < e {
            var hyphen = false
            while k < e && (isBlank(t[k]) || t[k] == 45) { hyphen = hyphen || t[k] == 45; k += 1 }
            let start = k
            while k < e && !isBlank(t[k]) && t[k] != 45 { k += 1 }
            guard k > start else { continue }
            out.append(Part(start: start, end: k, joined: hyphen && !out.isEmpty, function: isFunction(t, start, k, functionWords)))
        }
        return out
    }

    /// Bytes a long form may span: a bound on the work per candidate however long a text's words are.
    static let maxLongFormBytes = 400

    /// The start of the clause that ends at `end`: back over words to a stop byte, or a full stop that ends
    /// a word ("et al. (2019)"), at most `maxWords` words.
    static func clauseStart(_ t: UnsafeBufferPointer<UInt8>, before end: Int, maxWords: Int, commas: Bool = false) -> Int {
        let floor = end - maxLongFormBytes
        var k = end
        var words = 0
        while k > 0 {
            var j = k
            while j > 0 && isBlank(t[j - 1]) { j -= 1 }
            guard j > 0 else { return 0 }
            var s = j
            while s > 0 && !isBlank(t[s - 1]) {
                if s <= floor { return k }
                let b = t[s - 1]
                if isStop(b, commas: commas) || (b == 46 && s == j) { return s == j ? k : s }
                s -= 1
            }
            if !(j - s == 1 && (t[s] == 45 || t[s] == 44)) { words += 1 }
            if words > maxWords { return k }
            k = s
        }
        return k
    }

    /// The end of the clause that starts at `start`, before `limit`.
    static func clauseEnd(_ t: UnsafeBufferPointer<UInt8>, after start: Int, limit: Int) -> Int {
        let limit = min(limit, start + maxLongFormBytes)
        var k = start
        while k < limit {
            let b = t[k]
            if isStop(b) || (b == 46 && (k + 1 == limit || Byte.isSpace(t[k + 1]))) { return k }
            k += 1
        }
        return limit
    }

    // MARK: Alignment

    /// The number words a digit of a short form may stand for: "three-dimensional (3D)", "Third
    /// Generation Partnership Project (3GPP)", "peer-to-peer (P2P)".
    static let numberWords: [[StaticString]] = [
        ["zero"], ["one", "first", "single"], ["two", "second", "double", "to"], ["three", "third"],
        ["four", "fourth", "for"], ["five", "fifth"], ["six", "sixth"], ["seven", "seventh"], ["eight", "eighth"],
        ["nine", "ninth"],
    ]

    /// Whether the part can spell `chars[i]` with its first byte, or is the number word for that digit.
    static func opens(_ t: UnsafeBufferPointer<UInt8>, _ part: Part, _ chars: ShortBytes, _ i: Int) -> (Bool, number: Bool) {
        let c = chars[i]
        if Byte.lower(t[part.start]) == c { return (true, false) }
        if Byte.isDigit(c), numberWords[Int(c - 48)].contains(where: { t.lowerEquals(part.start, part.end, $0) }) {
            return (true, true)
        }
        return (false, false)
    }

    /// The cost of a short-form capital spelled by a lower-case letter inside a word: allowed ("Accuracy
    /// (ACC)"), but any spelling on word beginnings or inner capitals comes first.
    static let lowerForCapitalCost = 20

    /// A long form that starts with a function word ("the Cancer Genome Atlas (TCGA)") is a last resort:
    /// "of the Vice Provost for Research" must not beat "Office of the Vice Provost for Research (OVPR)".
    static let functionStartCost = 1000

    /// For each start a in [lowest, b), the cost of spelling the short form with parts [a, b), or nil when
    /// they cannot: every part spells at least its first character, except function words and hyphen parts,
    /// which may spell nothing; the first part is no hyphen part, and the last spells something. The cost
    /// counts characters taken from inside words, so that word beginnings win: "Cross Caption Consistency
    /// Loss (CCCL)", not "Caption ConsistenCy Loss". Dynamic programming over (part, characters spelled),
    /// O((b - lowest)·|SF|·word length).
    static func alignments(_ t: UnsafeBufferPointer<UInt8>, _ parts: [Part], _ sf: ShortForm, from lowest: Int,
                           to b: Int) -> [Int?] {
        guard b > lowest else { return [] }
        var starts = [Int?](repeating: nil, count: b - lowest)
        alignStarts(t, parts, sf, from: lowest, to: b) { p, cost in starts[p - lowest] = cost }
        return starts
    }

    /// The start with the least cost among `alignments` and at most `maxCost`, the latest (shortest long
    /// form) on a tie; without building the array of costs.
    static func bestAlignment(_ t: UnsafeBufferPointer<UInt8>, _ parts: [Part], _ sf: ShortForm, from lowest: Int,
                              to b: Int, maxCost: Int = .max) -> Int? {
        var best: (cost: Int, a: Int)?
        // Starts come latest first: a later start keeps its place on a tie.
        alignStarts(t, parts, sf, from: lowest, to: b) { p, c in
            if c <= maxCost && (best == nil || c < best!.cost) { best = (c, p) }
        }
        return best?.a
    }

    /// The cost of the alignment that starts at `lowest` (`alignments(…)[0]`), without the array of costs.
    static func alignmentCost(_ t: UnsafeBufferPointer<UInt8>, _ parts: [Part], _ sf: ShortForm, from lowest: Int,
                              to b: Int) -> Int? {
        var first: Int?
        alignStarts(t, parts, sf, from: lowest, to: b) { p, c in if p == lowest { first = c } }
        return first
    }

    /// The dynamic programme of `alignments`: calls `visit(a, cost)` for each start a in [lowest, b) that
    /// can spell the short form, from b - 1 down to `lowest`.
    @inline(__always)
    static func alignStarts(_ t: UnsafeBufferPointer<UInt8>, _ parts: [Part], _ sf: ShortForm, from lowest: Int,
                            to b: Int, _ visit: (Int, Int) -> Void) {
        let chars = sf.chars
        let m = chars.count
        let none = Int.max
        guard b > lowest else { return }
        // A long form does not end with a function word: "combining KAT and (CKAT)".
        guard !parts[b - 1].function else { return }
        // The last part spells a final run of the short form (the table's last row ends only at m), so one of
        // its bytes is the last character, or it is a number word for that digit. Without one, no start can
        // spell the short form: nothing to visit, known before the table is filled.
        if m > 0 && !Byte.isDigit(chars[m - 1]) {
            let part = parts[b - 1], last = chars[m - 1]
            var k = part.start
            while k < part.end && Byte.lower(t[k]) != last { k += 1 }
            if k == part.end { return }
        }
        // cost[(p - lowest)·(m + 1) + i]: least cost for parts [p, b) to spell chars[i...] exactly. A scratch
        // table on the stack (small: parts × characters), not a heap array per candidate.
        let cells = (b - lowest + 1) * (m + 1)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: cells) { cost in
        cost.initialize(repeating: none)
        cost[(b - lowest) * (m + 1) + m] = 0
        for p in stride(from: b - 1, through: lowest, by: -1) {
            let part = parts[p]
            let row = (p - lowest) * (m + 1), next = row + m + 1
            let canSkip = (part.function || part.joined) && p != b - 1
            var spells = none
            for i in 0...m {
                // The part spells chars[i..<i + c]: the first with its first byte, the others with later bytes in
                // order (greedily, leftmost), each costing 1, or `lowerForCapitalCost` for a capital spelled
                // by a lower-case letter.
                var spelled = none
                let (opens, number) = i < m ? opens(t, part, chars, i) : (false, false)
                if opens {
                    if cost[next + i + 1] != none { spelled = cost[next + i + 1] }
                    var inner = 0, c = 1, k = part.start + 1
                    while !number && k < part.end && i + c < m {
                        if Byte.lower(t[k]) == chars[i + c] {
                            inner += sf.capital[i + c] && !Byte.isUpper(t[k]) ? lowerForCapitalCost : 1
                            c += 1
                            if cost[next + i + c] != none { spelled = min(spelled, cost[next + i + c] + inner) }
                        }
                        k += 1
                    }
                }
                if i == 0 { spells = spelled }
                cost[row + i] = min(spelled, canSkip ? cost[next + i] : none)
            }
            if !part.joined && spells != none && Byte.isAlnum(t[part.start]) {
                visit(p, part.function ? spells + functionStartCost : spells)
            }
        }
        }
    }

    // MARK: Long form (SF)

    /// "long form (SF)".
    static func parenthesised(_ t: UnsafeBufferPointer<UInt8>, open: Int, close: Int) -> AcronymDefinition? {
        var s = open + 1
        var e = close
        // The short form is the parenthesised text up to ";" or ",": "(PPO; Schulman et al.)".
        var k = s
        while k < e && t[k] != 59 && t[k] != 44 { k += 1 }
        e = k
        while s < e && isBlank(t[s]) { s += 1 }
        while e > s && isBlank(t[e - 1]) { e -= 1 }
        // "(or NELBO)" gives a short form as an alternative name.
        if e - s > 3 && t[s] == 111 && t[s + 1] == 114 && t[s + 2] == 32 { s += 3; while s < e && t[s] == 32 { s += 1 } }
        guard s < e else { return nil }
        // The long form ends before the parenthesis, or before a closing quote there.
        var end = open
        while end > 0 && isBlank(t[end - 1]) { end -= 1 }
        if end > 0 && t[end - 1] == 34 { end -= 1; while end > 0 && isBlank(t[end - 1]) { end -= 1 } }
        guard end > 0 else { return nil }
        if let d = definition(t, s, e, before: end, fallback: true) { return d }
        // A short form qualified by another word: "(WWW '16 Companion)", "(AFL 2017)", "(Lossless GCP)",
        // "(Android GUI)": the first word, else the last, if it is an acronym that the words right before
        // the parenthesis spell on word beginnings ("Dynamic Cost aware policies (CA Cost Aware Distribution)"
        // defines no CA).
        var words: [(Int, Int)] = []
        var w = s
        while w < e && words.count <= 4 {
            while w < e && isBlank(t[w]) { w += 1 }
            let ws = w
            while w < e && !isBlank(t[w]) { w += 1 }
            if w > ws { words.append((ws, w)) }
        }
        guard words.count >= 2 && words.count <= 4 else { return nil }
        for (ws, we) in [words[0], words[words.count - 1]] {
            guard let sf = shortForm(t, ws, we), sf.shape == .acronym else { continue }
            let ps = parts(t, clauseStart(t, before: end, maxWords: min(sf.chars.count + 5, sf.chars.count * 2)), end)
            if !ps.isEmpty,
               let a = bestAlignment(t, ps, sf, from: 0, to: ps.count, maxCost: sf.lower),
               let d = checked(t, ps[a].start, ps[ps.count - 1].end, ws, we) {
                return d
            }
        }
        return nil
    }

    /// The definition of the short form [s, e) by the words that end at `end`.
    static func definition(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, before end: Int, fallback: Bool)
        -> AcronymDefinition? {
        guard let sf = shortForm(t, s, e) else { return nil }
        let maxWords = max(2, min(sf.chars.count + 5, sf.chars.count * 2))
        let ps = parts(t, clauseStart(t, before: end, maxWords: maxWords), end)
        guard !ps.isEmpty else { return nil }
        if sf.shape == .capitalised {
            // A truncation of the word before: "Accuracy (Acc)".
            let p = ps[ps.count - 1]
            if !p.joined, p.end - p.start > e - s,
               (0..<(e - s)).allSatisfy({ Byte.lower(t[p.start + $0]) == Byte.lower(t[s + $0]) }) {
                return AcronymDefinition(longStart: p.start, longEnd: p.end, shortStart: s, shortEnd: e)
            }
        }
        switch sf.shape {
        case .acronym, .capitalised:
            // A name written as a word is defined like an acronym: "Mamba-based traversal of rationales
            // (Meteor)"; "(Ours)", "(English)" and "(Table)" spell nothing before them.
            if let (a, b) = longForm(t, ps, sf) { return checked(t, ps[a].start, ps[b - 1].end, s, e) }
            // A long form listing words: "belief, desire, intention (BDI)"; it must end at the parenthesis
            // and spell the short form on word beginnings only.
            let wide = parts(t, clauseStart(t, before: end, maxWords: maxWords, commas: true), end)
            if wide.count > ps.count,
               let a = bestAlignment(t, wide, sf, from: 0, to: wide.count, maxCost: 0) {
                return checked(t, wide[a].start, wide[wide.count - 1].end, s, e)
            }
            if fallback, let (a, b) = schwartzHearst(t, ps, s, e) {
                return checked(t, ps[a].start, ps[b - 1].end, s, e)
            }
            return nil
        case .lowercase:
            // Only a spelling on word beginnings, two words at least: "parts per million (ppm)"; "(see)",
            // "(ours)" and "(resp)" spell nothing before them.
            let last = ps.count
            guard let a = bestAlignment(t, ps, sf, from: 0, to: last, maxCost: 0),
                  ps[a..<last].filter({ !$0.function && !$0.joined }).count >= 2 else { return nil }
            return checked(t, ps[a].start, ps[last - 1].end, s, e)
        case .letter:
            // One word with that initial, as in "Origin (O) and Destination (D)"; a label such as "(a)" is
            // lower-case and no short form.
            let p = ps[ps.count - 1]
            guard !p.joined, !p.function, p.end - p.start >= 3, Byte.lower(t[p.start]) == sf.chars[0],
                  (p.start..<p.end).allSatisfy({ Byte.isLetter(t[$0]) }) else { return nil }
            return AcronymDefinition(longStart: p.start, longEnd: p.end, shortStart: s, shortEnd: e)
        }
    }

    /// The long form among the words `ps` that end at the short form: the best aligned run ending at the
    /// last word, else one ending up to two words earlier, so that a trailing noun the short form does not
    /// spell stays out ("Long Short Term Memory networks (LSTM)", "adversarial machine learning algorithms
    /// (AML)", "Energy Information Agency's (EIA)"), as annotators mark the long form. A capitalised word
    /// stays in: it is the head of a name ("General RL Optimizers Obtained Via Environment Design (GROOVE)",
    /// "Fast Explicit Diffusion Scheme (FED)"), which SciAI's annotators keep about half the time.
    static func longForm(_ t: UnsafeBufferPointer<UInt8>, _ ps: [Part], _ sf: ShortForm) -> (Int, Int)? {
        var b = ps.count
        var dropped = 0
        while b > 0 && dropped <= 2 {
            // Words left out need a spelling on word beginnings; one that takes inner letters ("DeepMind
            // Control Suite (DMC)") keeps the words up to the parenthesis, as Schwartz–Hearst would.
            let maxCost = b == ps.count ? Int.max : sf.lower
            if let a = bestAlignment(t, ps, sf, from: 0, to: b, maxCost: maxCost) { return (a, b) }
            // Cut between words, not inside "Auto-encoders".
            repeat { b -= 1 } while b > 0 && ps[b].joined
            dropped += 1
            if Byte.isUpper(t[ps[b].start]) { return nil }
        }
        return nil
    }

    /// Schwartz–Hearst's findBestLongForm over the words `ps`: the shortest suffix that covers every letter
    /// and digit of the short form in order, the first at a word start. Used when no word-start alignment
    /// exists ("eXtensible Markup Language (XML)").
    static func schwartzHearst(_ t: UnsafeBufferPointer<UInt8>, _ ps: [Part], _ s: Int, _ e: Int) -> (Int, Int)? {
        let ls = ps[0].start, le = ps[ps.count - 1].end
        var sIndex = e - 1
        var lIndex = le - 1
        while sIndex >= s {
            let c = Byte.lower(t[sIndex])
            if !Byte.isAlnum(c) { sIndex -= 1; continue }
            while lIndex >= ls && (Byte.lower(t[lIndex]) != c
                || (sIndex == s && lIndex > ls && Byte.isAlnum(t[lIndex - 1]))) {
                lIndex -= 1
            }
            if lIndex < ls { return nil }
            lIndex -= 1
            sIndex -= 1
        }
        // The part holding the match, moved back to the start of its hyphenated word.
        guard var a = ps.lastIndex(where: { $0.start <= lIndex + 1 }) else { return nil }
        while a > 0 && ps[a].joined { a -= 1 }
        // A long form does not begin with "of" or "the": such a match took a letter from the wrong word.
        guard !ps[a].function else { return nil }
        return (a, ps.count)
    }

    // MARK: SF (long form)

    /// "SF (long form)": an acronym right before the parenthesis, spelled by the first words inside it
    /// ("mAP (mean average precision)", "PM (Physical machines or servers)").
    static func reversed(_ t: UnsafeBufferPointer<UInt8>, open: Int, close: Int) -> AcronymDefinition? {
        var e = open
        while e > 0 && isBlank(t[e - 1]) { e -= 1 }
        var s = e
        while s > 0 && !Byte.isSpace(t[s - 1]) && !isStop(t[s - 1]) { s -= 1 }
        // A tokenised hyphenated acronym: "ST - S".
        while s >= 4 && t[s - 1] == 32 && t[s - 2] == 45 && t[s - 3] == 32 && Byte.isUpper(t[s - 4]) {
            var p = s - 4
            while p > 0 && Byte.isAlnum(t[p - 1]) { p -= 1 }
            s = p
        }
        guard s < e, let sf = shortForm(t, s, e), sf.shape == .acronym else { return nil }
        var ls = open + 1
        while ls < close && isBlank(t[ls]) { ls += 1 }
        // An article opens no long form: "TCP (the top concept's popularity)".
        let clause = clauseEnd(t, after: ls, limit: close)
        // The first item of a list in the parentheses is an example, not a long form: "larger LLMs (LLaMA-2,
        // PaLM-2)".
        if clause < close && t[clause] == 44 { return nil }
        var ps = parts(t, ls, clause)
        if ps.count > 1 && ps[0].function { ps.removeFirst() }
        guard !ps.isEmpty, Byte.isLetter(t[ps[0].start]) else { return nil }
        guard let b = firstWords(t, ps, sf, maxCost: .max) else { return nil }
        return checked(t, ps[0].start, ps[b - 1].end, s, e)
    }

    /// The end b of the run ps[0..<b] that spells the short form at the least cost, the shortest on a tie.
    static func firstWords(_ t: UnsafeBufferPointer<UInt8>, _ ps: [Part], _ sf: ShortForm, maxCost: Int) -> Int? {
        // An alignment from part 0 needs part 0 to spell the first character: without it every b fails,
        // so the quadratic loop below is skipped for nearly every candidate (same results, far less work).
        guard !ps.isEmpty, !sf.chars.isEmpty, opens(t, ps[0], sf.chars, 0).0 else { return nil }
        var best: (cost: Int, b: Int)?
        var contentParts = 0
        for b in 1...ps.count {
            // Each part that is neither a function word nor hyphen-joined must give at least one character:
            // past |SF| of them no alignment exists.
            if !ps[b - 1].function && !ps[b - 1].joined { contentParts += 1 }
            if contentParts > sf.chars.count { break }
            if ps[b - 1].function { continue }
            if let c = alignmentCost(t, ps, sf, from: 0, to: b), c <= maxCost, best == nil || c < best!.cost {
                best = (c, b)
            }
        }
        return best?.b
    }

    // MARK: Written out

    /// Definitions without parentheses, as glossaries and running text write them: "SF: long form",
    /// "SF = long form", "[SF] long form", "SF stands for long form", "long form, or SF", "long form SF".
    /// With no parenthesis to mark a definition, the short form must be an acronym (two capitals) and the
    /// long form must spell it on word beginnings only (a lower-case letter of the short form may come from
    /// inside a word), with two words at least and a lower-case letter: "Relational Database Service RDS",
    /// "BYO = bring your own", "Text Annotation Graphs, or TAG".
    ///
    /// Candidates are the whitespace-separated words of the text with two capitals or more. `tokens` has one
    /// token per such word (trimming removes no capital), with its capitals counted, so only those words are
    /// looked at: O(candidates · long-form work) instead of a pass over every byte.
    static func writtenOut(_ t: UnsafeBufferPointer<UInt8>, tokens: [Token], into result: inout [AcronymDefinition]) {
        let n = t.count
        let found = result
        for tok in tokens where tok.capitals >= 2 {
            // The whole whitespace-separated word around the token.
            var ts = tok.start
            while ts > 0 && !Byte.isSpace(t[ts - 1]) { ts -= 1 }
            var k = tok.end
            while k < n && !Byte.isSpace(t[k]) { k += 1 }
            var s = ts, e = k
            while s < e && (t[s] == 91 || t[s] == 34) { s += 1 } // [ "
            while e > s && (t[e - 1] == 44 || t[e - 1] == 46 || t[e - 1] == 58 || t[e - 1] == 59 || t[e - 1] == 93 || t[e - 1] == 34) { e -= 1 }
            // The word left after trimming: letters, digits and hyphens only. This also rules out a parenthesis
            // anywhere in the whitespace-separated word, as trimming removes none. Such a word is the token
            // itself (`tokenize` trims the same bytes off it and nothing more), so it has the token's two
            // capitals or more.
            guard e - s >= 2, Byte.isLetter(t[s]) else { continue }
            var dashes = 0, other = false
            for j in s..<e {
                let b = t[j]
                if b == 45 { dashes &+= 1 } else if !Byte.isAlnum(b) { other = true; break }
            }
            guard !other,
                  let sf = dashes == 0 && e - s <= 16 ? plainAcronym(t, s, e) : shortForm(t, s, e),
                  sf.shape == .acronym else { continue }
            guard let d = writtenBefore(t, s, e, sf) ?? writtenAfter(t, s, e, sf) else { continue }
            // A span is one long form: "General Purpose Graphics Processing Units GPUs (GPGPUs)" defines
            // GPGPUs, not GPUs.
            let long = d.longStart..<d.longEnd
            if found.contains(where: { long.overlaps($0.longStart..<$0.longEnd) || long.overlaps($0.shortStart..<$0.shortEnd) }) {
                continue
            }
            result.append(d)
        }
    }

    /// The word that ends at `end` (after blanks), as a byte range.
    static func word(endingAt end: Int, _ t: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var e = end
        while e > 0 && isBlank(t[e - 1]) { e -= 1 }
        var s = e
        while s > 0 && Byte.isLetter(t[s - 1]) { s -= 1 }
        return s..<e
    }

    /// The word that starts at `start` (after blanks).
    static func word(startingAt start: Int, _ t: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var s = start
        while s < t.count && isBlank(t[s]) { s += 1 }
        var e = s
        while e < t.count && Byte.isLetter(t[e]) { e += 1 }
        return s..<e
    }

    static func isWord(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ words: WordSet) -> Bool {
        words.contains(t, r.lowerBound, r.upperBound)
    }

    /// Words that mark "long form, or SF" and "long form, called SF".
    static let beforeMarks = WordSet(["or", "called", "termed", "named"])
    /// Prepositions of "denoted as SF", "abbreviated by SF".
    static let asBy = WordSet(["as", "by"])
    /// Participles before `asBy`.
    static let denoted = WordSet(["denoted", "abbreviated", "known"])
    /// "SF stands for", "SF refers to".
    static let standsRefers = WordSet(["stands", "refers"])
    static let forTo = WordSet(["for", "to"])
    /// "SF denotes long form", "SF means long form".
    static let denotesMeans = WordSet(["denotes", "means"])
    static let copula = WordSet(["is"])
    static let shortWord = WordSet(["short"])
    static let forWord = WordSet(["for"])
    static let determiners = WordSet(["a", "an", "the"])

    /// "long form SF", "long form, or SF", "long form, denoted as SF".
    static func writtenBefore(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ sf: ShortForm) -> AcronymDefinition? {
        var end = s
        var marked = false
        func skipCommas() {
            while end > 0 && (isBlank(t[end - 1]) || t[end - 1] == 44) { marked = marked || t[end - 1] == 44; end -= 1 }
        }
        skipCommas()
        if !marked && sf.chars.count < 3 {
            // Only a mark word ("or", "called", "termed", "named", "as", "by") can still mark a short form this
            // short, and each begins with one of these letters: otherwise the guard below fails, known now.
            var w0 = end
            while w0 > 0 && Byte.isLetter(t[w0 - 1]) { w0 -= 1 }
            guard w0 < end else { return nil }
            switch Byte.lower(t[w0]) {
            case 111, 99, 116, 110, 97, 98: break // o c t n a b
            default: return nil
            }
        }
        let w = word(endingAt: end, t)
        // Each mark word ("or", "as", "by", "named", "called", "termed") has 2, 5 or 6 letters: other words
        // need no key and no lookup.
        let wk = w.count == 2 || w.count == 5 || w.count == 6 ? WordKey(t, w.lowerBound, w.upperBound) : nil
        if let wk, beforeMarks.contains(wk) {
            end = w.lowerBound
            marked = true
        } else if let wk, asBy.contains(wk) {
            let v = word(endingAt: w.lowerBound, t)
            guard isWord(t, v, denoted) else { return nil }
            end = v.lowerBound
            marked = true
        }
        skipCommas()
        // Juxtaposed without a mark, two words often start with two letters by chance ("observe that OT").
        guard end > 0, marked || sf.chars.count >= 3 else { return nil }
        if !marked && t[end - 1] != 45 {
            // The test below on the last part, before splitting the clause: that part runs from the last blank
            // or hyphen before `end` (or from the clause start) to `end`. The clause start matters here only
            // when the clause begins inside the last blank-separated word, which that word alone decides:
            // allowed one word, `clauseStart` returns that same start, else one at or before the word's start
            // (so at or before `p`), and only the last two words are walked for candidates this test rejects.
            var p = end
            while p > 0 && !isBlank(t[p - 1]) && t[p - 1] != 45 { p -= 1 }
            let last = max(p, clauseStart(t, before: end, maxWords: 1))
            guard last < end, sf.chars.contains(Byte.lower(t[last])) else { return nil }
        }
        let cs = clauseStart(t, before: end, maxWords: sf.chars.count * 2)
        let ps = parts(t, cs, end)
        // Necessary before the costly alignment: some part spells the first character, and without a mark
        // the word right before the short form begins with one of its characters.
        guard !ps.isEmpty, ps.contains(where: { opens(t, $0, sf.chars, 0).0 }),
              marked || sf.chars.contains(Byte.lower(t[ps[ps.count - 1].start])) else { return nil }
        guard let a = bestAlignment(t, ps, sf, from: 0, to: ps.count, maxCost: sf.lower),
              isPhrase(t, ps[a...]) else { return nil }
        return checked(t, ps[a].start, ps[ps.count - 1].end, s, e)
    }

    /// "SF: long form", "SF = long form", "[SF] long form", "SF stands for long form", "SF is a long form".
    static func writtenAfter(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ sf: ShortForm) -> AcronymDefinition? {
        let n = t.count
        var k = e
        var marks = 0
        while k < n && (isBlank(t[k]) || t[k] == 58 || t[k] == 61 || t[k] == 45 || t[k] == 93 || t[k] == 44) {
            if !isBlank(t[k]) { marks += 1 }
            k += 1
        }
        guard marks <= 2, k < n else { return nil }
        // The same answer, known sooner: unless the word at k is one of the words below ("stands", "refers",
        // "denotes", "means", "is", and "a", "an", "the"), k stays where it is and t[k] alone decides.
        switch Byte.lower(t[k]) {
        case 115, 114, 100, 109, 105, 97, 116: break // s r d m i a t
        default:
            guard marks > 0 || sf.chars.count >= 3,
                  t[k] == 45 || (Byte.isLetter(t[k]) && Byte.lower(t[k]) == sf.chars[0]) else { return nil }
        }
        var marked = marks > 0
        var w = word(startingAt: k, t)
        // "is", "means", "stands", "refers" and "denotes" have 2, 5, 6 or 7 letters: a word of another length
        // needs no key and no lookup, and leaves k where it is (and the word at k as it is).
        if w.count == 2 || (w.count >= 5 && w.count <= 7) {
            let before = k
            let wk = WordKey(t, w.lowerBound, w.upperBound)
            if standsRefers.contains(wk) {
                let v = word(startingAt: w.upperBound, t)
                guard isWord(t, v, forTo) else { return nil }
                k = v.upperBound
                marked = true
            } else if denotesMeans.contains(wk) {
                k = w.upperBound
                marked = true
            } else if copula.contains(wk) {
                marked = true
                let v = word(startingAt: w.upperBound, t)
                if isWord(t, v, shortWord) {
                    let f = word(startingAt: v.upperBound, t)
                    guard isWord(t, f, forWord) else { return nil }
                    k = f.upperBound
                } else {
                    k = w.upperBound
                }
            }
            if k != before { w = word(startingAt: k, t) }
        }
        // "a", "an", "the".
        if w.count <= 3 && isWord(t, w, determiners) { k = w.upperBound }
        while k < n && isBlank(t[k]) { k += 1 }
        // Juxtaposed without a mark, two words often start with two letters by chance ("AC algorithm consists").
        guard marked || sf.chars.count >= 3 else { return nil }
        // Cheap test before splitting the clause: unless a hyphen comes first, the first part starts at k and
        // must be a letter spelling the short form's first character (a letter, as t[s] is one).
        guard k < n, t[k] == 45 || (Byte.isLetter(t[k]) && Byte.lower(t[k]) == sf.chars[0]) else { return nil }
        let ps = parts(t, k, clauseEnd(t, after: k, limit: n))
        guard !ps.isEmpty, Byte.isLetter(t[ps[0].start]),
              let b = firstWords(t, ps, sf, maxCost: sf.lower), isPhrase(t, ps[0..<b]) else { return nil }
        return checked(t, ps[0].start, ps[b - 1].end, s, e)
    }

    /// Two words or more, not all in capitals: a heading in capitals ("DEEP LEARNING") defines nothing.
    static func isPhrase(_ t: UnsafeBufferPointer<UInt8>, _ ps: ArraySlice<Part>) -> Bool {
        ps.filter({ !$0.function }).count >= 2 && ps.contains { p in (p.start..<p.end).contains { Byte.isLower(t[$0]) } }
    }

    /// The definition, unless the long form is no longer than the short one or holds it as a word.
    static func checked(_ t: UnsafeBufferPointer<UInt8>, _ ls: Int, _ le: Int, _ s: Int, _ e: Int) -> AcronymDefinition? {
        guard le - ls > e - s else { return nil }
        let n = e - s
        var k = ls
        while k + n <= le {
            if (k == ls || !Byte.isAlnum(t[k - 1])) && (k + n == le || !Byte.isAlnum(t[k + n])) {
                var same = true
                for j in 0..<n where t[k + j] != t[s + j] { same = false; break }
                if same { return nil }
            }
            k += 1
        }
        return AcronymDefinition(longStart: ls, longEnd: le, shortStart: s, shortEnd: e)
    }
}

/// The at most 20 bytes of a short form in place (`ShortForm.chars`): candidates are many and short, and an
/// array each cost two allocations per candidate.
struct ShortBytes: Sendable {
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private(set) var count = 0

    init() {}

    /// The `count` (at most 16) bytes packed in `lo` and `hi`, first byte lowest, bytes past `count` zero.
    init(lo: UInt64, hi: UInt64, count: Int) {
        words = (lo, hi, 0)
        self.count = count
    }

    var isEmpty: Bool { count == 0 }

    subscript(_ i: Int) -> UInt8 {
        precondition(i >= 0 && i < count, "ShortBytes index out of range")
        let shift = UInt64(8 &* (i & 7))
        switch i >> 3 {
        case 0: return UInt8(truncatingIfNeeded: words.0 >> shift)
        case 1: return UInt8(truncatingIfNeeded: words.1 >> shift)
        default: return UInt8(truncatingIfNeeded: words.2 >> shift)
        }
    }

    mutating func append(_ b: UInt8) {
        precondition(count < 24, "ShortBytes holds at most 24 bytes")
        let v = UInt64(b) &<< UInt64(8 &* (count & 7))
        switch count >> 3 {
        case 0: words.0 |= v
        case 1: words.1 |= v
        default: words.2 |= v
        }
        count += 1
    }

    mutating func removeLast() {
        precondition(count > 0, "ShortBytes is empty")
        count -= 1
        let keep = ~(UInt64(0xFF) &<< UInt64(8 &* (count & 7)))
        switch count >> 3 {
        case 0: words.0 &= keep
        case 1: words.1 &= keep
        default: words.2 &= keep
        }
    }

    /// Eight bytes at a time (SWAR), the bytes past `count` masked off (they are zero, and `b` may be too).
    func contains(_ b: UInt8) -> Bool {
        let (m0, m1) = SWAR.prefix(Swift.min(count, 16))
        var hit = SWAR.equal(words.0, UInt64(b)) & m0 | SWAR.equal(words.1, UInt64(b)) & m1
        if count > 16 { hit |= SWAR.equal(words.2, UInt64(b)) & SWAR.prefix(count - 16).0 }
        return hit != 0
    }
}

/// Flags of a short form's characters as bits (`ShortForm.capital`), in place of an array of booleans.
struct ShortFlags: Sendable {
    private var bits: UInt32 = 0
    private var count = 0

    init() {}

    /// Flag i is bit i of `bits`; bits at and past `count` are zero.
    init(bits: UInt32, count: Int) {
        self.bits = bits
        self.count = count
    }

    subscript(_ i: Int) -> Bool { bits & (1 << UInt32(i)) != 0 }

    mutating func append(_ flag: Bool) {
        if flag { bits |= 1 << UInt32(count) }
        count += 1
    }

    mutating func removeLast() {
        count -= 1
        bits &= ~(1 << UInt32(count))
    }
}

// MARK: - Scoring against SciAI

/// One sentence of the SciAI acronym data set (Veyseh et al., COLING 2020): tokens with BIO labels over
/// `short` (every acronym occurrence) and `long` (an expansion, wherever one is written).
public struct SciAISentence: Decodable, Sendable {
    public var id: String
    public var tokens: [String]
    public var labels: [String]

    public init(id: String, tokens: [String], labels: [String]) {
        self.id = id
        self.tokens = tokens
        self.labels = labels
    }

    /// Reads a SciAI JSON file: a list of `{id, tokens, labels}`.
    public static func load(_ url: URL) throws -> [SciAISentence] {
        try JSONDecoder().decode([SciAISentence].self, from: Data(contentsOf: url))
    }

    /// The tokens joined by single spaces, and each token's byte range in that text.
    public var text: (text: String, ranges: [Range<Int>]) {
        var out = ""
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(tokens.count)
        var offset = 0
        for (k, token) in tokens.enumerated() {
            if k > 0 { out += " "; offset += 1 }
            out += token
            ranges.append(offset..<offset + token.utf8.count)
            offset += token.utf8.count
        }
        return (out, ranges)
    }

    /// The token spans labelled `kind` ("long" or "short"), each from its B- label through its I- labels.
    public func spans(_ kind: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = 0
        while k < labels.count {
            guard labels[k] == "B-" + kind else { k += 1; continue }
            var j = k + 1
            while j < labels.count && labels[j] == "I-" + kind { j += 1 }
            out.append(k..<j)
            k = j
        }
        return out
    }
}

/// Long-form and short-form precision, recall and F1 of `AcronymDefinitions` on SciAI sentences.
///
/// A predicted long form is correct when its token span equals a gold long span exactly. Short forms are
/// scored only as halves of definitions: a short form counts as predicted when it is paired with a long
/// form, and a gold short form is expected only when a gold long form of the same sentence belongs to it
/// (the nearest gold short form whose first letter or digit is the long form's, else the nearest one).
public struct AcronymScore: Sendable {
    /// Counts for one kind of span.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var predicted = 0
        public var expected = 0
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { expected == 0 ? 0 : Double(truePositives) / Double(expected) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// A false positive (`predicted` set, `gold` the overlapping gold span if any) or a miss (`gold` set).
    public struct Mismatch: Sendable {
        public var id: String
        public var kind: String
        public var predicted: String?
        public var gold: String?
        public var sentence: String
    }

    public var long = Counts()
    public var short = Counts()
    public var sentences = 0
    public var falsePositives: [Mismatch] = []
    public var misses: [Mismatch] = []

    public init() {}

    /// Scores every sentence.
    public init(_ sentences: [SciAISentence]) {
        self.init()
        for s in sentences { add(s) }
    }

    /// Runs `AcronymDefinitions.find` on one sentence's text and adds its counts.
    public mutating func add(_ sentence: SciAISentence) {
        sentences += 1
        let (text, ranges) = sentence.text
        let definitions = Array(text.utf8).withUnsafeBufferPointer { AcronymDefinitions.find(in: $0) }
        // A byte range maps to the tokens it touches.
        func tokens(_ start: Int, _ end: Int) -> Range<Int>? {
            guard let first = ranges.firstIndex(where: { $0.upperBound > start }),
                  let last = ranges.lastIndex(where: { $0.lowerBound < end }), first <= last else { return nil }
            return first..<last + 1
        }
        var predictedLong: [Range<Int>] = []
        var predictedShort: [Range<Int>] = []
        for d in definitions {
            guard let l = tokens(d.longStart, d.longEnd), let s = tokens(d.shortStart, d.shortEnd) else { continue }
            if !predictedLong.contains(l) { predictedLong.append(l) }
            if !predictedShort.contains(s) { predictedShort.append(s) }
        }
        let goldLong = sentence.spans("long")
        let goldShort = sentence.spans("short")
        func initial(_ r: Range<Int>) -> UInt8? {
            sentence.tokens[r].joined().utf8.first(where: Byte.isAlnum).map(Byte.lower)
        }
        func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
            a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : max(0, a.lowerBound - b.upperBound)
        }
        var expectedShort: [Range<Int>] = []
        for l in goldLong {
            let same = goldShort.filter { initial($0) == initial(l) }
            let pool = same.isEmpty ? goldShort : same
            if let s = pool.min(by: { distance($0, l) < distance($1, l) }), !expectedShort.contains(s) {
                expectedShort.append(s)
            }
        }
        func render(_ r: Range<Int>) -> String { sentence.tokens[r].joined(separator: " ") }
        func tally(_ kind: String, _ predicted: [Range<Int>], _ gold: [Range<Int>], _ counts: inout Counts) {
            counts.predicted += predicted.count
            counts.expected += gold.count
            for p in predicted {
                if gold.contains(p) { counts.truePositives += 1; continue }
                let near = gold.first { $0.overlaps(p) }
                falsePositives.append(Mismatch(id: sentence.id, kind: kind, predicted: render(p), gold: near.map(render),
                                            sentence: text))
            }
            for g in gold where !predicted.contains(g) {
                misses.append(Mismatch(id: sentence.id, kind: kind, predicted: nil, gold: render(g), sentence: text))
            }
        }
        tally("long", predictedLong, goldLong, &long)
        tally("short", predictedShort, expectedShort, &short)
    }
}
