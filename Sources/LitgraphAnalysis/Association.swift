import Foundation

/// A way to score how strongly two entities co-occur, from paper counts: c_ij papers mention both, c_ii
/// mention i, N papers in all. Two tools call different formulas "association strength", so both are here
/// under distinct names and every caller prints which one it used.
public enum AssociationMeasure: String, Sendable, CaseIterable {
    /// Probabilistic association strength, N·c_ij / (c_ii·c_jj): bibliometrix's `normalizeSimilarity`
    /// "association" (c_ij / (c_ii·c_jj)) scaled by N, so that it reads as observed over expected
    /// co-occurrences if i and j were independent (1 = independent, 2 = twice as often as chance).
    case association
    /// VOSviewer / CWTS association strength, a_ij / (k_i·k_j / 2m) = 2m·c_ij / (k_i·k_j), with k_i the total
    /// link weight of i and m the total edge weight of the co-occurrence network (van Eck & Waltman 2009,
    /// "How to normalize cooccurrence data?", JASIST 60(8)).
    case associationVOS = "association-vos"
    /// Jaccard index, c_ij / (c_ii + c_jj − c_ij): shared papers over papers with either.
    case jaccard
    /// Salton's cosine, c_ij / √(c_ii·c_jj).
    case cosine
    /// Inclusion index, c_ij / min(c_ii, c_jj): the share of the rarer entity's papers that mention the other.
    case inclusion
    /// Normalised pointwise mutual information (Bouma 2009), ln(p_ij / (p_i·p_j)) / −ln p_ij with p = count / N,
    /// in (−1, 1]: 0 = independent, 1 = always together. When c_ij = N (every paper mentions both) the ratio is
    /// 0/0 and is defined as 1.
    case npmi
    /// Papers mentioning both, c_ij.
    case count

    /// The name and formula of the variant, for headers: "association strength (probabilistic, N·c_ij/(c_ii·c_jj))".
    public var variant: String {
        switch self {
        case .association: "association strength (probabilistic, N·c_ij/(c_ii·c_jj); bibliometrix's value × N, 1 = independent)"
        case .associationVOS: "association strength (VOSviewer/CWTS, 2m·a_ij/(k_i·k_j); van Eck & Waltman 2009)"
        case .jaccard: "Jaccard index (c_ij/(c_ii+c_jj−c_ij))"
        case .cosine: "cosine (Salton, c_ij/√(c_ii·c_jj))"
        case .inclusion: "inclusion index (c_ij/min(c_ii,c_jj))"
        case .npmi: "normalised PMI (ln(p_ij/(p_i·p_j))/−ln p_ij, p = count/N)"
        case .count: "papers in common (c_ij)"
        }
    }
}

/// Two entities that some paper mentions together, with their counts and every measure of
/// `AssociationMeasure`. Entities are indices into `AssociationTable.entities`, `a < b`.
public struct EntityAssociation: Sendable, Hashable {
    public var a: Int
    public var b: Int
    /// c_ij: papers mentioning both.
    public var count: Int
    /// c_ii and c_jj: papers mentioning `a`, papers mentioning `b`.
    public var papersA: Int
    public var papersB: Int
    public var association: Double
    public var associationVOS: Double
    public var jaccard: Double
    public var cosine: Double
    public var inclusion: Double
    public var npmi: Double

    /// The measure's value; `count` as a Double.
    public func value(_ measure: AssociationMeasure) -> Double {
        switch measure {
        case .association: association
        case .associationVOS: associationVOS
        case .jaccard: jaccard
        case .cosine: cosine
        case .inclusion: inclusion
        case .npmi: npmi
        case .count: Double(count)
        }
    }

    /// The other entity of the pair.
    public func partner(of entity: Int) -> Int { entity == a ? b : a }

    /// Every measure from the counts. `linkWeightA`/`linkWeightB` are k_i, k_j and `totalWeight` is m of the
    /// co-occurrence network the pair belongs to; `paperCount` is N. Each ratio is formed from exact integer
    /// products (exact in Double below 2^53) and rounded once, except the square root of cosine and the
    /// logarithms of NPMI.
    public init(a: Int, b: Int, count: Int, papersA: Int, papersB: Int, paperCount: Int,
                linkWeightA: Int, linkWeightB: Int, totalWeight: Int) {
        precondition(count > 0 && count <= min(papersA, papersB) && max(papersA, papersB) <= paperCount,
                     "co-occurrence counts must satisfy 0 < c_ij ≤ min(c_ii, c_jj) ≤ max(c_ii, c_jj) ≤ N")
        self.a = a
        self.b = b
        self.count = count
        self.papersA = papersA
        self.papersB = papersB
        let c = Double(count), ci = Double(papersA), cj = Double(papersB), n = Double(paperCount)
        association = (n * c) / (ci * cj)
        associationVOS = (2 * Double(totalWeight) * c) / (Double(linkWeightA) * Double(linkWeightB))
        jaccard = c / (ci + cj - c)
        cosine = c / (ci * cj).squareRoot()
        inclusion = c / min(ci, cj)
        if count == paperCount {
            npmi = 1
        } else {
            // ln(p_ij/(p_i p_j)) = ln(N c_ij/(c_ii c_jj)); −ln p_ij = ln(N/c_ij). Both arguments are one rounded
            // ratio, so a pair that is always together (c_ii = c_jj = c_ij) gets exactly 1.
            npmi = log((n * c) / (ci * cj)) / log(n / c)
        }
    }
}

/// The co-occurrence counts of a corpus with every association measure of every pair, and queries for the
/// strongest pairs. Counts are papers, never mention counts: a paper naming DMControl five times counts once.
///
/// Built from `CooccurrenceGraph` in O(Σ k_p²) for k_p entities in paper p, plus O(E) for the E pairs.
public struct AssociationTable: Sendable {
    /// Entities sorted by name; `papers` is c_ii.
    public var entities: [EntityNode]
    /// N: the papers of the corpus, including papers that mention no entity.
    public var paperCount: Int
    /// k_i: the sum of c_ij over all partners j of i.
    public var linkWeight: [Int]
    /// m: the sum of c_ij over all pairs.
    public var totalWeight: Int
    /// Every co-occurring pair, sorted by (a, b).
    public var pairs: [EntityAssociation]
    /// Position of each entity in name order (case-insensitive, then exact), for deterministic ties.
    private var nameRank: [Int]
    private var indexByName: [String: Int]

    /// Measures every pair of the co-occurrence graph. k_i and m are taken over the graph's edges, so pass the
    /// full graph (`minPapers: 1`) for the values VOSviewer computes on the whole network; the filters of
    /// `strongest` only select pairs and never change a value. `paperCount` (N) must be at least the papers of
    /// the most mentioned entity.
    public init(cooccurrence: CooccurrenceGraph, paperCount: Int) {
        let n = cooccurrence.entities.count
        var k = [Int](repeating: 0, count: n)
        var m = 0
        for e in cooccurrence.edges {
            k[e.a] += e.papers
            k[e.b] += e.papers
            m += e.papers
        }
        entities = cooccurrence.entities
        self.paperCount = paperCount
        linkWeight = k
        totalWeight = m
        precondition(entities.allSatisfy { $0.papers <= paperCount }, "N is smaller than an entity's paper count")
        pairs = cooccurrence.edges.map { e in
            EntityAssociation(a: min(e.a, e.b), b: max(e.a, e.b), count: e.papers,
                              papersA: cooccurrence.entities[min(e.a, e.b)].papers,
                              papersB: cooccurrence.entities[max(e.a, e.b)].papers,
                              paperCount: paperCount, linkWeightA: k[min(e.a, e.b)], linkWeightB: k[max(e.a, e.b)],
                              totalWeight: m)
        }.sorted { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        let names = cooccurrence.entities.map { (folded: $0.name.lowercased(), exact: $0.name) }
        let order = names.indices.sorted { x, y in
            names[x].folded != names[y].folded ? names[x].folded < names[y].folded : names[x].exact < names[y].exact
        }
        var rank = [Int](repeating: 0, count: n)
        for (position, index) in order.enumerated() { rank[index] = position }
        nameRank = rank
        var byName: [String: Int] = [:]
        for (i, e) in entities.enumerated() { byName[e.name] = i }
        indexByName = byName
    }

    /// Counts co-occurrences in `mentions`; N is `paperCount`, or the papers with at least one mention when nil.
    public init(mentions: [Mention], paperCount: Int? = nil) {
        let graph = MentionGraph(mentions: mentions)
        self.init(cooccurrence: CooccurrenceGraph(mentionGraph: graph), paperCount: paperCount ?? graph.papers.count)
    }

    /// The index of the entity with exactly this name.
    public func index(of name: String) -> Int? { indexByName[name] }

    /// The strongest pairs overall: pairs with c_ij ≥ `minCount` between entities with ≥ `minPapers` papers each,
    /// by `measure` (largest first), ties by count (larger first), then by the two names. All when `limit` is nil.
    public func strongest(by measure: AssociationMeasure, limit: Int? = nil, minCount: Int = 1,
                          minPapers: Int = 1) -> [EntityAssociation] {
        let chosen = pairs.filter {
            $0.count >= minCount && entities[$0.a].papers >= minPapers && entities[$0.b].papers >= minPapers
        }
        let sorted = chosen.sorted { x, y in
            let vx = x.value(measure), vy = y.value(measure)
            if vx != vy { return vx > vy }
            if x.count != y.count { return x.count > y.count }
            let (x1, x2) = ordered(x), (y1, y2) = ordered(y)
            return x1 != y1 ? x1 < y1 : x2 < y2
        }
        return limit.map { Array(sorted.prefix(max($0, 0))) } ?? sorted
    }

    /// The strongest partners of one entity: its pairs with c_ij ≥ `minCount` whose partner has ≥ `minPapers`
    /// papers and passes `include`, by `measure`, ties by count, then by the partner's name.
    public func strongest(for entity: Int, by measure: AssociationMeasure, limit: Int? = nil, minCount: Int = 1,
                          minPapers: Int = 1,
                          include: (EntityNode) -> Bool = { _ in true }) -> [EntityAssociation] {
        let chosen = pairs.filter { p in
            guard p.a == entity || p.b == entity, p.count >= minCount else { return false }
            let other = entities[p.partner(of: entity)]
            return other.papers >= minPapers && include(other)
        }
        return Array(rankPartners(chosen, of: entity, by: measure).prefix(max(limit ?? chosen.count, 0)))
    }

    /// The `limit` strongest partners of every entity (entities with fewer than `minPapers` papers get none),
    /// indexed like `entities`: the pairs a map keeps when it draws only each node's strongest links. O(E log E).
    public func strongestPerEntity(by measure: AssociationMeasure, limit: Int, minCount: Int = 1,
                                   minPapers: Int = 1) -> [[EntityAssociation]] {
        var byEntity = [[EntityAssociation]](repeating: [], count: entities.count)
        for p in pairs where p.count >= minCount && entities[p.a].papers >= minPapers
            && entities[p.b].papers >= minPapers {
            byEntity[p.a].append(p)
            byEntity[p.b].append(p)
        }
        return byEntity.enumerated().map { i, list in
            Array(rankPartners(list, of: i, by: measure).prefix(max(limit, 0)))
        }
    }

    private func rankPartners(_ list: [EntityAssociation], of entity: Int,
                              by measure: AssociationMeasure) -> [EntityAssociation] {
        list.sorted { x, y in
            let vx = x.value(measure), vy = y.value(measure)
            if vx != vy { return vx > vy }
            if x.count != y.count { return x.count > y.count }
            return nameRank[x.partner(of: entity)] < nameRank[y.partner(of: entity)]
        }
    }

    /// The pair's two name ranks, smaller first.
    private func ordered(_ p: EntityAssociation) -> (Int, Int) {
        let x = nameRank[p.a], y = nameRank[p.b]
        return x < y ? (x, y) : (y, x)
    }
}
