import Foundation

/// Reads JSON Lines: one object per line with `id`, `title`, `abstract` and optional `date`, `year`,
/// `authors`, `doi`, `arxiv_id`, `references` (or OpenAlex's `referenced_works`).
///
/// A record's own `id` is kept; one without an id gets `<file stem>-<line>`. Blank lines are skipped.
///
/// Each line is first read by `JSONRecordScanner`, which takes only the fields above and accepts only what
/// it reads exactly as `JSONSerialization` does; any other line (invalid JSON, a number with a fraction or an
/// exponent, a field of the wrong type, …) goes through `JSONSerialization` as before, so results and error
/// messages are the same, and only well-formed records take the fast path.
public struct JSONLinesReader: RecordReader {
    public init() {}

    public func read(_ url: URL) throws -> [Paper] {
        try parse(readText(url), file: url.path, stem: url.deletingPathExtension().lastPathComponent)
    }

    public func parse(_ text: String, file: String, stem: String) throws -> [Paper] {
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { bytes in
            var papers: [Paper] = []
            try forEachLine(bytes) { lineRange, lineNumber in
                let range = trimmedRange(bytes, lineRange, newlines: false)
                if range.isEmpty { return }
                let line = UnsafeBufferPointer(rebasing: bytes[range])
                let record = papers.count + 1
                func fail(_ reason: String) -> CorpusError {
                    .malformed(file: file, line: lineNumber, reason: "record \(record): \(reason)")
                }
                let fields: RecordFields
                if let values = JSONRecordScanner.fields(of: line) {
                    fields = RecordFields(lookup: { values[$0.index] }, fail: fail)
                } else {
                    let object: Any
                    do {
                        object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
                    } catch {
                        throw fail("invalid JSON (\(Self.shortReason(error)))")
                    }
                    guard let record = object as? [String: Any] else { throw fail("expected a JSON object") }
                    fields = RecordFields(lookup: { FieldValue(record[$0.rawValue]) }, fail: fail)
                }
                papers.append(try fields.paper(defaultID: "\(stem)-\(lineNumber)", line: lineNumber))
            }
            return papers
        }!
    }

    static func shortReason(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}

/// The fields a record is built from, in the order `RecordKey.index` numbers them.
enum RecordKey: String, CaseIterable {
    case id, title, abstract, date, year, authors, doi
    case arxivID = "arxiv_id"
    case references
    case referencedWorks = "referenced_works"

    var index: Int {
        switch self {
        case .id: 0
        case .title: 1
        case .abstract: 2
        case .date: 3
        case .year: 4
        case .authors: 5
        case .doi: 6
        case .arxivID: 7
        case .references: 8
        case .referencedWorks: 9
        }
    }

    /// Fields that may hold a list of strings (authors, cited works); the others hold one value.
    var isList: Bool { self == .authors || self == .references || self == .referencedWorks }
}

/// One field's value as a reader found it.
enum FieldValue {
    /// Absent or null.
    case missing
    /// A string, or a number as `NSNumber.stringValue` writes it; not trimmed.
    case text(String)
    /// A list of strings, not trimmed.
    case strings([String])
    /// Anything else as `JSONSerialization` gave it (a number, a list, an object).
    case other(Any)

    /// A value as `JSONSerialization` gave it.
    init(_ value: Any?) {
        switch value {
        case nil, is NSNull: self = .missing
        case let string as String: self = .text(string)
        case let value?: self = .other(value)
        }
    }
}

/// The shared field rules of the JSONL and CSV readers: which fields are required and how loose types
/// (a number id, a year as a number, authors as a list or a `;`-separated string) are accepted.
struct RecordFields {
    let lookup: (RecordKey) -> FieldValue
    let fail: (String) -> CorpusError

    func string(_ key: RecordKey) throws -> String? {
        switch lookup(key) {
        case .missing: return nil
        case let .text(value):
            let trimmed = value.trimmed
            return trimmed.isEmpty ? nil : trimmed
        case let .strings(list): return try string(key, other: list as [Any])
        case let .other(value): return try string(key, other: value)
        }
    }

    private func string(_ key: RecordKey, other value: Any) throws -> String {
        if let number = value as? NSNumber { return number.stringValue }
        throw fail("field \"\(key.rawValue)\" should be a string, found \(type(of: value))")
    }

    func paper(defaultID: String, line: Int) throws -> Paper {
        guard let title = try string(.title) else { throw fail("missing or empty \"title\"") }
        let abstract = try string(.abstract) ?? ""
        var date = try string(.date)
        if date == nil, let year = try string(.year) { date = year }
        if let d = date, !Self.isDate(d) {
            throw fail("field \"date\" should look like YYYY, YYYY-MM or YYYY-MM-DD, found \"\(d)\"")
        }
        let authors: [String]
        switch lookup(.authors) {
        case .missing: authors = []
        case let .strings(list): authors = list.map { $0.trimmed }
        case let .text(joined):
            authors = joined.split(separator: ";").map { $0.trimmed }.filter { !$0.isEmpty }
        case let .other(list as [Any]):
            authors = try list.map {
                guard let name = $0 as? String else { throw fail("field \"authors\" should hold strings") }
                return name.trimmed
            }
        case let .other(value): throw fail("field \"authors\" should be a list or a string, found \(type(of: value))")
        }
        return Paper(id: try string(.id) ?? defaultID, title: title, abstract: abstract,
                     date: date.map { String($0.prefix(10)) }, authors: authors,
                     doi: try string(.doi), arxivID: try string(.arxivID), references: try references(), line: line)
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
