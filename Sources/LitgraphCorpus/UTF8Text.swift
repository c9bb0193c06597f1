import Foundation

// Line splitting and white-space trimming on UTF-8 bytes. Foundation's `trimmingCharacters(in:)` goes
// through NSString and UTF-16 and `split` compares Characters; reading a large corpus spent most of its time
// there. These give the same results: trimming removes whole Unicode scalars of exactly the sets
// `CharacterSet.whitespaces` and `.whitespacesAndNewlines` hold (checked over every scalar in the tests),
// and lines end at \n, \r\n or \r, which are always Character boundaries.

/// Whether a Unicode scalar value is in `CharacterSet.whitespaces` (the Zs category, U+200B and tab), or with
/// `newlines` also in `CharacterSet.newlines` (U+000A–U+000D, U+0085, U+2028, U+2029).
@inline(__always)
func isTrimmedSpace(_ v: UInt32, newlines: Bool) -> Bool {
    switch v {
    case 0x20, 0x09: return true
    case 0x0A...0x0D: return newlines
    case 0...0x7F: return false
    case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
    case 0x85, 0x2028, 0x2029: return newlines
    default: return false
    }
}

/// `range` of valid UTF-8 `bytes` without leading and trailing white space (see `isTrimmedSpace`).
func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, newlines: Bool) -> Range<Int> {
    var lower = range.lowerBound, upper = range.upperBound
    while lower < upper {
        let b = bytes[lower]
        if b < 0x80 {
            guard isTrimmedSpace(UInt32(b), newlines: newlines) else { break }
            lower += 1
        } else {
            let (value, length) = scalar(bytes, at: lower)
            guard isTrimmedSpace(value, newlines: newlines) else { break }
            lower += length
        }
    }
    while lower < upper {
        let b = bytes[upper - 1]
        if b < 0x80 {
            guard isTrimmedSpace(UInt32(b), newlines: newlines) else { break }
            upper -= 1
        } else {
            var start = upper - 1
            while bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard isTrimmedSpace(scalar(bytes, at: start).value, newlines: newlines) else { break }
            upper = start
        }
    }
    return lower..<upper
}

/// The scalar value starting at `i` of valid UTF-8 and its length in bytes.
@inline(__always)
func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
    if b0 < 0xF0 {
        return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
    }
    return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F), 4)
}

/// Calls `body` with each line's byte range (without its end) and 1-based number, splitting on \n, \r\n or
/// \r and keeping empty lines, so numbering matches the file: n separators give n + 1 lines.
func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int) throws -> Void) rethrows {
    var start = 0, i = 0, number = 1
    let count = bytes.count
    while i < count {
        let b = bytes[i]
        if b > 0x0D || (b != 0x0A && b != 0x0D) { i += 1; continue }
        try body(start..<i, number)
        number += 1
        i += b == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A ? 2 : 1
        start = i
    }
    try body(start..<count, number)
}

/// Splits text into lines on \n, \r\n or \r, keeping empty lines so numbering matches the file.
func splitLines(_ text: String) -> [Substring] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes in
        var lines: [Substring] = []
        let utf8 = text.utf8
        forEachLine(bytes) { range, _ in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            lines.append(text[lower..<upper])
        }
        return lines
    }!
}

extension StringProtocol {
    /// The string with leading and trailing white space (including NBSP) removed.
    var trimmed: String { trimmed(newlines: true) }

    /// The string without leading and trailing scalars of `CharacterSet.whitespaces`, or with `newlines` of
    /// `.whitespacesAndNewlines`; the same as `trimmingCharacters(in:)` with that set.
    func trimmed(newlines: Bool) -> String {
        if let result = utf8.withContiguousStorageIfAvailable({ bytes -> String in
            let range = trimmedRange(bytes, 0..<bytes.count, newlines: newlines)
            if range.count == bytes.count, let string = self as? String { return string }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }) {
            return result
        }
        var contiguous = String(self)
        contiguous.makeContiguousUTF8()
        return contiguous.trimmed(newlines: newlines)
    }
}
