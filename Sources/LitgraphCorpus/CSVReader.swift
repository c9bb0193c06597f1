import Foundation

/// Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) with a header row naming
/// the same columns as the JSON Lines reader: `id`, `title`, `abstract`, `date`, `authors` (`;`-separated),
/// `doi`, `arxiv_id`, `references` (`;`-separated). Column names are matched case-insensitively; unknown columns are ignored.
public struct CSVReader: RecordReader {
    public init() {}

    public func read(_ url: URL) throws -> [Paper] {
        try parse(readText(url), file: url.path, stem: url.deletingPathExtension().lastPathComponent)
    }

    public func parse(_ text: String, file: String, stem: String) throws -> [Paper] {
        let rows = try Self.rows(text, file: file)
        guard let header = rows.first else { throw CorpusError.malformed(file: file, line: 1, reason: "empty file") }
        let columns = header.fields.map { $0.trimmed.lowercased() }
        guard columns.contains("title") else {
            throw CorpusError.malformed(file: file, line: 1, reason:
                "header has no \"title\" column (found: \(columns.joined(separator: ", ")))")
        }
        var papers: [Paper] = []
        for row in rows.dropFirst() {
            if row.fields.count == 1 && row.fields[0].trimmed.isEmpty { continue }
            func fail(_ reason: String) -> CorpusError {
                .malformed(file: file, line: row.line, reason: "record \(papers.count + 1): \(reason)")
            }
            guard row.fields.count == columns.count else {
                throw fail("expected \(columns.count) fields as in the header, found \(row.fields.count)")
            }
            var record: [String: String] = [:]
            for (name, value) in zip(columns, row.fields) where record[name] == nil { record[name] = value }
            let fields = RecordFields(lookup: { record[$0.rawValue].map(FieldValue.text) ?? .missing }, fail: fail)
            papers.append(try fields.paper(defaultID: "\(stem)-\(row.line)", line: row.line))
        }
        return papers
    }

    struct Row { var line: Int; var fields: [String] }

    /// Splits CSV text into rows of fields, each with the line it starts on. Works on UTF-8 bytes.
    static func rows(_ text: String, file: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, rowStart = 1
        var inQuotes = false, quoteStart = 0, wasQuoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); wasQuoted = false }
        func endRow() { endField(); rows.append(Row(line: rowStart, fields: fields)); fields.removeAll() }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22:
                if field.allSatisfy({ $0 == 0x20 }) && !wasQuoted {
                    field.removeAll(); inQuotes = true; wasQuoted = true; quoteStart = line
                } else {
                    throw CorpusError.malformed(file: file, line: line, reason:
                        "record \(rows.count): stray quote inside an unquoted field")
                }
            case 0x2C: endField()
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A: break
            case 0x0A, 0x0D:
                endRow(); line += 1; rowStart = line
            default:
                if wasQuoted && b != 0x20 {
                    throw CorpusError.malformed(file: file, line: line, reason:
                        "record \(rows.count): text after a closing quote")
                }
                if !wasQuoted { field.append(b) }
            }
            i += 1
        }
        if inQuotes {
            throw CorpusError.malformed(file: file, line: quoteStart, reason:
                "record \(rows.count): quoted field never closed")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }
        return rows
    }
}
