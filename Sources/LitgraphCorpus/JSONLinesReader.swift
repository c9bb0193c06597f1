import Foundation

/// Reads JSON Lines: one object per line with `id`, `title`, `abstract` and optional `date`, `year`,
/// `authors`, `doi`, `arxiv_id`, `references` (or OpenAlex's `referenced_works`).
///
/// A record's own `id` is kept; one without an id gets `<file stem>-<line>`. Blank lines are skipped.
public struct JSONLinesReader: RecordReader {
    public init() {}

    public func read(_ url: URL) throws -> [Paper] {
        try parse(readText(url), file: url.path, stem: url.deletingPathExtension().lastPathComponent)
    }

    public func parse(_ text: String, file: String, stem: String) throws -> [Paper] {
        var papers: [Paper] = []
        for (index, raw) in splitLines(text).enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            func fail(_ reason: String) -> CorpusError {
                .malformed(file: file, line: lineNumber, reason: "record \(papers.count + 1): \(reason)")
            }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
            } catch {
                throw fail("invalid JSON (\(Self.shortReason(error)))")
            }
            guard let record = object as? [String: Any] else { throw fail("expected a JSON object") }
            let fields = RecordFields(lookup: { record[$0] }, fail: fail)
            papers.append(try fields.paper(defaultID: "\(stem)-\(lineNumber)", line: lineNumber))
        }
        return papers
    }

    static func shortReason(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}

/// The shared field rules of the JSONL and CSV readers: which fields are required and how loose types
/// (a number id, a year as a number, authors as a list or a `;`-separated string) are accepted.
struct RecordFields {
    let lookup: (String) -> Any?
    let fail: (String) -> CorpusError

    func string(_ key: String) throws -> String? {
        switch lookup(key) {
        case nil, is NSNull: return nil
        case let value as String: return value.trimmed.isEmpty ? nil : value.trimmed
        case let value as NSNumber: return value.stringValue
        case let value?: throw fail("field \"\(key)\" should be a string, found \(type(of: value))")
        }
    }

    func paper(defaultID: String, line: Int) throws -> Paper {
        guard let title = try string("title") else { throw fail("missing or empty \"title\"") }
        let abstract = try string("abstract") ?? ""
        var date = try string("date")
        if date == nil, let year = try string("year") { date = year }
        if let d = date, !Self.isDate(d) {
            throw fail("field \"date\" should look like YYYY, YYYY-MM or YYYY-MM-DD, found \"\(d)\"")
        }
        let authors: [String]
        switch lookup("authors") {
        case nil, is NSNull: authors = []
        case let list as [Any]:
            authors = try list.map {
                guard let name = $0 as? String else { throw fail("field \"authors\" should hold strings") }
                return name.trimmed
            }
        case let joined as String:
            authors = joined.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
        case let value?: throw fail("field \"authors\" should be a list or a string, found \(type(of: value))")
        }
        return Paper(id: try string("id") ?? defaultID, title: title, abstract: abstract,
                     date: date.map { String($0.prefix(10)) }, authors: authors,
                     doi: try string("doi"), arxivID: try string("arxiv_id"), references: try references(), line: line)
    }

    /// True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed by a time (`T…`).
    static func isDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && r.allSatisfy { b[$0] >= 48 && b[$0] <= 57 } }
        guard digits(0..<4) else { return false }
        if b.count == 4 { return true }
        guard b.count >= 7, b[4] == 45, digits(5..<7) else { return false }
        if b.count == 7 { return true }
        guard b.count >= 10, b[7] == 45, digits(8..<10) else { return false }
        return b.count == 10 || b[10] == 84 || b[10] == 32
    }
}
