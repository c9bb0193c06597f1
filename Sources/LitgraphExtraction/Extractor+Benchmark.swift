import LitgraphCorpus

/// Read-only access to the extractor's compiled matcher, so `litgraph bench` can time the matcher apart from
/// the rest of extraction and hand other matchers exactly the names this one searches for.
extension Extractor {
    /// The patterns the matcher was compiled from (catalogue surfaces and their run-together spellings), in
    /// the matcher's order.
    public var matcherPatterns: [MatcherPattern] { matcher.patterns }

    /// The matcher `extract` runs first: one Aho–Corasick automaton over the catalogue.
    public var catalogueMatcher: Matcher { matcher }

    /// The stages of `extract(_:)` that `litgraph bench extract --stages` times one at a time, each over the
    /// outputs of the stages before it, prepared untimed: where the time of extraction goes.
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

    /// The inputs of every stage for a list of papers, made once: texts, tokens, hits and definitions.
    /// Holds every paper's tokens, so it is meant for benchmark corpora of tens of thousands of papers.
    public struct StageInputs: Sendable {
        let texts: [(text: [UInt8], titleEnd: Int)]
        let tokens: [[Token]]
        let hits: [[MatcherHit]]
        let definitions: [[AcronymDefinition]]
        let papers: [Paper]
    }

    /// Runs every stage once over `papers`, keeping each stage's output as the next one's input.
    public func stageInputs(_ papers: [Paper]) -> StageInputs {
        let texts = papers.map(Self.bytes(of:))
        var tokens: [[Token]] = [], hits: [[MatcherHit]] = [], definitions: [[AcronymDefinition]] = []
        for (text, _) in texts {
            text.withUnsafeBufferPointer { t in
                let tok = tokenize(t)
                tokens.append(tok)
                hits.append(matcher.matches(in: t))
                definitions.append(AcronymDefinitions.find(in: t, tokens: tok))
            }
        }
        return StageInputs(texts: texts, tokens: tokens, hits: hits, definitions: definitions, papers: papers)
    }

    /// Runs one stage over every paper of `inputs` and returns how much it found (so the work cannot be
    /// dropped as unused).
    public func run(_ stage: Stage, on inputs: StageInputs) -> Int {
        var found = 0
        for k in inputs.texts.indices {
            if stage == .text { found += Self.bytes(of: inputs.papers[k]).text.count; continue }
            let (text, titleEnd) = inputs.texts[k]
            found += text.withUnsafeBufferPointer { t -> Int in
                switch stage {
                case .text: return 0
                case .tokenize: return tokenize(t).count
                case .match: return matcher.matches(in: t).count
                case .acronyms: return AcronymDefinitions.find(in: t, tokens: inputs.tokens[k]).count
                case .introductions:
                    let hits = inputs.hits[k]
                    return IntroducedNames.find(in: t, titleEnd: titleEnd, tokens: inputs.tokens[k],
                                                definitions: inputs.definitions[k],
                                                isCatalogued: { s, e in hits.contains { $0.start == s && $0.end == e } }).count
                case .discovery:
                    return DiscoveryRules.find(in: t, tokens: inputs.tokens[k], definitions: inputs.definitions[k],
                                               hits: inputs.hits[k], typeOfHit: { entries[Int($0.value)].type }).count
                }
            }
        }
        return found
    }
}
