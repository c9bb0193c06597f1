/// A word of a text as a byte range, with surrounding punctuation trimmed off.
struct Token: Sendable {
    var start: Int
    var end: Int
    /// Bytes between this token and the next, or the end: holds sentence ends and commas.
    var trailing: UInt8
    /// True when this token ends a sentence (`.`, `?`, `!` followed by space, or the end of a line).
    var endsSentence: Bool
    /// The token's bytes lower-cased, for word-list lookups (`WordSet`).
    var key: WordKey
    /// Capital letters (A–Z) in the token: `AcronymDefinitions` looks for written-out definitions only
    /// around tokens with two or more.
    var capitals: Int32
    /// The token holds a "/" or a "." followed by a letter, the bytes every web address has (`isURL`).
    var mayBeURL: Bool
    /// After its first byte, the token has a capital, a digit, a "*" or a non-ASCII byte: without one it is
    /// no name (`NameShape.isName`), so the name rules skip it.
    var nameMarked: Bool
}

/// Splits UTF-8 text into whitespace-separated tokens and trims quotes, brackets and trailing punctuation.
/// Each token also gets its word key, its number of capitals and whether it may be a web address, so that
/// the rules never scan a token's bytes again for these. O(n) over the bytes.
func tokenize(_ text: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> [Token] {
    let limit = to ?? text.count
    var tokens: [Token] = []
    tokens.reserveCapacity((limit - from) / 6)
    var i = from
    while i < limit {
        while i < limit && Byte.isSpace(text[i]) { i += 1 }
        if i >= limit { break }
        let rawStart = i
        while i < limit && !Byte.isSpace(text[i]) { i += 1 }
        var start = rawStart, end = i
        while start < end && isLeadingPunct(text[start]) { start += 1 }
        var trailing: UInt8 = 32
        // A possessive "'s" or "’s" is not part of the word.
        if end - start > 3 && text[end - 1] == 115 {
            if text[end - 2] == 39 { end -= 2 } else if end - start > 5 && text[end - 2] == 0x99 && text[end - 3] == 0x80 && text[end - 4] == 0xE2 { end -= 4 }
        }
        while end > start && isTrailingPunct(text[end - 1]) {
            if trailing == 32 || text[end - 1] == 46 { trailing = text[end - 1] }
            end -= 1
        }
        // Keep a closing bracket that belongs to the word ("V*", "π0"); drop unmatched ones.
        let endsSentence = (trailing == 46 || trailing == 63 || trailing == 33)
            || (i < limit && text[i] == 10)
        if start < end {
            // One pass over the token's bytes for its flags and its packed lower-case key.
            var capitals: Int32 = 0
            var mayBeURL = false, nameMarked = false
            var lo: UInt64 = 0, hi: UInt64 = 0
            let pack = end - start <= WordKey.maxLength
            for k in start..<end {
                let b = text[k]
                let upper = Byte.isUpper(b)
                if upper { capitals &+= 1 }
                if b == 47 || (b == 46 && k + 1 < end && Byte.isLetter(text[k + 1])) { mayBeURL = true }
                if k > start && (upper || Byte.isDigit(b) || b == 42 || b >= 0x80) { nameMarked = true }
                if pack {
                    let shift = UInt64(8 &* (k &- start))
                    let lower = UInt64(upper ? b &+ 32 : b)
                    if shift < 64 { lo |= lower &<< shift } else { hi |= lower &<< (shift &- 64) }
                }
            }
            tokens.append(Token(start: start, end: end, trailing: trailing, endsSentence: endsSentence,
                                key: WordKey(lo: lo, hi: hi, length: end - start), capitals: capitals,
                                mayBeURL: mayBeURL, nameMarked: nameMarked))
        }
    }
    return tokens
}

@inline(__always) func isLeadingPunct(_ b: UInt8) -> Bool {
    b == 40 || b == 91 || b == 123 || b == 34 || b == 39 || b == 96 || b == 60
}

@inline(__always) func isTrailingPunct(_ b: UInt8) -> Bool {
    b == 41 || b == 93 || b == 125 || b == 34 || b == 39 || b == 44 || b == 46 || b == 59 || b == 58
        || b == 63 || b == 33 || b == 62
}

extension UnsafeBufferPointer where Element == UInt8 {
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[start..<end]), as: UTF8.self)
    }

    func lowerEquals(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<(end - start) where Byte.lower(self[start + k]) != w[k] { return false }
        return true
    }
}
