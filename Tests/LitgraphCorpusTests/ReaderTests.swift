import Foundation
import Testing
import TestScratch
@testable import LitgraphCorpus

/// The repository root, found from this file's path, so tests read the bundled corpus in place.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let bundledCorpus = repoRoot.appendingPathComponent("corpus/visual-rl-trending.txt")
let bundledMeta = repoRoot.appendingPathComponent("corpus/visual-rl-trending-meta.tsv")

/// Writes `text` to a fresh temporary file with the given extension.
func temporaryFile(_ text: String, ext: String) throws -> URL {
    let url = Scratch.file(ext: ext)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

func malformedLine(_ body: () throws -> Void) -> (line: Int, reason: String)? {
    do { try body() } catch let CorpusError.malformed(_, line, reason) { return (line, reason) } catch { return nil }
    return nil
}

@Suite struct ListingReaderTests {
    @Test func bundledCorpusHas195PapersWithoutPageFurniture() throws {
        let papers = try ListingReader().read(bundledCorpus)
        #expect(papers.count == 195)
        #expect(papers[0].title == "INFOrmation Prioritization through EmPOWERment in Visual Model-Based RL")
        #expect(papers[0].id == "visual-rl-trending-1")
        #expect(papers[4].title == "ManiSkill2: A Unified Benchmark for Generalizable Manipulation Skills")
        #expect(papers[194].id == "visual-rl-trending-195")
        #expect(!papers.contains { $0.title.contains("trending papers") || $0.title.hasPrefix("Subscribe") })
        #expect(papers.allSatisfy { $0.abstract.count > 100 && $0.title.count < 300 })
        #expect(papers[1].line == 5)
    }

    @Test func titleWithoutAbstractNamesItsLine() throws {
        let text = "Get trending papers in your email inbox!\nSubscribeA Title\nIts abstract.\nLonely Title\n"
        let failure = malformedLine { _ = try ListingReader().parse(text, file: "x.txt", stem: "x") }
        #expect(failure?.line == 4)
        #expect(failure?.reason.contains("Lonely Title") == true)
    }

    @Test func slippedPairingIsCaught() throws {
        let long = String(repeating: "word ", count: 120)
        let text = "Title One\nAbstract one.\n\(long)\nTitle\n"
        let failure = malformedLine { _ = try ListingReader().parse(text, file: "x.txt", stem: "x") }
        #expect(failure?.line == 3)
    }

    @Test func blankLinesBetweenRecordsAreTolerated() throws {
        let papers = try ListingReader().parse("A\nabstract a\n\n\nB\nabstract b\n", file: "x.txt", stem: "x")
        #expect(papers.map(\.title) == ["A", "B"])
        #expect(papers.map(\.id) == ["x-1", "x-2"])
    }
}

@Suite struct JSONLinesReaderTests {
    @Test func readsFieldsAndKeepsOwnIDs() throws {
        let text = """
            {"id": "p1", "title": "DreamerV3", "abstract": "World models.", "date": "2023-01-10", "authors": ["D. Hafner", "J. Pasukonis"], "doi": "10.1/x", "arxiv_id": "2301.04104"}

            {"id": 42, "title": "Second", "abstract": "Text", "year": 2021, "authors": "A; B"}
            {"title": "No id", "abstract": ""}
            """
        let papers = try JSONLinesReader().parse(text, file: "f.jsonl", stem: "f")
        #expect(papers.count == 3)
        #expect(papers[0] == Paper(id: "p1", title: "DreamerV3", abstract: "World models.", date: "2023-01-10",
                                   authors: ["D. Hafner", "J. Pasukonis"], doi: "10.1/x", arxivID: "2301.04104", line: 1))
        #expect(papers[1].id == "42")
        #expect(papers[1].date == "2021")
        #expect(papers[1].authors == ["A", "B"])
        #expect(papers[2].id == "f-4")
    }

    @Test(arguments: [
        ("{\"id\": \"a\", \"title\": \"T\"}\n{\"id\": \"b\", \"title\": \"T\"\n", 2, "invalid JSON"),
        ("{\"id\": \"a\", \"abstract\": \"no title\"}\n", 1, "title"),
        ("{\"id\": \"a\", \"title\": \"T\"}\n[1, 2]\n", 2, "object"),
        ("{\"id\": \"a\", \"title\": [\"T\"]}\n", 1, "should be a string"),
        ("{\"id\": \"a\", \"title\": \"T\", \"date\": \"last week\"}\n", 1, "date"),
    ])
    func malformedInputNamesLineAndReason(text: String, line: Int, reason: String) {
        let failure = malformedLine { _ = try JSONLinesReader().parse(text, file: "bad.jsonl", stem: "bad") }
        #expect(failure?.line == line)
        #expect(failure?.reason.contains(reason) == true, "\(failure?.reason ?? "no error")")
    }

    @Test func realConferencePapersParseWhenPresent() throws {
        let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/ml-conferences.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: ../shared/corpus/ml-conferences.jsonl is absent")
            return
        }
        let papers = try JSONLinesReader().read(url)
        #expect(papers.count == 87_247)
        #expect(Set(papers.map(\.id)).count == papers.count)
    }
}

@Suite struct CSVReaderTests {
    @Test func quotedFieldsCommasNewlinesAndDoubledQuotes() throws {
        let text = "id,Title,abstract,date,authors,extra\r\n"
            + "p1,\"DrQ-v2: Improved, Data-Augmented RL\",\"Line one\nline \"\"two\"\"\",2021-07,\"Yarats, D.; Fergus, R.\",x\r\n"
            + "p2,Plain,Text,,,\n"
        let papers = try CSVReader().parse(text, file: "f.csv", stem: "f")
        #expect(papers.count == 2)
        #expect(papers[0].title == "DrQ-v2: Improved, Data-Augmented RL")
        #expect(papers[0].abstract == "Line one\nline \"two\"")
        #expect(papers[0].authors == ["Yarats, D.", "Fergus, R."])
        #expect(papers[0].date == "2021-07")
        #expect(papers[1].line == 4)
        #expect(papers[1].date == nil)
    }

    @Test(arguments: [
        ("id,title\np1,\"never closed\np2,x\n", 2, "never closed"),
        ("id,title\np1,T\np2,T,extra\n", 3, "expected 2 fields"),
        ("id,name\np1,T\n", 1, "title"),
        ("id,title\np1,T \"x\"\n", 2, "stray quote"),
        ("id,title\np1,\n", 2, "title"),
    ])
    func malformedInputNamesLineAndReason(text: String, line: Int, reason: String) {
        let failure = malformedLine { _ = try CSVReader().parse(text, file: "bad.csv", stem: "bad") }
        #expect(failure?.line == line)
        #expect(failure?.reason.contains(reason) == true, "\(failure?.reason ?? "no error")")
    }
}

@Suite struct FormatAndSidecarTests {
    @Test func formatFollowsExtension() throws {
        #expect(RecordFormat.infer(from: URL(fileURLWithPath: "a.JSONL")) == .jsonl)
        #expect(RecordFormat.infer(from: URL(fileURLWithPath: "a.csv")) == .csv)
        #expect(RecordFormat.infer(from: URL(fileURLWithPath: "a.txt")) == .listing)
        #expect(throws: CorpusError.unknownFormat(file: "/a.pdf")) { try readRecords(URL(fileURLWithPath: "/a.pdf")) }
    }

    @Test func invalidUTF8NamesItsLine() throws {
        let url = Scratch.file(ext: "jsonl")
        try Data("{\"title\": \"ok\"}\n{\"title\": \"bad \u{1}".utf8 + [0xFF, 0xFE] + Array("\"}\n".utf8)).write(to: url)
        let failure = malformedLine { _ = try readRecords(url) }
        #expect(failure?.line == 2)
    }

    @Test func bundledMetadataJoinsByPosition() throws {
        let papers = try MetadataSidecar(contentsOf: bundledMeta).apply(to: ListingReader().read(bundledCorpus))
        #expect(papers[4].date == "2023-02")
        #expect(papers[4].arxivID == "2302.04659")
        #expect(papers.filter { $0.date != nil }.count >= 180)
    }

    @Test func positionalJoinRequiresMatchingTitle() throws {
        let sidecar = try MetadataSidecar(contentsOf: temporaryFile("n\tmonth\ttitle\n1\t2020-01\tSomething Else\n2\t2021-02\tFirst\n", ext: "tsv"))
        let papers = sidecar.apply(to: [Paper(id: "x-1", title: "First", abstract: "")])
        #expect(papers[0].date == "2021-02")
    }

    @Test func sidecarErrorsNameTheLine() throws {
        let url = try temporaryFile("n,date\n1,2020-01\n2,soon\n", ext: "csv")
        let failure = malformedLine { _ = try MetadataSidecar(contentsOf: url) }
        #expect(failure?.line == 3)
    }
}

@Suite struct UTF8TextTests {
    /// Every scalar, alone and around a letter, trims as Foundation's `trimmingCharacters(in:)` does.
    @Test func trimmingMatchesFoundationForEveryScalar() {
        var mismatches: [String] = []
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar) + "a" + String(scalar)
            let whitespace = CharacterSet.whitespaces.contains(scalar)
            let newline = CharacterSet.whitespacesAndNewlines.contains(scalar)
            // Only scalars in either set need Foundation's own answer; for the rest nothing is trimmed.
            let expectAll = newline ? s.trimmingCharacters(in: .whitespacesAndNewlines) : s
            let expectSpaces = whitespace ? s.trimmingCharacters(in: .whitespaces) : s
            if s.trimmed != expectAll || s.trimmed(newlines: false) != expectSpaces {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test(arguments: ["", " ", "\u{A0}x\u{3000}", " \u{301}a", "a \u{301}", "\t\n x y \r\n", "\u{200B}\u{FEFF}",
                      "é ", " 😀 ", "\u{85}a\u{2028}", "\r\n", "a\r\n\u{301}"])
    func trimmingMatchesFoundation(s: String) {
        #expect(s.trimmed == s.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(s.trimmed(newlines: false) == s.trimmingCharacters(in: .whitespaces))
        #expect(s.dropFirst(0).trimmed == s.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: ["", "a", "a\n", "\n", "a\r\nb\rc\n\nd", "\r\r\n\n\r", "é\n\u{301}x\r\n", "x\r"])
    func linesSplitAsCharacterSplitDoes(text: String) {
        let expected = text.split(omittingEmptySubsequences: false,
                                  whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        #expect(splitLines(text) == expected)
    }
}

@Suite struct JSONRecordScannerTests {
    /// The scanner's fields for one line, or nil where it leaves the line to `JSONSerialization`.
    func scanned(_ line: String) -> [FieldValue]? {
        Array(line.utf8).withUnsafeBufferPointer { JSONRecordScanner.fields(of: $0) }
    }

    /// A paper built from the line the way the reader's fallback does, through `JSONSerialization`.
    func paperViaFoundation(_ line: String) throws -> Paper {
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as! [String: Any]
        return try RecordFields(lookup: { FieldValue(record[$0.rawValue]) }, fail: { .malformed(file: "f", line: 1, reason: $0) })
            .paper(defaultID: "f-1", line: 1)
    }

    @Test(arguments: [
        #"{"id": "e1", "title": "  Plain  ", "abstract": "x", "year": 2021}"#,
        #"{"id": 42, "title": "Esc \" \\ \/ \b\f\n\r\t end", "abstract": "\u00e9\u4E2D \ud83d\ude00", "date": "2023-01-10T12:00"}"#,
        #"{"id": -7, "title": "Neg id", "abstract": null, "authors": null, "doi": null}"#,
        #"{"id": 0, "title": "Zero id", "abstract": "", "authors": "A ;B;; ; C ", "arxiv_id": "2301.1"}"#,
        #"{"id":"e5","title":"Nested","extra":{"x":[1,2.5,-3,{"y":null}],"z":true,"w":false},"authors":["  X  ","Y"]}"#,
        #"{ "title" : "spaces" , "abstract" : "a" , "authors" : [ ] , "x" : [ ] , "y" : { } , "n": -0.0 }"#,
        "{\"title\": \"NBSP\u{A0}\", \"abstract\": \"\u{A0}\u{2003} trimmed \u{3000}\u{2028}\", \"id\": \" \u{A0} \"}",
        "{\"title\": \"comb \u{301}\", \"abstract\": \" \u{301}a\", \"authors\": [\"a;\u{301}b\"], \"Title\": 1}",
        #"{"title": "\uD834\uDD1E clef", "abstract": "\uFFFF", "id": 123456789012345, "year": "2020", "url": "http:\/\/x"}"#,
        #"{"title": "e", "abstract": "\u0009tab\u000a", "id": "x\u0020", "n": 0.00012345678901}"#,
        "{\"title\": \"Long enough to read in words: ~\u{7F}\u{80}\u{FF} é 😀 and a \\\" quote\", \"abstract\": \"12345678\"}",
    ])
    func fastPathReadsAsFoundationDoes(line: String) throws {
        let values = try #require(scanned(line))
        let fast = try RecordFields(lookup: { values[$0.index] }, fail: { .malformed(file: "f", line: 1, reason: $0) })
            .paper(defaultID: "f-1", line: 1)
        #expect(fast == (try paperViaFoundation(line)))
    }

    @Test(arguments: [
        "", "[1]", "\"s\"", "null", #"{"title": "t"} x"#, #"{"title": "t"}{"a": 1}"#, #"{"title": "t",}"#,
        #"{"title": "t", "x": [1,]}"#, #"{title: "t"}"#, "{\"title\": \"a\tb\"}", #"{"title": "a\qb"}"#,
        #"{"title": "a\ud800b"}"#, #"{"title": "a\udc00"}"#, #"{"title": "a\u0000"}"#, #"{"title": "a\u12"}"#,
        #"{"title": "t", "x": 012}"#, #"{"title": "t", "x": +1}"#, #"{"title": "t", "x": 1.}"#, #"{"title": "t", "x": .5}"#,
        #"{"title": "t", "x": 1e5}"#, #"{"title": "t", "x": 1234567890123456}"#, #"{"title": "t", "x": NaN}"#,
        #"{"title": "t", "x": tru}"#, #"{"title": "t", "x": nul}"#, #"{"title": 5}"#.replacingOccurrences(of: "5", with: "5.5"),
        #"{"title": true}"#, #"{"title": ["t"]}"#, #"{"title": {"a": 1}}"#, #"{"id": -0, "title": "t"}"#,
        #"{"id": 1.5, "title": "t"}"#, #"{"id": 1234567890123456, "title": "t"}"#, #"{"title": "t", "title": "u"}"#,
        #"{"\u0074itle": "t"}"#, "{\"\u{212A}ey\": 1, \"title\": \"t\"}", #"{"title": "t", "authors": [1]}"#,
        #"{"title": "t", "authors": 3}"#, #"{"title": "t", "authors": ["a",]}"#, #"{"title": "t", "year": true}"#,
        "{\"title\": \"t\", \"x\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}",
        "\u{FEFF}{\"title\": \"t\"}",
        "{\"title\": \"a long title, eight bytes at a time\u{1F}then a control character\"}",
        "{\"title\": \"a long title, eight bytes at a time\u{7F}\u{0}\"}",
        #"{"title": "t""#, #"{"title" "t"}"#, #"{"title": "t" "abstract": "a"}"#,
    ])
    func unusualLinesAreLeftToFoundation(line: String) {
        #expect(scanned(line) == nil)
    }

    @Test func deepButAllowedNestingIsRead() {
        let line = "{\"title\": \"t\", \"x\": " + String(repeating: "[{\"a\":", count: 30) + "1"
            + String(repeating: "}]", count: 30) + "}"
        #expect(scanned(line) != nil)
    }
}
