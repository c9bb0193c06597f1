import Foundation

/// What kind of named thing an entity is, following the annotation guideline.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    case method, benchmark, dataset

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rank < b.rank }
    private var rank: Int { switch self { case .method: 0; case .benchmark: 1; case .dataset: 2 } }
}

/// One known entity: its canonical name, type, the other ways papers write it, and its family.
public struct CatalogueEntry: Sendable, Hashable, Codable {
    public var name: String
    public var type: EntityType
    public var aliases: [String]
    public var year: Int?
    /// Canonical name of the family or suite this entry belongs to (DrQ-v2 → DrQ).
    public var parent: String?
    /// The other type an honest reader could give it (R2R: dataset/benchmark).
    public var altType: EntityType?
    /// Also a common word or short colliding acronym: matched only with its exact case.
    public var ambiguous: Bool

    public init(name: String, type: EntityType, aliases: [String] = [], year: Int? = nil, parent: String? = nil,
                altType: EntityType? = nil, ambiguous: Bool = false) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.year = year
        self.parent = parent
        self.altType = altType
        self.ambiguous = ambiguous
    }

    enum CodingKeys: String, CodingKey {
        case name, type, aliases, year, parent, ambiguous
        case altType = "alt_type"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(EntityType.self, forKey: .type)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        altType = try c.decodeIfPresent(EntityType.self, forKey: .altType)
        ambiguous = try c.decodeIfPresent(Bool.self, forKey: .ambiguous) ?? false
    }

    /// A name that is more than blanks, which every entry must have.
    var hasName: Bool { !name.trimmingCharacters(in: .whitespaces).isEmpty }

    /// The name followed by the aliases, without duplicates.
    public var surfaces: [String] {
        var seen = Set<String>()
        return ([name] + aliases).filter { seen.insert($0).inserted }
    }
}

/// A catalogue file that could not be read, naming the file and line.
public struct CatalogueError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// The set of known entities: the shipped catalogue, extended or overridden by users' files.
///
/// Files are JSON Lines, one `CatalogueEntry` per line (`name`, `type`, `aliases`, `year`, `parent`,
/// `alt_type`, `ambiguous`). A later entry with the same canonical name (case-insensitive) replaces the
/// earlier one, so a user's file can retype or re-alias a shipped entry.
public struct Catalogue: Sendable {
    public private(set) var entries: [CatalogueEntry]
    private var indexByKey: [String: Int]

    public init(entries: [CatalogueEntry] = []) {
        self.entries = []
        self.indexByKey = [:]
        for entry in entries { add(entry) }
    }

    /// Adds an entry, replacing one with the same canonical name.
    public mutating func add(_ entry: CatalogueEntry) {
        let key = entry.name.lowercased()
        if let i = indexByKey[key] { entries[i] = entry } else {
            indexByKey[key] = entries.count
            entries.append(entry)
        }
    }

    /// The entry with this canonical name (case-insensitive).
    public func entry(named name: String) -> CatalogueEntry? {
        indexByKey[name.lowercased()].map { entries[$0] }
    }

    /// Reads a catalogue file, failing on the first bad line.
    public static func entries(from url: URL) throws -> [CatalogueEntry] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CatalogueError(file: url.path, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let blank = lines.map { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        // Fast path: the lines as one JSON array, one decoder call instead of one per line (most of the
        // start-up time of every extracting command). Taken only when every other line is exactly one
        // delimited object, so that the array holds the same entries the lines would give one by one; any
        // failure, or an empty name, falls through to the line-by-line reading below, which names the line.
        if zip(lines, blank).allSatisfy({ line, isBlank in isBlank || isOneObject(line) }) {
            var array = Data("[".utf8)
            array.reserveCapacity(data.count + 2)
            for (index, line) in lines.enumerated() where !blank[index] {
                if array.count > 1 { array.append(0x2C) }
                array.append(contentsOf: line)
            }
            array.append(0x5D)
            if let all = try? decoder.decode([CatalogueEntry].self, from: array), all.allSatisfy(\.hasName) {
                return all
            }
        }
        var result: [CatalogueEntry] = []
        for (index, line) in lines.enumerated() where !blank[index] {
            let lineNumber = index + 1
            do {
                let entry = try decoder.decode(CatalogueEntry.self, from: Data(line))
                guard entry.hasName else {
                    throw CatalogueError(file: url.path, line: lineNumber, reason: "empty name")
                }
                result.append(entry)
            } catch let error as CatalogueError {
                throw error
            } catch {
                throw CatalogueError(file: url.path, line: lineNumber, reason: "bad entry: \(Self.describe(error))")
            }
        }
        return result
    }

    /// Whether `line` is one JSON object and blanks: it opens with `{` and its braces (outside strings)
    /// close for the first time at its last non-blank byte. Says nothing of the object's content. O(n).
    static func isOneObject(_ line: Data.SubSequence) -> Bool {
        var depth = 0, inString = false, escaped = false, closed = false
        for b in line {
            if closed {
                if b == 0x20 || b == 0x09 || b == 0x0D { continue }
                return false
            }
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x20, 0x09, 0x0D: continue
            case 0x22: inString = true
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 { closed = true }
            default: break
            }
            if depth == 0 && !closed { return false }
        }
        return closed
    }

    /// The catalogue shipped with litgraph: every `.jsonl` file in the bundled `catalogue` folder, by name.
    public static func shipped() throws -> Catalogue {
        guard let folder = Bundle.module.url(forResource: "catalogue", withExtension: nil) else {
            throw CatalogueError(file: "catalogue", line: 0, reason: "the shipped catalogue is missing from the bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var catalogue = Catalogue()
        for file in files { for entry in try entries(from: file) { catalogue.add(entry) } }
        return catalogue
    }

    /// The shipped catalogue extended or overridden by `userFiles`, in order.
    public static func load(userFiles: [URL] = []) throws -> Catalogue {
        var catalogue = try shipped()
        for file in userFiles { for entry in try entries(from: file) { catalogue.add(entry) } }
        return catalogue
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _): return "missing \"\(key.stringValue)\""
        case let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx):
            return "wrong type at \"\(ctx.codingPath.map(\.stringValue).joined(separator: "."))\""
        case let DecodingError.dataCorrupted(ctx):
            if ctx.codingPath.last?.stringValue == "type" {
                return "type must be one of method, benchmark, dataset"
            }
            return "invalid JSON"
        default: return "\(error)"
        }
    }
}
