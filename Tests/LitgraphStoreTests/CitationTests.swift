import Foundation
import Testing
import LitgraphCorpus
import LitgraphExtraction
@testable import LitgraphStore

/// Five papers citing each other by id, arXiv id, arXiv DOI, DOI, title and OpenAlex URL, shared with the
/// analysis and CLI tests.
let citingPapers = repoRoot.appendingPathComponent("Tests/LitgraphAnalysisTests/Fixtures/citing-papers.jsonl")

@Suite struct CitationTests {
    @Test func referencesAreStoredAndResolvedByEveryKey() throws {
        let store = try Store()
        try store.ingest(files: [citingPapers], extractor: extractor)
        let citations = try store.citations()
        #expect(citations.map { "\($0.paperID) \($0.reference) -> \($0.cited ?? "-")" } == [
            "p2 p1 -> p1",
            "p3 arXiv:2103.00001v2 -> p1",
            "p3 10.48550/arXiv.2106.00002 -> p2",
            "p3 p3 -> p3",
            "p3 A Long Title That No Paper Here Has -> -",
            "p4 10.5555/TorqueNet.2021 -> p1",
            "p4 Scaling Torque-Aware Policies -> p3",
            "p4 c3 -> -",
            "p5 https://openalex.org/W1 -> -",
            "p5 https://arxiv.org/abs/2106.00002 -> p2",
        ])
    }

    @Test func reingestingReplacesAPapersReferences() throws {
        let store = try Store()
        try store.ingest(files: [citingPapers], extractor: extractor)
        let changed = try write("""
            {"id": "p3", "title": "Scaling Torque-Aware Policies", "abstract": "", "references": ["p2"]}
            """, ext: "jsonl")
        try store.ingest(files: [changed], extractor: extractor)
        #expect(try store.citations().filter { $0.paperID == "p3" } == [
            StoredCitation(paperID: "p3", reference: "p2", cited: "p2"),
        ])
        #expect(try store.citations().count == 7)
    }

    @Test func identifierForms() {
        #expect(ReferenceResolver.arxivID("2107.09645") == "2107.09645")
        #expect(ReferenceResolver.arxivID("arXiv:2107.09645v12") == "2107.09645")
        #expect(ReferenceResolver.arxivID("https://arxiv.org/pdf/2107.09645v2.pdf") == "2107.09645")
        #expect(ReferenceResolver.arxivID("http://export.arxiv.org/abs/hep-th/9901001v1") == "hep-th/9901001")
        #expect(ReferenceResolver.arxivID("math.AG/0501001") == "math.ag/0501001")
        #expect(ReferenceResolver.arxivID("1234.5") == nil)
        #expect(ReferenceResolver.arxivID("TorqueNet v2") == nil)
        #expect(ReferenceResolver.arxivID("10.1/2107.09645") == nil)
        #expect(ReferenceResolver.doi("https://doi.org/10.1000/ABC") == "10.1000/abc")
        #expect(ReferenceResolver.doi("doi: 10.1000/x") == "10.1000/x")
        #expect(ReferenceResolver.doi("https://dx.doi.org/10.1000/x") == "10.1000/x")
        #expect(ReferenceResolver.doi("10.1000") == nil)
        #expect(ReferenceResolver.doi("2107.09645") == nil)
    }

    @Test func sharedKeysResolveToNeither() {
        let resolver = ReferenceResolver(papers: [
            .init(id: "a", title: "World Models for Control", doi: "10.1/same"),
            .init(id: "b", title: "World Models for Control!", doi: "10.1/SAME", arxivID: "2101.00001"),
            .init(id: "2101.00001", title: "Short"),
            .init(id: "c", title: "Short"),
        ])
        #expect(resolver.resolve("10.1/same") == nil)
        #expect(resolver.resolve("world models for control") == nil)
        // b's own arXiv field wins over the paper whose id looks like the same arXiv id.
        #expect(resolver.resolve("arXiv:2101.00001v1") == "b")
        #expect(resolver.resolve("2101.00001") == "2101.00001")
        // Titles shorter than 10 letters and digits are not matched.
        #expect(resolver.resolve("short") == nil)
        #expect(resolver.resolve("c") == "c")
    }
}
