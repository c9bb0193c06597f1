import Foundation

/// One paper record as every reader yields it, whatever the input format.
public struct Paper: Sendable, Hashable, Codable {
    /// The record's own id where it has one (JSONL/CSV `id`), else one derived from its position.
    public var id: String
    public var title: String
    public var abstract: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` where known.
    public var date: String?
    public var authors: [String]
    public var doi: String?
    public var arxivID: String?
    /// The works this paper cites, as given by its record: ids, arXiv ids, DOIs or titles (see
    /// `RecordFields.references()`); the store resolves them against its papers.
    public var references: [String]
    /// The line of its input file where the record starts, for error messages (not stored).
    public var line: Int?

    public init(id: String, title: String, abstract: String, date: String? = nil, authors: [String] = [],
                doi: String? = nil, arxivID: String? = nil, references: [String] = [], line: Int? = nil) {
        self.id = id
        self.title = title
        self.abstract = abstract
        self.date = date
        self.authors = authors
        self.doi = doi
        self.arxivID = arxivID
        self.references = references
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case id, title, abstract, date, authors, doi, references
        case arxivID = "arxiv_id"
    }

    /// Decodes a paper; `references` may be absent (papers encoded before it existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
                  abstract: try c.decode(String.self, forKey: .abstract),
                  date: try c.decodeIfPresent(String.self, forKey: .date),
                  authors: try c.decode([String].self, forKey: .authors),
                  doi: try c.decodeIfPresent(String.self, forKey: .doi),
                  arxivID: try c.decodeIfPresent(String.self, forKey: .arxivID),
                  references: try c.decodeIfPresent([String].self, forKey: .references) ?? [])
    }
}

/// A reader's refusal of bad input, naming the file, the line and what is wrong.
public enum CorpusError: Error, Equatable, CustomStringConvertible {
    case malformed(file: String, line: Int, reason: String)
    case unreadable(file: String, reason: String)
    case unknownFormat(file: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, reason): return "\(file):\(line): \(reason)"
        case let .unreadable(file, reason): return "\(file): cannot read: \(reason)"
        case let .unknownFormat(file):
            return "\(file): unknown format (expected .txt listing, .jsonl/.ndjson or .csv)"
        }
    }
}

/// Reads one input format into `Paper` records.
public protocol RecordReader: Sendable {
    /// Throws `CorpusError.malformed(file:line:reason:)` at the first bad record.
    func read(_ url: URL) throws -> [Paper]
}

/// Input formats litgraph reads, chosen from a file's extension.
public enum RecordFormat: String, CaseIterable, Sendable {
    case listing, jsonl, csv

    /// The format a file's extension implies, or nil.
    public static func infer(from url: URL) -> RecordFormat? {
        switch url.pathExtension.lowercased() {
        case "txt": return .listing
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        default: return nil
        }
    }

    public var reader: any RecordReader {
        switch self {
        case .listing: return ListingReader()
        case .jsonl: return JSONLinesReader()
        case .csv: return CSVReader()
        }
    }
}

/// Reads any supported file, choosing the reader from its extension unless `format` is given.
public func readRecords(_ url: URL, format: RecordFormat? = nil) throws -> [Paper] {
    guard let format = format ?? RecordFormat.infer(from: url) else {
        throw CorpusError.unknownFormat(file: url.path)
    }
    return try format.reader.read(url)
}

/// Reads a file as UTF-8 text, turning failures into `CorpusError`.
func readText(_ url: URL) throws -> String {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        throw CorpusError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
        // Find the first line holding invalid UTF-8 so the error names it.
        var line = 1
        var start = data.startIndex
        for (i, byte) in zip(data.indices, data) where byte == 0x0A {
            if String(data: data[start..<i], encoding: .utf8) == nil { break }
            line += 1
            start = i + 1
        }
        throw CorpusError.malformed(file: url.path, line: line, reason: "not valid UTF-8")
    }
    return text
}
