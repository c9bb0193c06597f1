/// Decides whether a hit of an ambiguous catalogue entry (a name that is also a word or a colliding
/// acronym: SAC, CURL, RAD, Habitat, Atari, Adam) is meant as the entity. Case is checked by the matcher;
/// this adds context, any one of which suffices:
///
/// - the paper also writes the entity in an unambiguous way (its long form, an acronym definition);
/// - a cue noun of its type follows ("Habitat simulator", "Atari games", "Adam optimizer"; a dataset is no
///   "model": "MSD models" are not the Million Song Dataset) or a usage, comparison or example word
///   precedes ("on Habitat", "outperforms SAC", "with Adam", "such as Dreamer");
/// - it stands in an enumeration with another catalogued entity ("DrQ, CURL and RAD").
enum AmbiguityRules {
    /// Cue nouns after a method's name.
    static let methodCueAfter = WordSet([
        "agent", "agents", "algorithm", "baseline", "baselines", "optimizer", "policy", "policies", "model", "models",
        "method", "framework", "library",
    ])
    /// Cue nouns after a benchmark's or a dataset's name.
    static let dataCueAfter = WordSet([
        "benchmark", "benchmarks", "suite", "environment", "environments", "simulator", "simulation", "platform",
        "games", "game", "tasks", "task", "domain", "domains", "dataset", "datasets", "score", "scores", "suites",
        "challenge", "framework", "corpus", "corpora", "treebank", "database", "collection",
    ])
    /// Words that introduce examples.
    static let exampleWords = WordSet(["including", "like", "e.g", "namely", "as"])

    static func supported(_ hit: MatcherHit, type: EntityType, in t: UnsafeBufferPointer<UInt8>, tokens: [Token],
                          hits: [MatcherHit], definitions: [AcronymDefinition]) -> Bool {
        // Written in several words ("Atari games", "OpenAI o1"), or another way in the same paper.
        func severalWords(_ h: MatcherHit) -> Bool {
            h.end - h.start > 8 && (h.start..<h.end).contains { t[$0] == 32 }
        }
        if severalWords(hit) { return true }
        for other in hits where other.value == hit.value && other.start != hit.start {
            if severalWords(other) { return true }
        }
        if definitions.contains(where: { $0.shortStart == hit.start || ($0.longStart <= hit.start && hit.end <= $0.longEnd) }) {
            return true
        }
        guard let first = tokens.lastIndex(where: { $0.start <= hit.start }),
              let last = tokens.firstIndex(where: { $0.end >= hit.end }) else { return false }
        if last + 1 < tokens.count, tokens[last].trailing == 32,
           (type == .method ? methodCueAfter : dataCueAfter).contains(tokens[last + 1]) {
            return true
        }
        if hit.end < t.count, t[hit.end] == 45 { return true } // "SAC-based", "Atari-style"
        // The words before the mention, or before the list it ends ("on Caltech, INRIA, and ETH").
        let listStart = RoleRules.listStart(t, tokens, item: first,
                                            sentenceStart: RoleRules.sentenceStart(tokens, of: first))
        var k = listStart - 1
        while k >= 0 && k >= listStart - 3 && !tokens[k].endsSentence {
            if RoleRules.compareBefore.contains(tokens[k]) || RoleRules.useBefore.contains(tokens[k])
                || exampleWords.contains(tokens[k]) {
                return true
            }
            k -= 1
        }
        // Enumerations with another catalogued entity.
        let neighbours = DiscoveryRules.listNeighbours(t, tokens, first: first, last: last, anyWord: true)
        return neighbours.contains { r in hits.contains { $0.start == r.lowerBound && $0.start != hit.start } }
    }
}
