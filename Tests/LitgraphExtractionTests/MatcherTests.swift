import Testing
@testable import LitgraphExtraction

/// A matcher over a few names, each hit reported as the text it covers.
func found(_ names: [(String, Bool)], in text: String) -> [String] {
    let matcher = Matcher(patterns: names.enumerated().map { MatcherPattern($1.0, exactCase: $1.1, value: Int32($0)) })
    let bytes = Array(text.utf8)
    let hits = matcher.matches(in: text)
    // Extraction reads first words from the tokenizer's keys; both ways must find the same hits.
    let viaTokens = bytes.withUnsafeBufferPointer { matcher.matches(in: $0, tokens: tokenize($0)) }
    #expect(viaTokens == hits)
    // Patterns led by a function word are looked for from their second word; filed under the first, the
    // same hits.
    let firstWordOnly = Matcher(patterns: matcher.patterns, fileUnderSecondWord: false)
    #expect(firstWordOnly.matches(in: text) == hits)
    return hits.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}

@Suite struct MatcherTests {
    @Test func longestMatchKeepsVersionsApart() {
        let names = [("DrQ", false), ("DrQ-v2", false)]
        #expect(found(names, in: "We compare DrQ-v2 with DrQ.") == ["DrQ-v2", "DrQ"])
        // A version suffix the catalogue does not know is still not the base name.
        #expect(found(names, in: "DrQ-v3 and DrQ-based agents") == ["DrQ"])
    }

    @Test func leftmostThenLongestAmongOverlaps() {
        let names = [("DeepMind Control", false), ("DeepMind Control Suite", false), ("Control Suite", false)]
        #expect(found(names, in: "the DeepMind Control Suite tasks") == ["DeepMind Control Suite"])
        #expect(found(names, in: "the DeepMind Control tasks") == ["DeepMind Control"])
    }

    @Test func wholeWordsOnly() {
        let names = [("SAC", true), ("RAD", true), ("COCO", true)]
        #expect(found(names, in: "SACRED gRADient COCOA") == [])
        #expect(found(names, in: "SAC, RAD and COCO.") == ["SAC", "RAD", "COCO"])
        #expect(found(names, in: "(SAC) [RAD] \"COCO\"") == ["SAC", "RAD", "COCO"])
        #expect(found(names, in: "naïveSAC SACé") == [])
    }

    @Test func exactCaseForShortAndAmbiguousNames() {
        let names = [("SAC", true), ("Habitat", true), ("ImageNet", false)]
        #expect(found(names, in: "the sac of habitat loss") == [])
        #expect(found(names, in: "SAC in Habitat on imagenet and IMAGENET") == ["SAC", "Habitat", "imagenet", "IMAGENET"])
    }

    /// A lower-case word skips the walk for exact-case names with capitals ("IS", "The"), but not the walks
    /// for longer names it begins ("is-bench", "The Pile") or case-less ones under the same word ("is+").
    @Test func lowerCaseWordsAndExactCaseNames() {
        let names = [("IS", true), ("is-bench", false), ("The", true), ("The Pile", false), ("aim", false), ("AIM", true)]
        #expect(found(names, in: "it is good; is-bench is the pile, IS and The") == ["is-bench", "the pile", "IS", "The"])
        #expect(found(names, in: "our aim is AIM") == ["aim", "AIM"])
    }

    @Test func separatorsAreInterchangeable() {
        let names = [("Meta-World", false), ("Atari 100k", false)]
        #expect(found(names, in: "Meta World, Meta-World and Atari-100k, Atari\n100k") ==
            ["Meta World", "Meta-World", "Atari-100k", "Atari\n100k"])
    }

    @Test func tokenContinuationsAreNotBoundaries() {
        let names = [("GPT-4", false), ("TD3", true), ("CNN", true), ("CLIP", true), ("PPO", true)]
        #expect(found(names, in: "GPT-4.5 GPT-4o GPT-4V TD3+BC R-CNN") == [])
        #expect(found(names, in: "GPT-4. TD3, CNN-based CLIP-style PPO's") == ["GPT-4", "TD3", "CNN", "CLIP", "PPO"])
    }

    @Test func modelSizesAreNotNewVersions() {
        let names = [("LLaVA", false), ("Qwen2-VL", false), ("GPT-4", false)]
        #expect(found(names, in: "LLaVA-7b, Qwen2-VL-72B and LLaVA-1.5B") == ["LLaVA", "Qwen2-VL", "LLaVA"])
        #expect(found(names, in: "LLaVA-7bx GPT-4-1106") == [])
        // A size written as a word, in any case; "XL" and other capitals after a hyphen continue the name.
        let words = [("BERT", true), ("ViT", true), ("Transformer", false), ("STS", true)]
        #expect(found(words, in: "BERT-Large, BERT-large, ViT-Base/16, ViT-HUGE and BERT-Tiny.") ==
            ["BERT", "BERT", "ViT", "ViT", "BERT"])
        #expect(found(words, in: "Transformer-XL, STS-B, BERT-Larger, BERT-Base2, ViT-Basement") == [])
    }

    @Test func nonASCIINamesAndText() {
        let names = [("π0", false), ("Mask R-CNN", false), ("R-CNN", false)]
        #expect(found(names, in: "We fine-tune π0 and Mask R-CNN – not R-CNN.") == ["π0", "Mask R-CNN", "R-CNN"])
    }

    @Test func patternsLedByFunctionWords() {
        let names = [("The Pile", false), ("Pile", true), ("A-OKVQA", false), ("We-Math", false), ("IS-A", true),
                     ("the", true), ("Open X-Embodiment", false), ("The Open", false)]
        #expect(found(names, in: "We train on the Pile, The Pile and Pile.") == ["the Pile", "The Pile", "Pile"])
        #expect(found(names, in: "A-OKVQA and A OKVQA, a-okvqa; We-Math and we math.") ==
            ["A-OKVQA", "A OKVQA", "a-okvqa", "We-Math", "we math"])
        // A function word that is a pattern itself still matches; the longer pattern wins where it goes on.
        #expect(found(names, in: "the the Pile the") == ["the", "the Pile", "the"])
        // Two function words: filed under the first as usual.
        #expect(found(names, in: "it IS-A test, IS A") == ["IS-A", "IS A"])
        // Leftmost first: "The Open" is found before "Open X-Embodiment" can start.
        #expect(found(names, in: "The Open X-Embodiment and Open X-Embodiment") == ["The Open", "Open X-Embodiment"])
        // Not across two separators, nor after a hit that ends on the function word.
        #expect(found(names, in: "the  Pile, the - Pile") == ["the", "Pile", "the", "Pile"])
    }

    @Test func emptyAndPatternlessInputs() {
        #expect(found([], in: "anything") == [])
        #expect(found([("A", true)], in: "") == [])
    }
}

@Suite struct AcronymDefinitionTests {
    func definitions(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { t in
            AcronymDefinitions.find(in: t).map {
                t.string($0.longStart, $0.longEnd) + " = " + t.string($0.shortStart, $0.shortEnd)
            }
        }
    }

    @Test func schwartzHearstOnRealSentences() {
        #expect(definitions("we use Proximal Policy Optimization (PPO) to train") == ["Proximal Policy Optimization = PPO"])
        #expect(definitions("We introduce Visual Reinforcement Fine-Tuning (Visual-RFT), which") ==
            ["Visual Reinforcement Fine-Tuning = Visual-RFT"])
        #expect(definitions("a novel approach called Data-regularized Q (DrQ) that") == ["Data-regularized Q = DrQ"])
        #expect(definitions("Model-based reinforcement learning (RL) algorithms") == ["reinforcement learning = RL"])
    }

    @Test func notDefinitions() {
        #expect(definitions("as shown before (2021) and (e.g. this) or (see Fig. 3)") == [])
        #expect(definitions("on the benchmark (ours) with agents (PPO; Schulman et al.)") == [])
    }
}

@Suite struct NameShapeTests {
    func isName(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { NameShape.isName($0, 0, b.count) }
    }

    @Test func coinedNames() {
        for name in ["DrQ", "MoDem", "ManiSkill2", "VIBR", "RL-VLM-F", "V*", "Visual-RFT", "R2D2", "DreamerV3", "MENTOR",
                     "A^2Nav", "CAD^2RL", "SO(3)"] {
            #expect(isName(name), "\(name)")
        }
    }

    @Test func genericTermsAndTitleCase() {
        for word in ["RL", "VLMs", "LLM", "Model-Based", "Vision-Language", "3D", "100K", "Learning", "RL-based", "SOTA", "a",
                     "SVD-based", "LexiNet-tagged", "DNN)-based", "Decomposition(CAD", "\\sqrt{AT", "$O(N", "IMU", "NP-hard"] {
            #expect(!isName(word), "\(word)")
        }
    }
}

@Suite struct WordKeyTests {
    /// A key made from bytes with 16 readable bytes ahead (two 8-byte loads) equals the key of the same word at
    /// the end of a text (byte by byte), for every case, punctuation, non-ASCII byte and length up to 17.
    @Test func bothLoadPathsMakeTheSameKey() {
        let words = ["of", "The", "DrQ-v2", "ManiSkill2", "RL", "co-training", "Ω-net", "état", "abcdefghijklmnop",
                     "ABCDEFGHIJKLMNOPQ", "x", "", "e.g.", "GPT-4V"]
        for word in words {
            let bytes = Array(word.utf8)
            let padded = bytes + Array(repeating: 0x41, count: 16) // room ahead, filled with capitals
            let wide = padded.withUnsafeBufferPointer { WordKey($0, 0, bytes.count) }
            let tight = bytes.withUnsafeBufferPointer { WordKey($0, 0, bytes.count) }
            #expect(wide.equals(tight) && wide.hash == tight.hash, "\(word)")
        }
        let set = WordSet(["of", "the", "drq-v2"])
        let text = Array("Of THE DrQ-v2 off".utf8)
        let found = text.withUnsafeBufferPointer { t in
            [(0, 2), (3, 6), (7, 13), (14, 17)].map { set.contains(t, $0.0, $0.1) }
        }
        #expect(found == [true, true, true, false])
    }
}

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { t in tokenize(t).map { t.string($0.start, $0.end) } }
    }

    /// "'s" and "’s" leave a word of more than one letter; short tokens and bare quotes stay as they are.
    @Test func possessivesAndShortTokens() {
        #expect(words("DeepMind's agent, OpenAI’s model") == ["DeepMind", "agent", "OpenAI", "model"])
        // "it's" loses its "'s" like any word of four bytes or more; "a's" is too short. A possessive before
        // punctuation stays ("Bob's."), as the possessive is looked for before trailing punctuation is trimmed.
        #expect(words("it's a's 's ’s x ( ) (s) Bob's. ok") == ["it", "a's", "s", "’s", "x", "s", "Bob's", "ok"])
    }

    /// `tokenize` reads a plain lower-case word (perhaps with one mark after it) from one 16-byte load when 16
    /// bytes lie ahead of it before the limit, and by its general path otherwise: both readings of the same
    /// raw token, the second with the limit just after the blank that ends it, must agree in every field. The
    /// raw tokens are those the quick reading takes, and those it must leave (capitals, two marks, a
    /// possessive, a leading bracket, non-ASCII, 15 and 16 bytes, a control byte).
    @Test func plainWordsReadQuicklyAsInFull() {
        let raw = ["model", "model,", "model.", "models;", "a", "a.", "x)", "e.g.", "i.e.,", "dogs'", "policy's",
                   "Model", "DrQ-v2", "(model", "state-of-the-art", "fifteenletterss", "sixteenletterssx",
                   "fourteenletter,", "ünder", "model\u{1}", ",", "..", "what?", "end!", "rl:"]
        func first(_ s: String, _ blank: String, ahead: Bool) -> Token? {
            let text = Array((s + blank + String(repeating: "z", count: 20)).utf8)
            let limit = ahead ? text.count : s.utf8.count + 1
            // The token of `s`, if any (not the padding's).
            return text.withUnsafeBufferPointer { t in tokenize(t, from: 0, to: limit).first { $0.start < s.utf8.count } }
        }
        for s in raw {
            for blank in [" ", "\n", "\t"] {
                let quick = first(s, blank, ahead: true), full = first(s, blank, ahead: false)
                #expect(quick?.start == full?.start && quick?.end == full?.end, "\(s)")
                guard let q = quick, let f = full else { continue }
                #expect(q.trailing == f.trailing && q.endsSentence == f.endsSentence && q.key.equals(f.key)
                        && q.key.hash == f.key.hash && q.capitals == f.capitals && q.mayBeURL == f.mayBeURL
                        && q.nameMarked == f.nameMarked && q.wordLength == f.wordLength && q.wordHash == f.wordHash,
                        "\(s)")
            }
        }
    }
}

/// `Byte.next` and `Extractor.find` search 16 bytes at a time, then 8, then one by one near the end: each
/// against a plain byte-by-byte search, at every start, over texts of every length from 0 to 40 made of a
/// few letters, blanks and hyphens (a fixed linear congruential sequence), so that matches fall in each
/// stride and on every word-boundary case.
@Suite struct ByteSearchTests {
    func texts() -> [[UInt8]] {
        let alphabet = Array("ab -".utf8)
        var state: UInt64 = 12345
        var result: [[UInt8]] = []
        for length in 0...40 {
            for _ in 0..<6 {
                result.append((0..<length).map { _ in
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    return alphabet[Int(state >> 33) % alphabet.count]
                })
            }
        }
        return result
    }

    @Test func nextByteAsByteByByte() {
        for text in texts() {
            text.withUnsafeBufferPointer { t in
                for from in 0...t.count {
                    for byte in Array("ab-".utf8) {
                        let expected = (from..<t.count).first { t[$0] == byte } ?? t.count
                        #expect(Byte.next(byte, in: t, from: from) == expected)
                    }
                }
            }
        }
    }

    /// The first whole-word occurrence at or after `from`, position by position. Whole word: no word byte
    /// before; after it, no word byte, nor a "-" followed by one (letters are the alphabet's only word bytes).
    func naiveFind(_ needle: [UInt8], in t: [UInt8], from: Int) -> Range<Int>? {
        func isWord(_ k: Int) -> Bool { t[k] != 32 && t[k] != 45 }
        var i = from
        while i + needle.count <= t.count {
            let end = i + needle.count
            let before = i == 0 || !isWord(i - 1)
            let after = end == t.count || !(isWord(end) || (t[end] == 45 && end + 1 < t.count && isWord(end + 1)))
            if Array(t[i..<end]) == needle && before && after { return i..<end }
            i += 1
        }
        return nil
    }

    @Test func wholeWordFindAsByteByByte() {
        let needles = ["a", "ab", "ba", "aab", "a-b", "b a"].map { Array($0.utf8) }
        for text in texts() {
            for needle in needles {
                for from in 0...text.count {
                    let found = text.withUnsafeBufferPointer { t in
                        needle.withUnsafeBufferPointer { Extractor.find($0, in: t, from: from) }
                    }
                    #expect(found == naiveFind(needle, in: text, from: from))
                }
            }
        }
    }
}
