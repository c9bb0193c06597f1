import Foundation

/// Dates and identifiers kept beside a corpus in a TSV or CSV file, joined onto papers that lack them.
///
/// Columns (header row, case-insensitive): any of `n` (1-based position of the paper in its input file),
/// `id`, `arxiv_id`, `title` to join on, and `date`, `month` or `year` plus `arxiv_id`/`doi` to fill in.
/// A row joins a paper by id, then arXiv id, then position, then normalised title; a paper's own values win.
public struct MetadataSidecar: Sendable {
    public struct Row: Sendable, Equatable {
        public var n: Int?
        public var id: String?
        public var arxivID: String?
        public var doi: String?
        public var title: String?
        public var date: String?
    }

    public private(set) var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// Reads a sidecar; `.tsv` is tab-separated, anything else comma-separated.
    public init(contentsOf url: URL) throws {
        let text = try readText(url)
        let file = url.path
        let table: [(line: Int, fields: [String])]
        if url.pathExtension.lowercased() == "tsv" {
            table = splitLines(text).enumerated().compactMap { i, line in
                line.trimmed(newlines: false).isEmpty ? nil
                    : (i + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed })
            }
        } else {
            table = try CSVReader.rows(text, file: file).filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
                .map { ($0.line, $0.fields.map { $0.trimmed }) }
        }
        guard let header = table.first?.fields.map({ $0.lowercased() }) else {
            throw CorpusError.malformed(file: file, line: 1, reason: "empty sidecar")
        }
        let joinable = ["n", "id", "arxiv_id", "title"]
        guard header.contains(where: joinable.contains) else {
            throw CorpusError.malformed(file: file, line: 1, reason:
                "header needs a column to join on: one of \(joinable.joined(separator: ", "))")
        }
        var rows: [Row] = []
        for (line, fields) in table.dropFirst() {
            guard fields.count == header.count else {
                throw CorpusError.malformed(file: file, line: line, reason:
                    "row \(rows.count + 1): expected \(header.count) fields, found \(fields.count)")
            }
            var row = Row()
            for (name, value) in zip(header, fields) where !value.isEmpty {
                switch name {
                case "n":
                    guard let n = Int(value), n > 0 else {
                        throw CorpusError.malformed(file: file, line: line, reason: "row \(rows.count + 1): n \"\(value)\" is not a positive number")
                    }
                    row.n = n
                case "id": row.id = value
                case "arxiv_id", "arxiv": row.arxivID = value
                case "doi": row.doi = value
                case "title": row.title = value
                case "date", "month", "year", "published":
                    guard RecordFields.isDate(value) else {
                        throw CorpusError.malformed(file: file, line: line, reason: "row \(rows.count + 1): \(name) \"\(value)\" is not YYYY, YYYY-MM or YYYY-MM-DD")
                    }
                    if row.date == nil || value.count > row.date!.count { row.date = String(value.prefix(10)) }
                default: continue
                }
            }
            rows.append(row)
        }
        self.rows = rows
    }

    /// Papers from one input file with missing dates and ids filled from the sidecar.
    public func apply(to papers: [Paper]) -> [Paper] {
        var byID: [String: Row] = [:], byArxiv: [String: Row] = [:], byN: [Int: Row] = [:], byTitle: [String: Row] = [:]
        for row in rows {
            if let id = row.id { byID[id] = byID[id] ?? row }
            if let a = row.arxivID { byArxiv[a] = byArxiv[a] ?? row }
            if let n = row.n { byN[n] = byN[n] ?? row }
            if let t = row.title { byTitle[normalizedTitle(t)] = byTitle[normalizedTitle(t)] ?? row }
        }
        return papers.enumerated().map { index, paper in
            let row = byID[paper.id] ?? paper.arxivID.flatMap { byArxiv[$0] } ?? byN[index + 1]
                ?? byTitle[normalizedTitle(paper.title)]
            guard let row else { return paper }
            // A positional match must agree on the title where the sidecar has one: guards against shifted files.
            if byID[paper.id] == nil, paper.arxivID.flatMap({ byArxiv[$0] }) == nil, let t = row.title,
               normalizedTitle(t) != normalizedTitle(paper.title) {
                guard let titled = byTitle[normalizedTitle(paper.title)] else { return paper }
                return fill(paper, from: titled)
            }
            return fill(paper, from: row)
        }
    }

    private func fill(_ paper: Paper, from row: Row) -> Paper {
        var p = paper
        if p.date == nil { p.date = row.date }
        if p.arxivID == nil { p.arxivID = row.arxivID }
        if p.doi == nil { p.doi = row.doi }
        return p
    }
}

/// A title reduced to lower-case ASCII letters and digits, for joining records that spell it differently.
public func normalizedTitle(_ title: String) -> String {
    String(decoding: title.lowercased().utf8.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }, as: UTF8.self)
}
