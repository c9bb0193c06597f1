import LitgraphCorpus

/// Read-only access to the extractor's compiled matcher, so `litgraph bench` can time the matcher apart from
/// the rest of extraction and hand other matchers exactly the names this one searches for.
extension Extractor {
    /// The patterns the matcher was compiled from (catalogue surfaces and their run-together spellings), in
    /// the matcher's order.
    public var matcherPatterns: [MatcherPattern] { matcher.patterns }

    /// The matcher `extract` runs first: one Aho–Corasick automaton over the catalogue.
    public var catalogueMatcher: Matcher { matcher }

    /// The stages of `extract(_:)`, in order, that `litgraph bench extract --stages` times cumulatively: each
    /// run does one more stage than the one before, so the difference of two runs is that stage's cost with
    /// its inputs hot in cache, as in extraction itself.
    public enum Stage: String, CaseIterable, Sendable {
        /// Title and abstract to one byte buffer with ASCII punctuation (`bytes(of:)`).
        case text
        case tokenize
        /// The catalogue matcher.
        case match
        case acronyms
        /// Names a paper presents as its own (`IntroducedNames`).
        case introductions
        /// Names found from context (`DiscoveryRules`).
        case discovery
    }

    /// Runs the stages of extraction up to and including `last` on every paper and returns how much the last
    /// one found (so the work cannot be dropped as unused).
    public func run(upTo last: Stage, on papers: [Paper]) -> Int {
        let stages = Stage.allCases
        let depth = stages.firstIndex(of: last)!
        var found = 0
        for paper in papers {
            let (text, titleEnd) = Self.bytes(of: paper)
            if depth == 0 { found += text.count; continue }
            found += text.withUnsafeBufferPointer { t -> Int in
                let tokens = tokenize(t)
                if depth == 1 { return tokens.count }
                let hits = matcher.matches(in: t, tokens: tokens)
                if depth == 2 { return hits.count }
                let definitions = AcronymDefinitions.find(in: t, tokens: tokens)
                if depth == 3 { return definitions.count }
                let intros = IntroducedNames.find(in: t, titleEnd: titleEnd, tokens: tokens, definitions: definitions,
                                                  isCatalogued: { s, e in hits.contains { $0.start == s && $0.end == e } })
                if depth == 4 { return intros.count }
                return DiscoveryRules.find(in: t, tokens: tokens, definitions: definitions, hits: hits,
                                           typeOfHit: { entries[Int($0.value)].type }).count
            }
        }
        return found
    }
}
