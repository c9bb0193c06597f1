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
}
