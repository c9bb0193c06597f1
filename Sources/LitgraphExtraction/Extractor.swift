import LitgraphCorpus

/// One entity a paper mentions, with every surface form it is written as.
public struct ExtractedEntity: Sendable, Hashable {
    /// The canonical name (the catalogue's, or the paper's own for a new name).
    public var name: String
    public var type: EntityType
    /// Distinct strings by which the paper refers to it, as written, in order of first appearance.
    public var surfaces: [String]
    /// True when the paper presents the entity as its own contribution.
    public var introduced: Bool
    /// Number of mentions in title and abstract.
    public var count: Int
    /// True when the name comes from the catalogue rather than from this paper.
    public var catalogued: Bool
    /// Byte offset of the first mention (title first): extraction output keeps this order.
    public var firstOffset: Int
    /// The strongest role over the entity's mentions, ignoring `introduced` (see `role`).
    var mentionRole: MentionRole
    /// For a version or edition the catalogue does not know ("MobileVLM V2", "IWSLT 2010"), the catalogue entry
    /// it belongs to, so that the store can list it in that entry's family; nil otherwise (a catalogue entry's
    /// own parent is the catalogue's).
    public var parent: String? = nil

    /// How the paper relates to the entity: introduces, else the strongest of its mentions' roles (uses,
    /// then compares, then mentions).
    public var role: MentionRole { introduced ? .introduces : mentionRole }
}

/// How a paper relates to an entity it mentions.
public enum MentionRole: String, Sendable, Codable, CaseIterable {
    case introduces, uses, compares, mentions

    /// True for the roles that count as using an entity: evaluating on it, building on it, comparing with it.
    public var isUse: Bool { self == .uses || self == .compares }
}

/// The entities of one paper.
public struct PaperEntities: Sendable, Hashable {
    public var id: String
    public var title: String
    public var entities: [ExtractedEntity]
}

/// Finds the named methods, benchmarks and datasets in papers: catalogue names through one automaton, names
/// a paper introduces (title prefix, "we propose X"), and acronym definitions that tie a long form to its
/// short form. Built once per catalogue; `extract` is safe to call from many threads.
public final class Extractor: Sendable {
    public let catalogue: Catalogue
    /// The catalogue's entries, indexed by matcher hit values. Held apart from `catalogue` so that the hot
    /// loops read an array instead of copying the `Catalogue` struct (and retaining its storage) per hit.
    let entries: [CatalogueEntry]
    /// Each entry's `Builder.key` (lower-cased letters and digits): made once here, not per hit of every paper.
    let entryKeys: [String]
    let matcher: Matcher

    /// Catalogue entry by the lower-case letters and digits of each of its spellings, for names found from
    /// context that turn out to be known ones.
    let normalizedIndex: [String: Int]

    /// Per catalogue entry, the `longFormWords` of each of its spellings, for `sameLongFormAsSurface`.
    let surfaceWords: [[Set<String>]]

    /// Entries that are series with yearly editions, as the catalogue has some edition of them as an entry of
    /// its own (IWSLT 2014, SemEval-2010, Pascal VOC 2007): "IWSLT 2010" is then an edition the catalogue does
    /// not know, not IWSLT.
    let seriesEntries: Set<Int>

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        self.entries = catalogue.entries
        self.entryKeys = catalogue.entries.map { Builder.key($0.name) }
        self.matcher = Matcher(patterns: Self.patterns(for: catalogue))
        var index: [String: Int] = [:]
        for (i, entry) in catalogue.entries.enumerated() {
            for surface in entry.surfaces {
                let key = ScoredEntity.normalize(surface)
                if key.count >= 3 && index[key] == nil { index[key] = i }
            }
        }
        normalizedIndex = index
        surfaceWords = catalogue.entries.map { $0.surfaces.map(Self.longFormWords) }
        var series = Set<Int>()
        for (i, entry) in catalogue.entries.enumerated() {
            let key = ScoredEntity.normalize(entry.name).utf8
            guard key.count > 4, Self.isYear(key.suffix(4)) else { continue }
            if let base = index[String(decoding: key.dropLast(4), as: UTF8.self)], base != i { series.insert(base) }
        }
        seriesEntries = series
    }

    /// Matcher patterns for every surface of every entry, plus the run-together spelling of names written
    /// with separators (MetaWorld for Meta-World) and the hyphenated one of letters run into a number
    /// (UCF-101 for UCF101). A name written explicitly by one entry wins over a
    /// generated spelling of another; short names and ambiguous entries match only with their exact case.
    static func patterns(for catalogue: Catalogue) -> [MatcherPattern] {
        var result: [MatcherPattern] = []
        var taken = Set<String>()
        // Byte-wise where Foundation's string searches made most of the extractor's start-up time: "-" and
        // " " are single ASCII bytes, so replacing or dropping them keeps the UTF-8 valid.
        func key(_ s: String) -> String {
            String(decoding: s.lowercased().utf8.map { $0 == 45 ? 32 : $0 }, as: UTF8.self)
        }
        func trimmed(_ s: String) -> String {
            // Nearly every surface starts and ends with a visible ASCII byte: nothing to trim.
            guard let first = s.utf8.first, let last = s.utf8.last, first < 0x80, last < 0x80,
                  first != 32, first != 9, last != 32, last != 9 else { return s.trimmingCharacters(in: .whitespaces) }
            return s
        }
        for (index, entry) in catalogue.entries.enumerated() {
            for surface in entry.surfaces {
                let trimmed = trimmed(surface)
                guard !trimmed.isEmpty else { continue }
                taken.insert(key(trimmed))
                result.append(MatcherPattern(trimmed, exactCase: exactCase(trimmed, entry), value: Int32(index)))
            }
        }
        for (index, entry) in catalogue.entries.enumerated() {
            for surface in entry.surfaces where surface.utf8.contains(where: { $0 == 32 || $0 == 45 }) {
                let joined = String(decoding: surface.utf8.filter { $0 != 32 && $0 != 45 }, as: UTF8.self)
                guard joined.utf8.count >= 4, taken.insert(key(joined)).inserted else { continue }
                result.append(MatcherPattern(joined, exactCase: exactCase(joined, entry, written: false),
                                             value: Int32(index)))
            }
        }
        // And the other way: a name of letters then a number written run together is also written with a
        // hyphen or a space between them (UCF-101 for UCF101, HMDB-51 for HMDB51).
        for (index, entry) in catalogue.entries.enumerated() {
            for surface in entry.surfaces {
                let bytes = Array(surface.utf8)
                guard let split = bytes.firstIndex(where: Byte.isDigit), split >= 2,
                      bytes[..<split].allSatisfy(Byte.isLetter), bytes[split...].allSatisfy(Byte.isDigit) else { continue }
                let hyphenated = String(decoding: bytes[..<split] + [45] + bytes[split...], as: UTF8.self)
                guard taken.insert(key(hyphenated)).inserted else { continue }
                result.append(MatcherPattern(hyphenated, exactCase: exactCase(hyphenated, entry), value: Int32(index)))
            }
        }
        return result
    }

    /// Short names (five letters or fewer), one word in capitals (and nothing else) and ambiguous entries must
    /// match with their exact case: written in lower case, SUPERB, TRELLIS, NEWSROOM and BASALT are words.
    /// A name in capitals with digits, hyphens or spaces (EPIC-KITCHENS, PASCAL3D+) is no word in any case,
    /// and neither is the run-together spelling made from one (`written` false: WIDERFACE from WIDER FACE,
    /// which papers write WiderFace).
    static func exactCase(_ surface: String, _ entry: CatalogueEntry, written: Bool = true) -> Bool {
        let letters = surface.utf8.filter(Byte.isLetter).count
        return entry.ambiguous || letters <= 5 || (written && surface.utf8.allSatisfy(Byte.isUpper))
    }

    /// Papers of a corpus that may present the same uncatalogued name as their own before it counts as a term
    /// of the field rather than one paper's coinage: PCA, MCMC and ADMM, each "proposed" in some form by
    /// dozens of the 87,247 ml-conferences abstracts ("we propose an efficient MCMC sampler"), are not looked
    /// for in every other paper; a name two papers coin independently still is.
    static let maxIntroducers = 2

    /// Papers that must define an introduced name as a term (a long form not in title case), and outnumber
    /// those that write its long form as a name, before it counts as a term of the field and is not looked for
    /// in other papers.
    static let minTermPapers = 2

    /// The entities of many papers, in input order. Two passes: names that papers of this corpus introduce
    /// (and that look like names) are then found in every other paper too, unless more than `maxIntroducers`
    /// papers introduce them or the papers treat them as terms (`termsOfTheField`).
    public func extract(_ papers: [Paper]) -> [PaperEntities] {
        let first = papers.map { extract($0) }
        var introducers: [String: Int] = [:]
        for result in first {
            // Distinct names per paper: one paper's two spellings of its name count once.
            for name in Set(result.entities.lazy.filter { $0.introduced && !$0.catalogued }.map { $0.name.lowercased() }) {
                introducers[name, default: 0] += 1
            }
        }
        var seen: [String: Int] = [:] // position in `names`
        var names: [CorpusName] = []
        for result in first {
            for e in result.entities where e.introduced && !e.catalogued {
                let lowered = e.name.lowercased()
                guard introducers[lowered, default: 0] <= Self.maxIntroducers else { continue }
                if let i = seen[lowered] {
                    // Two papers coined the same acronym: either's long form makes it theirs.
                    names[i].longForms? += e.surfaces.filter { $0 != e.name }
                    continue
                }
                // Two letters ("SO" of "Special Orthogonal (SO)") are too often an ordinary abbreviation
                // elsewhere to be looked for in every paper, as discovery from context does not take them either.
                // Nor is a phrase that ends in a field's or task's noun: a paper may name itself after its field
                // ("Federated Learning: Strategies for …"), which the others then write as the field.
                let bytes = Array(e.name.utf8)
                // A plural acronym ("SVMs", "CRFs") names a class of things, whoever introduced it.
                guard bytes.count >= 3, bytes.withUnsafeBufferPointer({ NameShape.isName($0, 0, bytes.count)
                          && !DiscoveryRules.isPluralAcronym($0, 0, bytes.count) }),
                      !Self.endsInFieldNoun(bytes) else { continue }
                seen[lowered] = names.count
                names.append(CorpusName(name: e.name, type: e.type,
                                        longForms: Self.isShortAcronym(bytes) ? e.surfaces.filter { $0 != e.name } : nil))
            }
        }
        guard !names.isEmpty else { return first }
        // A name that two or more papers define as a term, by a long form not in title case ("the hybrid
        // zero dynamics (HZD) controller", "electronic health records (EHR)"), and fewer as a name, is a term
        // of the field that one paper appeared to present, not its coinage: it is not looked for either. (One
        // paper citing a coinage in lower case, "closed-loop adversarial training (CAT)", still finds it.)
        let terms = Self.termsOfTheField(names, in: papers, firstPass: first)
        names = names.indices.filter { !terms.contains($0) }.map { names[$0] }
        guard !names.isEmpty else { return first }
        let matcher = Self.corpusMatcher(names)
        // Only papers in which some corpus-wide name occurs are extracted again; for the rest the second pass
        // would repeat the first exactly.
        return zip(papers, first).map { paper, firstPass in
            let (text, _) = Self.bytes(of: paper)
            let mentionsCorpusName = text.withUnsafeBufferPointer { !matcher.matches(in: $0).isEmpty }
            return mentionsCorpusName ? extract(paper, corpusNames: matcher, corpusNameList: names) : firstPass
        }
    }

    /// The matcher of a corpus's names: exact case, each name's index its value.
    static func corpusMatcher(_ names: [CorpusName]) -> Matcher {
        Matcher(patterns: names.enumerated().map { MatcherPattern($1.name, exactCase: true, value: Int32($0)) })
    }

    /// The indices of `names` that the papers treat as terms of the field: defined as a term (a long form not
    /// in title case, `DiscoveryRules.definesTerminology`) by `minTermPapers` or more papers, and by more
    /// papers than define it as a name. The papers that introduce a name are no witnesses: their long form may
    /// read as a term, as "Closed-loop Adversarial Training" does, and still be their coinage. One pass over
    /// the papers, finding acronym definitions only in those that write some name; each paper's bytes are
    /// made again rather than kept (a million abstracts hold 1.4 GB).
    static func termsOfTheField(_ names: [CorpusName], in papers: [Paper], firstPass: [PaperEntities]) -> Set<Int> {
        let matcher = corpusMatcher(names)
        var termPapers = [Int](repeating: 0, count: names.count), namePapers = termPapers
        for (paper, result) in zip(papers, firstPass) {
            Self.bytes(of: paper).text.withUnsafeBufferPointer { t in
                let hits = matcher.matches(in: t)
                guard !hits.isEmpty else { return }
                let definitions = AcronymDefinitions.find(in: t)
                guard !definitions.isEmpty else { return }
                let own = Set(result.entities.lazy.filter(\.introduced).map { $0.name.lowercased() })
                var terms = Set<Int32>(), defined = Set<Int32>()
                for h in hits where !own.contains(names[Int(h.value)].name.lowercased()) {
                    guard let d = definitions.first(where: { $0.shortStart == h.start && $0.shortEnd == h.end }) else { continue }
                    if DiscoveryRules.definesTerminology(t, d) { terms.insert(h.value) } else { defined.insert(h.value) }
                }
                for value in terms { termPapers[Int(value)] += 1 }
                for value in defined.subtracting(terms) { namePapers[Int(value)] += 1 }
            }
        }
        return Set(names.indices.filter { termPapers[$0] >= minTermPapers && termPapers[$0] > namePapers[$0] })
    }

    /// Nouns that end the names of fields and tasks ("Federated Learning", "Visual Odometry", "Hierarchical
    /// Clustering").
    static let fieldNouns = WordSet([
        "learning", "odometry", "clustering", "estimation", "recognition", "detection", "segmentation",
        "classification", "regression", "localization", "localisation", "mapping", "tracking", "navigation",
        "reasoning", "retrieval", "translation", "summarization", "parsing", "tagging", "forecasting",
        "planning", "control", "inference", "optimization", "vision", "robotics", "processing",
    ])

    /// Whether a name of several words ends in one of `fieldNouns`.
    static func endsInFieldNoun(_ name: [UInt8]) -> Bool {
        guard let space = name.lastIndex(of: 32) else { return false }
        return name.withUnsafeBufferPointer { fieldNouns.contains($0, space + 1, $0.count) }
    }

    /// A paper as the extractor reads it: title, a newline, abstract, as UTF-8 with typographic punctuation
    /// in ASCII (`Typography`); and where the title ends.
    static func bytes(of paper: Paper) -> (text: [UInt8], titleEnd: Int) {
        // Usually the title has no typographic punctuation: then one buffer of the right size, filled once
        // and rewritten as a whole (the rewrite is local to each character, so the title's bytes stay as they
        // are and the newline is untouched).
        var text: [UInt8] = []
        text.reserveCapacity(paper.title.utf8.count + 1 + paper.abstract.utf8.count)
        text.append(contentsOf: paper.title.utf8)
        if !Typography.mayNeedRewrite(text) {
            let titleEnd = text.count
            text.append(10)
            text.append(contentsOf: paper.abstract.utf8)
            Typography.asciiPunctuation(&text)
            return (text, titleEnd)
        }
        Typography.asciiPunctuation(&text)
        let titleEnd = text.count
        text.append(10)
        var abstract = Array(paper.abstract.utf8)
        Typography.asciiPunctuation(&abstract)
        text.append(contentsOf: abstract)
        return (text, titleEnd)
    }

    /// The entities of one paper, in order of first mention.
    public func extract(_ paper: Paper) -> PaperEntities { extract(paper, corpusNames: nil, corpusNameList: []) }

    func extract(_ paper: Paper, corpusNames: Matcher?, corpusNameList: [CorpusName]) -> PaperEntities {
        let (text, titleEnd) = Self.bytes(of: paper)
        let entities = text.withUnsafeBufferPointer {
            extract(bytes: $0, titleEnd: titleEnd, corpusNames: corpusNames, corpusNameList: corpusNameList)
        }
        return PaperEntities(id: paper.id, title: paper.title, entities: entities)
    }

    /// Accumulates one paper's entities, keyed by lower-cased canonical name. Entities sit in an array in
    /// order of first addition and are updated in place there (a dictionary of values was read out, changed
    /// and written back, copying an entity's surfaces on each change).
    struct Builder {
        var entities: [ExtractedEntity] = []
        /// Each entity's `key`, at its position in `entities`: a paper has a few entities, so a scan of these
        /// beats hashing a String per lookup in a dictionary.
        var keys: [String] = []
        /// Byte ranges already counted as mentions, so a surface found twice is counted once.
        var covered: [Range<Int>] = []

        /// The position of the entity kept under `key`, if any. O(entities).
        func index(_ key: String) -> Int? { keys.firstIndex(of: key) }

        /// `key` is `Builder.key(name)` when the caller has it already (a catalogue entry's `entryKeys`).
        mutating func add(name: String, key: String? = nil, type: EntityType, surface: String, at range: Range<Int>,
                          catalogued: Bool, introduced: Bool = false, role: MentionRole, parent: String? = nil) {
            let key = key ?? Self.key(name)
            if let i = index(key) {
                if !entities[i].surfaces.contains(surface) { entities[i].surfaces.append(surface) }
                entities[i].count += 1
                entities[i].firstOffset = min(entities[i].firstOffset, range.lowerBound)
                entities[i].introduced = entities[i].introduced || introduced
                entities[i].mentionRole = RoleRules.stronger(entities[i].mentionRole, role)
                if entities[i].parent == nil { entities[i].parent = parent }
            } else {
                if keys.isEmpty {
                    // Room for a paper's usual entities at the first one, each array allocated once: most
                    // real abstracts have none, and then nothing is allocated at all.
                    entities.reserveCapacity(16)
                    keys.reserveCapacity(16)
                    covered.reserveCapacity(32)
                }
                keys.append(key)
                entities.append(ExtractedEntity(name: name, type: type, surfaces: [surface], introduced: introduced,
                                                count: 1, catalogued: catalogued, firstOffset: range.lowerBound,
                                                mentionRole: role, parent: parent))
            }
            covered.append(range)
        }

        func isCovered(_ r: Range<Int>) -> Bool { covered.contains { $0.overlaps(r) } }

        /// The key a name is kept under: its lower-cased letters and digits, so that one paper's "VLRewardBench"
        /// and "VL-RewardBench" are one entity (a name of punctuation only keeps its lower-cased self).
        static func key(_ name: String) -> String {
            let folded: String
            if let ascii = asciiKey(name) {
                folded = ascii
            } else {
                folded = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
            }
            return folded.isEmpty ? name.lowercased() : folded
        }

        /// `key` of an ASCII name, written straight into the String's storage; nil when the name has a
        /// non-ASCII byte.
        static func asciiKey(_ name: String) -> String? {
            var name = name
            return name.withUTF8 { u -> String? in
                guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
                return String(unsafeUninitializedCapacity: u.count) { out in
                    var n = 0
                    for b in u where Byte.isAlnum(b) { out[n] = Byte.lower(b); n += 1 }
                    return n
                }
            }
        }

        /// The position of the entity named `name` (in any spelling with the same key), if any.
        func position(_ name: String) -> Int? { index(Self.key(name)) }
    }

    /// A name that one paper of a corpus introduced, to be found in the others.
    public struct CorpusName: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        /// For a short acronym, the other spellings its paper gave it ("Dynamic Window Approach" for DWA), one
        /// of which another paper must write for its acronym to be this name; nil for other names.
        public var longForms: [String]? = nil
    }

    /// The normalised key without a plural "s" ("resnets" → "resnet"), for keys of five characters or more
    /// that end in a single "s"; else nil.
    static func singular(_ key: String) -> String? {
        guard key.utf8.count >= 5, key.hasSuffix("s"), !key.hasSuffix("ss") else { return nil }
        return String(key.dropLast())
    }

    /// Whether a machine's noun follows `end` after a space or hyphen ("GelSight sensor", "HyQ robot").
    static func namesMachine(_ t: UnsafeBufferPointer<UInt8>, _ tokens: [Token], end: Int) -> Bool {
        guard let j = tokens.index(startingAt: end + 1), t[end] == 32 || t[end] == 45 else { return false }
        return machineNouns.contains(tokens[j])
    }

    /// The nouns that end a title presenting a machine (`IntroducedNames.hardwareHeads`), and the parts and
    /// plurals a name may stand before.
    static let machineNouns = WordSet(union: [IntroducedNames.hardwareHeads, WordSet([
        "sensors", "camera", "cameras", "muscle", "muscles", "hand", "hands", "arm", "arms", "finger", "fingers",
        "skin", "device", "devices", "drones",
    ])])

    /// Whether a capitalised word follows `end` after a space or hyphen ("… View" after "Bird's Eye"): the
    /// hit is then the start of a longer phrase in title case, not the name.
    static func continuesTitlePhrase(_ t: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        end + 2 < t.count && (t[end] == 32 || t[end] == 45) && Byte.isUpper(t[end + 1]) && Byte.isLower(t[end + 2])
    }

    /// Whether a name is several words, each capitalised and otherwise lower case ("Bird's Eye", "Mini
    /// Cheetah"): an ordinary phrase in title case, which another paper may write as part of a longer one
    /// ("Bird's Eye View"). Most coined names have a capital or a digit inside a word ("TorqueNet3").
    static func isPlainWords(_ name: String) -> Bool {
        var words = 0, start = true
        for b in name.utf8 {
            if b == 32 || b == 45 { start = true; continue }
            if start { guard Byte.isUpper(b) else { return false }; words += 1; start = false }
            else if Byte.isUpper(b) || Byte.isDigit(b) { return false }
        }
        return words >= 2
    }

    /// Whether a name is two to five capital letters and nothing else ("DWA", "CAT", "MOGP"). Such acronyms
    /// mean different things in different papers: in a sample of 40 of them that the 87,247 ml-conferences
    /// abstracts got from another paper's introduction, 4 meant what that paper meant ("CAT": Closed-loop
    /// Adversarial Training there, Cultural Alignment Test here).
    static func isShortAcronym(_ name: [UInt8]) -> Bool {
        (2...5).contains(name.count) && name.allSatisfy(Byte.isUpper)
    }

    /// Whether `t` holds `phrase` in any ASCII case. O(|t| · |phrase|) at worst; asked only of the few papers
    /// where a short acronym from another paper occurs.
    static func containsFolded(_ t: UnsafeBufferPointer<UInt8>, _ phrase: String) -> Bool {
        let p = Array(phrase.utf8).map(Byte.lower)
        guard let first = p.first, p.count <= t.count else { return false }
        var i = 0
        while i + p.count <= t.count {
            if Byte.lower(t[i]) == first {
                var k = 1
                while k < p.count && Byte.lower(t[i + k]) == p[k] { k += 1 }
                if k == p.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The entities of one paper in UTF-8 bytes whose title occupies [0, titleEnd). `corpusNames` is a matcher
    /// over names introduced elsewhere in the corpus (values index `corpusNameList`).
    func extract(bytes t: UnsafeBufferPointer<UInt8>, titleEnd: Int, corpusNames: Matcher? = nil,
                 corpusNameList: [CorpusName] = []) -> [ExtractedEntity] {
        let tokens = tokenize(t)
        // Nothing inside a URL is a mention ("hil-serl.github.io").
        let urls = tokens.filter { $0.mayBeURL && Self.isURL(t, $0) }.map { $0.start..<$0.end }
        let raw = urls.isEmpty ? matcher.matches(in: t, tokens: tokens)
            : matcher.matches(in: t, tokens: tokens).filter { h in !urls.contains { $0.overlaps(h.start..<h.end) } }
        let definitions = AcronymDefinitions.find(in: t, tokens: tokens)
        // A paper that defines an acronym its own way ("context-free grammar (CFG)") means that, not the
        // catalogue's entity of the same short name (CFG, classifier-free guidance).
        var redefined = Set<String>()
        // The long forms of catalogue entities' definitions: another entity's name inside one is a word of it
        // ("Janus" in "IARPA Janus Benchmark A (IJB-A)"), not a mention.
        var spelledOut: [(long: Range<Int>, value: Int32)] = []
        for d in definitions {
            guard let h = raw.first(where: { $0.start == d.shortStart && $0.end == d.shortEnd }) else { continue }
            let known = raw.contains { $0.value == h.value && $0.start >= d.longStart && $0.end <= d.longEnd }
                || sameLongFormAsSurface(Int(h.value), Self.longFormWords(t.string(d.longStart, d.longEnd)))
                || longFormHasCue(of: entries[Int(h.value)], d, t, tokens)
            if known { spelledOut.append((d.longStart..<d.longEnd, h.value)) } else { redefined.insert(t.string(d.shortStart, d.shortEnd)) }
        }
        func insideAnotherLongForm(_ h: MatcherHit) -> Bool {
            spelledOut.contains { $0.value != h.value && $0.long.lowerBound <= h.start && h.end <= $0.long.upperBound
                && $0.long != h.start..<h.end }
        }
        // Usually nothing is filtered out: then the hits are the raw ones, not a copy.
        let hits = redefined.isEmpty && spelledOut.isEmpty && !raw.contains(where: { entries[Int($0.value)].ambiguous })
            ? raw : raw.filter { h in
            if !redefined.isEmpty && redefined.contains(t.string(h.start, h.end)) { return false }
            if !spelledOut.isEmpty && insideAnotherLongForm(h) { return false }
            return !entries[Int(h.value)].ambiguous
                || AmbiguityRules.supported(h, type: entries[Int(h.value)].type, in: t, tokens: tokens, hits: raw,
                                            definitions: definitions)
        }
        var b = Builder()
        func tokenIndex(_ offset: Int) -> Int {
            var lo = 0, hi = tokens.count
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        func role(_ start: Int, _ end: Int, _ type: EntityType) -> MentionRole {
            RoleRules.role(t, tokens, at: tokenIndex(start), end: end, type: type)
        }
        /// A mention of a version or edition (`edition(of:number:series:)`).
        func add(_ edition: Edition, surface: String, at range: Range<Int>) {
            b.add(name: edition.name, key: edition.index.map { entryKeys[$0] }, type: edition.type, surface: surface,
                  at: range, catalogued: edition.index != nil, role: role(range.lowerBound, range.upperBound, edition.type),
                  parent: edition.series)
        }
        for hit in hits {
            let entry = entries[Int(hit.value)]
            var mentionEnd = hit.end
            if let end = Self.versionSuffixEnd(t, after: hit.end) {
                // A version the catalogue does not know, written after a space: "MobileVLM V2" is not MobileVLM.
                let surface = t.string(hit.start, end)
                b.add(name: surface, type: entry.type, surface: surface, at: hit.start..<end, catalogued: false,
                      role: role(hit.start, end, entry.type), parent: entry.name)
                continue
            } else if let end = Self.numberSuffixEnd(t, after: hit.end),
                      let edition = edition(of: ScoredEntity.normalize(t.string(hit.start, hit.end)),
                                            number: ScoredEntity.normalize(t.string(hit.end, end)), series: Int(hit.value)),
                      edition.index != Int(hit.value) {
                // A version number after a space names the catalogue's entry for that version, which the automaton
                // missed for the name's case: "LLaMA 2" is Llama 2, not LLaMA ("Llama 2" matches in its own case
                // only); "VOC 2012" is Pascal VOC 2012. A year the catalogue has no entry for is an edition of the
                // series: "IWSLT 2010", "SemEval 2012".
                add(edition, surface: t.string(hit.start, end), at: hit.start..<end)
                mentionEnd = end
            } else {
                b.add(name: entry.name, key: entryKeys[Int(hit.value)], type: entry.type,
                      surface: t.string(hit.start, hit.end), at: hit.start..<hit.end, catalogued: true,
                      role: role(hit.start, hit.end, entry.type))
            }
            // Further editions written as years alone: "PASCAL VOC 2007 and 2012", "KITTI 2012/2015".
            let years = Self.elidedYears(t, after: mentionEnd)
            for year in years {
                guard let edition = edition(of: ScoredEntity.normalize(t.string(hit.start, mentionEnd - 4)),
                                            number: t.string(year.lowerBound, year.upperBound)) else { break }
                add(edition, surface: t.string(year.lowerBound, year.upperBound), at: year)
            }
            // Siblings written as their number alone after a slash, where the catalogue has them: "CIFAR-10/100"
            // (CIFAR-100), "ResNet-50/101", "Kinetics-400/600".
            if years.isEmpty, let (digits, siblings) = Self.slashedNumbers(t, after: mentionEnd) {
                let stem = ScoredEntity.normalize(t.string(hit.start, mentionEnd - digits))
                for number in siblings {
                    guard let index = normalizedIndex[stem + t.string(number.lowerBound, number.upperBound)] else { break }
                    b.add(name: entries[index].name, key: entryKeys[index], type: entries[index].type,
                          surface: t.string(number.lowerBound, number.upperBound), at: number, catalogued: true,
                          role: role(number.lowerBound, number.upperBound, entries[index].type))
                }
            }
        }
        func hit(covering s: Int, _ e: Int) -> CatalogueEntry? {
            hits.first { $0.start <= s && e <= $0.end && (e - s) * 2 >= ($0.end - $0.start) }
                .map { entries[Int($0.value)] }
        }
        func exactHit(_ s: Int, _ e: Int) -> CatalogueEntry? {
            hits.first { $0.start == s && $0.end == e }.map { entries[Int($0.value)] }
        }
        /// The entry of a hit that is all of [s, e) but a last kind word ("Open Images Dataset").
        func hitBeforeKindWord(_ s: Int, _ e: Int) -> CatalogueEntry? {
            guard let h = hits.first(where: { $0.start == s && $0.end < e }) else { return nil }
            guard let j = tokens.index(startingAt: h.end + 1), tokens[j].end == e,
                  IntroducedNames.cueType(t, tokens[j]) != nil else { return nil }
            return entries[Int(h.value)]
        }

        // Names introduced by the paper; a catalogued one is marked, a new one added.
        let intros = IntroducedNames.find(in: t, titleEnd: titleEnd, tokens: tokens, definitions: definitions,
                                          isCatalogued: { s, e in exactHit(s, e) != nil })
        var newNames: [(name: String, type: EntityType)] = []
        var typed: [String] = [] // keys typed by a cue already: a few per paper, scanned
        for intro in intros {
            if let entry = hit(covering: intro.start, intro.end) {
                if let i = b.position(entry.name) { b.entities[i].introduced = true }
                continue
            }
            let surface = t.string(intro.start, intro.end)
            let key = Builder.key(surface)
            if let i = b.index(key) {
                // Seen before (title, then "we introduce X, a dataset"): the first cue that types it wins.
                b.entities[i].introduced = true
                if let hint = intro.typeHint, !typed.contains(key) { b.entities[i].type = hint; typed.append(key) }
                continue
            }
            if intro.typeHint != nil && !typed.contains(key) { typed.append(key) }
            b.add(name: surface, type: intro.typeHint ?? .method, surface: surface, at: intro.start..<intro.end,
                  catalogued: false, introduced: true, role: .uses)
            newNames.append((surface, intro.typeHint ?? .method))
        }

        // Names found from context.
        let discoveries = DiscoveryRules.find(in: t, tokens: tokens, definitions: definitions, hits: hits,
                                              typeOfHit: { entries[Int($0.value)].type })
        // A name the paper writes before a machine's noun ("GelSight sensors", "McKibben muscles", "the HyQ
        // robot") names hardware, which the annotation guideline never counts: not in this paper, wherever
        // it stands.
        let machines = Set(discoveries.lazy.filter { !$0.introduced && Self.namesMachine(t, tokens, end: $0.end) }
            .map { t.string($0.start, $0.end) })
        for d in discoveries where !b.isCovered(d.start..<d.end) && !NameShape.isBareVersion(t, d.start, d.end) {
            let surface = t.string(d.start, d.end)
            // A catalogue name spelled with other separators or case ("WMT-14" for WMT14, "LLaMA2" for Llama 2)
            // is that entity, unless the paper defines it as something else: "Active Disturbance Rejection
            // (ADR)" (a catalogue hit, redefined), "Self-Organizing Map (SOM)" (no hit, as the catalogue writes
            // Set-of-Mark's "SoM"), where the catalogue has a long form to compare with.
            let key = ScoredEntity.normalize(surface)
            // Or its plural ("ResNets", "MobileNets"): the architecture, written of several networks. (A
            // capital "S" ends a name of its own: MAGMaS, SeALS, MUSES.)
            if let index = normalizedIndex[key] ?? (t[d.end - 1] == 115 ? Self.singular(key).flatMap({ normalizedIndex[$0] }) : nil),
               !redefined.contains(surface),
               d.longForm.map({ sameLongFormAsSurface(index, Self.longFormWords(t.string($0.lowerBound, $0.upperBound)))
                   || !Self.knowsLongForm(entries[index]) }) ?? true {
                let entry = entries[index]
                b.add(name: entry.name, key: entryKeys[index], type: entry.type, surface: surface, at: d.start..<d.end, catalogued: true,
                      role: role(d.start, d.end, entry.type))
                continue
            }
            // An edition of a series written in one word ("CoNLL-2010", "SemEval-2012"), as after a space.
            if d.longForm == nil, !d.introduced, key.utf8.count > 4, Self.isYear(key.utf8.suffix(4)),
               let edition = edition(of: String(key.dropLast(4)), number: String(key.suffix(4))) {
                add(edition, surface: surface, at: d.start..<d.end)
                continue
            }
            if machines.contains(surface) && !d.introduced { continue }
            b.add(name: surface, type: d.typeHint ?? .method, surface: surface, at: d.start..<d.end,
                  catalogued: false, introduced: d.introduced, role: role(d.start, d.end, d.typeHint ?? .method))
            newNames.append((surface, d.typeHint ?? .method))
        }

        // Names known from other papers of the corpus (after this paper's own, which win).
        if let corpusNames {
            let found = corpusNames.matches(in: t)
            // Another paper's name that this one writes before a machine's noun is hardware here too.
            let machineNames = Set(found.lazy.filter { Self.namesMachine(t, tokens, end: $0.end) }.map(\.value))
            for h in found where !b.isCovered(h.start..<h.end) && !machineNames.contains(h.value) {
                let known = corpusNameList[Int(h.value)]
                // A short acronym is this paper's only where it writes the long form too.
                if let longForms = known.longForms, !longForms.contains(where: { Self.containsFolded(t, $0) }) { continue }
                if Self.continuesTitlePhrase(t, h.end), Self.isPlainWords(known.name) { continue }
                b.add(name: known.name, type: known.type, surface: t.string(h.start, h.end), at: h.start..<h.end,
                      catalogued: false, role: role(h.start, h.end, known.type))
            }
        }

        // Acronym definitions tie a long form to its short form: the side that is an entity gains the other
        // as a surface ("Proximal Policy Optimization (PPO)"; "Visual Reinforcement Fine-Tuning (Visual-RFT)").
        var localAliases: [(surface: String, name: String)] = []
        for d in definitions {
            let short = t.string(d.shortStart, d.shortEnd)
            let long = t.string(d.longStart, d.longEnd)
            let owner: String?
            if let e = exactHit(d.shortStart, d.shortEnd) ?? exactHit(d.longStart, d.longEnd)
                ?? hitBeforeKindWord(d.longStart, d.longEnd) {
                owner = e.name
            } else if let known = b.position(short) {
                owner = b.entities[known].name
            } else {
                owner = nil
            }
            guard let name = owner, let i = b.position(name) else { continue }
            for surface in [long, short] where !b.entities[i].surfaces.contains(surface) {
                b.entities[i].surfaces.append(surface)
                localAliases.append((surface, name))
            }
            let longRange = d.longStart..<d.longEnd, shortRange = d.shortStart..<d.shortEnd
            if !b.isCovered(longRange) { b.covered.append(longRange) }
            if !b.isCovered(shortRange) { b.covered.append(shortRange) }
        }

        // Count later mentions of new names and paper-local aliases that the automaton does not know.
        func countLater(_ surface: String, of name: String) {
            var surface = surface
            surface.withUTF8 { countLater(needle: $0, of: name) }
        }
        func countLater(needle: UnsafeBufferPointer<UInt8>, of name: String) {
            let entity = b.position(name)
            var from = 0
            while let r = Self.find(needle, in: t, from: from) {
                from = r.upperBound
                if b.isCovered(r) { continue }
                b.covered.append(r)
                if let i = entity {
                    b.entities[i].count += 1
                    b.entities[i].mentionRole = RoleRules.stronger(b.entities[i].mentionRole,
                                                                   role(r.lowerBound, r.upperBound, b.entities[i].type))
                }
            }
        }
        for new in newNames { countLater(new.name, of: new.name) }
        for alias in localAliases { countLater(alias.surface, of: alias.name) }
        let inOrder = b.entities.indices.dropFirst().allSatisfy { b.entities[$0 - 1].firstOffset <= b.entities[$0].firstOffset }
        return inOrder ? b.entities : b.entities.sorted { $0.firstOffset < $1.firstOffset }
    }

    static let benchmarkWords = WordSet(["benchmark", "benchmarks"])

    /// Whether a catalogue entry has a spelling of several words, a long form a paper's definition can be
    /// compared with (`sameLongFormAsSurface`); IJB-A, seeded from Papers with Code, has none.
    static func knowsLongForm(_ entry: CatalogueEntry) -> Bool {
        entry.surfaces.contains { $0.utf8.contains(32) }
    }

    /// Whether a long form without a catalogue spelling to compare it with is one of the entry's kind by its
    /// last word: "IARPA Janus Benchmark A (IJB-A)" defines the dataset IJB-A, whose entry knows no long
    /// form; "Privacy Preserving Attribution (PIPA)" is not the dataset PIPA. Datasets and benchmarks only, one
    /// kind here as papers call either by both names: a paper that writes "Evidential regression network
    /// (ENet)" coins a method of its own more often than it spells out the catalogue's.
    func longFormHasCue(of entry: CatalogueEntry, _ d: AcronymDefinition, _ t: UnsafeBufferPointer<UInt8>,
                        _ tokens: [Token]) -> Bool {
        guard !Self.knowsLongForm(entry) else { return false }
        var k = tokens.partitionPoint { $0.end > d.longEnd }
        // The last word, or the one before a final letter or number ("Benchmark A", "Challenge 2").
        while k > 0 && tokens[k - 1].start >= d.longStart {
            k -= 1
            guard let cue = IntroducedNames.cueType(t, tokens[k]) else {
                if tokens[k].end - tokens[k].start <= 2 && tokens[k].end == d.longEnd { continue }
                return false
            }
            switch (entry.type, cue) {
            case (.dataset, .dataset), (.benchmark, .benchmark), (.benchmark, .dataset): return true
            // A dataset is called a benchmark, not an environment or a simulator ("real-time indoor autonomous
            // vehicle test environment (RAVEN)" is no RAVEN of the catalogue).
            case (.dataset, .benchmark): return Self.benchmarkWords.contains(tokens[k])
            default: return false
            }
        }
        return false
    }

    /// Whether a paper's long form names the same thing as a catalogue spelling: at least half of the
    /// paper's content words (plural "s" aside) occur in it. "Google Street View House Number" is SVHN's
    /// "Street View House Numbers"; "context-free grammar" is not CFG's "Classifier-Free Guidance".
    static func sameLongForm(_ catalogued: String, _ written: String) -> Bool {
        sameLongForm(longFormWords(catalogued), longFormWords(written))
    }

    /// `sameLongForm` on the words of both sides (`longFormWords`).
    static func sameLongForm(_ a: Set<String>, _ b: Set<String>) -> Bool {
        guard !b.isEmpty else { return false }
        return Double(a.intersection(b).count) >= Double(b.count) / 2
    }

    /// The content words `sameLongForm` compares: lower-cased, a plural "s" dropped, small words left out.
    /// ASCII text (nearly all) is split on its bytes; other text as Characters, whose lower-casing and
    /// letter and number classes are Unicode's.
    static func longFormWords(_ s: String) -> Set<String> {
        var s = s
        if let words = s.withUTF8({ asciiLongFormWords($0) }) { return words }
        return Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { w in
            w.count > 3 && w.hasSuffix("s") ? String(w.dropLast()) : String(w)
        }.filter { !AcronymDefinitions.skippable.contains($0) })
    }

    /// `longFormWords` of ASCII bytes, or nil for other text: the same words, as for ASCII a letter or
    /// number Character is one letter or digit byte and lower-casing maps A–Z alone. Without a String per
    /// Character split, which made this the costliest step of a definition.
    static func asciiLongFormWords(_ u: UnsafeBufferPointer<UInt8>) -> Set<String>? {
        guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
        // The small words as a byte-keyed set (the same words as `skippable`), asked before a String is made.
        let skippable = AcronymDefinitions.skippableSet
        var words = Set<String>()
        var k = 0
        while k < u.count {
            while k < u.count && !Byte.isAlnum(u[k]) { k += 1 }
            let start = k
            while k < u.count && Byte.isAlnum(u[k]) { k += 1 }
            guard k > start else { continue }
            let end = k - start > 3 && Byte.lower(u[k - 1]) == 115 ? k - 1 : k
            if skippable.contains(u, start, end) { continue }
            words.insert(String(unsafeUninitializedCapacity: end - start) { out in
                for j in 0..<(end - start) { out[j] = Byte.lower(u[start + j]) }
                return end - start
            })
        }
        return words
    }

    /// Whether a paper's long form (its `longFormWords`) names the same thing as some spelling of catalogue
    /// entry `entry`, whose spellings' words are built once with the extractor, not per definition.
    func sameLongFormAsSurface(_ entry: Int, _ written: Set<String>) -> Bool {
        surfaceWords[entry].contains { Self.sameLongForm($0, written) }
    }

    /// The end of " V2" / " v1.5" right after a name, when it ends a word; nil otherwise.
    static func versionSuffixEnd(_ t: UnsafeBufferPointer<UInt8>, after end: Int) -> Int? {
        guard end + 2 < t.count, t[end] == 32, t[end + 1] == 86 || t[end + 1] == 118 else { return nil }
        return numberEnd(t, from: end + 2)
    }

    /// The end of the number ("2", "3.1") starting at `from`, when it ends a word; nil otherwise.
    static func numberEnd(_ t: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < t.count, Byte.isDigit(t[from]) else { return nil }
        var i = from
        while i < t.count && (Byte.isDigit(t[i]) || (t[i] == 46 && i + 1 < t.count && Byte.isDigit(t[i + 1]))) { i += 1 }
        return i == t.count || !Byte.isWord(t[i]) ? i : nil
    }

    /// The end of " 2" / " 3.1" right after a name, when the number ends a word (a hyphen may follow:
    /// "LLaMA 2-7B"), or of "-2010" (the matcher takes a name before a hyphen and digits only when they are a
    /// year); nil otherwise.
    static func numberSuffixEnd(_ t: UnsafeBufferPointer<UInt8>, after end: Int) -> Int? {
        guard end + 1 < t.count, t[end] == 32 || t[end] == 45 else { return nil }
        return numberEnd(t, from: end + 1)
    }

    /// A version or edition: a catalogue entry (`index`), or a new edition named after its series (`series`,
    /// its family in the store).
    typealias Edition = (name: String, type: EntityType, index: Int?, series: String?)

    /// Version or edition `number` (normalised: "2", "31", "2012") of the name whose spelling normalises to
    /// `key`, whose own entry is `known` where the caller has it: the catalogue's entry for it ("pascalvoc" +
    /// "2012": Pascal VOC 2012; "voc" + "2011" by the series' own name, PASCAL VOC 2011), else, for a year, a
    /// new edition of a series the catalogue keeps editions of ("iwslt" + "2010": IWSLT 2010); nil otherwise.
    func edition(of key: String, number: String, series known: Int? = nil) -> Edition? {
        guard !key.isEmpty else { return nil }
        if let index = normalizedIndex[key + number] { return (entries[index].name, entries[index].type, index, nil) }
        guard let series = known ?? normalizedIndex[key] else { return nil }
        if let index = normalizedIndex[entryKeys[series] + number] {
            return (entries[index].name, entries[index].type, index, nil)
        }
        guard seriesEntries.contains(series), Self.isYear(number.utf8) else { return nil }
        return (entries[series].name + " " + number, entries[series].type, nil, entries[series].name)
    }

    /// The years that follow a mention ending in a year, as further editions of its series: ", 2012",
    /// " and 2012", ", and 2012", " & 2012", "/2012", each a whole word. Empty unless the mention ends in a year.
    static func elidedYears(_ t: UnsafeBufferPointer<UInt8>, after end: Int) -> [Range<Int>] {
        guard end >= 5, isYear(t[(end - 4)..<end]), !Byte.isDigit(t[end - 5]) else { return [] }
        var years: [Range<Int>] = []
        var k = end
        while k < t.count {
            var j = k
            if t[j] == 47 { // "/"
                j += 1
            } else {
                if t[j] == 44 { j += 1 } // ","
                guard j < t.count, t[j] == 32 else { break }
                j += 1
                if j + 4 <= t.count, t[j] == 97, t[j + 1] == 110, t[j + 2] == 100, t[j + 3] == 32 { j += 4 } // "and "
                else if j + 2 <= t.count, t[j] == 38, t[j + 1] == 32 { j += 2 } // "& "
            }
            guard j + 4 <= t.count, isYear(t[j..<(j + 4)]), j + 4 == t.count || !Byte.isWord(t[j + 4]) else { break }
            years.append(j..<(j + 4))
            k = j + 4
        }
        return years
    }

    /// For a mention ending in a number ("CIFAR-10"), that number's length and the numbers written after it
    /// with a slash each ("/100", "/101/152"), whole words; nil where there are none.
    static func slashedNumbers(_ t: UnsafeBufferPointer<UInt8>, after end: Int) -> (Int, [Range<Int>])? {
        guard end < t.count, t[end] == 47, end > 0, Byte.isDigit(t[end - 1]) else { return nil }
        var d = end
        while d > 0 && Byte.isDigit(t[d - 1]) { d -= 1 }
        var numbers: [Range<Int>] = []
        var k = end
        while k < t.count && t[k] == 47 {
            var j = k + 1
            while j < t.count && Byte.isDigit(t[j]) { j += 1 }
            guard j > k + 1, j == t.count || !Byte.isWord(t[j]) else { break }
            numbers.append((k + 1)..<j)
            k = j
        }
        return numbers.isEmpty ? nil : (end - d, numbers)
    }

    /// Whether four digits are a year of 1950–2039: an edition of a series, not a count or a size.
    static func isYear<Digits: Collection<UInt8>>(_ d: Digits) -> Bool {
        guard d.count == 4, d.allSatisfy(Byte.isDigit) else { return false }
        return (1950...2039).contains(d.reduce(0) { $0 * 10 + Int($1) - 48 })
    }

    /// A token that is a web address: a scheme, "www.", or a dotted host with a path.
    static func isURL(_ t: UnsafeBufferPointer<UInt8>, _ tok: Token) -> Bool {
        // Cheap byte test first: an address has a "/" or a "." followed by a letter ("hil-serl.github.io");
        // most tokens have neither.
        var candidate = false
        for k in tok.start..<tok.end where t[k] == 47 || (t[k] == 46 && k + 1 < tok.end && Byte.isLetter(t[k + 1])) {
            candidate = true
            break
        }
        guard candidate else { return false }
        // ASCII tokens (nearly all): the same tests on lower-cased bytes, in place.
        if !(tok.start..<tok.end).contains(where: { t[$0] >= 0x80 }) {
            let count = tok.end - tok.start
            /// Whether the token, lower-cased, holds `s` (ASCII) at `offset`.
            func at(_ offset: Int, _ s: StaticString) -> Bool {
                let n = s.utf8CodeUnitCount
                guard offset >= 0, offset + n <= count else { return false }
                for k in 0..<n where Byte.lower(t[tok.start + offset + k]) != s.utf8Start[k] { return false }
                return true
            }
            func has(_ s: StaticString) -> Bool {
                let n = s.utf8CodeUnitCount
                guard count >= n else { return false }
                for offset in 0...(count - n) where at(offset, s) { return true }
                return false
            }
            return has("://") || at(0, "www.") || has(".io/") || has(".com/") || has(".org/")
                || at(count - ".github.io".utf8.count, ".github.io") || has(".github.io")
        }
        let s = t.string(tok.start, tok.end).lowercased()
        return s.contains("://") || s.hasPrefix("www.") || s.contains(".io/") || s.contains(".com/")
            || s.contains(".org/") || s.hasSuffix(".github.io") || s.contains(".github.io")
    }

    /// The next whole-word occurrence of `needle` (exact bytes) at or after `from`. Candidates are looked for
    /// sixteen positions at a time where the needle's first two bytes both match (two vector compares,
    /// `equal16`), and in the last 16 bytes by the first byte alone (`Byte.next`). O(|t| · |needle|) at
    /// worst, O(|t| / 16) when the bytes are rare.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in t: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return nil }
        let n = t.count
        let first = needle[0]
        // A one-byte needle's "second byte" is the first again, compared at the same position.
        let second = needle.count > 1 ? needle[1] : first, secondOffset = needle.count > 1 ? 1 : 0
        var i = from
        while i + needle.count <= n {
            if i &+ 17 <= n {
                let p = UnsafeRawPointer(t.baseAddress! + i)
                let (a0, a1) = equal16(p, first), (b0, b1) = equal16(p + secondOffset, second)
                let lo = a0 & b0, hi = a1 & b1
                if lo | hi == 0 { i &+= 16; continue }
                i &+= SWAR.firstFlagged(lo, hi)
            } else {
                // The last 16 bytes: the next place of the first byte.
                i = Byte.next(first, in: t, from: i)
            }
            if i + needle.count > n { break }
            // t[i] is the needle's first byte.
            var k = 1
            while k < needle.count && t[i + k] == needle[k] { k += 1 }
            if k == needle.count {
                let before = i == 0 || !Byte.isWord(t[i - 1])
                let end = i + needle.count
                let after = end == t.count || !(Byte.isWord(t[end]) || (t[end] == 45 && end + 1 < t.count && Byte.isAlnum(t[end + 1])))
                if before && after { return i..<end }
            }
            i += 1
        }
        return nil
    }
}
