import Foundation
import GRDB

/// One reference of a stored paper and the stored paper it resolves to, if any.
public struct StoredCitation: Sendable, Hashable {
    /// The citing paper's id.
    public var paperID: String
    /// The reference as the record gave it.
    public var reference: String
    /// The id of the stored paper it names, or nil when no stored paper matches (the reference is kept).
    public var cited: String?

    public init(paperID: String, reference: String, cited: String?) {
        self.paperID = paperID
        self.reference = reference
        self.cited = cited
    }
}

/// Resolves reference strings to papers of a corpus: by paper id, by arXiv id (version and `arXiv:`/URL prefix
/// stripped, arXiv DOIs included), by DOI (case-insensitive, `doi:`/URL prefix stripped), or by normalised
/// title (`normalizedName`, at least 10 letters and digits). A key shared by two papers resolves to neither.
public struct ReferenceResolver: Sendable {
    /// A paper as the resolver indexes it.
    public struct Target: Sendable, Hashable {
        public var id: String
        public var title: String
        public var doi: String?
        public var arxivID: String?

        public init(id: String, title: String, doi: String? = nil, arxivID: String? = nil) {
            self.id = id
            self.title = title
            self.doi = doi
            self.arxivID = arxivID
        }
    }

    private var ids: Set<String> = []
    private var byArxiv: [String: String?] = [:]
    private var byDOI: [String: String?] = [:]
    private var byTitle: [String: String?] = [:]

    /// Indexes the papers; O(total length of their keys).
    public init(papers: [Target]) {
        func add(_ key: String?, _ id: String, to index: inout [String: String?]) {
            guard let key else { return }
            if let existing = index[key] { if existing != id { index[key] = .some(nil) } } else { index[key] = id }
        }
        var idLike: [String: String?] = [:]
        for paper in papers {
            ids.insert(paper.id)
            add(paper.arxivID.flatMap { Self.arxivID($0) }, paper.id, to: &byArxiv)
            add(Self.arxivID(paper.id), paper.id, to: &idLike)
            add(paper.doi.flatMap(Self.doi), paper.id, to: &byDOI)
            let title = normalizedName(paper.title)
            add(title.utf8.count >= 10 ? title : nil, paper.id, to: &byTitle)
        }
        // An id that looks like an arXiv id counts when no paper carries that arXiv id in its own field.
        for (key, id) in idLike where byArxiv[key] == nil { byArxiv[key] = id }
    }

    /// The id of the paper `reference` names, or nil when none (or more than one) matches.
    public func resolve(_ reference: String) -> String? {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if ids.contains(text) { return text }
        if let arxiv = Self.arxivID(text) { return byArxiv[arxiv] ?? nil }
        if let doi = Self.doi(text) {
            if let arxiv = Self.arxivID(fromDOI: doi), let id = byArxiv[arxiv] ?? nil { return id }
            return byDOI[doi] ?? nil
        }
        guard !text.contains("://") else { return nil }
        let title = normalizedName(text)
        return title.utf8.count >= 10 ? byTitle[title] ?? nil : nil
    }

    /// The arXiv id in `text` (`2107.09645`, `arXiv:2107.09645v2`, `https://arxiv.org/abs/cs/0501001v1`), lower
    /// case and without version, or nil when `text` is not one.
    public static func arxivID(_ text: String) -> String? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        for prefix in ["https://", "http://", "www.", "export.arxiv.org/", "arxiv.org/", "abs/", "pdf/", "arxiv:"]
        where t.hasPrefix(prefix) {
            t = t.dropFirst(prefix.count)
        }
        if t.hasSuffix(".pdf") { t = t.dropLast(4) }
        // Version suffix: v followed by digits.
        if let v = t.lastIndex(of: "v"), v != t.startIndex, t[t.index(after: v)...].allSatisfy(\.isASCIIDigit),
           t.index(after: v) != t.endIndex {
            t = t[..<v]
        }
        let bytes = Array(t.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 } }
        // New style (2007 on): YYMM.NNNN or YYMM.NNNNN.
        if (bytes.count == 9 || bytes.count == 10), bytes[4] == 0x2E, digits(0..<4), digits(5..<bytes.count) {
            return String(t)
        }
        // Old style: archive[.subject]/YYMMNNN.
        if let slash = bytes.firstIndex(of: 0x2F), bytes.count - slash - 1 == 7, slash > 1,
           digits((slash + 1)..<bytes.count),
           bytes[..<slash].allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 0x2D || $0 == 0x2E }) {
            return String(t)
        }
        return nil
    }

    /// The DOI in `text` (`10.1/x`, `doi:10.1/x`, `https://doi.org/10.1/x`), lower case, or nil.
    public static func doi(_ text: String) -> String? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        for prefix in ["https://", "http://", "dx.", "doi.org/", "doi:"] where t.hasPrefix(prefix) {
            t = t.dropFirst(prefix.count)
        }
        t = Substring(t.trimmingCharacters(in: .whitespaces))
        guard t.hasPrefix("10."), let slash = t.firstIndex(of: "/"), t.index(after: slash) != t.endIndex else {
            return nil
        }
        return String(t)
    }

    /// The arXiv id of an arXiv DOI (`10.48550/arxiv.2107.09645`), or nil.
    static func arxivID(fromDOI doi: String) -> String? {
        let prefix = "10.48550/arxiv."
        return doi.hasPrefix(prefix) ? arxivID(String(doi.dropFirst(prefix.count))) : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Store {
    /// Every stored reference, each resolved to a stored paper where one matches (`ReferenceResolver`), in
    /// paper order then the record's order. Unresolved references are returned with `cited == nil`.
    public func citations() throws -> [StoredCitation] {
        try db.read { db in
            let targets = try Row.fetchAll(db, sql: "SELECT id, title, doi, arxiv_id FROM paper ORDER BY rowid").map {
                ReferenceResolver.Target(id: $0["id"], title: $0["title"], doi: $0["doi"], arxivID: $0["arxiv_id"])
            }
            let resolver = ReferenceResolver(papers: targets)
            return try Row.fetchAll(db, sql: """
                SELECT r.paper_id, r.reference FROM paper_reference r JOIN paper p ON p.id = r.paper_id
                ORDER BY p.rowid, r.position
                """).map { row in
                let reference: String = row["reference"]
                return StoredCitation(paperID: row["paper_id"], reference: reference, cited: resolver.resolve(reference))
            }
        }
    }
}
