import Foundation
import LitgraphAnalysis
import LitgraphCorpus
import LitgraphExtraction
import Testing

/// Reference values from `Fixtures/expected_association.json`, written by `Fixtures/make_association.py`
/// (networkx 3.6.1 for k_i and m, exact fractions for the ratios; the script's header gives every formula).
struct ExpectedAssociation: Decodable, Sendable {
    struct Pair: Decodable, Sendable {
        var a: String
        var b: String
        var count: Int
        var papersA: Int
        var papersB: Int
        var association: Double
        var associationVOS: Double
        var jaccard: Double
        var cosine: Double
        var inclusion: Double
        var npmi: Double

        enum CodingKeys: String, CodingKey {
            case a, b, count, association, jaccard, cosine, inclusion, npmi
            case papersA = "papers_a", papersB = "papers_b", associationVOS = "association_vos"
        }
    }

    struct Corpus: Decodable, Sendable {
        var papers: Int
        /// [paper, entity, mention count]
        var mentions: [[Mention.Field]]
        var types: [String: String]
        var entityPapers: [String: Int]
        var linkWeight: [String: Int]
        var totalWeight: Int
        var pairs: [Pair]

        enum CodingKeys: String, CodingKey {
            case papers, mentions, types, pairs
            case entityPapers = "entity_papers", linkWeight = "link_weight", totalWeight = "total_weight"
        }
    }

    var small: Corpus
    var always: Corpus

    static let values: ExpectedAssociation = {
        guard let url = Bundle.module.url(forResource: "expected_association", withExtension: "json",
                                          subdirectory: "Fixtures")
        else { fatalError("Fixtures/expected_association.json missing from the test bundle") }
        do {
            return try JSONDecoder().decode(ExpectedAssociation.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read expected_association.json: \(error)")
        }
    }()
}

extension Mention {
    /// A cell of the fixture's mention rows: a string (paper, entity) or an integer (mention count).
    enum Field: Decodable, Sendable, Equatable {
        case text(String)
        case number(Int)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let n = try? container.decode(Int.self) { self = .number(n) } else { self = .text(try container.decode(String.self)) }
        }
    }
}

/// `AssociationTable`: counts and measures against hand computation and make_association.py, filters, ties,
/// and real pairs of the bundled corpus.
@Suite struct AssociationTests {
    /// The "small" corpus of make_association.py, written out here too (literalCorporaMatchTheScript checks it):
    /// 10 papers, p9 and p10 without entities, DMC named 5 times in p2 and listed twice in p8.
    static let small: [Mention] = [
        m("p1", "DreamerV3", .method), m("p1", "DMC", .benchmark, 2), m("p1", "Atari", .benchmark),
        m("p2", "DreamerV3", .method, 3), m("p2", "DMC", .benchmark, 5),
        m("p3", "DrQ-v2", .method), m("p3", "DMC", .benchmark),
        m("p4", "DrQ-v2", .method), m("p4", "DMC", .benchmark), m("p4", "ImageNet", .dataset),
        m("p4", "ResNet", .method, 2),
        m("p5", "ImageNet", .dataset), m("p5", "ResNet", .method),
        m("p6", "ImageNet", .dataset, 4), m("p6", "ResNet", .method), m("p6", "CLIP", .method),
        m("p7", "Atari", .benchmark),
        m("p8", "Atari", .benchmark), m("p8", "DMC", .benchmark), m("p8", "CURL", .method),
        m("p8", "DrQ-v2", .method), m("p8", "DMC", .benchmark, 2),
    ]
    /// Two papers, both naming X and Y: c_ij = N, where NPMI is 0/0 and defined as 1.
    static let always: [Mention] = [m("q1", "X", .method), m("q1", "Y", .method), m("q2", "X", .method, 2),
                                    m("q2", "Y", .method)]

    static func m(_ paper: String, _ entity: String, _ type: EntityType, _ count: Int = 1) -> Mention {
        Mention(paper: paper, entity: entity, type: type, count: count)
    }

    let table = AssociationTable(mentions: small, paperCount: 10)

    func index(_ name: String) throws -> Int { try #require(table.index(of: name), "\(name) not in the table") }

    func pair(_ x: String, _ y: String) throws -> EntityAssociation {
        let i = try index(x), j = try index(y)
        return try #require(table.pairs.first { ($0.a, $0.b) == (min(i, j), max(i, j)) }, "no pair \(x)–\(y)")
    }

    func partners(of name: String, by measure: AssociationMeasure, limit: Int? = nil, minCount: Int = 1,
                  minPapers: Int = 1, include: (EntityNode) -> Bool = { _ in true }) throws -> [String] {
        let i = try index(name)
        return table.strongest(for: i, by: measure, limit: limit, minCount: minCount, minPapers: minPapers,
                               include: include).map { table.entities[$0.partner(of: i)].name }
    }

    @Test func literalCorporaMatchTheScript() {
        let expected = ExpectedAssociation.values
        for (literal, stored) in [(Self.small, expected.small), (Self.always, expected.always)] {
            #expect(literal.map { [Mention.Field.text($0.paper), .text($0.entity), .number($0.count)] } == stored.mentions)
            #expect(literal.allSatisfy { stored.types[$0.entity] == $0.type.rawValue })
        }
    }

    @Test func everyPairMatchesThePythonReference() throws {
        let expected = ExpectedAssociation.values
        for (mentions, reference) in [(Self.small, expected.small), (Self.always, expected.always)] {
            let table = AssociationTable(mentions: mentions, paperCount: reference.papers)
            #expect(table.paperCount == reference.papers)
            #expect(table.totalWeight == reference.totalWeight)
            #expect(Dictionary(uniqueKeysWithValues: table.entities.map { ($0.name, $0.papers) }) == reference.entityPapers)
            #expect(Dictionary(uniqueKeysWithValues: table.entities.indices.map { (table.entities[$0].name, table.linkWeight[$0]) })
                    == reference.linkWeight)
            #expect(table.pairs.count == reference.pairs.count)
            for r in reference.pairs {
                let i = try #require(table.index(of: r.a)), j = try #require(table.index(of: r.b))
                let p = try #require(table.pairs.first { ($0.a, $0.b) == (min(i, j), max(i, j)) }, "\(r.a)–\(r.b)")
                let (papersI, papersJ) = i < j ? (p.papersA, p.papersB) : (p.papersB, p.papersA)
                #expect(p.count == r.count && papersI == r.papersA && papersJ == r.papersB, "\(r.a)–\(r.b) counts")
                let pairs: [(AssociationMeasure, Double)] = [
                    (.association, r.association), (.associationVOS, r.associationVOS), (.jaccard, r.jaccard),
                    (.cosine, r.cosine), (.inclusion, r.inclusion), (.npmi, r.npmi), (.count, Double(r.count)),
                ]
                for (measure, value) in pairs {
                    #expect(abs(p.value(measure) - value) <= 1e-12, "\(r.a)–\(r.b) \(measure): \(p.value(measure)) vs \(value)")
                }
            }
        }
    }

    /// DMC–DrQ-v2 worked by hand: N = 10, c = 3 (p3, p4, p8), c_DMC = 5 (p1, p2, p3, p4, p8), c_DrQ-v2 = 3;
    /// m = 21 pair-papers, k_DMC = 2+1+3+2+1+1 = 10 (Atari, CURL, DrQ-v2, DreamerV3, ImageNet, ResNet), k_DrQ-v2 = 7.
    @Test func handComputedPair() throws {
        let p = try pair("DMC", "DrQ-v2")
        #expect(p.count == 3)
        let dmc = try index("DMC"), drq = try index("DrQ-v2")
        #expect(table.entities[dmc].papers == 5)
        #expect(table.linkWeight[dmc] == 10 && table.linkWeight[drq] == 7)
        #expect(table.totalWeight == 21)
        #expect(p.association == 2.0)                         // 10·3 / (5·3)
        #expect(abs(p.associationVOS - 1.8) <= 1e-15)         // 2·21·3 / (10·7) = 126/70
        #expect(p.jaccard == 0.6)                             // 3 / (5 + 3 − 3)
        #expect(abs(p.cosine - 3 / 15.0.squareRoot()) <= 1e-15)
        #expect(p.inclusion == 1)                             // 3 / min(5, 3)
        #expect(abs(p.npmi - log(2) / log(10.0 / 3)) <= 1e-15) // ln(0.3/(0.5·0.3)) / −ln 0.3
        // ImageNet and ResNet are always together (3 papers each, 3 in common) but not in every paper.
        let together = try pair("ImageNet", "ResNet")
        #expect(together.npmi == 1 && together.jaccard == 1 && together.cosine == 1)
        // DMC–ImageNet co-occur less than chance (1 < 5·3/10): negative NPMI, probabilistic strength below 1.
        let rare = try pair("DMC", "ImageNet")
        #expect(rare.npmi < 0 && rare.association < 1)
    }

    @Test func countEqualToNDefinesNPMIAsOne() {
        let table = AssociationTable(mentions: Self.always)
        #expect(table.paperCount == 2)
        #expect(table.pairs.count == 1)
        #expect(table.pairs[0].count == 2 && table.pairs[0].npmi == 1)
        #expect(table.pairs[0].association == 1)  // independent by this measure: 2·2/(2·2)
        #expect(!table.pairs[0].npmi.isNaN)
    }

    @Test func countsArePapersNotMentions() {
        // The same papers with every mention count 1 and no repeated record give the same table.
        var seen = Set<[String]>()
        let flat = Self.small.filter { seen.insert([$0.paper, $0.entity]).inserted }
            .map { Mention(paper: $0.paper, entity: $0.entity, type: $0.type) }
        #expect(flat.count == Self.small.count - 1)
        let plain = AssociationTable(mentions: flat, paperCount: 10)
        #expect(plain.entities == table.entities)
        #expect(plain.pairs == table.pairs)
        #expect(table.entities.first { $0.name == "DMC" }?.papers == 5)
    }

    @Test func theTwoAssociationStrengthsDisagree() throws {
        // DreamerV3 shares 2 of its 2 papers with DMC and links to little else (k = 3); DrQ-v2 shares 3 of 3
        // but links widely (k = 7). Probabilistic strength ties them at 2 (count breaks the tie); VOSviewer's
        // divides by link weight and puts DreamerV3 first.
        #expect(try partners(of: "DMC", by: .association).first == "DrQ-v2")
        #expect(try partners(of: "DMC", by: .associationVOS).first == "DreamerV3")
        let x = try pair("DMC", "DreamerV3"), y = try pair("DMC", "DrQ-v2")
        #expect(x.association == y.association)
        #expect(x.associationVOS > y.associationVOS)
        // Not a constant factor apart either.
        let ratios = Set(table.pairs.map { $0.associationVOS / $0.association })
        #expect(ratios.count > 1)
        #expect(AssociationMeasure.association.variant != AssociationMeasure.associationVOS.variant)
    }

    @Test func tiesGoToCountThenName() throws {
        // DrQ-v2, DreamerV3 and CURL all have 2.0 with DMC (counts 3, 2, 1); ImageNet and ResNet tie on
        // everything and go by name.
        #expect(try partners(of: "DMC", by: .association)
                == ["DrQ-v2", "DreamerV3", "CURL", "Atari", "ImageNet", "ResNet"])
        #expect(try partners(of: "DMC", by: .associationVOS)
                == ["DreamerV3", "DrQ-v2", "Atari", "CURL", "ImageNet", "ResNet"])
        #expect(try partners(of: "CLIP", by: .count) == ["ImageNet", "ResNet"])
        // Overall: five pairs share 10/3; ImageNet–ResNet has 3 papers, the rest 1 and go by names.
        let top = table.strongest(by: .association, limit: 5).map { [table.entities[$0.a].name, table.entities[$0.b].name] }
        #expect(top == [["ImageNet", "ResNet"], ["Atari", "CURL"], ["CLIP", "ImageNet"], ["CLIP", "ResNet"],
                        ["CURL", "DrQ-v2"]])
        // Same input, same order, whatever order the mentions came in.
        let shuffled = AssociationTable(mentions: Self.small.reversed(), paperCount: 10)
        for measure in AssociationMeasure.allCases {
            #expect(shuffled.strongest(by: measure).map { [shuffled.entities[$0.a].name, shuffled.entities[$0.b].name] }
                    == table.strongest(by: measure).map { [table.entities[$0.a].name, table.entities[$0.b].name] })
        }
    }

    @Test func filtersSelectWithoutChangingValues() throws {
        let byCount = table.strongest(by: .count, minCount: 2).map { [table.entities[$0.a].name, table.entities[$0.b].name, "\($0.count)"] }
        #expect(byCount == [["DMC", "DrQ-v2", "3"], ["ImageNet", "ResNet", "3"], ["Atari", "DMC", "2"], ["DMC", "DreamerV3", "2"]])
        // Entities with ≥ 3 papers: Atari, DMC, DrQ-v2, ImageNet, ResNet (not CLIP, CURL, DreamerV3).
        let frequent = table.strongest(by: .jaccard, minPapers: 3)
        #expect(frequent.count == 8)
        #expect(frequent.allSatisfy { table.entities[$0.a].papers >= 3 && table.entities[$0.b].papers >= 3 })
        // A filtered pair keeps the values it has in the whole network.
        let filtered = try #require(frequent.first { table.entities[$0.a].name == "DMC" && table.entities[$0.b].name == "DrQ-v2" })
        #expect(filtered == (try pair("DMC", "DrQ-v2")))
        #expect(try partners(of: "DMC", by: .association, minPapers: 3) == ["DrQ-v2", "Atari", "ImageNet", "ResNet"])
        #expect(try partners(of: "DMC", by: .association, limit: 2) == ["DrQ-v2", "DreamerV3"])
        #expect(try partners(of: "DMC", by: .association, limit: 0).isEmpty)
        #expect(try partners(of: "DMC", by: .npmi, include: { $0.type == .dataset }) == ["ImageNet"])
        #expect(table.strongest(by: .count, minCount: 4).isEmpty)
    }

    @Test func strongestPerEntityKeepsEachEntitysTopLinks() throws {
        let top = table.strongestPerEntity(by: .associationVOS, limit: 2)
        #expect(top.count == table.entities.count)
        let names = top.enumerated().map { i, list in list.map { table.entities[$0.partner(of: i)].name } }
        #expect(names[try index("DMC")] == ["DreamerV3", "DrQ-v2"])
        #expect(names[try index("CLIP")] == ["ImageNet", "ResNet"])
        #expect(names[try index("Atari")] == ["CURL", "DreamerV3"])  // both 2.8; CURL by name
        #expect(top.allSatisfy { $0.count <= 2 })
        let frequent = table.strongestPerEntity(by: .count, limit: 5, minCount: 2)
        #expect(frequent[try index("CLIP")].isEmpty)
        #expect(frequent[try index("DMC")].map(\.count) == [3, 2, 2])
    }

    /// On the bundled corpus, extracted straight from the listing: DeepMind Control Suite (exactly, not its
    /// family) is named in papers 6, 8, 13, 63 and 189; Adroit in 6 and 63, DrQ-v2 in 8 only.
    @Test func bundledCorpusPinsRealPairs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let corpus = root.appendingPathComponent("corpus/visual-rl-trending.txt")
        let papers = try readRecords(corpus)
        #expect(papers.count == 195)
        let extracted = Extractor(catalogue: try Catalogue.shipped()).extract(papers)
        let mentions = extracted.flatMap { paper in
            paper.entities.map { Mention(paper: paper.id, entity: $0.name, type: $0.type, count: $0.count) }
        }
        let table = AssociationTable(mentions: mentions, paperCount: papers.count)
        let dmc = try #require(table.index(of: "DeepMind Control Suite"))
        #expect(table.entities[dmc].papers == 5)
        let related = table.strongest(for: dmc, by: .count)
        func with(_ name: String) throws -> EntityAssociation {
            try #require(related.first { table.entities[$0.partner(of: dmc)].name == name }, "\(name) with DMC")
        }
        let adroit = try with("Adroit"), drq = try with("DrQ-v2")
        #expect(adroit.count == 2 && table.entities[adroit.partner(of: dmc)].papers == 2)
        #expect(drq.count == 1 && table.entities[drq.partner(of: dmc)].type == .method)
        #expect(adroit.association == 39)  // 195·2 / (5·2)
        #expect(adroit.jaccard == 0.4)     // 2 / (5 + 2 − 2)
        // Independent of the extractor: records whose text names both, by regular expression.
        let lines = try String(contentsOf: corpus, encoding: .utf8).components(separatedBy: "\n")
        let suite = try NSRegularExpression(pattern: "deepmind control suite", options: [.caseInsensitive])
        func both(_ other: String) throws -> [Int] {
            let pattern = try NSRegularExpression(pattern: other)
            return (1...195).filter { n in
                let record = lines[2 * n] + " " + lines[2 * n + 1]
                let range = NSRange(record.startIndex..., in: record)
                return suite.firstMatch(in: record, range: range) != nil && pattern.firstMatch(in: record, range: range) != nil
            }
        }
        #expect(try both("\\bAdroit\\b") == [6, 63])
        #expect(try both("\\bDrQ-v2\\b") == [8])
        // The most frequent pair of the corpus is found the same way whatever the measure's order.
        #expect(table.strongest(by: .count, limit: 1).first?.count == table.pairs.map(\.count).max())
    }
}
