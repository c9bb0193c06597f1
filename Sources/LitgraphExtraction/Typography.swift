/// Typographic punctuation written as its ASCII counterpart before extraction, so that quotes, dashes and
/// no-break spaces end words the way ASCII ones do: “CompCars” is the name CompCars, and Montezuma’s Revenge
/// is Montezuma's Revenge. Without it their UTF-8 bytes (≥ 0x80) would count as word bytes and hide the name.
enum Typography {
    /// Rewrites, in place, U+2018/2019/201A/2032 as `'`, U+201C/201D/201E/2033 as `"`, U+2010–2015 and
    /// U+2212 as `-`, and U+00A0, U+2009, U+200A, U+202F as a space. Other bytes are kept. One pass over the
    /// bytes, O(n); text without those characters (most of it) is left untouched and not copied.
    static func asciiPunctuation(_ text: inout [UInt8]) {
        guard mayNeedRewrite(text) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b == 0xC2, i + 1 < n, text[i + 1] == 0xA0 {
                out.append(32); i += 2; continue
            }
            if b == 0xE2, i + 2 < n, let ascii = replacement(text[i + 1], text[i + 2]) {
                out.append(ascii); i += 3; continue
            }
            out.append(b)
            i += 1
        }
        text = out
    }

    /// Whether `text` holds a 0xE2 or 0xC2 byte, which every rewritten character starts with: eight bytes at
    /// a time (SWAR), as nearly every text has none and this test reads all of it; eight ASCII bytes (most of
    /// any abstract) are passed over on their high bits alone. O(n / 8).
    static func mayNeedRewrite(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { t in
            let n = t.count
            var i = 0
            while i &+ 8 <= n {
                let w = UnsafeRawPointer(t.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 && Byte.equalBytes(w, 0xE2) | Byte.equalBytes(w, 0xC2) != 0 {
                    return true
                }
                i &+= 8
            }
            while i < n { if t[i] == 0xE2 || t[i] == 0xC2 { return true }; i += 1 }
            return false
        }
    }

    /// The ASCII byte for the three-byte character E2 `b1` `b2`, or nil to keep it.
    static func replacement(_ b1: UInt8, _ b2: UInt8) -> UInt8? {
        switch (b1, b2) {
        case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9A), (0x80, 0xB2): return 39     // ‘ ’ ‚ ′
        case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E), (0x80, 0xB3): return 34     // “ ” „ ″
        case (0x80, 0x90...0x95), (0x88, 0x92): return 45                          // ‐ ‑ ‒ – — ― −
        case (0x80, 0x89), (0x80, 0x8A), (0x80, 0xAF): return 32                   // thin, hair, narrow no-break space
        default: return nil
        }
    }
}
