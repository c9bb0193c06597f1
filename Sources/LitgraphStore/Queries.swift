import Foundation
import GRDB
import LitgraphExtraction

/// An entity as stored, with how many papers mention it.
public struct StoredEntity: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    public var catalogued: Bool
    public var year: Int?
    public var parent: String?
    public var papers: Int
}

/// A paper that mentions an entity, and how.
public struct PaperMention: Sendable, Hashable, Codable {
    public var id: String
    public var date: String?
    public var title: String
    /// The entity the paper names: the one asked for, or a member of its family (DMControl 100k for DMControl).
    public var entity: String
    public var role: MentionRole
    public var count: Int
    public var surfaces: [String]
}

/// One paper–entity edge of the mention graph, as plain values for the analysis stage.
public struct MentionRecord: Sendable, Hashable {
    public var paperID: String
    public var date: String?
    public var entity: String
    public var type: EntityType
    public var role: MentionRole
    public var count: Int
}

/// A stored paper's bibliographic fields.
public struct StoredPaper: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var date: String?
    public var arxivID: String?
}

extension Store {
    public func paperCount() throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM paper") ?? 0 }
    }

    /// All papers, by id.
    public func papers() throws -> [StoredPaper] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title, date, arxiv_id FROM paper ORDER BY rowid").map {
                StoredPaper(id: $0["id"], title: $0["title"], date: $0["date"], arxivID: $0["arxiv_id"])
            }
        }
    }

    static let entitySelect = """
        SELECT e.id, e.name, e.type, e.catalogued, e.year, e.parent,
               (SELECT COUNT(*) FROM mention m WHERE m.entity_id = e.id) AS papers
        FROM entity e
        """

    static func entity(_ row: Row) -> StoredEntity {
        StoredEntity(id: row["id"], name: row["name"], type: EntityType(rawValue: row["type"]) ?? .method,
                     catalogued: row["catalogued"], year: row["year"], parent: row["parent"], papers: row["papers"])
    }

    /// The entity a user means by `name`: its canonical name, else an alias, else an alias spelled with other
    /// separators or case ("DM Control" for DMControl). Ties go to the entity more papers mention.
    public func entity(named name: String) throws -> StoredEntity? {
        try db.read { db in
            if let row = try Row.fetchOne(db, sql: Self.entitySelect + " WHERE e.name = ? COLLATE NOCASE", arguments: [name]) {
                return Self.entity(row)
            }
            let viaAlias = Self.entitySelect + """
                 WHERE e.id IN (SELECT entity_id FROM alias WHERE alias = ?) ORDER BY papers DESC, e.name LIMIT 1
                """
            if let row = try Row.fetchOne(db, sql: viaAlias, arguments: [name]) { return Self.entity(row) }
            let norm = normalizedName(name)
            guard !norm.isEmpty else { return nil }
            let viaNorm = Self.entitySelect + """
                 WHERE e.id IN (SELECT entity_id FROM alias WHERE norm = ?) ORDER BY papers DESC, e.name LIMIT 1
                """
            return try Row.fetchOne(db, sql: viaNorm, arguments: [norm]).map(Self.entity)
        }
    }

    /// Papers mentioning an entity, oldest first (undated last), each with its role. With `family`, papers
    /// naming a descendant in the catalogue's family tree count too (Atari 100k for Arcade Learning
    /// Environment); a paper naming both is listed once, under the entity itself.
    public func papers(mentioning entity: StoredEntity, family: Bool = true) throws -> [PaperMention] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH RECURSIVE family(id, name, depth) AS (
                    SELECT id, name, 0 FROM entity WHERE id = ?
                    UNION
                    SELECT e.id, e.name, f.depth + 1 FROM entity e JOIN family f ON e.parent = f.name COLLATE NOCASE
                    WHERE ? AND f.depth < 8
                )
                SELECT p.id, p.date, p.title, f.name AS entity, f.depth, m.role, m.count, m.surfaces
                FROM mention m JOIN family f ON f.id = m.entity_id JOIN paper p ON p.id = m.paper_id
                ORDER BY p.date IS NULL, p.date, p.rowid, f.depth, f.name
                """, arguments: [entity.id, family])
            var seen = Set<String>()
            return rows.compactMap { row -> PaperMention? in
                guard seen.insert(row["id"]).inserted else { return nil }
                let surfaces = (try? JSONDecoder().decode([String].self, from: Data((row["surfaces"] as String).utf8))) ?? []
                return PaperMention(id: row["id"], date: row["date"], title: row["title"], entity: row["entity"],
                                    role: MentionRole(rawValue: row["role"]) ?? .mentions, count: row["count"],
                                    surfaces: surfaces)
            }
        }
    }

    /// Every stored entity with its paper count, most mentioned first.
    public func entities(type: EntityType? = nil) throws -> [StoredEntity] {
        try db.read { db in
            var sql = Self.entitySelect
            var args: StatementArguments = []
            if let type { sql += " WHERE e.type = ?"; args = [type.rawValue] }
            sql += " ORDER BY papers DESC, e.name COLLATE NOCASE"
            return try Row.fetchAll(db, sql: sql, arguments: args).map(Self.entity)
        }
    }

    /// The whole mention graph as plain values, ordered by paper then entity name.
    public func mentions() throws -> [MentionRecord] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id AS pid, p.date, e.name, e.type, m.role, m.count FROM mention m
                JOIN paper p ON p.id = m.paper_id JOIN entity e ON e.id = m.entity_id
                ORDER BY p.rowid, e.name COLLATE NOCASE
                """).map {
                MentionRecord(paperID: $0["pid"], date: $0["date"], entity: $0["name"],
                              type: EntityType(rawValue: $0["type"]) ?? .method,
                              role: MentionRole(rawValue: $0["role"]) ?? .mentions, count: $0["count"])
            }
        }
    }

    /// Names and aliases closest to an unknown `name`, for "did you mean": shared normalised prefix or
    /// substring first, then Levenshtein distance on the normalised forms.
    public func suggestions(for name: String, limit: Int = 5) throws -> [String] {
        let rows = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.name, a.alias, a.norm, (SELECT COUNT(*) FROM mention m WHERE m.entity_id = e.id) AS papers
                FROM alias a JOIN entity e ON e.id = a.entity_id
                """)
        }
        let query = normalizedName(name)
        var best: [String: (score: Int, papers: Int)] = [:]
        for row in rows {
            let canonical: String = row["name"], norm: String = row["norm"], papers: Int = row["papers"]
            guard !norm.isEmpty else { continue }
            var score = levenshtein(query, norm)
            if norm.hasPrefix(query) || query.hasPrefix(norm) { score = min(score, 1) }
            else if norm.contains(query) || query.contains(norm) { score = min(score, 2) }
            if score > max(3, query.count / 2) { continue }
            if let b = best[canonical], b.score <= score { continue }
            best[canonical] = (score, papers)
        }
        return best.sorted { a, b in
            a.value.score != b.value.score ? a.value.score < b.value.score
                : (a.value.papers != b.value.papers ? a.value.papers > b.value.papers : a.key < b.key)
        }.prefix(limit).map(\.key)
    }

    /// Papers whose title or abstract match an FTS5 query, best first (bm25).
    public func search(_ query: String, limit: Int = 20) throws -> [StoredPaper] {
        guard let pattern = FTS5Pattern(matchingAllTokensIn: query) else { return [] }
        return try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.title, p.date, p.arxiv_id FROM paper_fts JOIN paper p ON p.rowid = paper_fts.rowid
                WHERE paper_fts MATCH ? ORDER BY bm25(paper_fts), p.rowid LIMIT ?
                """, arguments: [pattern, limit]).map {
                StoredPaper(id: $0["id"], title: $0["title"], date: $0["date"], arxivID: $0["arxiv_id"])
            }
        }
    }
}

/// Edit distance (insertions, deletions, substitutions) over UTF-8 bytes; O(|a|·|b|) time, O(|b|) memory.
public func levenshtein(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8), y = Array(b.utf8)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
