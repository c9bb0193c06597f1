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

    /// The role of the mention whose first token is `index`.
    static func role(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], at index: Int, end: Int) -> MentionRole {
        guard index < tokens.count else { return .uses }
        // The sentence around the mention.
        var s = index
        while s > 0 && !tokens[s - 1].endsSentence { s -= 1 }
        var e = index
        while e < tokens.count - 1 && !tokens[e].endsSentence { e += 1 }
        let window = max(s, index - 4)..<index
        // The word lists once per call: each access to a `static let` is a `swift_once` call on Linux.
        let compareBefore = Self.compareBefore, useBefore = Self.useBefore
        for k in window.reversed() {
            if compareBefore.contains(tokens[k]) { return .compares }
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
            return !looseUses.contains(tokens[k]) || ownSentence() ? .uses : .mentions
        }
        // "X-based", "X as the backbone".
        if end < t.count, t[end] == 45 { return .uses }
        return s == 0 || ownSentence() ? .uses : .mentions
    }

    /// The stronger of two roles for one paper: introduces, then uses, then compares, then mentions.
    static func stronger(_ a: MentionRole, _ b: MentionRole) -> MentionRole {
        func rank(_ r: MentionRole) -> Int {
            switch r { case .introduces: 3; case .uses: 2; case .compares: 1; case .mentions: 0 }
        }
        return rank(a) >= rank(b) ? a : b
    }
}
