/// Typographic punctuation written as its ASCII counterpart before extraction, so that quotes, dashes and
/// no-break spaces end words the way ASCII ones do: “CompCars” is the name CompCars, and Montezuma’s Revenge
/// is Montezuma's Revenge. Without it their UTF-8 bytes (≥ 0x80) would count as word bytes and hide the name.
enum Typography {
    /// Rewrites, in place, U+2018/2019/201A/2032 as `'`, U+201C/201D/201E/2033 as `"`, U+2010–2015 and
    /// U+2212 as `-`, and U+00A0, U+2009, U+200A, U+202F as a space. Other bytes are kept. One pass over the
    /// bytes, O(n); text without those characters (most of it) is left untouched and not copied.
    static func asciiPunctuation(_ text: inout [UInt8]) {
        guard mayNeedRewrite(text) else { return }
        // In place: a rewrite only shortens, so the write position never passes the read position. Eight
        // ASCII bytes at a time are copied as one word (most of a text that has a character to rewrite).
        let n = text.count
        let written = text.withUnsafeMutableBufferPointer { t -> Int in
            let base = UnsafeMutableRawPointer(t.baseAddress!)
            var r = 0, w = 0
            while r < n {
                if r &+ 8 <= n {
                    let word = base.loadUnaligned(fromByteOffset: r, as: UInt64.self)
                    if word & SWAR.high == 0 {
                        if w != r { base.storeBytes(of: word, toByteOffset: w, as: UInt64.self) }
                        r &+= 8; w &+= 8
                        continue
                    }
                }
                let b = t[r]
                if b == 0xC2, r + 1 < n, t[r + 1] == 0xA0 {
                    t[w] = 32; w &+= 1; r &+= 2; continue
                }
                if b == 0xE2, r + 2 < n, let ascii = replacement(t[r + 1], t[r + 2]) {
                    t[w] = ascii; w &+= 1; r &+= 3; continue
                }
                t[w] = b
                w &+= 1; r &+= 1
            }
            return w
        }
        text.removeLast(n - written)
    }

    /// Whether `text` holds a 0xE2 or 0xC2 byte, which every rewritten character starts with: sixteen bytes at
    /// a time while they are all ASCII (one test of their high bits, two words at once: most of any abstract),
    /// else eight (SWAR), as nearly every text has none and this test reads all of it. O(n / 16).
    static func mayNeedRewrite(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { t in
            let n = t.count
            var i = 0
            while i &+ 16 <= n {
                let p = UnsafeRawPointer(t.baseAddress! + i)
                let w = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                if w & SWAR.high != 0 { break } // a non-ASCII byte: the eight-byte test below decides
                i &+= 16
            }
            while i &+ 8 <= n {
                let w = UnsafeRawPointer(t.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & SWAR.high != 0 && SWAR.equal(w, 0xE2) | SWAR.equal(w, 0xC2) != 0 {
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
