import Foundation

/// One annotated or predicted entity of a paper, in the gold guideline's terms.
public struct ScoredEntity: Sendable, Hashable {
    public var name: String
    public var type: EntityType?
    public var altType: EntityType?
    public var surfaces: [String]
    public var introduced: Bool
    public var optional: Bool

    public init(name: String, type: EntityType?, altType: EntityType? = nil, surfaces: [String] = [],
                introduced: Bool = false, optional: Bool = false) {
        self.name = name
        self.type = type
        self.altType = altType
        self.surfaces = surfaces
        self.introduced = introduced
        self.optional = optional
    }

    /// Lower-case a–z and 0–9 of the name and every surface: the forms two entities are matched on.
    public var keys: Set<String> {
        Set(([name] + surfaces).map(ScoredEntity.normalize).filter { !$0.isEmpty })
    }

    public static func normalize(_ s: String) -> String {
        String(decoding: s.lowercased().utf8.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }, as: UTF8.self)
    }
}

/// Precision, recall and F1 from counts.
public struct PRF: Sendable, Equatable {
    public var truePositives = 0
    public var predicted = 0
    public var expected = 0

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    public var recall: Double { expected == 0 ? 0 : Double(truePositives) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// Scores predicted entities against gold, paper by paper, with the rule of the gold guideline's issue: two
/// entities match when a normalised form of the name or any surface of one equals one of the other; each
/// entity matches at most once; predictions matching an optional gold entity are ignored, and an unmatched
/// optional gold entity is no miss.
public struct EntityScore: Sendable {
    public var overall = PRF()
    public var byType: [EntityType: PRF] = [:]
    public var introduced = PRF()
    public var typeAgreements = 0
    public var typedPairs = 0
    public var misses: [(paper: String, entity: ScoredEntity)] = []
    public var extras: [(paper: String, entity: ScoredEntity)] = []
    public var wrongTypes: [(paper: String, gold: ScoredEntity, predicted: ScoredEntity)] = []
    /// Matched pairs that disagree on whether the paper introduces the entity.
    public var wrongIntroduced: [(paper: String, gold: ScoredEntity, predicted: ScoredEntity)] = []
    public var papers = 0

    public init() {}

    public var typeAccuracy: Double { typedPairs == 0 ? 0 : Double(typeAgreements) / Double(typedPairs) }

    /// Adds one paper's gold and predicted entities.
    public mutating func add(paper: String, gold: [ScoredEntity], predicted: [ScoredEntity]) {
        papers += 1
        var used = [Bool](repeating: false, count: predicted.count)
        var ignored = [Bool](repeating: false, count: predicted.count)
        let predKeys = predicted.map(\.keys)
        func partner(for g: ScoredEntity) -> Int? {
            let keys = g.keys
            // Prefer a prediction whose own name matches, then any surface overlap.
            let nameKey = ScoredEntity.normalize(g.name)
            if let i = predicted.indices.first(where: { !used[$0] && ScoredEntity.normalize(predicted[$0].name) == nameKey }) {
                return i
            }
            return predicted.indices.first { !used[$0] && !predKeys[$0].isDisjoint(with: keys) }
        }
        var goldIntroduced = 0
        for g in gold where !g.optional {
            overall.expected += 1
            if let t = g.type { byType[t, default: PRF()].expected += 1 }
            if g.introduced { goldIntroduced += 1 }
            if let i = partner(for: g) {
                used[i] = true
                let p = predicted[i]
                overall.truePositives += 1
                if let t = g.type {
                    typedPairs += 1
                    if p.type == t || (p.type != nil && p.type == g.altType) { typeAgreements += 1 }
                    else { wrongTypes.append((paper, g, p)) }
                }
                // By-type precision and recall credit a pair where the type agrees.
                if let t = p.type, p.type == g.type || p.type == g.altType {
                    byType[t, default: PRF()].truePositives += 1
                    if t != g.type, let gt = g.type { byType[gt, default: PRF()].expected -= 1; byType[t, default: PRF()].expected += 1 }
                }
                if g.introduced && p.introduced { introduced.truePositives += 1 }
                if g.introduced != p.introduced { wrongIntroduced.append((paper, g, p)) }
            } else {
                misses.append((paper, g))
            }
        }
        for g in gold where g.optional {
            if let i = partner(for: g) {
                used[i] = true
                ignored[i] = true
            }
        }
        introduced.expected += goldIntroduced
        for (i, p) in predicted.enumerated() where !ignored[i] {
            overall.predicted += 1
            if let t = p.type { byType[t, default: PRF()].predicted += 1 }
            if p.introduced { introduced.predicted += 1 }
            if !used[i] { extras.append((paper, p)) }
        }
    }
}
