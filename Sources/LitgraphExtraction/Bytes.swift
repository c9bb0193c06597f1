/// Byte-level character classes for ASCII text in UTF-8. Bytes ≥ 0x80 belong to non-ASCII characters,
/// which we treat as word characters so that a name never matches inside a longer non-ASCII word.
@usableFromInline enum Byte {
    @inlinable static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inlinable static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    @inlinable static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inlinable static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inlinable static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    /// Letters, digits, `_` and any non-ASCII byte: the bytes a word is made of.
    @inlinable static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == 95 || b >= 0x80 }
    @inlinable static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
    @inlinable static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }

    /// Whether every "(" and "[" in [s, e) of `t` is closed there, in order: a span that opens or closes
    /// a bracket it does not hold ("Neural Networks (CNNs", "[RETRACTED] Name") is a piece of a phrase,
    /// not a name. O(e - s).
    static func balancedBrackets(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var round = 0, square = 0
        for k in s..<e {
            switch t[k] {
            case 40: round += 1
            case 41: round -= 1; if round < 0 { return false }
            case 91: square += 1
            case 93: square -= 1; if square < 0 { return false }
            default: break
            }
        }
        return round == 0 && square == 0
    }

    /// The first index at or after `from` holding `byte`, or `text.count`: sixteen bytes at a time (one vector
    /// compare, `equal16`), then eight (SWAR; a byte equal to it gets its high bit set, exactly, as no carry
    /// crosses a byte). O(n / 16) for a rare byte.
    static func next(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = text.count
        var i = from
        while i &+ 16 <= n {
            let (lo, hi) = equal16(UnsafeRawPointer(text.baseAddress! + i), byte)
            if lo | hi != 0 { return i &+ SWAR.firstFlagged(lo, hi) }
            i &+= 16
        }
        while i &+ 8 <= n {
            let equal = SWAR.equal(UnsafeRawPointer(text.baseAddress! + i).loadUnaligned(as: UInt64.self), UInt64(byte))
            if equal != 0 { return i &+ UInt64(littleEndian: equal).trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < n && text[i] != byte { i += 1 }
        return i
    }
}

/// The 16 bytes at `p` compared with `byte` in one vector compare: two little-endian words with 0xFF in
/// each byte that equals it, 0 elsewhere (first byte lowest).
@inline(__always) func equal16(_ p: UnsafeRawPointer, _ byte: UInt8) -> (UInt64, UInt64) {
    let mask = p.loadUnaligned(as: SIMD16<UInt8>.self) .== SIMD16<UInt8>(repeating: byte)
    let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
    return (UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]))
}

/// SWAR byte tests on eight bytes at once (first byte lowest); no carry crosses a byte.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte whose value is in lo...hi (both below 0x80).
    @inline(__always) static func inRange(_ w: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
        let a = w & low7
        return (a &+ ones &* (0x80 &- lo)) & ~(a &+ ones &* (0x7F &- hi)) & ~w & high
    }

    /// Masks of the first `n` bytes (0...16) of two consecutive words: all ones over bytes < n.
    @inline(__always) static func prefix(_ n: Int) -> (UInt64, UInt64) {
        (n >= 8 ? ~0 : (1 &<< UInt64(8 &* n)) &- 1, n >= 16 ? ~0 : n <= 8 ? 0 : (1 &<< UInt64(8 &* (n &- 8))) &- 1)
    }

    /// The bytes at `p` as two little-endian words (first byte lowest), each cleared outside its mask from
    /// `prefix(n)`: a token or word of at most 16 bytes, where 16 bytes from `p` are readable.
    @inline(__always) static func load(_ p: UnsafeRawPointer, masks: (UInt64, UInt64)) -> (UInt64, UInt64) {
        (UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) & masks.0,
         UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & masks.1)
    }

    /// The high bit of the first byte of `w` at or below `c` (below 0x7F), exact for that lowest byte only:
    /// a borrow runs upwards and may flag bytes after it.
    @inline(__always) static func atOrBelow(_ w: UInt64, _ c: UInt64) -> UInt64 { (w &- ones &* (c &+ 1)) & ~w & high }

    /// The index of the first flagged byte of two words, `lo` then `hi` (first byte lowest; a byte is flagged
    /// by its high bit or by all its bits), or 16 when none is.
    @inline(__always) static func firstFlagged(_ lo: UInt64, _ hi: UInt64) -> Int {
        lo != 0 ? lo.trailingZeroBitCount >> 3 : 8 &+ hi.trailingZeroBitCount >> 3
    }

    /// `w` with its ASCII capitals lower-cased (each gains the 0x20 bit).
    @inline(__always) static func lowerASCII(_ w: UInt64) -> UInt64 { w | (inRange(w, 65, 90) >> 2) }

    /// The high bit of each byte equal to `c`.
    @inline(__always) static func equal(_ w: UInt64, _ c: UInt64) -> UInt64 {
        let x = w ^ (ones &* c)
        return ~(((x & low7) &+ low7) | x) & high
    }
}
