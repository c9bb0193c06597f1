/// A name no catalogue knows, found from how the text uses it.
struct Discovery: Sendable {
    var start: Int
    var end: Int
    var typeHint: EntityType?
    /// Extra surface written elsewhere for the same entity (an acronym's long form).
    var longForm: Range<Int>?
    /// Named in a sentence that presents the paper's own contribution ("We instantiate datasets (X)").
    var introduced = false
}

/// Rules that find names of methods, benchmarks and datasets the catalogue does not know, from context:
///
/// - an acronym defined by a Title-Case long form ("Learned Policy Gradient (LPG)"), a proper name, where a
///   lower-case one ("vision-language models (VLMs)") is terminology;
/// - a name-shaped token alone in parentheses after a cue noun ("datasets (DriveLM-Data)");
/// - a name-shaped token next to a cue noun ("the CATER dataset", "X benchmark") or after a comparison
///   ("outperforms X", "than X") or usage verb ("fine-tune X", "trained on X");
/// - an item in an enumeration with catalogued entities ("Atari 100k, Proprio Control, and Vision Control").
///
/// Each rule is linear in the tokens of the paper.
enum DiscoveryRules {
    /// Words just before a name that present it as the paper's own.
    static let ownMarkers = WordSet(["our", "proposed", "resulting", "novel", "new"])
    /// Words that put a name in a comparison or in prior work.
    static let otherWorkMarkers = WordSet(["outperforms", "outperform", "than", "versus", "vs", "compared", "surpasses",
                                           "over", "against", "unlike", "prior", "existing", "previous"])
    /// Words that end the noun phrase an own-marker or a verb of contribution opens: in "the proposed method
    /// on the CFP dataset", "our experiments on the WSJ corpus" and "we propose an Lp-box ADMM based
    /// algorithm", the name is not what "proposed", "our" or "propose" present. ("and" is none: "we introduce
    /// X and Y" presents both.)
    static let phraseBarriers = WordSet(union: [IntroducedNames.phraseEnds, WordSet(["under", "onto"])])
    /// Verbs of using: a name after one is what the paper uses, even after a verb of contribution ("we
    /// propose a block circulant embedding and use Fast Fourier Transforms (FFT)").
    static let usageVerbs = WordSet(["use", "uses", "used", "adopt", "adopts", "apply", "applies", "employ",
                                     "employs", "leverage", "leverages", "exploit", "exploits", "utilize",
                                     "utilizes", "utilise", "utilises", "extend", "extends"])
    /// Words that may stand between an indefinite article and a name it presents as the paper's own.
    static let newMarkers = WordSet(["new", "novel"])
    /// Verbs of building a data set or benchmark, which after "we" present one.
    static let gatheringVerbs = WordSet(["instantiate", "instantiates", "collect", "collects", "constructs", "curates"])
    /// Conjunctions that join enumeration items.
    static let conjunctions = WordSet(["and", "or"])

    static func find(in t: UnsafeBufferPointer<UInt8>, tokens: [Token], definitions: [AcronymDefinition],
                     hits: [MatcherHit], typeOfHit: (MatcherHit) -> EntityType) -> [Discovery] {
        var found: [Discovery] = []
        func covered(_ s: Int, _ e: Int) -> Bool { hits.contains { $0.start < e && s < $0.end } }

        // Acronyms with Title-Case long forms; one with a lower-case long form is terminology everywhere.
        // Short forms as byte ranges: a few per paper, compared byte for byte (`isTerminology`), where a set
        // of Strings built a String per candidate token to ask.
        var terminology: [Range<Int>] = []
        for d in definitions where definesTerminology(t, d) {
            terminology.append(d.shortStart..<d.shortEnd)
        }
        func isTerminology(_ s: Int, _ e: Int) -> Bool {
            terminology.contains { $0.count == e - s && t[$0].elementsEqual(t[s..<e]) }
        }
        // A long form that is a catalogue name, perhaps with a kind word ("Soft Actor-Critic (SAC)", "Open
        // Images Dataset (OID)"), makes its acronym that entity's, which the extractor records; one that only
        // contains one ("Generalised Gauss-Newton (GGN)", "Learned Runge-Kutta Block (LRKB)") defines a name of
        // its own.
        func spelledByHits(_ s: Int, _ e: Int) -> Bool {
            var j = tokens.partitionPoint { $0.end > s }
            while j < tokens.count && tokens[j].start < e {
                let tok = tokens[j]
                if !hits.contains(where: { $0.start <= tok.start && tok.end <= $0.end }),
                   IntroducedNames.cueType(t, tok) == nil { return false }
                j += 1
            }
            return true
        }
        for d in definitions where !covered(d.shortStart, d.shortEnd)
            && !(covered(d.longStart, d.longEnd) && spelledByHits(d.longStart, d.longEnd)) {
            guard NameShape.isName(t, d.shortStart, d.shortEnd), isTitleCase(t, d.longStart, d.longEnd),
                  !isMetric(t, d.longStart, d.longEnd), !isTask(t, d.longStart, d.longEnd), !isPluralAcronym(t, d.shortStart, d.shortEnd) else { continue }
            let shortPoint = tokens.partitionPoint { $0.start >= d.shortStart }
            let idx = shortPoint < tokens.count ? shortPoint : 0
            let longPoint = tokens.partitionPoint { $0.start >= d.longStart }
            let longIdx = longPoint < tokens.count ? longPoint : idx
            found.append(Discovery(start: d.shortStart, end: d.shortEnd,
                                   typeHint: IntroducedNames.typeHint(t, tokens, around: idx), longForm: d.longStart..<d.longEnd,
                                   introduced: isContribution(t, tokens, at: longIdx)))
        }
        // A few definitions per paper: a scan of them beats hashing every candidate token's offset.
        func isDefinedShort(_ start: Int) -> Bool { definitions.contains { $0.shortStart == start } }
        // Two-letter tokens ("UN", "EU") are too often abbreviations of ordinary words to be names by context.
        // `nameMarked` first: without it `isName` fails, and it rules out nearly every token at no cost.
        for (i, tok) in tokens.enumerated() where tok.nameMarked && tok.end - tok.start >= 3
            && !covered(tok.start, tok.end) && !isDefinedShort(tok.start) {
            guard NameShape.isName(t, tok.start, tok.end), !isGenericModelClass(t, tok),
                  !isPluralAcronym(t, tok.start, tok.end),
                  !isTerminology(tok.start, tok.end) else { continue }
            // Next to a cue noun: "the CATER dataset", "MuJoCo-based X environment".
            let before = i > 0 ? tokens[i - 1] : nil
            let after = i + 1 < tokens.count ? tokens[i + 1] : nil
            if let a = after, tok.trailing == 32, let type = IntroducedNames.cueType(t, a), isNounCue(t, a) {
                found.append(Discovery(start: tok.start, end: tok.end, typeHint: type,
                                       introduced: isContribution(t, tokens, at: i, verbInPhrase: true)
                                           && !isKindOf(t, tokens, at: i)))
                continue
            }
            // Alone in parentheses after a cue noun: "datasets (DriveLM-Data)", "approach (DriveLM-Agent)".
            if tok.start > 0, t[tok.start - 1] == 40, tok.end < t.count, t[tok.end] == 41, let b = before,
               let type = IntroducedNames.cueType(t, b) {
                found.append(Discovery(start: tok.start, end: tok.end, typeHint: type, introduced: isContribution(t, tokens, at: i)))
                continue
            }
            // After a comparison or a usage verb: a method, unless a cue noun before an example word types it
            // ("datasets including X", "benchmarks like X").
            if let b = before, b.trailing == 32 || b.trailing == 44, isContextVerb(t, b) {
                let cue = i >= 2 && tokens[i - 2].trailing == 32 && exampleWords.contains(b)
                    ? IntroducedNames.cueType(t, tokens[i - 2]) : nil
                found.append(Discovery(start: tok.start, end: tok.end, typeHint: cue ?? .method))
                continue
            }
        }
        // Enumerations around catalogued entities share their type.
        for hit in hits {
            // Tokens are in text order, their starts and ends increasing: binary searches, not scans.
            let afterLast = tokens.partitionPoint { $0.end >= hit.end }
            let afterFirst = tokens.partitionPoint { $0.start > hit.start }
            guard afterLast < tokens.count, afterFirst > 0 else { continue }
            let last = afterLast, first = afterFirst - 1
            let type = typeOfHit(hit)
            let items = listNeighbours(t, tokens, first: first, last: last)
            // A list that ends in "tasks" or "problems" enumerates tasks ("bAbI, Shortest Path, and Natural
            // Language Generation tasks"): its uncatalogued items are not named datasets or methods.
            let end = items.reduce(hit.end) { max($0, $1.upperBound) }
            if endsInTasks(t, tokens, after: end) { continue }
            // A plural acronym names a class of things here too ("GloVe, WEs and …").
            for item in items where !covered(item.lowerBound, item.upperBound)
                && !isTerminology(item.lowerBound, item.upperBound) && !isPluralAcronym(t, item.lowerBound, item.upperBound) {
                if !found.contains(where: { $0.start == item.lowerBound }) {
                    found.append(Discovery(start: item.lowerBound, end: item.upperBound, typeHint: type))
                }
            }
        }
        return found
    }

    static let taskNouns = WordSet(["task", "tasks", "problem", "problems"])

    /// Whether the first lower-case word after `end` (past at most four capitalised words, "and", "or",
    /// within the sentence) is "task(s)" or "problem(s)".
    static func endsInTasks(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], after end: Int) -> Bool {
        var k = tokens.partitionPoint { $0.start >= end }
        guard k < tokens.count, k == 0 || !tokens[k - 1].endsSentence else { return false }
        var skipped = 0
        while k < tokens.count && skipped < 5
                && (isCapitalised(t, tokens[k]) || conjunctions.contains(tokens[k])) {
            if tokens[k].endsSentence { return false }
            k += 1
            skipped += 1
        }
        return k < tokens.count && taskNouns.contains(tokens[k])
    }

    /// True when the name at token `index` is presented as the paper's own: "our", "proposed", "resulting",
    /// "novel" or "new" just before it with no end of the noun phrase (`phraseBarriers`) in between, or earlier
    /// in its sentence "we" with a verb of contribution and no comparison in between ("We instantiate datasets
    /// (DriveLM-Data)"; not "we propose X that outperforms Y"). With `verbInPhrase`, for a name that
    /// qualifies the cue noun after it, the verb too must be in the name's phrase: "we propose the
    /// d-separation based UCB algorithm" does not present UCB. (A defined name may stand past the phrase's end: "we propose a
    /// practical algorithm for deep RL, Deep Variance Weighting (DVW)".)
    static func isContribution(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], at index: Int,
                               verbInPhrase: Bool = false) -> Bool {
        var k = index - 1
        var distance = 0
        var crossedPhrase = false
        while k >= 0 && !tokens[k].endsSentence {
            let tok = tokens[k]
            if distance < 6 && !crossedPhrase && ownMarkers.contains(tok) { return true }
            if phraseBarriers.contains(tok) { crossedPhrase = true }
            if otherWorkMarkers.contains(tok) || usageVerbs.contains(tok) { return false }
            if IntroducedNames.verbs.contains(tok) || IntroducedNames.gerunds.contains(tok)
                || gatheringVerbs.contains(tok) {
                if verbInPhrase && crossedPhrase { return false }
                if IntroducedNames.gerunds.contains(tok) { return true }
                // The verb's subject is "we", possibly shared with an earlier verb: "We instantiate …, and propose …".
                var j = k - 1
                while j >= 0 && !tokens[j].endsSentence {
                    if IntroducedNames.we.contains(tokens[j]) { return true }
                    j -= 1
                }
                return j >= 0 && IntroducedNames.we.contains(tokens[j])
            }
            k -= 1
            distance += 1
        }
        return false
    }

    /// True when the name at token `index`, before its cue noun, qualifies one of a kind that an indefinite
    /// article opens: "we propose a fast randomized PCA algorithm", "we present an efficient MCMC sampler"
    /// present a new member of the PCA or MCMC kind, not PCA or MCMC. Only "new" or "novel" right before the
    /// name makes it the paper's own ("we introduce a new QuuxBench dataset"). Looks back at most six words.
    static func isKindOf<Tokens: RandomAccessCollection<Token>>(_ t: UnsafeBufferPointer<UInt8>, _ tokens: Tokens,
                                                               at index: Int) -> Bool where Tokens.Index == Int {
        if index > 0 && newMarkers.contains(tokens[index - 1]) { return false }
        return articleOpens(tokens, at: index)
    }

    /// Whether an indefinite article opens the phrase of the name at token `index`, at most six words back
    /// with nothing but spaces between the words.
    static func articleOpens<Tokens: RandomAccessCollection<Token>>(_ tokens: Tokens, at index: Int) -> Bool
        where Tokens.Index == Int {
        var k = index - 1
        while k >= 0 && k >= index - 6 && !tokens[k].endsSentence && tokens[k].trailing == 32 {
            if IntroducedNames.articles.contains(tokens[k]) { return true }
            k -= 1
        }
        return false
    }

    /// Whether a definition makes its short form a term of the field rather than a name: a long form not in
    /// title case ("weakly supervised object localization (WSOL)"), or one of a metric or a task.
    static func definesTerminology(_ t: UnsafeBufferPointer<UInt8>, _ d: AcronymDefinition) -> Bool {
        !isTitleCase(t, d.longStart, d.longEnd) || isMetric(t, d.longStart, d.longEnd) || isTask(t, d.longStart, d.longEnd)
    }

    /// Words of a long form all capitalised (small function words aside), at least two of them.
    static func isTitleCase(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var words = 0
        var i = s
        while i < e {
            while i < e && (Byte.isSpace(t[i]) || t[i] == 45) { i += 1 }
            let start = i
            while i < e && !Byte.isSpace(t[i]) && t[i] != 45 { i += 1 }
            guard i > start else { continue }
            if AcronymDefinitions.skippableSet.contains(t, start, i) { continue }
            if !(Byte.isUpper(t[start]) || Byte.isDigit(t[start])) { return false }
            words += 1
        }
        return words >= 2
    }

    /// Long forms that name a measure ("Oracle Success Rate", "Fréchet Inception Distance"): metrics are
    /// not entities.
    static func isMetric(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        metricHeads.contains(t, lastWordStart(t, s, e), e)
    }

    static let metricHeads = WordSet(["rate", "score", "accuracy", "error", "ratio", "distance", "precision", "recall",
                                      "length", "loss", "metric", "index", "divergence", "gap", "regret", "reward",
                                      "return", "time", "cost"])

    /// Long forms that name a task or field rather than one method or dataset ("Statistical Machine
    /// Translation (SMT)", "Fine-Grained Visual Classification (FGVC)", "Visual Question Answering" as a
    /// problem), or a thing the guideline never counts ("Series Elastic Actuator (SEA)"): their acronyms are
    /// terminology unless the catalogue knows them as a named thing (VQA).
    static func isTask(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        taskHeads.contains(t, lastWordStart(t, s, e), e)
    }

    static let taskHeads = WordSet(["translation", "answering", "classification", "recognition", "detection",
                                    "segmentation", "entailment", "estimation", "captioning", "summarization",
                                    "parsing", "tagging", "retrieval", "tracking", "localization", "labeling",
                                    "labelling", "generation", "reasoning", "extraction", "completion",
                                    "understanding",
                                    // Things the annotation guideline never counts: hardware and robot platforms,
                                    // medical conditions, physical quantities ("Series Elastic Actuator (SEA)",
                                    // "Autism Spectrum Disorder (ASD)", "Center of Pressure (CoP)"). (Measurement
                                    // techniques stay: "Nuclear Magnetic Resonance (NMR)", "Positron Emission
                                    // Tomography (PET)" are methods of the sciences.)
                                    "actuator", "actuators", "robot", "robots", "manipulator", "manipulators",
                                    "gripper", "grippers", "exoskeleton", "vehicle", "vehicles", "sensor", "sensors",
                                    "camera", "cameras", "disorder", "disorders", "disease", "diseases", "syndrome",
                                    "pressure", "force", "forces", "gravity",
                                    "mass", "freedom", "torque", "velocity", "station"])

    /// Where the last word of [s, e) starts: after its last space or hyphen.
    static func lastWordStart(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var w = e
        while w > s && !Byte.isSpace(t[w - 1]) && t[w - 1] != 45 { w -= 1 }
        return w
    }

    /// A plural acronym ("VideoLMs", "GNNs") names a class of things, not one named thing.
    static func isPluralAcronym(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        e - s >= 3 && t[e - 1] == 115 && Byte.isUpper(t[e - 2])
    }

    /// Acronyms for classes of models rather than a model ("LVLM", "MLLMs", "VLA"): NameShape allows them
    /// when hyphenated, never alone.
    static func isGenericModelClass(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> Bool {
        NameShape.isGeneric(t, tok.start, tok.end, plural: true)
    }

    static func isNounCue(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> Bool { nounCues.contains(tok) }

    /// Nouns that, right after a name, say what kind of thing it is ("the CATER dataset").
    static let nounCues = WordSet(["benchmark", "benchmarks", "dataset", "datasets", "suite", "environment",
                                       "environments", "simulator", "model", "models", "algorithm", "agent",
                                       "framework", "method", "policy", "architecture", "corpus", "library", "game",
                                       "games", "testbed", "leaderboard"])

    static func isContextVerb(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> Bool { contextVerbs.contains(tok) }

    /// The words of `contextVerbs` that introduce examples of the noun before them.
    static let exampleWords = WordSet(["including", "like", "e.g"])

    /// Comparison and usage words after which a name-shaped token is a method ("outperforms X").
    static let contextVerbs = WordSet(["outperforms", "outperform", "outperforming", "surpasses", "surpassing",
                                       "than", "versus", "vs", "beats", "finetune", "fine-tune", "fine-tuning",
                                       "finetuning", "fine-tunes", "distill", "including", "like", "e.g"])

    /// Items of an enumeration that contains the token at `index`: "A, B, and C", "A and B", up to three
    /// words each, each a name-shaped token or a short run of capitalised words.
    /// With `anyWord`, items are any one to three words (to find catalogued neighbours), not only names.
    static func listNeighbours(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], first firstIndex: Int,
                               last index: Int, anyWord: Bool = false) -> [Range<Int>] {
        var items: [Range<Int>] = []
        // Forward: ", B", ", and C", " and B".
        var j = index
        while j < tokens.count && !tokens[j].endsSentence {
            let separatedByComma = tokens[j].trailing == 44
            var k = j + 1
            if k < tokens.count, conjunctions.contains(tokens[k]) { k += 1 }
            else if !separatedByComma { break }
            guard let item = anyWord ? (k < tokens.count ? k..<(k + 1) : nil) : nameItem(t, tokens, from: k) else { break }
            items.append(tokens[item.lowerBound].start..<tokens[item.upperBound - 1].end)
            j = item.upperBound - 1
        }
        // Backward: "A, " or "A and " before the entity.
        var first = firstIndex
        while first > 0 {
            var p = first - 1
            if conjunctions.contains(tokens[p]) { p -= 1 } else if tokens[p].trailing != 44 { break }
            guard p >= 0, !tokens[p].endsSentence,
                  let item = anyWord ? p..<(p + 1) : nameItem(t, tokens, endingAt: p) else { break }
            items.append(tokens[item.lowerBound].start..<tokens[item.upperBound - 1].end)
            first = item.lowerBound
        }
        return items
    }

    static func isCapitalised(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> Bool {
        Byte.isUpper(t[tok.start]) || NameShape.isName(t, tok.start, tok.end)
    }

    /// A list item starting at token `k`: one name-shaped token, or one to three capitalised words ending at
    /// a comma, "and"/"or", or the sentence end.
    static func nameItem(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from k: Int) -> Range<Int>? {
        guard k < tokens.count, isCapitalised(t, tokens[k]) else { return nil }
        var e = k
        while e < tokens.count && e - k < 3 {
            // A lower-case word after an item of one name-shaped word ends it: "SuperPoint and D2-Net in the
            // task". (Capitalised words before one are mostly a phrase in title case: "Matrix Factorization for".)
            guard isCapitalised(t, tokens[e]) else {
                guard e == k + 1, NameShape.isName(t, tokens[k].start, tokens[k].end) else { return nil }
                e -= 1
                break
            }
            if tokens[e].trailing != 32 || tokens[e].endsSentence { break }
            if e + 1 < tokens.count, conjunctions.contains(tokens[e + 1]) { break }
            e += 1
        }
        guard e < tokens.count, e - k < 3 else { return nil }
        let range = k..<(e + 1)
        return acceptItem(t, tokens, range) ? range : nil
    }

    static func nameItem(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], endingAt e: Int) -> Range<Int>? {
        guard e >= 0, isCapitalised(t, tokens[e]) else { return nil }
        var s = e
        while s > 0 && e - s < 2 && isCapitalised(t, tokens[s - 1]) && tokens[s - 1].trailing == 32
            && !tokens[s - 1].endsSentence && !conjunctions.contains(tokens[s - 1]) {
            s -= 1
        }
        let range = s..<(e + 1)
        return acceptItem(t, tokens, range) ? range : nil
    }

    /// An item is a name when one of its words is name-shaped, or it has two or three capitalised words none
    /// of which opens a sentence.
    static func acceptItem(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ r: Range<Int>) -> Bool {
        // "Convolutional Neural Networks (CNNs), …": the words before a parenthesis are no item with it.
        guard Byte.balancedBrackets(t, tokens[r.lowerBound].start, tokens[r.upperBound - 1].end) else { return false }
        if r.contains(where: { NameShape.isName(t, tokens[$0].start, tokens[$0].end) && !isGenericModelClass(t, tokens[$0]) }) {
            return true
        }
        guard r.count >= 2 else { return false }
        if r.lowerBound > 0 && tokens[r.lowerBound - 1].endsSentence { return false }
        return !r.contains { IntroducedNames.phraseOpeners.contains(tokens[$0]) }
    }
}
