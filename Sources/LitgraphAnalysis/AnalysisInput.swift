import LitgraphExtraction

/// Everything the derived graphs are built from, as plain values: the papers, the entities, which paper mentions
/// which entity and how, and the papers' references. The CLI loads one from the store; tests write one literally.
public struct AnalysisInput: Sendable, Equatable {
    /// A paper: its id, title and date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) where known.
    public struct Paper: Sendable, Hashable {
        public var id: String
        public var title: String
        public var date: String?

        public init(id: String, title: String, date: String? = nil) {
            self.id = id
            self.title = title
            self.date = date
        }
    }

    /// An entity: its canonical name and type, whether the catalogue knows it, the catalogue's year and the
    /// catalogue's parent (DrQ for DrQ-v2) where given.
    public struct Entity: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var catalogued: Bool
        public var year: Int?
        public var parent: String?

        public init(name: String, type: EntityType, catalogued: Bool = false, year: Int? = nil, parent: String? = nil) {
            self.name = name
            self.type = type
            self.catalogued = catalogued
            self.year = year
            self.parent = parent
        }
    }

    /// One paper naming one entity: the paper's id, the entity's name, the role and how many times.
    public struct Mention: Sendable, Hashable {
        public var paper: String
        public var entity: String
        public var role: MentionRole
        public var count: Int

        public init(paper: String, entity: String, role: MentionRole, count: Int = 1) {
            self.paper = paper
            self.entity = entity
            self.role = role
            self.count = count
        }
    }

    /// One reference of a paper: the citing paper's id, the reference as given, and the id of the paper of the
    /// input it resolves to (nil when it names no paper of the input; such references are counted, not drawn).
    public struct Citation: Sendable, Hashable {
        public var paper: String
        public var reference: String
        public var cited: String?

        public init(paper: String, reference: String, cited: String?) {
            self.paper = paper
            self.reference = reference
            self.cited = cited
        }
    }

    public var papers: [Paper]
    public var entities: [Entity]
    public var mentions: [Mention]
    public var citations: [Citation]

    public init(papers: [Paper], entities: [Entity], mentions: [Mention], citations: [Citation] = []) {
        self.papers = papers
        self.entities = entities
        self.mentions = mentions
        self.citations = citations
    }
}

/// Input that cannot make a graph: a reference to a paper or entity the input does not hold, a repeated id, a
/// mention count below 1.
public struct AnalysisInputError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
