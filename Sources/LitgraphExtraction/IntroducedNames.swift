/// A name a paper presents as its own contribution, with where it stands and what kind it seems to be.
struct Introduction: Sendable {
    var start: Int
    var end: Int
    var typeHint: EntityType?
}

/// Finds the names a paper introduces: the title's prefix before a colon ("ManiSkill2: A Unified Benchmark…")
/// and the object of "we propose / introduce / present X", "called / named / dubbed / termed X".
///
/// Works on the paper's bytes (title, a newline, the abstract) and its tokens; linear in the text.
enum IntroducedNames {
    /// Verbs that, after "we" (or "this paper/work"), announce a contribution.
    static let verbs = WordSet([
        "propose", "proposes", "introduce", "introduces", "present", "presents", "develop", "develops",
        "release", "releases", "contribute", "design", "build", "construct", "curate", "create", "establish",
        "offer", "unveil", "devise",
    ])
    /// Gerunds that announce the paper's own contribution ("by introducing X", "proposing X").
    static let gerunds = WordSet(["introducing", "proposing", "presenting", "releasing", "unveiling"])
    /// Words that name what follows.
    static let naming = WordSet(["called", "named", "dubbed", "termed", "coined", "call", "name", "dub", "term"])
    /// Words after which the introduced noun phrase is over: what follows is context, not the new name.
    static let stops = WordSet(union: [phraseEnds, WordSet(["over", "than", "and", "while", "as"])])
    /// Prepositions, relative pronouns and "based"/"built": the words after which a noun phrase is over. `stops`
    /// and `DiscoveryRules.phraseBarriers` each add their own few to these.
    static let phraseEnds = WordSet([
        "that", "which", "to", "for", "on", "with", "by", "using", "based", "built", "of", "in", "from", "upon",
        "via", "into", "through", "where", "whose", "at", "across", "within",
    ])
    /// Words after a name that make it the basis of what is presented ("an ADMM based algorithm").
    static let basisWords = WordSet(["based", "built", "inspired", "driven", "guided"])
    /// Title openings that start a phrase, not a name.
    static let phraseOpeners = WordSet([
        "towards", "toward", "beyond", "rethinking", "revisiting", "learning", "understanding", "on", "when",
        "why", "how", "what", "scaling", "improving", "mastering", "exploring", "benchmarking", "evaluating",
        "a", "an", "the", "do", "does", "can", "is", "are", "less", "more", "from", "making", "training",
    ])

    /// "we", the subject of a contribution.
    static let we = WordSet(["we"])
    /// Nouns that, as subject, stand for the paper: "this paper proposes X".
    static let paperOrWork = WordSet(["paper", "work"])
    /// Naming verbs that need "we" before them to name anything.
    static let bareNaming = WordSet(["name", "term", "call", "dub"])
    /// "and", sharing a subject between verbs.
    static let and = WordSet(["and"])
    /// Determiners of the paper's own method: "our method, X", "the resulting model, X".
    static let ownDeterminers = WordSet(["our", "resulting"])
    /// Adverbs between "we" and its verb.
    static let adverbs = WordSet(["also", "further", "then", "first", "hereby", "therefore", "thus", "here", "now",
                                  "additionally"])
    /// Particles after a verb whose object is existing work ("we build on X").
    static let buildsOn = WordSet(["on", "upon", "off", "up", "with", "from", "over"])
    /// Words that open the title of a survey.
    static let surveys = WordSet(["survey", "overview", "review", "tutorial", "primer"])
    /// Indefinite articles.
    static let articles = WordSet(["a", "an"])
    /// Nouns that end the phrase after a title's colon when the paper presents a machine, which the annotation
    /// guideline never counts as a method ("Loper: A quadruped-hybrid stair climbing robot").
    static let hardwareHeads = WordSet(["robot", "robots", "gripper", "grippers", "exoskeleton", "actuator",
                                        "actuators", "manipulator", "humanoid", "quadruped", "hexapod", "rover",
                                        "vehicle", "drone", "prosthesis", "glove", "sensor"])
    /// Words that end the head phrase after a title's colon.
    static let headPhraseEnds = WordSet(["for", "with", "using", "via", "that", "which", "in", "on", "to", "and",
                                         "of", "from", "by", "toward", "towards", "based"])

    /// The first phrase of the words after a title's colon, up to a word of `headPhraseEnds` or a punctuation
    /// mark, at most ten words; empty when a verb opens them ("Training a Robot Without a Robot").
    static func headPhrase(_ t: UnsafeBufferPointer<UInt8>, _ tail: [Token]) -> ArraySlice<Token> {
        guard let first = tail.first, !(first.end - first.start > 4 && t.lowerEquals(first.end - 3, first.end, "ing")) else {
            return []
        }
        var end = 0
        for tok in tail.prefix(10) {
            if headPhraseEnds.contains(tok) { break }
            end += 1
            if tok.trailing != 32 || tok.endsSentence { break }
        }
        return tail[0..<end]
    }

    /// Whether the words after a title's colon present a machine: their `headPhrase` ends in one of
    /// `hardwareHeads`, or in "platform" or "testbed" with a machine named further on ("Mini Cheetah: A
    /// Platform for Pushing the Limits of Dynamic Quadruped Control"; "Habitat: A Platform for Embodied AI
    /// Research" is software).
    static func presentsHardware(_ t: UnsafeBufferPointer<UInt8>, _ tail: [Token]) -> Bool {
        guard let head = headPhrase(t, tail).last else { return false }
        if hardwareHeads.contains(head) { return true }
        return platformHeads.contains(head) && tail.contains { hardwareHeads.contains($0) }
    }

    static let platformHeads = WordSet(["platform", "testbed"])

    /// The type the words after a title's colon give the name: the last cue noun of their `headPhrase`, its
    /// head ("A Big CAD Model Dataset for …" presents a dataset, not a model), else the first cue within seven
    /// words ("See More on Roads - A Novel Benchmark …").
    /// A word that names a kind of software ("framework", "library") yields to a more specific cue before it:
    /// "A Fast Simulation Framework", "A Benchmark Library", "Evaluation Framework" present benchmarks.
    /// A tail opened by a verb ("Strengthening policy evaluation via …") has no head noun here, and the nouns of a
    /// process ("Policy Evaluation") name what a method does, not a benchmark.
    static func titleTailType(_ t: UnsafeBufferPointer<UInt8>, _ tail: [Token]) -> EntityType? {
        var head: EntityType?, specific: EntityType?
        for tok in headPhrase(t, tail) where !processCues.contains(tok) {
            guard let type = cueType(t, tok) else { continue }
            head = type
            if !softwareCues.contains(tok) { specific = type }
        }
        return specific ?? head ?? typeHint(t, tail, around: -1, window: 0..<min(tail.count, 7))
    }

    static let processCues = WordSet(["evaluation", "evaluating", "benchmarking"])
    static let softwareCues = WordSet(["framework", "library", "toolkit", "toolbox", "system", "software", "codebase",
                                       "pipeline"])

    /// Words that follow "A" in the title of a survey.
    static let surveyOpeners = WordSet(["survey", "overview", "review", "tutorial", "primer", "comprehensive"])

    /// Every word that can open an introduction in `find`: a token outside it opens none.
    static let openers = WordSet(union: [we, paperOrWork, naming, verbs, gerunds, ownDeterminers])

    /// Introductions in a paper whose title occupies bytes [0, titleEnd).
    static func find(in t: UnsafeBufferPointer<UInt8>, titleEnd: Int, tokens: [Token],
                     definitions: [AcronymDefinition], isCatalogued: (Int, Int) -> Bool) -> [Introduction] {
        var found: [Introduction] = []
        if let title = titlePrefix(t, titleEnd: titleEnd, tokens: tokens, isCatalogued: isCatalogued) {
            found.append(title)
        }
        // The abstract's tokens as a zero-based view of `tokens`, not a copy of them.
        let firstAbstract = tokens.partitionPoint { $0.start >= titleEnd }
        return tokens.withUnsafeBufferPointer { all in
        let toks = UnsafeBufferPointer(rebasing: all[firstAbstract...])
        let openers = Self.openers
        var k = 0
        while k < toks.count {
            let tok = toks[k]
            // Every branch below needs the token to be one of `openers`.
            guard openers.contains(tok) else { k += 1; continue }
            var objectStart: Int?
            var isNaming = false
            if we.contains(tok) || paperOrWork.contains(tok) && !tok.endsSentence {
                // we [adverb] verb
                var v = k + 1
                if v < toks.count, isAdverb(t, toks[v]) { v += 1 }
                if v < toks.count, verbs.contains(toks[v]), !toks[k].endsSentence { objectStart = v + 1 }
                if v < toks.count, naming.contains(toks[v]) { objectStart = v + 1; isNaming = true }
            } else if naming.contains(tok) && !bareNaming.contains(tok) {
                objectStart = k + 1
                isNaming = true
            } else if verbs.contains(tok), k > 0, and.contains(toks[k - 1]), sentenceHasWe(t, toks, before: k) {
                // "we aim to bridge this gap … and propose ReBRAC": the subject "we" is shared.
                objectStart = k + 1
            } else if gerunds.contains(tok) {
                // "by introducing Gradient-Boosting RL (GBRL)": the paper's own contribution, as a gerund.
                objectStart = k + 1
            } else if ownDeterminers.contains(tok), k + 2 < toks.count, cueType(t, toks[k + 1]) != nil,
                      toks[k + 1].trailing == 44 || t[toks[k + 2].start - 1] == 40 {
                // "our method, GROOVE", "our benchmark (X)", "the resulting model, X".
                objectStart = k + 2
                isNaming = true
            }
            if let first = objectStart {
                if let intro = object(t, toks, from: first, naming: isNaming, definitions: definitions) {
                    found.append(intro)
                }
            }
            k += 1
        }
        return found
        }
    }

    /// True when "we" occurs in the sentence before token `k`.
    static func sentenceHasWe(_ t: UnsafeBufferPointer<UInt8>, _ toks: UnsafeBufferPointer<Token>, before k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && !toks[j].endsSentence {
            if we.contains(toks[j]) { return true }
            j -= 1
        }
        return false
    }

    static func isAdverb(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> Bool {
        if adverbs.contains(tok) { return true }
        return tok.end - tok.start > 4 && t[tok.end - 1] == 121 && t[tok.end - 2] == 108 && Byte.isLower(t[tok.start])
    }

    /// The first name-shaped token of the object noun phrase starting at `from`, within a short window.
    static func object(_ t: UnsafeBufferPointer<UInt8>, _ toks: UnsafeBufferPointer<Token>, from: Int, naming: Bool,
                       definitions: [AcronymDefinition]) -> Introduction? {
        let window = naming ? 3 : 10
        // "we build on X", "we develop upon X": X is what the paper builds on, not what it presents.
        if from < toks.count, buildsOn.contains(toks[from]) { return nil }
        // A quoted name right after the verb: we introduce "Box o Flows".
        if from < toks.count, toks[from].start > 0, t[toks[from].start - 1] == 34 {
            var e = from
            while e < toks.count && e < from + 6 && !(toks[e].end < t.count && t[toks[e].end] == 34) { e += 1 }
            if e < toks.count && e < from + 6 && toks[e].end < t.count && t[toks[e].end] == 34 {
                return Introduction(start: toks[from].start, end: toks[e].end, typeHint: typeHint(t, toks, around: e))
            }
        }
        var j = from
        while j < toks.count && j < from + window {
            let tok = toks[j]
            if !naming && j > from && stops.contains(tok) { return nil }
            // A defined acronym in the window names the contribution: "Visual Reinforcement Fine-Tuning (Visual-RFT)".
            if let d = definitions.first(where: { $0.longStart <= tok.start && tok.start < $0.longEnd }),
               d.longStart >= toks[from].start, NameShape.isName(t, d.shortStart, d.shortEnd),
               !DiscoveryRules.isPluralAcronym(t, d.shortStart, d.shortEnd) {
                return Introduction(start: d.shortStart, end: d.shortEnd, typeHint: typeHint(t, toks, around: j))
            }
            if NameShape.isName(t, tok.start, tok.end) {
                // A name that qualifies what is presented, one of its kind ("an efficient MCMC algorithm", "a
                // fast randomized PCA method"), as its basis ("an Lp-box ADMM based algorithm") or as part of a
                // longer noun ("a novel YouTube social roles dataset"), is not what is presented; that may still
                // be named further on ("… MCMC algorithm named AMOR"). Nor is a plural acronym ("conditional
                // random fields (CRFs)"): a coined name is singular.
                let next = j + 1 < toks.count && tok.trailing == 32 ? toks[j + 1] : nil
                let qualifies = next.map { n in
                    basisWords.contains(n) || cueType(t, n) != nil && DiscoveryRules.isKindOf(t, toks, at: j)
                } ?? false
                if !naming && (qualifies || qualifiesLongerNoun(t, toks, at: j)
                               || DiscoveryRules.isPluralAcronym(t, tok.start, tok.end)) { j += 1; continue }
                return Introduction(start: tok.start, end: tok.end, typeHint: typeHint(t, toks, around: j))
            }
            if tok.endsSentence || (tok.trailing == 58) { return nil }
            j += 1
        }
        return nil
    }

    /// Whether the name at token `j`, in a phrase an indefinite article opens, is followed by one to two
    /// lower-case words and then a cue noun: it qualifies a longer noun, which is what is new ("we present a
    /// novel YouTube social roles dataset"), not the name.
    static func qualifiesLongerNoun(_ t: UnsafeBufferPointer<UInt8>, _ toks: UnsafeBufferPointer<Token>, at j: Int) -> Bool {
        guard DiscoveryRules.articleOpens(toks, at: j) else { return false }
        var k = j + 1
        while k < toks.count && k <= j + 3 && toks[k - 1].trailing == 32 {
            let tok = toks[k]
            guard tok.capitals == 0, Byte.isLower(t[tok.start]), !stops.contains(tok) else { return false }
            if cueType(t, tok) != nil { return k > j + 1 }
            k += 1
        }
        return false
    }

    /// The title's prefix before ": " when it is a name.
    static func titlePrefix(_ t: UnsafeBufferPointer<UInt8>, titleEnd: Int, tokens: [Token],
                            isCatalogued: (Int, Int) -> Bool) -> Introduction? {
        guard var colon = (0..<titleEnd).first(where: { t[$0] == 58 && $0 + 1 < titleEnd && t[$0 + 1] == 32 }),
              colon > 0, colon <= 80 else { return nil }
        // Tokens are in text order, starts and ends increasing: both filters select a contiguous run, found
        // by binary search instead of a pass over the abstract's tokens.
        let tailStart = tokens.partitionPoint { $0.start > colon }
        let tail = Array(tokens[tailStart..<tokens.partitionPoint { $0.start >= titleEnd }])
        while colon > 0 && t[colon - 1] == 32 { colon -= 1 }
        var words = Array(tokens[0..<tokens.partitionPoint { $0.end > colon }])
        // A tag in brackets before the title ("[RETRACTED] NLG-Metricverse: …", "[Re] …") is not part of a name.
        if t[0] == 91, let close = (1..<colon).first(where: { t[$0] == 93 }) {
            words.removeAll { $0.start < close }
        }
        // Surveys and overviews of a field introduce nothing of that name, nor does a robot's or a device's.
        if let opener = tail.first, surveys.contains(opener)
            || (tail.count > 1 && articles.contains(opener) && surveyOpeners.contains(tail[1])) {
            return nil
        }
        if presentsHardware(t, tail) { return nil }
        // A descriptive prefix whose acronym the abstract uses names the contribution by that acronym:
        // "Reinforcement Learning from Diffusion Feedback: …" and "RLDF, or …" in the abstract.
        if words.count >= 2, words.count <= 8, let acronym = prefixAcronym(t, words, titleEnd: titleEnd, tokens: tokens) {
            return Introduction(start: acronym.start, end: acronym.end, typeHint: titleTailType(t, tail))
        }
        // "Long Range Navigator (LRN): …" introduces LRN, whose long form the definition then ties to it.
        if words.count >= 2, let last = words.last, last.start > 0, t[last.start - 1] == 40, last.end < t.count,
           t[last.end] == 41, NameShape.isName(t, last.start, last.end) {
            return Introduction(start: last.start, end: last.end,
                                typeHint: titleTailType(t, tail))
        }
        guard let first = words.first, words.count <= 4 else { return nil }
        var hint = titleTailType(t, tail)
        // "ViSTa Dataset", "Open X Benchmark": a trailing cue word types the name; a name-shaped rest is the name.
        if words.count >= 2, let last = words.last, let cue = cueType(t, last) {
            hint = cue
            if words.count == 2, NameShape.isName(t, first.start, first.end) {
                words.removeLast()
                colon = first.end
            }
        }
        if isCatalogued(first.start, colon) { return Introduction(start: first.start, end: colon, typeHint: hint) }
        if words.count == 1 {
            if NameShape.isName(t, first.start, colon) { return Introduction(start: first.start, end: colon, typeHint: hint) }
            // A single capitalised word is a name when the abstract writes it the same way mid-sentence.
            if Byte.isUpper(t[first.start]), !phraseOpeners.contains(first), appearsCapitalised(t, first, after: titleEnd) {
                return Introduction(start: first.start, end: colon, typeHint: hint)
            }
            return nil
        }
        if phraseOpeners.contains(first) { return nil }
        // Several words: all capitalised or name-shaped, and one name-shaped or repeated verbatim in the abstract.
        guard words.allSatisfy({ Byte.isUpper(t[$0.start]) || NameShape.isName(t, $0.start, $0.end) }) else { return nil }
        let named = words.contains { NameShape.isName(t, $0.start, $0.end) }
        if named || occurs(t, first.start, colon, from: titleEnd) {
            return Introduction(start: first.start, end: colon, typeHint: hint)
        }
        return nil
    }

    /// The abstract's token spelling the initials of the title prefix's words (function words optional),
    /// such as RLDF for "Reinforcement Learning from Diffusion Feedback".
    static func prefixAcronym(_ t: UnsafeBufferPointer<UInt8>, _ words: [Token], titleEnd: Int, tokens: [Token]) -> Token? {
        var required: [UInt8] = [], all: [UInt8] = []
        for w in words {
            // A function word's initial may be left out ("Bag of Words", BoW), as in acronym definitions.
            let isSmall = AcronymDefinitions.skippableSet.contains(w)
            // Hyphenated words give one initial per part: "Fine-Tuning" → F, T.
            var k = w.start
            var partStart = true
            while k < w.end {
                if partStart, Byte.isAlnum(t[k]) {
                    all.append(Byte.lower(t[k]))
                    if !isSmall { required.append(Byte.lower(t[k])) }
                    partStart = false
                }
                if t[k] == 45 { partStart = true }
                k += 1
            }
        }
        guard required.count >= 2 else { return nil }
        // Tokens with two capitals or more (the test below asks for them; `capitals` counts the same bytes).
        for tok in tokens where tok.capitals >= 2 && tok.start > titleEnd {
            // Cheap length test before building the token's letters.
            let length = tok.end - tok.start
            guard length >= required.count, length <= all.count + 2, Byte.isUpper(t[tok.start]) else { continue }
            // The token's letters and digits, lower-cased, compared with both spellings as they are read
            // (no array per token: most tokens after the title are looked at).
            var count = 0, capitals = 0
            var isRequired = true, isAll = true
            for k in tok.start..<tok.end {
                let b = t[k]
                if Byte.isUpper(b) { capitals += 1 }
                let l = Byte.lower(b)
                guard Byte.isAlnum(l) else { continue }
                isRequired = isRequired && count < required.count && required[count] == l
                isAll = isAll && count < all.count && all[count] == l
                count += 1
            }
            guard count >= 2, capitals >= 2 else { continue }
            if (isRequired && count == required.count) || (isAll && count == all.count) { return tok }
        }
        return nil
    }

    /// Whether the word occurs at or after `after` as written, after a space and before a space, "," or ".".
    static func appearsCapitalised(_ t: UnsafeBufferPointer<UInt8>, _ word: Token, after: Int) -> Bool {
        // i is where the word would start, after the space at i - 1 >= after.
        occurs(t, word.start, word.end, from: after + 1) { i in
            let end = i + word.end - word.start
            return t[i - 1] == 32 && end < t.count && (t[end] == 32 || t[end] == 44 || t[end] == 46)
        }
    }

    /// Whether the bytes [s, e) of `t` occur again at some i >= `from` for which `accept(i)` holds. Candidates
    /// are the places of the first byte, found sixteen bytes at a time (`Byte.next`), compared in place: no
    /// String or array of the needle. O(n · (e - s)) at worst.
    static func occurs(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, from: Int,
                       where accept: (Int) -> Bool = { _ in true }) -> Bool {
        let n = e - s
        guard n > 0 else { return false }
        var i = from
        while i + n <= t.count {
            i = Byte.next(t[s], in: t, from: i)
            guard i + n <= t.count else { return false }
            var k = 1
            while k < n && t[i + k] == t[s + k] { k += 1 }
            if k == n && accept(i) { return true }
            i += 1
        }
        return false
    }

    /// Cue words that type a new name: the nearest one in its clause decides; method when none.
    /// `toks` is zero-based: the paper's tokens, or a view of some of them.
    static func typeHint<Tokens: RandomAccessCollection<Token>>(_ t: UnsafeBufferPointer<UInt8>, _ toks: Tokens,
                                                                 around center: Int, window: Range<Int>? = nil)
        -> EntityType? where Tokens.Index == Int {
        let range = window ?? max(0, center - 4)..<min(toks.count, center + 8)
        var best: (distance: Int, type: EntityType)?
        for j in range {
            let tok = toks[j]
            guard let type = cueType(t, tok) else {
                if j > center && center >= 0 && tok.endsSentence { break }
                continue
            }
            let distance = center >= 0 ? abs(j - center) : j
            if best == nil || distance < best!.distance { best = (distance, type) }
            if j > center && center >= 0 && tok.endsSentence { break }
        }
        return best?.type
    }

    /// Cue words of benchmarks.
    static let benchmarkCues = WordSet(["benchmark", "benchmarks", "suite", "environment", "environments", "simulator",
                          "testbed", "arena", "gym", "leaderboard", "playground", "platform", "simulation",
                          "benchmarking", "evaluating", "evaluation"])
    /// Cue words of data sets.
    static let datasetCues = WordSet(["dataset", "datasets", "corpus", "corpora", "treebank", "treebanks"])
    /// Cue words of methods.
    static let methodCues = WordSet(["method", "algorithm", "framework", "approach", "model", "agent", "architecture",
                          "policy", "objective", "technique", "pipeline", "system", "library", "paradigm",
                          "software", "toolkit", "toolbox", "codebase", "network", "module", "strategy"])

    /// Every cue word: one probe settles most tokens, which are none.
    static let cues = WordSet(union: [benchmarkCues, datasetCues, methodCues])

    static func cueType(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> EntityType? {
        guard cues.contains(tok) else { return nil }
        if benchmarkCues.contains(tok) {
            return .benchmark
        }
        if datasetCues.contains(tok) { return .dataset }
        if methodCues.contains(tok) {
            return .method
        }
        return nil
    }
}
