/// Reads one JSON Lines record straight from its UTF-8 bytes, keeping only the `RecordKey` fields.
///
/// It is strict JSON (RFC 8259) and deliberately narrower than `JSONSerialization`: it answers nil, and the
/// reader falls back to `JSONSerialization`, for anything it cannot read to exactly the same values — a line
/// that is not one object, invalid or lenient JSON (trailing commas, leading zeros, …), a key with an escape
/// or a non-ASCII byte it would have to compare, a record field given twice, a record field that is not a
/// string, null, an integer of up to 15 digits (other than -0), or for list fields (`authors`, `references`,
/// `referenced_works`) a list of strings, a number elsewhere with an exponent or more than 15 digits (which
/// `JSONSerialization` may refuse), `\u0000`, a lone surrogate, or nesting deeper than 64. Values of other
/// fields are checked but not kept.
struct JSONRecordScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The record fields of one line (indexed by `RecordKey.index`), or nil where `JSONSerialization` must read it.
    static func fields(of line: UnsafeBufferPointer<UInt8>) -> [FieldValue]? {
        var scanner = JSONRecordScanner(line)
        return scanner.record()
    }

    private static let maxDepth = 64
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let maxDigits = 15

    private enum Byte {
        static let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, comma: UInt8 = 0x2C, colon: UInt8 = 0x3A
        static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
        static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
        static let minus: UInt8 = 0x2D, plus: UInt8 = 0x2B, dot: UInt8 = 0x2E, zero: UInt8 = 0x30, nine: UInt8 = 0x39
    }

    /// The byte at `j`, or 0 past the end (0 is never valid where it is looked at).
    @inline(__always) private func at(_ j: Int) -> UInt8 { j < bytes.count ? bytes[j] : 0 }

    @inline(__always) private mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            i += 1
        }
    }

    private mutating func record() -> [FieldValue]? {
        guard at(i) == Byte.openBrace else { return nil }
        i += 1
        var values = [FieldValue](repeating: .missing, count: RecordKey.allCases.count)
        var seen: UInt8 = 0
        skipSpace()
        if at(i) == Byte.closeBrace {
            i += 1
        } else {
            while true {
                guard at(i) == Byte.quote, let key = scanString() else { return nil }
                skipSpace()
                guard at(i) == Byte.colon else { return nil }
                i += 1
                skipSpace()
                switch match(key) {
                case let .field(field):
                    let bit: UInt8 = 1 << UInt8(field.index)
                    guard seen & bit == 0, let value = fieldValue(list: field.isList) else { return nil }
                    seen |= bit
                    values[field.index] = value
                case .other:
                    guard skipValue(depth: 1) else { return nil }
                case .refused:
                    return nil
                }
                skipSpace()
                let b = at(i)
                i += 1
                if b == Byte.closeBrace { break }
                guard b == Byte.comma else { return nil }
                skipSpace()
            }
        }
        skipSpace()
        return i == bytes.count ? values : nil
    }

    private enum KeyMatch { case field(RecordKey), other, refused }

    /// The record keys' bytes, by `RecordKey.index`.
    private static let keyBytes: [[UInt8]] = RecordKey.allCases.map { Array($0.rawValue.utf8) }

    /// The record field a key names, or another key. A key with an escape, or a non-ASCII byte, is refused
    /// (the record is left to `JSONSerialization`) rather than decoded and compared.
    private func match(_ key: (range: Range<Int>, escaped: Bool)) -> KeyMatch {
        guard !key.escaped else { return .refused }
        let raw = UnsafeBufferPointer(rebasing: bytes[key.range])
        for field in RecordKey.allCases {
            let name = Self.keyBytes[field.index]
            if name.count == raw.count && name.elementsEqual(raw) { return .field(field) }
        }
        return raw.contains { $0 >= 0x80 } ? .refused : .other
    }

    /// Scans a string starting at its opening quote; its contents' range and whether it holds escapes.
    private mutating func scanString() -> (range: Range<Int>, escaped: Bool)? {
        i += 1
        let start = i
        var escaped = false
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i < bytes.count {
            // Eight bytes at a time while none is a quote, a backslash or a control character (SWAR test,
            // which may flag a byte after a real one, never miss one; flagged words go byte by byte).
            while i + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let quote = word ^ 0x2222_2222_2222_2222, backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let special = ((quote &- Self.ones) & ~quote) | ((backslash &- Self.ones) & ~backslash)
                    | ((word &- Self.ones &* 0x20) & ~word)
                guard special & Self.highBits == 0 else { break }
                i += 8
            }
            guard i < bytes.count else { break }
            let b = bytes[i]
            if b == Byte.quote {
                i += 1
                return (start..<i - 1, escaped)
            }
            if b == Byte.backslash {
                escaped = true
                guard let length = escapeLength(at: i) else { return nil }
                i += length
            } else {
                guard b >= 0x20 else { return nil }
                i += 1
            }
        }
        return nil
    }

    /// The length of a valid escape starting at the backslash at `j` (a surrogate pair counts as one), or
    /// nil for an invalid one, a lone surrogate or `\u0000`.
    private func escapeLength(at j: Int) -> Int? {
        switch at(j + 1) {
        case Byte.quote, Byte.backslash, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: return 2
        case 0x75:
            guard let unit = hex4(at: j + 2), unit != 0 else { return nil }
            if unit >= 0xDC00 && unit <= 0xDFFF { return nil }
            guard unit >= 0xD800 && unit <= 0xDBFF else { return 6 }
            guard at(j + 6) == Byte.backslash, at(j + 7) == 0x75, let low = hex4(at: j + 8),
                  low >= 0xDC00 && low <= 0xDFFF else { return nil }
            return 12
        default: return nil
        }
    }

    private func hex4(at j: Int) -> UInt32? {
        var value: UInt32 = 0
        for k in j..<j + 4 {
            let b = at(k)
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The text of a scanned string, escapes decoded.
    private func decode(_ string: (range: Range<Int>, escaped: Bool)) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[string.range])
        guard string.escaped else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var j = string.range.lowerBound
        while j < string.range.upperBound {
            let b = bytes[j]
            guard b == Byte.backslash else { out.append(b); j += 1; continue }
            let e = bytes[j + 1]
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var value = hex4(at: j + 2)!
                var length = 6
                if value >= 0xD800 && value <= 0xDBFF {
                    value = 0x10000 + (value - 0xD800) << 10 + (hex4(at: j + 8)! - 0xDC00)
                    length = 12
                }
                out.append(contentsOf: UTF8.encode(Unicode.Scalar(value)!)!)
                j += length
                continue
            default: out.append(e)  // \" \\ \/
            }
            j += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A record field's value: a string, null, a short integer, or for a list field a list of strings.
    private mutating func fieldValue(list: Bool) -> FieldValue? {
        switch at(i) {
        case Byte.quote:
            return scanString().map { .text(decode($0)) }
        case 0x6E:
            return literal("null") ? .missing : nil
        case Byte.openBracket where list:
            i += 1
            skipSpace()
            var list: [String] = []
            if at(i) == Byte.closeBracket { i += 1; return .strings(list) }
            while true {
                guard at(i) == Byte.quote, let string = scanString() else { return nil }
                list.append(decode(string))
                skipSpace()
                let b = at(i)
                i += 1
                if b == Byte.closeBracket { return .strings(list) }
                guard b == Byte.comma else { return nil }
                skipSpace()
            }
        case Byte.minus where !list, Byte.zero...Byte.nine where !list:
            // JSONSerialization gives an NSNumber whose stringValue is the integer as written, except -0.
            let start = i
            guard scanNumber() == false, !(bytes[start] == Byte.minus && bytes[start + 1] == Byte.zero) else {
                return nil
            }
            return .text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        default:
            return nil
        }
    }

    /// Scans a number in JSON's grammar and tells whether it has a fraction; nil for an invalid one, one with
    /// an exponent, or one with more than 15 digits.
    private mutating func scanNumber() -> Bool? {
        if at(i) == Byte.minus { i += 1 }
        let integerStart = i
        if at(i) == Byte.zero {
            i += 1
        } else {
            guard at(i) >= 0x31 && at(i) <= Byte.nine else { return nil }
            while at(i) >= Byte.zero && at(i) <= Byte.nine { i += 1 }
        }
        var digits = i - integerStart
        var fraction = false
        if at(i) == Byte.dot {
            i += 1
            let fractionStart = i
            while at(i) >= Byte.zero && at(i) <= Byte.nine { i += 1 }
            guard i > fractionStart else { return nil }
            digits += i - fractionStart
            fraction = true
        }
        let b = at(i)
        guard b != 0x65 && b != 0x45, digits <= Self.maxDigits else { return nil }
        return fraction
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] { return false }
        i += count
        return true
    }

    /// Checks and skips any value.
    private mutating func skipValue(depth: Int) -> Bool {
        switch at(i) {
        case Byte.quote:
            return scanString() != nil
        case Byte.openBrace:
            guard depth < Self.maxDepth else { return false }
            i += 1
            skipSpace()
            if at(i) == Byte.closeBrace { i += 1; return true }
            while true {
                guard at(i) == Byte.quote, scanString() != nil else { return false }
                skipSpace()
                guard at(i) == Byte.colon else { return false }
                i += 1
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                let b = at(i)
                i += 1
                if b == Byte.closeBrace { return true }
                guard b == Byte.comma else { return false }
                skipSpace()
            }
        case Byte.openBracket:
            guard depth < Self.maxDepth else { return false }
            i += 1
            skipSpace()
            if at(i) == Byte.closeBracket { i += 1; return true }
            while true {
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                let b = at(i)
                i += 1
                if b == Byte.closeBracket { return true }
                guard b == Byte.comma else { return false }
                skipSpace()
            }
        case 0x74: return literal("true")
        case 0x66: return literal("false")
        case 0x6E: return literal("null")
        case Byte.minus, Byte.zero...Byte.nine: return scanNumber() != nil
        default: return false
        }
    }
}
