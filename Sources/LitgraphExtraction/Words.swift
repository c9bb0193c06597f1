/// A word as the extraction rules compare it: its bytes lower-cased (ASCII letters only), packed into two
/// integers, with its length and a hash of both. Tokens carry one, computed once by `tokenize`, so that
/// asking whether a token is one of a list of words is one hash probe instead of a comparison per listed
/// word. Only words of at most `WordKey.maxLength` bytes are packed; a longer word keeps its length, which
/// no listed word has, so it matches none.
struct WordKey: Sendable {
    /// The longest word a `WordSet` may hold.
    static let maxLength = 16

    var lo: UInt64
    var hi: UInt64
    var length: Int32
    var hash: UInt32

    /// The key of the bytes [s, e) of `t`. O(min(e - s, 16)): two 8-byte loads, masked and lower-cased eight
    /// bytes at a time (SWAR), where 16 bytes from `s` lie inside `t`; else byte by byte.
    @inline(__always) init(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) {
        let n = e - s
        if n >= 0 && n <= Self.maxLength && s >= 0 && s &+ 16 <= t.count, let base = t.baseAddress {
            let (w0, w1) = SWAR.load(UnsafeRawPointer(base + s), masks: SWAR.prefix(n))
            self.init(lo: SWAR.lowerASCII(w0), hi: SWAR.lowerASCII(w1), length: n)
        } else {
            self.init(t.baseAddress.map { $0 + s }, count: n)
        }
    }

    /// The key of bytes already lower-cased and packed (first byte lowest) into `lo` and `hi`.
    @inline(__always) init(lo: UInt64, hi: UInt64, length n: Int) {
        self.init(lo: lo, hi: hi, length: n, firstWordsHash: FirstWords.hash(lo: lo, hi: hi, length: n))
    }

    /// The same key, given `FirstWords.hash(lo:hi:length:)` of it, which `tokenize` has already made for the
    /// matcher when the token is all word bytes: one hash per token serves both.
    @inline(__always) init(lo: UInt64, hi: UInt64, length n: Int, firstWordsHash h: UInt64) {
        self.lo = lo
        self.hi = hi
        self.length = Int32(clamping: n)
        self.hash = UInt32(truncatingIfNeeded: h >> 32)
    }

    /// The hash of a packed key: the high half of the matcher's `FirstWords` hash of the same chunks (a
    /// multiply-xorshift mix, whose high bits depend on every byte). Keys of different lengths may collide;
    /// `equals` compares lengths.
    @inline(__always) static func hash(_ lo: UInt64, _ hi: UInt64, _ length: Int32) -> UInt32 {
        UInt32(truncatingIfNeeded: FirstWords.hash(lo: lo, hi: hi, length: Int(length)) >> 32)
    }

    /// The key of `count` bytes at `p`.
    @inline(__always) init(_ p: UnsafePointer<UInt8>?, count n: Int) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        if n <= Self.maxLength, let p {
            var k = 0
            while k < n && k < 8 { lo |= UInt64(Byte.lower(p[k])) &<< UInt64(8 &* k); k &+= 1 }
            while k < n { hi |= UInt64(Byte.lower(p[k])) &<< UInt64(8 &* (k &- 8)); k &+= 1 }
        }
        self.lo = lo
        self.hi = hi
        self.length = Int32(clamping: n)
        self.hash = Self.hash(lo, hi, length)
    }

    @inline(__always) func equals(_ other: WordKey) -> Bool {
        lo == other.lo && hi == other.hi && length == other.length
    }
}

/// A fixed list of lower-case words, built once, that answers "is this token one of them?" with one probe
/// of an open-addressing hash table (at most a quarter full): O(1) per question, where a linear scan of the
/// list compared the token with every word. A byte per slot (0 when empty, else bits of the key's hash)
/// settles nearly every probe for a word not in the list, which is the usual answer, without touching keys.
struct WordSet: Sendable {
    private let keys: [WordKey]
    private let tags: [UInt8]
    private let mask: Int

    init(_ words: [StaticString]) {
        self.init(keys: words.map { w in
            precondition(w.utf8CodeUnitCount <= WordKey.maxLength, "word list entries are at most 16 bytes")
            return WordKey(w.utf8Start, count: w.utf8CodeUnitCount)
        })
    }

    /// The words of all `sets`: one probe answers whether a token is in any of them.
    init(union sets: [WordSet]) {
        self.init(keys: sets.flatMap { set in set.tags.indices.filter { set.tags[$0] != 0 }.map { set.keys[$0] } })
    }

    private init(keys words: [WordKey]) {
        var size = 8
        while size < words.count * 4 { size *= 2 }
        var keys = [WordKey](repeating: WordKey(lo: 0, hi: 0, length: 0), count: size)
        var tags = [UInt8](repeating: 0, count: size)
        for key in words {
            var i = Int(key.hash) & (size - 1)
            while tags[i] != 0, !keys[i].equals(key) { i = (i + 1) & (size - 1) }
            keys[i] = key
            tags[i] = Self.tag(key)
        }
        self.keys = keys
        self.tags = tags
        self.mask = size - 1
    }

    /// A slot's tag: the top bits of the key's hash (the slot index takes the low ones), never 0.
    @inline(__always) private static func tag(_ key: WordKey) -> UInt8 { UInt8(truncatingIfNeeded: key.hash >> 24) | 1 }

    /// Whether the token, lower-cased, is one of the words.
    @inline(__always) func contains(_ tok: Token) -> Bool { contains(tok.key) }

    /// Slots are read without bounds tests: an index is masked by `mask`, one less than the tables' size.
    @inline(__always) func contains(_ key: WordKey) -> Bool {
        guard Int(key.length) <= WordKey.maxLength else { return false }
        let tag = Self.tag(key)
        var i = Int(key.hash) & mask
        return tags.withUnsafeBufferPointer { tags in
            keys.withUnsafeBufferPointer { keys in
                while true {
                    let slot = tags[i]
                    if slot == 0 { return false }
                    if slot == tag && keys[i].equals(key) { return true }
                    i = (i &+ 1) & mask
                }
            }
        }
    }

    /// Whether the bytes [s, e) of `t`, lower-cased, are one of the words.
    @inline(__always) func contains(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        e - s <= WordKey.maxLength && contains(WordKey(t, s, e))
    }
}
