/// A definition "long form (SHORT)" found in a text, as byte ranges.
public struct AcronymDefinition: Sendable, Hashable {
    public var longStart: Int
    public var longEnd: Int
    public var shortStart: Int
    public var shortEnd: Int
}

/// Finds acronym definitions of the form "long form (SF)".
///
/// Schwartz & Hearst 2003, "A simple algorithm for identifying abbreviation definitions in biomedical
/// text" (PSB): a short form of 2–10 characters with a letter, starting with a letter or digit, in parentheses;
/// a long form of at most min(|SF| + 5, 2·|SF|) words before it, found by matching the short form's
/// characters right to left, its first character at the start of a word. Linear in the text per definition.
public enum AcronymDefinitions {
    public static func find(in text: UnsafeBufferPointer<UInt8>) -> [AcronymDefinition] {
        var result: [AcronymDefinition] = []
        var i = 0
        let n = text.count
        while i < n {
            guard text[i] == 40 else { i += 1; continue } // "("
            var close = i + 1
            while close < n && text[close] != 41 && text[close] != 40 && text[close] != 10 && close - i < 64 { close += 1 }
            guard close < n, text[close] == 41 else { i += 1; continue }
            // The short form is the parenthesised text up to ";" or ",".
            var sStart = i + 1
            var sEnd = close
            if let cut = (sStart..<sEnd).first(where: { text[$0] == 59 || text[$0] == 44 }) { sEnd = cut }
            while sStart < sEnd && text[sStart] == 32 { sStart += 1 }
            while sEnd > sStart && text[sEnd - 1] == 32 { sEnd -= 1 }
            if let def = definition(text, parenOpen: i, shortStart: sStart, shortEnd: sEnd) { result.append(def) }
            i = close + 1
        }
        return result
    }

    static func isShortForm(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let length = e - s
        guard length >= 2, length <= 10, Byte.isAlnum(t[s]) else { return false }
        guard (s..<e).contains(where: { Byte.isLetter(t[$0]) }) else { return false }
        // At most two words, and not a citation year or a plain lower-case word.
        let spaces = (s..<e).filter { t[$0] == 32 }.count
        guard spaces <= 1 else { return false }
        if (s..<e).allSatisfy({ Byte.isLower(t[$0]) || t[$0] == 45 }) { return false }
        return true
    }

    static func definition(_ t: UnsafeBufferPointer<UInt8>, parenOpen: Int, shortStart s: Int, shortEnd e: Int)
        -> AcronymDefinition? {
        guard isShortForm(t, s, e) else { return nil }
        // Candidate long form: up to maxWords words before "(", stopping at a clause or sentence boundary.
        let shortLength = (s..<e).filter { Byte.isAlnum(t[$0]) }.count
        let maxWords = min(shortLength + 5, shortLength * 2)
        var start = parenOpen
        while start > 0 && t[start - 1] == 32 { start -= 1 }
        let end = start
        var words = 0
        var k = end
        while k > 0 && words < maxWords {
            var w = k
            while w > 0 && t[w - 1] == 32 { w -= 1 }
            if w == 0 { k = 0; break }
            let prev = t[w - 1]
            if prev == 46 || prev == 44 || prev == 59 || prev == 58 || prev == 41 || prev == 40 || prev == 10 || prev == 34 { k = w; break }
            var ws = w
            while ws > 0 && !Byte.isSpace(t[ws - 1]) && t[ws - 1] != 40 && t[ws - 1] != 44 && t[ws - 1] != 59 && t[ws - 1] != 58 { ws -= 1 }
            words += 1
            k = ws
            if ws > 0 && (t[ws - 1] == 44 || t[ws - 1] == 59 || t[ws - 1] == 58 || t[ws - 1] == 40) { break }
        }
        let candidateStart = k
        guard candidateStart < end else { return nil }
        guard let longStart = initialsLongForm(t, s, e, candidateStart, end) ?? bestLongForm(t, s, e, candidateStart, end)
        else { return nil }
        // The long form must be longer than the short one and must not contain it.
        guard end - longStart > e - s else { return nil }
        let long = t.string(longStart, end).lowercased()
        let short = t.string(s, e).lowercased()
        if long.contains(short) { return nil }
        return AcronymDefinition(longStart: longStart, longEnd: end, shortStart: s, shortEnd: e)
    }

    /// Words too small to carry a letter of an acronym: "Learning from Demonstrations (LfD)" has one, "Bag of Words (BoW)" may skip it.
    static let skippable: Set<String> = ["of", "the", "and", "for", "a", "an", "to", "in", "with", "on", "by", "from", "via", "as"]

    /// A refinement of Schwartz–Hearst that prefers aligning the short form with word beginnings: the
    /// rightmost word start from which every following word (or hyphen part) gives the next short-form
    /// characters from its own beginning, small function words optionally none. "Proximal Policy
    /// Optimization (PPO)" yields the whole phrase where character matching alone stops at "Policy".
    /// O(words · |SF|²) per definition.
    static func initialsLongForm(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ ls: Int, _ le: Int) -> Int? {
        var short = (s..<e).map { Byte.lower(t[$0]) }.filter(Byte.isAlnum)
        if short.count >= 3, t[e - 1] == 115, (s..<e - 1).contains(where: { Byte.isUpper(t[$0]) }) { short.removeLast() }
        guard !short.isEmpty else { return nil }
        // Words and hyphen parts of the candidate, as byte ranges.
        var parts: [Range<Int>] = []
        var k = ls
        while k < le {
            while k < le && (Byte.isSpace(t[k]) || t[k] == 45) { k += 1 }
            let start = k
            while k < le && !Byte.isSpace(t[k]) && t[k] != 45 { k += 1 }
            if k > start { parts.append(start..<k) }
        }
        func aligns(_ p: Int, _ i: Int) -> Bool {
            if i == short.count { return p == parts.count }
            if p == parts.count { return false }
            let word = parts[p]
            let lowerWord = word.map { Byte.lower(t[$0]) }
            if skippable.contains(String(decoding: lowerWord, as: UTF8.self)) && aligns(p + 1, i) { return true }
            var n = 0
            while n < lowerWord.count && i + n < short.count && lowerWord[n] == short[i + n] {
                n += 1
                if aligns(p + 1, i + n) { return true }
            }
            return false
        }
        for first in stride(from: parts.count - 1, through: 0, by: -1) {
            let b = Byte.lower(t[parts[first].lowerBound])
            if b == short[0], aligns(first, 0) {
                // Start at the word holding the part, not inside a hyphenated word.
                var start = parts[first].lowerBound
                while start > ls && !Byte.isSpace(t[start - 1]) { start -= 1 }
                return start
            }
        }
        return nil
    }

    /// Schwartz–Hearst's findBestLongForm: the start of the shortest suffix of [ls, le) that covers every
    /// letter and digit of the short form in order, the first at a word start.
    static func bestLongForm(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ ls: Int, _ le: Int) -> Int? {
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
        // Back up to the start of the word holding the match.
        var start = lIndex + 1
        while start > ls && !Byte.isSpace(t[start - 1]) { start -= 1 }
        return start
    }
}
