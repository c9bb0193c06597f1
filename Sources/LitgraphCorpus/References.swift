import Foundation

extension RecordFields {
    /// The works a record cites, in the record's order without repeats: its `references` field, else OpenAlex's
    /// `referenced_works`.
    ///
    /// Each is a list or, as CSV writes it, one `;`-separated string. A list item is a string (a paper id, an
    /// arXiv id, a DOI, an OpenAlex work URL or a title) or a Semantic Scholar reference object, which becomes
    /// its first known key: `externalIds.ArXiv` as `arXiv:ID`, then `externalIds.DOI`, then `title`, then
    /// `paperId` (external ids first, because they match papers whatever source the corpus came from).
    /// S2's `{"citedPaper": {…}}` wrapper is read through. Objects without any of these keys are skipped.
    func references() throws -> [String] {
        for key in [RecordKey.references, .referencedWorks] {
            let found: [String]
            switch lookup(key) {
            case .missing: continue
            case let .text(joined):
                found = joined.split(separator: ";").map { String($0).trimmed }
            case let .strings(list):
                found = list.map { $0.trimmed }
            case let .other(list as [Any]):
                found = try list.compactMap { item -> String? in
                    switch item {
                    case let text as String: return text.trimmed
                    case let object as [String: Any]: return Self.referenceKey(object)
                    default:
                        throw fail("field \"\(key.rawValue)\" should hold strings or reference objects, found \(type(of: item))")
                    }
                }
            case let .other(value):
                throw fail("field \"\(key.rawValue)\" should be a list or a string, found \(type(of: value))")
            }
            var seen = Set<String>()
            return found.filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        return []
    }

    /// The one key kept for a Semantic Scholar reference object, or nil when it has none.
    static func referenceKey(_ object: [String: Any]) -> String? {
        if let inner = object["citedPaper"] as? [String: Any] { return referenceKey(inner) }
        func text(_ value: Any?) -> String? {
            guard let string = (value as? String)?.trimmed, !string.isEmpty else { return nil }
            return string
        }
        let external = object["externalIds"] as? [String: Any]
        if let arxiv = text(external?["ArXiv"]) { return "arXiv:" + arxiv }
        return text(external?["DOI"]) ?? text(object["title"]) ?? text(object["paperId"])
    }
}
