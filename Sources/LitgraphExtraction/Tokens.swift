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
    /// The length of the run of word bytes (`Byte.isWord`) the token starts with, when that run is all of the
    /// token's word starting here for `Matcher` (it ends before a non-word byte), at most 16; else 0, and the
    /// matcher reads the word itself. With `wordHash`, the matcher's first-word key of that run (`FirstWords`),
    /// so the matcher need not fold and hash the bytes tokenizing has just folded.
    var wordLength: UInt8 = 0
    var wordHash: UInt64 = 0
}

/// Splits UTF-8 text into whitespace-separated tokens and trims quotes, brackets and trailing punctuation.
/// Each token also gets its word key, its number of capitals and whether it may be a web address, so that
/// the rules never scan a token's bytes again for these. O(n) over the bytes.
func tokenize(_ text: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> [Token] {
    let limit = to ?? text.count
    var tokens: [Token] = []
    // An empty buffer may have no address; it has no tokens either.
    guard let base = text.baseAddress, from < limit else { return tokens }
    // Abstracts average 6–7 bytes a token: room for denser text too, so that the array is allocated once.
    tokens.reserveCapacity((limit - from) / 5 + 16)
    var i = from
    while i < limit {
        while i < limit && Byte.isSpace(text[i]) { i += 1 }
        if i >= limit { break }
        let rawStart = i
        if i &+ 16 <= limit {
            // Most tokens (93% of real abstracts' words) are plain: ASCII letters, lower-case but perhaps the
            // first, perhaps then one trailing mark (`isTrailingPunct`: ",", ".", ")"…), then whitespace, all
            // within 16 bytes. Such a token is read here from one 16-byte load, with SWAR masks and no loop;
            // the general path below gives the same token for it (nothing to trim in front, no possessive, one
            // mark at most, no word byte after the word, no capital after the first byte), and reads all others.
            let p = UnsafeRawPointer(base + i)
            let w0 = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
            let w1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // The first byte at or below a space, as in `nextSpace`; the flag on the last byte caps n at 15, so
            // that the byte read next lies inside the 16 (with none below a space, it is no blank).
            let n = SWAR.firstFlagged(SWAR.atOrBelow(w0, 0x20), SWAR.atOrBelow(w1, 0x20) | 1 << 63)
            let blank = text[i &+ n]
            if n < 16 && Byte.isSpace(blank) {
                // A capital first byte counts as a lower-case letter here, and is folded into the key below.
                let capital = SWAR.inRange(w0, 65, 90) & 0x80
                let lower0 = SWAR.inRange(w0, 97, 122) | capital, lower1 = SWAR.inRange(w1, 97, 122)
                let last = text[i &+ n &- 1]
                // All n bytes letters, or all but a last mark.
                let length = isTrailingPunct(last) ? n &- 1 : n
                let (m0, m1) = SWAR.prefix(length)
                if length > 0 && lower0 & m0 & SWAR.high == m0 & SWAR.high && lower1 & m1 & SWAR.high == m1 & SWAR.high {
                    let trailing = length == n ? 32 : last
                    let k0 = w0 & m0 | capital >> 2, k1 = w1 & m1
                    let h = FirstWords.hash(lo: k0, hi: k1, length: length)
                    tokens.append(Token(start: i, end: i &+ length, trailing: trailing,
                                        endsSentence: trailing == 46 || trailing == 63 || trailing == 33 || blank == 10,
                                        key: WordKey(lo: k0, hi: k1, length: length, firstWordsHash: h),
                                        capitals: Int32(truncatingIfNeeded: capital >> 7),
                                        mayBeURL: false, nameMarked: false,
                                        wordLength: UInt8(truncatingIfNeeded: length), wordHash: h))
                    i &+= n &+ 1 // past the blank
                    continue
                }
            }
        }
        i = nextSpace(text, from: i, limit: limit)
        var start = rawStart, end = i
        var stars = 0 // Markdown emphasis opening the word, to be closed at its end ("*PosteriorDB*")
        while start < end && isLeadingPunct(text[start]) { stars &+= text[start] == 42 ? 1 : 0; start += 1 }
        var trailing: UInt8 = 32
        // A possessive "'s" or "’s" is not part of the word. The rare byte before the "s" is tested first, so
        // that the branch is predictable: a test of the length first went either way at every token. (The
        // byte read is the token's own: end - 2 is at least rawStart here, as end - 1 is.)
        let beforeS = text[max(rawStart, end &- 2)]
        if (beforeS == 39 || beforeS == 0x99) && end - start > 3 && text[end - 1] == 115 {
            if beforeS == 39 { end -= 2 } else if end - start > 5 && text[end - 3] == 0x80 && text[end - 4] == 0xE2 { end -= 4 }
        }
        // Markdown emphasis closing a word ("**DiffSP**,", "*PosteriorDB*") goes with the punctuation; a star
        // no emphasis opened stays ("RRT*"), unless doubled.
        while end > start {
            if isTrailingPunct(text[end - 1]) {
                if trailing == 32 || text[end - 1] == 46 { trailing = text[end - 1] }
                end -= 1
            } else if text[end - 1] == 42 && end - start > 2 && (stars > 0 || Byte.isLower(text[end - 2])) {
                // (A star after a lower-case letter closes emphasis opened words before: "*Reward Balancing*".)
                stars = max(0, stars - 1)
                end -= 1
            } else if end - start > 2 && text[end - 1] == 42 && text[end - 2] == 42 {
                end -= 2
            } else {
                break
            }
        }
        // Keep a closing bracket that belongs to the word ("V*", "π0"); drop unmatched ones.
        let endsSentence = (trailing == 46 || trailing == 63 || trailing == 33)
            || (i < limit && text[i] == 10)
        if start < end && end - start <= WordKey.maxLength && start + 16 <= text.count {
            // Two 8-byte loads (little-endian: the token's first byte lowest, as `WordKey` packs it), with the
            // bytes past the token cleared; a cleared byte is no capital, digit, letter, "/", "." or "*".
            let n = end - start
            let (m0, m1) = SWAR.prefix(n)
            let (w0, w1) = SWAR.load(UnsafeRawPointer(base + start), masks: (m0, m1))
            let lower0 = SWAR.inRange(w0, 97, 122), lower1 = SWAR.inRange(w1, 97, 122)
            if lower0 == m0 & SWAR.high && lower1 == m1 & SWAR.high {
                // A lower-case word the quick reading above left (a bracket in front, several marks after, a
                // possessive, or too near the limit): no capital, digit, "/", "." or non-ASCII byte, so its key
                // is its bytes and every flag is clear. Such a token is also the matcher's whole word when the
                // byte after it is no word byte (it can be one only before a non-ASCII possessive): then its
                // first-word key is made here, from the loaded bytes.
                let endsWord = end == text.count || !Byte.isWord(text[end])
                let h = FirstWords.hash(lo: w0, hi: w1, length: n)
                tokens.append(Token(start: start, end: end, trailing: trailing, endsSentence: endsSentence,
                                    key: WordKey(lo: w0, hi: w1, length: n, firstWordsHash: h), capitals: 0,
                                    mayBeURL: false, nameMarked: false,
                                    wordLength: endsWord ? UInt8(truncatingIfNeeded: n) : 0, wordHash: h))
            } else {
                tokens.append(markedToken(text, start, end, w0: w0, w1: w1, lower0: lower0, lower1: lower1,
                                          trailing: trailing, endsSentence: endsSentence))
            }
        } else if start < end {
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

/// The first whitespace byte (`Byte.isSpace`) in [from, limit), or `limit`. Eight bytes at a time (SWAR):
/// a word's high bits flag the bytes at or below a space, of which the lowest is exact (borrows run only
/// upwards); a flagged byte that is no whitespace (a control byte) resumes the scan after it. O(n / 8).
@inline(__always) private func nextSpace(_ text: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
    var i = from
    let base = text.baseAddress!
    while i &+ 8 <= limit {
        let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let low = SWAR.atOrBelow(w, 0x20)
        if low == 0 { i &+= 8; continue }
        i &+= low.trailingZeroBitCount >> 3
        if Byte.isSpace(base[i]) { return i }
        i &+= 1
    }
    while i < limit && !Byte.isSpace(text[i]) { i += 1 }
    return i
}

/// The token [start, end) of at most 16 bytes, loaded into `w0` and `w1` (bytes past it cleared), that has a
/// byte other than a lower-case letter and is not the quick reading's: its key and flags eight bytes at a
/// time (SWAR), with the same results as the byte loop in `tokenize`. Apart from the loop, which handles
/// lower-case words itself.
@inline(never) private func markedToken(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, w0: UInt64, w1: UInt64, lower0: UInt64,
                                        lower1: UInt64, trailing: UInt8, endsSentence: Bool) -> Token {
    let n = end - start
    let ones = SWAR.ones, high = SWAR.high
    @inline(__always) func inRange(_ w: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 { SWAR.inRange(w, lo, hi) }
    @inline(__always) func equal(_ w: UInt64, _ c: UInt64) -> UInt64 { SWAR.equal(w, c) }
    let upper0 = inRange(w0, 65, 90), upper1 = inRange(w1, 65, 90)
    let letter0 = upper0 | lower0, letter1 = upper1 | lower1
    let mark0 = upper0 | inRange(w0, 48, 57) | equal(w0, 42) | (w0 & high)
    let mark1 = upper1 | inRange(w1, 48, 57) | equal(w1, 42) | (w1 & high)
    // A "." whose next byte is a letter: the letters moved down one byte onto the dots.
    let nextLetter0 = (letter0 >> 8) | (letter1 << 56), nextLetter1 = letter1 >> 8
    let url = equal(w0, 47) | equal(w1, 47) | (equal(w0, 46) & nextLetter0) | (equal(w1, 46) & nextLetter1)
    // Capitals counted with one multiply: a 1 per capital in each byte, summed into the top byte (at most 16).
    // (`nonzeroBitCount` compiles to a long bit-twiddling sequence on the baseline x86-64 target, no popcnt.)
    let capitals = (((upper0 >> 7) &+ (upper1 >> 7)) &* ones) >> 56
    let folded0 = SWAR.lowerASCII(w0), folded1 = SWAR.lowerASCII(w1)
    // The leading run of word bytes (letters, digits, "_", non-ASCII; cleared bytes past the token are none)
    // and its first-word key for `Matcher`, chunk by chunk as the matcher makes it.
    let nonWord0 = ~(letter0 | inRange(w0, 48, 57) | equal(w0, 95) | (w0 & high)) & high
    let nonWord1 = ~(letter1 | inRange(w1, 48, 57) | equal(w1, 95) | (w1 & high)) & high
    let run = SWAR.firstFlagged(nonWord0, nonWord1)
    let (run0, run1) = SWAR.prefix(run)
    let wordHash = FirstWords.hash(lo: folded0 & run0, hi: folded1 & run1, length: run)
    // A run that reaches the token's end is the matcher's whole word only if no word byte follows.
    let whole = run > 0 && (run < n || end == text.count || !Byte.isWord(text[end]))
    // A run over the whole token hashed the key's own bytes: that hash serves the key too.
    return Token(start: start, end: end, trailing: trailing, endsSentence: endsSentence,
                 key: run == n ? WordKey(lo: folded0, hi: folded1, length: n, firstWordsHash: wordHash)
                     : WordKey(lo: folded0, hi: folded1, length: n),
                 capitals: Int32(capitals), mayBeURL: url != 0,
                 nameMarked: (mark0 & ~0xFF) | mark1 != 0,
                 wordLength: whole ? UInt8(truncatingIfNeeded: run) : 0, wordHash: wordHash)
}

/// `( [ { " ' ` < *`: one bit test in a 128-bit set (two words), without branches, where a chain of
/// comparisons compiled to branches per byte of every token. (No name starts with "*": there it is Markdown
/// emphasis, "**DiffSP**".)
@inline(__always) func isLeadingPunct(_ b: UInt8) -> Bool {
    let below64: UInt64 = 1 << 40 | 1 << 34 | 1 << 39 | 1 << 60 | 1 << 42
    let above64: UInt64 = 1 << (91 - 64) | 1 << (123 - 64) | 1 << (96 - 64)
    return b < 128 && (b < 64 ? below64 : above64) >> UInt64(b & 63) & 1 != 0
}

/// `) ] } " ' , . ; : ? ! >`: one bit test, as `isLeadingPunct` (this compiled to a jump table).
@inline(__always) func isTrailingPunct(_ b: UInt8) -> Bool {
    let below64: UInt64 = 1 << 41 | 1 << 34 | 1 << 39 | 1 << 44 | 1 << 46 | 1 << 59 | 1 << 58 | 1 << 63 | 1 << 33
        | 1 << 62
    let above64: UInt64 = 1 << (93 - 64) | 1 << (125 - 64)
    return b < 128 && (b < 64 ? below64 : above64) >> UInt64(b & 63) & 1 != 0
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

extension Array where Element == Token {
    /// The index of the token that starts at byte `offset`, or nil. O(log n), as `partitionPoint`.
    func index(startingAt offset: Int) -> Int? {
        let j = partitionPoint { $0.start >= offset }
        return j < count && self[j].start == offset ? j : nil
    }

    /// The first index whose token satisfies `isAfter`, or `count`, for a predicate false on a prefix of the
    /// tokens and true on the rest (tokens are in text order). O(log n) where `firstIndex(where:)` is O(n).
    func partitionPoint(_ isAfter: (Token) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if isAfter(self[mid]) { hi = mid } else { lo = mid &+ 1 }
        }
        return lo
    }
}
