import Foundation
import Testing
import TestScratch
import LitgraphCorpus
import LitgraphExtraction
@testable import LitgraphStore

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let bundledCorpus = repoRoot.appendingPathComponent("corpus/visual-rl-trending.txt")
let bundledMeta = repoRoot.appendingPathComponent("corpus/visual-rl-trending-meta.tsv")

/// A small catalogue written for these tests, so they do not move when the shipped one grows.
let testCatalogue = Catalogue(entries: [
    CatalogueEntry(name: "DeepMind Control Suite", type: .benchmark, aliases: ["DMControl", "DMC", "DM Control"]),
    CatalogueEntry(name: "ManiSkill2", type: .benchmark),
    CatalogueEntry(name: "DrQ-v2", type: .method, parent: "DrQ"),
    CatalogueEntry(name: "DrQ", type: .method),
    CatalogueEntry(name: "Atari 100k", type: .benchmark),
])
let extractor = Extractor(catalogue: testCatalogue)

func temporaryPath(_ ext: String) -> String {
    Scratch.file(ext: ext).path
}

func write(_ text: String, ext: String) throws -> URL {
    let url = URL(fileURLWithPath: temporaryPath(ext))
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

@Suite struct IngestTests {
    @Test func reingestingTheSameFileAddsNothing() throws {
        let store = try Store(path: temporaryPath("db"))
        let first = try store.ingest(files: [bundledCorpus], extractor: extractor)
        let counts = (try store.paperCount(), try store.entities().count, try store.mentions().count)
        let second = try store.ingest(files: [bundledCorpus], extractor: extractor)
        #expect(first[0].newPapers == 195)
        #expect(second[0].newPapers == 0)
        #expect(counts.0 == 195)
        #expect(try store.paperCount() == counts.0)
        #expect(try store.entities().count == counts.1)
        #expect(try store.mentions().count == counts.2)
    }

    @Test func malformedFileLeavesTheDatabaseAsItWas() throws {
        let path = temporaryPath("db")
        let store = try Store(path: path)
        let good = try write("{\"id\": \"a\", \"title\": \"DrQ-v2 on DMControl\", \"abstract\": \"x\"}\n", ext: "jsonl")
        try store.ingest(files: [good], extractor: extractor)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let another = try write("{\"id\": \"b\", \"title\": \"ManiSkill2\", \"abstract\": \"y\"}\n", ext: "jsonl")
        let bad = try write("{\"id\": \"c\", \"title\": \"ok\"}\n{\"id\": \"d\", \"title\": }\n", ext: "jsonl")
        #expect(throws: CorpusError.self) { try store.ingest(files: [another, bad], extractor: extractor) }
        #expect(try store.paperCount() == 1)
        #expect(try store.entity(named: "ManiSkill2") == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func duplicateIDsInOneFileAreRefused() throws {
        let store = try Store()
        let file = try write("id,title\nx,One\nx,Two\n", ext: "csv")
        do {
            try store.ingest(files: [file], extractor: extractor)
            Issue.record("expected an error")
        } catch let CorpusError.malformed(_, line, reason) {
            #expect(line == 3)
            #expect(reason.contains("duplicate id"))
        }
        #expect(try store.paperCount() == 0)
    }
}

@Suite struct QueryTests {
    let store: Store

    init() throws {
        store = try Store()
        try store.ingest(files: [bundledCorpus], extractor: extractor,
                         sidecars: [try MetadataSidecar(contentsOf: bundledMeta)])
    }

    @Test func maniSkill2PaperIntroducesIt() throws {
        let entity = try #require(try store.entity(named: "ManiSkill2"))
        let papers = try store.papers(mentioning: entity)
        let own = try #require(papers.first { $0.id == "visual-rl-trending-5" })
        #expect(own.role == .introduces)
        #expect(own.date == "2023-02")
    }

    @Test func aliasesFindTheSameEntity() throws {
        let byName = try #require(try store.entity(named: "DeepMind Control Suite"))
        #expect(try store.entity(named: "DMControl")?.id == byName.id)
        #expect(try store.entity(named: "dm-control")?.id == byName.id)
        #expect(byName.papers >= 5)
        let papers = try store.papers(mentioning: byName)
        #expect(papers.count == byName.papers)
        // Oldest first, undated last.
        let dates = papers.compactMap(\.date)
        #expect(dates == dates.sorted())
    }

    /// A version or edition the catalogue lacks is in its entry's family: the papers of IWSLT take in
    /// "IWSLT 2010" and those of MobileVLM take in "MobileVLM V2", each under its own name.
    @Test func unknownVersionsAndEditionsJoinTheirFamily() throws {
        let catalogue = Catalogue(entries: [
            CatalogueEntry(name: "IWSLT", type: .benchmark), CatalogueEntry(name: "IWSLT 2014", type: .benchmark, parent: "IWSLT"),
            CatalogueEntry(name: "MobileVLM", type: .method),
        ])
        let corpus = try write("""
            {"id": "a", "title": "Speech translation", "abstract": "We evaluate on the IWSLT 2010 evaluation datasets."}
            {"id": "b", "title": "Small models", "abstract": "We compare MobileVLM V2 with others."}
            {"id": "c", "title": "Older work", "abstract": "We evaluate MobileVLM on IWSLT."}
            """, ext: "jsonl")
        let store = try Store()
        try store.ingest(files: [corpus], extractor: Extractor(catalogue: catalogue))
        let iwslt = try #require(try store.entity(named: "IWSLT"))
        #expect(try store.papers(mentioning: iwslt).map { "\($0.id) \($0.entity)" } == ["a IWSLT 2010", "c IWSLT"])
        #expect(try store.papers(mentioning: iwslt, family: false).map(\.id) == ["c"])
        let vlm = try #require(try store.entity(named: "MobileVLM"))
        #expect(try store.papers(mentioning: vlm).map { "\($0.id) \($0.entity)" } == ["b MobileVLM V2", "c MobileVLM"])
    }

    @Test func unknownNamesGetSuggestions() throws {
        #expect(try store.entity(named: "ManiSkil") == nil)
        #expect(try store.suggestions(for: "ManiSkil").prefix(3).contains("ManiSkill2"))
        #expect(try store.suggestions(for: "DrQv3").contains("DrQ-v2"))
        #expect(try store.suggestions(for: "zzzzzzzzzz").isEmpty)
    }

    @Test func fullTextSearch() throws {
        let hits = try store.search("manipulation skills")
        #expect(hits.first?.id == "visual-rl-trending-5")
        #expect(try store.search("\"").isEmpty)
    }

    @Test func levenshteinDistances() {
        #expect(levenshtein("kitten", "sitting") == 3)
        #expect(levenshtein("", "abc") == 3)
        #expect(levenshtein("dmc", "dmc") == 0)
    }
}
