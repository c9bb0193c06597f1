import Foundation
import Testing
@testable import LitgraphCorpus

@Suite struct ReferenceFieldTests {
    @Test func jsonLinesReferencesInEveryAcceptedShape() throws {
        let text = """
            {"id": "a", "title": "Plain", "references": ["p1", " arXiv:2103.00001v2 ", "p1", ""]}
            {"id": "b", "title": "Semantic Scholar", "references": [{"paperId": "s1", "externalIds": {"ArXiv": "2106.00002", "DOI": "10.1/x"}, "title": "T"}, {"paperId": "s2", "externalIds": {"DOI": "10.1/Y"}}, {"paperId": "s3", "title": "A Title"}, {"paperId": "s4"}, {"citedPaper": {"paperId": "s5", "title": "Wrapped"}}, {"externalIds": {}}]}
            {"id": "c", "title": "OpenAlex", "referenced_works": ["https://openalex.org/W1", "https://openalex.org/W2"]}
            {"id": "d", "title": "Joined", "references": "p1; 10.1/x ;"}
            {"id": "e", "title": "None"}
            """
        let papers = try JSONLinesReader().parse(text, file: "f.jsonl", stem: "f")
        #expect(papers.map(\.references) == [
            ["p1", "arXiv:2103.00001v2"],
            ["arXiv:2106.00002", "10.1/Y", "A Title", "s4", "Wrapped"],
            ["https://openalex.org/W1", "https://openalex.org/W2"],
            ["p1", "10.1/x"],
            [],
        ])
    }

    @Test func csvReferencesAreSemicolonSeparated() throws {
        let text = "id,title,references\r\np1,First,\"2103.00001; 10.1/x\"\r\np2,Second,\r\n"
        let papers = try CSVReader().parse(text, file: "f.csv", stem: "f")
        #expect(papers.map(\.references) == [["2103.00001", "10.1/x"], []])
    }

    @Test(arguments: [
        ("{\"title\": \"T\", \"references\": 7}\n", "should be a list or a string"),
        ("{\"title\": \"T\", \"references\": [1]}\n", "should hold strings or reference objects"),
        ("{\"title\": \"T\", \"referenced_works\": {\"a\": 1}}\n", "referenced_works"),
    ])
    func badReferencesNameTheField(text: String, reason: String) {
        let failure = malformedLine { _ = try JSONLinesReader().parse(text, file: "f.jsonl", stem: "f") }
        #expect(failure?.line == 1)
        #expect(failure?.reason.contains(reason) == true, "\(failure?.reason ?? "no error")")
    }

    @Test func papersEncodedWithoutReferencesStillDecode() throws {
        let json = #"{"id": "a", "title": "T", "abstract": "", "authors": []}"#
        let paper = try JSONDecoder().decode(Paper.self, from: Data(json.utf8))
        #expect(paper.references.isEmpty)
        let withReferences = Paper(id: "a", title: "T", abstract: "", references: ["b"])
        #expect(try JSONDecoder().decode(Paper.self, from: JSONEncoder().encode(withReferences)) == withReferences)
    }
}
