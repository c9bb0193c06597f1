import Foundation
import GRDB
import LitgraphCorpus
import LitgraphExtraction

/// The SQLite store: papers with a full-text index, entities with their aliases, and mentions.
///
/// The schema grows by appended migrations (GRDB's `DatabaseMigrator`), never by editing an old one.
public final class Store: Sendable {
    let db: DatabaseQueue
    public let path: String

    /// Opens or creates the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        db = try DatabaseQueue(path: path, configuration: config)
        try Self.migrator.migrate(db)
    }

    /// An in-memory store, for tests.
    public init() throws {
        path = ":memory:"
        db = try DatabaseQueue()
        try Self.migrator.migrate(db)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: papers, entities, aliases, mentions") { db in
            try db.create(table: "paper") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("id", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("abstract", .text).notNull()
                t.column("date", .text)
                t.column("authors", .text).notNull().defaults(to: "[]")
                t.column("doi", .text)
                t.column("arxiv_id", .text)
                t.column("source", .text).notNull()
            }
            try db.create(virtualTable: "paper_fts", using: FTS5()) { t in
                t.synchronize(withTable: "paper")
                t.tokenizer = .porter(wrapping: .unicode61())
                t.column("title")
                t.column("abstract")
            }
            try db.create(table: "entity") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .ignore).collate(.nocase)
                t.column("type", .text).notNull()
                t.column("catalogued", .boolean).notNull()
                t.column("year", .integer)
                t.column("parent", .text)
            }
            try db.create(table: "alias") { t in
                t.column("entity_id", .integer).notNull().references("entity", onDelete: .cascade)
                t.column("alias", .text).notNull()
                /// Lower-case letters and digits only: "DM Control" and "DMControl" meet here.
                t.column("norm", .text).notNull()
                t.primaryKey(["entity_id", "alias"])
            }
            try db.create(index: "alias_norm", on: "alias", columns: ["norm"])
            try db.create(table: "mention") { t in
                t.column("paper_id", .text).notNull().references("paper", column: "id", onDelete: .cascade)
                t.column("entity_id", .integer).notNull().references("entity", onDelete: .cascade)
                t.column("role", .text).notNull()
                t.column("count", .integer).notNull()
                t.column("surfaces", .text).notNull()
                t.primaryKey(["paper_id", "entity_id"])
            }
            try db.create(index: "mention_entity", on: "mention", columns: ["entity_id"])
        }
        m.registerMigration("paper references") { db in
            // The works each paper cites, as its record gave them; resolved against the papers when read
            // (`citations()`), so a reference to a paper ingested later resolves then.
            try db.create(table: "paper_reference") { t in
                t.column("paper_id", .text).notNull().references("paper", column: "id", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("reference", .text).notNull()
                t.primaryKey(["paper_id", "position"])
            }
        }
        return m
    }
}

/// Lower-case ASCII letters and digits of a name, the form aliases are looked up by.
public func normalizedName(_ name: String) -> String {
    String(decoding: name.utf8.compactMap { b -> UInt8? in
        if b >= 65 && b <= 90 { return b + 32 }
        return (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80 ? b : nil
    }, as: UTF8.self)
}
