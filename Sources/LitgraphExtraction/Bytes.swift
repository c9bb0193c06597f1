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

    /// The first index at or after `from` holding `byte`, or `text.count`: eight bytes at a time (SWAR; a
    /// byte equal to it gets its high bit set, exactly, as no carry crosses a byte). O(n / 8) for a rare byte.
    static func next(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = text.count
        var i = from
        while i &+ 8 <= n {
            let equal = equalBytes(UnsafeRawPointer(text.baseAddress! + i).loadUnaligned(as: UInt64.self), byte)
            if equal != 0 { return i &+ UInt64(littleEndian: equal).trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < n && text[i] != byte { i += 1 }
        return i
    }

    /// The high bit of each byte of `w` equal to `byte`, exactly (no carry crosses a byte).
    @inline(__always) static func equalBytes(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((x & low7) &+ low7) | x) & 0x8080_8080_8080_8080
    }
}
