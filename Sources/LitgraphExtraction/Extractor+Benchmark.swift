/// Read-only access to the extractor's compiled matcher, so `litgraph bench` can time the matcher apart from
/// the rest of extraction and hand other matchers exactly the names this one searches for.
extension Extractor {
    /// The patterns the matcher was compiled from (catalogue surfaces and their run-together spellings), in
    /// the matcher's order.
    public var matcherPatterns: [MatcherPattern] { matcher.patterns }

    /// The matcher `extract` runs first: one Aho–Corasick automaton over the catalogue.
    public var catalogueMatcher: Matcher { matcher }
}
