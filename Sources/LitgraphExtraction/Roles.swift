/// Decides how a paper relates to one mention of an entity from the words around it: a comparison
/// ("outperforms X", "than X", "X baselines"), a use ("on X", "using X", "fine-tune X", "X-based"), or a
/// mention in a sentence about other work (no "we"/"our"). Linear in the sentence.
enum RoleRules {
    static let compareBefore = WordSet([
        "outperforms", "outperform", "outperforming", "outperformed", "surpasses", "surpass", "surpassing", "than",
        "versus", "vs", "against", "compared", "beats", "beating", "over", "baselines", "baseline", "rivals",
        "matches", "exceeds", "exceeding",
    ])
    static let useBefore = WordSet([
        "on", "using", "use", "uses", "used", "with", "via", "upon", "atop", "fine-tune", "fine-tuning", "finetune",
        "finetuning", "fine-tunes", "train", "trained", "training", "leverage", "leverages", "leveraging", "adopt",
        "adopts", "employ", "employs", "employing", "in", "across", "from", "apply", "applying", "applied",
        "evaluate", "evaluated", "evaluating", "benchmark", "test", "tested", "extends", "extend", "extending",
        "initialize", "initialized", "built", "build", "based", "into", "through", "utilize", "utilizing",
    ])
    static let compareAfter = WordSet(["baseline", "baselines"])
    static let firstPerson = WordSet(["we", "our", "us", "ours"])
    /// Use words that also occur in mere mentions of other work.
    static let looseUses = WordSet(["in", "from", "with"])

    /// The role of the mention whose first token is `index`, of an entity of `type`. One compares with methods,
    /// not with data: a comparison word before a dataset or benchmark means it is used ("outperforms prior
    /// methods on Dark Zurich"); before a method, anywhere in the window, that it is compared with
    /// ("outperforms baselines based on BERT"). The title (the first sentence) speaks of the paper's own work.
    static func role(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], at index: Int, end: Int,
                     type: EntityType = .method) -> MentionRole {
        guard index < tokens.count else { return .uses }
        // The sentence around the mention.
        let s = sentenceStart(tokens, of: index)
        var e = index
        while e < tokens.count - 1 && !tokens[e].endsSentence { e += 1 }
        // An item of a list takes its role from the words before the list: "experiments on CIFAR-10, SVHN and
        // ImageNet", "outperforms DQN, Rainbow, and SPR".
        let first = listStart(t, tokens, item: index, sentenceStart: s)
        let window = max(s, first - 4)..<first
        // The word lists once per call: each access to a `static let` is a `swift_once` call on Linux.
        let compareBefore = Self.compareBefore, useBefore = Self.useBefore
        for k in window.reversed() {
            // Data a paper is compared on is data it uses: "outperforms prior methods on Dark Zurich", "results
            // over standard datasets, Market-1501, CUHK03 and VIPeR".
            if compareBefore.contains(tokens[k]) { return type == .method ? .compares : .uses }
            if type != .method && useBefore.contains(tokens[k]) && !looseUses.contains(tokens[k]) { break }
        }
        if let after = tokens[index...].first(where: { $0.start >= end }), after.start < (tokens[e].end + 1),
           compareAfter.contains(after) {
            return .compares
        }
        // Whether the sentence speaks of the paper's own work: a scan of the sentence, made only when needed.
        func ownSentence() -> Bool {
            let firstPerson = Self.firstPerson
            return (s...e).contains { firstPerson.contains(tokens[$0]) }
        }
        for k in window.reversed() where useBefore.contains(tokens[k]) {
            return !looseUses.contains(tokens[k]) || s == 0 || ownSentence() ? .uses : .mentions
        }
        // "X-based", "X as the backbone".
        if end < t.count, t[end] == 45 { return .uses }
        return s == 0 || ownSentence() ? .uses : .mentions
    }

    /// The first token of the sentence that token `index` is in.
    static func sentenceStart(_ tokens: [Token], of index: Int) -> Int {
        var s = index
        while s > 0 && !tokens[s - 1].endsSentence { s -= 1 }
        return s
    }

    /// Capitalised words that open a sentence or clause rather than name a list item.
    static let listBarriers = WordSet(["the", "a", "an", "this", "these", "our", "we", "its", "their", "both", "all"])

    /// The first token of the enumeration that the item starting at token `item` ends, or `item` itself: back
    /// over ", " and " and " / ", and " / " or ", each earlier item one to three words that start with a
    /// capital or a digit or hold one ("Atari 100k", "DrQ-v2"). At most eight items; within the sentence.
    static func listStart(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], item: Int, sentenceStart s: Int) -> Int {
        // Most mentions follow neither a comma nor "and"/"or" (three bytes at most): no list, and no word list
        // loaded (each `static let` read is a `swift_once` call on Linux).
        guard item - 1 >= s, tokens[item - 1].trailing == 44 || tokens[item - 1].end - tokens[item - 1].start <= 3 else {
            return item
        }
        // Not a cue or function word capitalised at the sentence start ("On GeoQuery, SCAN and CLOSURE").
        let useBefore = Self.useBefore, compareBefore = Self.compareBefore, listBarriers = Self.listBarriers
        let conjunctions = DiscoveryRules.conjunctions
        func itemWord(_ tok: Token) -> Bool {
            (Byte.isUpper(t[tok.start]) || Byte.isDigit(t[tok.start]) || tok.capitals > 0)
                && !useBefore.contains(tok) && !compareBefore.contains(tok) && !listBarriers.contains(tok)
        }
        var start = item
        var k = item - 1
        for _ in 0..<8 {
            guard k >= s else { break }
            if conjunctions.contains(tokens[k]) {
                k -= 1
            } else if tokens[k].trailing != 44 {
                break
            }
            guard k >= s, itemWord(tokens[k]), !tokens[k].endsSentence else { break }
            var j = k
            while j > s && j > k - 2 && tokens[j - 1].trailing == 32 && itemWord(tokens[j - 1]) { j -= 1 }
            start = j
            k = j - 1
        }
        return start
    }

    /// The stronger of two roles for one paper: introduces, then uses, then compares, then mentions.
    static func stronger(_ a: MentionRole, _ b: MentionRole) -> MentionRole {
        func rank(_ r: MentionRole) -> Int {
            switch r { case .introduces: 3; case .uses: 2; case .compares: 1; case .mentions: 0 }
        }
        return rank(a) >= rank(b) ? a : b
    }
}
