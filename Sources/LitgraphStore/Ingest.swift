import Foundation
import GRDB
import LitgraphCorpus
import LitgraphExtraction

/// What one ingested file changed.
public struct IngestSummary: Sendable, Equatable {
    public var file: String
    public var papers: Int
    public var newPapers: Int
    public var mentions: Int
}

/// An input file that cannot be ingested as a whole.
public struct IngestError: Error, CustomStringConvertible {
    public var description: String
}

extension Store {
    /// Ingests papers read from one file with their extracted entities, in one transaction: either every
    /// record lands or none does. A paper already stored under the same id is replaced, so ingesting the
    /// same file twice adds nothing.
    @discardableResult
    public func ingest(papers: [Paper], from file: String, extractor: Extractor) throws -> IngestSummary {
        try ingest(batches: [(file, papers)], extractor: extractor)[0]
    }

    /// Ingests several files' papers in one transaction: a duplicate id anywhere rolls back all of them.
    public func ingest(batches: [(file: String, papers: [Paper])], extractor: Extractor) throws -> [IngestSummary] {
        for (file, papers) in batches { try Self.checkUniqueIDs(papers, file: file) }
        // One corpus: names a paper introduces are found in the papers of every file.
        var all = extractor.extract(batches.flatMap(\.papers))[...]
        let extracted = batches.map { batch -> [PaperEntities] in
            defer { all = all.dropFirst(batch.papers.count) }
            return Array(all.prefix(batch.papers.count))
        }
        return try db.write { db in
            var entityIDs: [String: Int64] = [:]
            let summaries = try zip(batches, extracted).map { batch, results in
                try write(db, papers: batch.papers, extracted: results, from: batch.file,
                          catalogue: extractor.catalogue, entityIDs: &entityIDs)
            }
            // Re-ingested papers may no longer mention an entity: drop entities nothing mentions.
            try db.execute(sql: "DELETE FROM entity WHERE id NOT IN (SELECT entity_id FROM mention)")
            return summaries
        }
    }

    static func checkUniqueIDs(_ papers: [Paper], file: String) throws {
        var firstLine: [String: Int] = [:]
        for (index, paper) in papers.enumerated() {
            if let previous = firstLine[paper.id] {
                throw CorpusError.malformed(file: file, line: paper.line ?? 0, reason:
                    "record \(index + 1): duplicate id \"\(paper.id)\" (first at line \(previous))")
            }
            firstLine[paper.id] = paper.line ?? 0
        }
    }

    private func write(_ db: Database, papers: [Paper], extracted: [PaperEntities], from file: String,
                       catalogue: Catalogue, entityIDs: inout [String: Int64]) throws -> IngestSummary {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var summary = IngestSummary(file: file, papers: papers.count, newPapers: 0, mentions: 0)
        for (paper, result) in zip(papers, extracted) {
            let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM paper WHERE id = ?", arguments: [paper.id]) ?? false
            if existed {
                try db.execute(sql: "DELETE FROM mention WHERE paper_id = ?", arguments: [paper.id])
                try db.execute(sql: """
                    UPDATE paper SET title = ?, abstract = ?, date = ?, authors = ?, doi = ?, arxiv_id = ?, source = ?
                    WHERE id = ?
                    """, arguments: [paper.title, paper.abstract, paper.date,
                                     String(decoding: try encoder.encode(paper.authors), as: UTF8.self),
                                     paper.doi, paper.arxivID, file, paper.id])
            } else {
                summary.newPapers += 1
                try db.execute(sql: """
                    INSERT INTO paper (id, title, abstract, date, authors, doi, arxiv_id, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [paper.id, paper.title, paper.abstract, paper.date,
                                     String(decoding: try encoder.encode(paper.authors), as: UTF8.self),
                                     paper.doi, paper.arxivID, file])
            }
            try db.execute(sql: "DELETE FROM paper_reference WHERE paper_id = ?", arguments: [paper.id])
            for (position, reference) in paper.references.enumerated() {
                try db.execute(sql: "INSERT INTO paper_reference (paper_id, position, reference) VALUES (?, ?, ?)",
                               arguments: [paper.id, position, reference])
            }
            for entity in result.entities {
                let id = try entityID(db, entity, catalogue: catalogue, cache: &entityIDs)
                for surface in entity.surfaces { try addAlias(db, entityID: id, alias: surface) }
                try db.execute(sql: """
                    INSERT INTO mention (paper_id, entity_id, role, count, surfaces) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(paper_id, entity_id) DO UPDATE SET
                      role = CASE WHEN excluded.role = 'introduces' THEN 'introduces' ELSE role END,
                      count = count + excluded.count
                    """, arguments: [paper.id, id, entity.role.rawValue, entity.count,
                                     String(decoding: try encoder.encode(entity.surfaces), as: UTF8.self)])
                summary.mentions += 1
            }
        }
        return summary
    }

    /// The row id of an entity, creating it (with its catalogue aliases) on first sight.
    private func entityID(_ db: Database, _ entity: ExtractedEntity, catalogue: Catalogue,
                          cache: inout [String: Int64]) throws -> Int64 {
        let key = entity.name.lowercased()
        if let id = cache[key] { return id }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM entity WHERE name = ? COLLATE NOCASE",
                                       arguments: [entity.name]) {
            cache[key] = id
            return id
        }
        let entry = entity.catalogued ? catalogue.entry(named: entity.name) : nil
        try db.execute(sql: "INSERT INTO entity (name, type, catalogued, year, parent) VALUES (?, ?, ?, ?, ?)",
                       arguments: [entity.name, entity.type.rawValue, entity.catalogued, entry?.year,
                                    entry?.parent ?? entity.parent])
        let id = db.lastInsertedRowID
        for alias in entry?.surfaces ?? [entity.name] { try addAlias(db, entityID: id, alias: alias) }
        cache[key] = id
        return id
    }

    private func addAlias(_ db: Database, entityID: Int64, alias: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO alias (entity_id, alias, norm) VALUES (?, ?, ?)",
                       arguments: [entityID, alias, normalizedName(alias)])
    }

    /// Reads every file first, then extracts and ingests them all in one transaction: a bad file anywhere
    /// stops the run with its file, line and reason, and leaves the database exactly as it was.
    @discardableResult
    public func ingest(files: [URL], extractor: Extractor, sidecars: [MetadataSidecar] = [],
                       format: RecordFormat? = nil) throws -> [IngestSummary] {
        let batches = try files.map { url -> (file: String, papers: [Paper]) in
            var papers = try readRecords(url, format: format)
            for sidecar in sidecars { papers = sidecar.apply(to: papers) }
            return (url.path, papers)
        }
        return try ingest(batches: batches, extractor: extractor)
    }
}
