import Foundation

/// Reads a trending-papers listing as scraped: a title line, then its abstract line, repeated.
///
/// The scrape's header lines ("Get trending papers in your email inbox…") are dropped, as is the
/// "Subscribe" button text glued to the first title. Blank lines between records are tolerated. Papers get
/// the id `<file stem>-<n>`, n counting records from 1, so a sidecar keyed by paper number can be joined.
public struct ListingReader: RecordReader {
    /// Titles longer than this are taken as a sign that the title/abstract pairing has slipped.
    public static let maxTitleLength = 400

    public init() {}

    public func read(_ url: URL) throws -> [Paper] {
        try parse(readText(url), file: url.path, stem: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses listing text; `file` names the source in errors.
    public func parse(_ text: String, file: String, stem: String) throws -> [Paper] {
        var papers: [Paper] = []
        var pendingTitle: (text: String, line: Int)?
        var sawRecord = false
        for (index, raw) in splitLines(text).enumerated() {
            let lineNumber = index + 1
            var line = raw.trimmed
            if line.isEmpty { continue }
            if !sawRecord && Self.isHeader(line) { continue }
            if let title = pendingTitle {
                papers.append(Paper(id: "\(stem)-\(papers.count + 1)", title: title.text, abstract: line,
                                    line: title.line))
                pendingTitle = nil
                continue
            }
            if !sawRecord, line.hasPrefix("Subscribe"), line.count > 9 {
                let rest = line.dropFirst(9)
                if let first = rest.first, first.isUppercase || first.isNumber { line = String(rest) }
            }
            if line.count > Self.maxTitleLength {
                throw CorpusError.malformed(file: file, line: lineNumber, reason:
                    "record \(papers.count + 1): expected a title line but found \(line.count) characters; "
                    + "is a title or abstract line missing above?")
            }
            pendingTitle = (line, lineNumber)
            sawRecord = true
        }
        if let title = pendingTitle {
            throw CorpusError.malformed(file: file, line: title.line, reason:
                "record \(papers.count + 1) (\"\(title.text.prefix(60))\"): title has no abstract line")
        }
        if papers.isEmpty {
            throw CorpusError.malformed(file: file, line: 1, reason: "no records found")
        }
        return papers
    }

    /// The scrape's page furniture, found before the first record.
    static func isHeader(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("get trending papers") || lower == "subscribe" || lower.hasPrefix("trending papers")
    }
}
