/// One entity on a network map, as plain values so maps can be drawn from any analysis or a literal.
public struct MapNode: Sendable, Hashable {
    /// A stable key that edges refer to; it never reaches the DOT source or the SVG.
    public var id: String
    /// The name drawn on the node (wrapped to a few lines); the full name goes into the hover title.
    public var label: String
    /// The key of a `MapCategory` (`method`, `benchmark`, `dataset`, …); unknown keys use the fallback.
    public var category: String
    /// Prominence in 0...1 (for example scaled centrality); node area grows linearly with it.
    public var size: Double
    /// How many papers mention the entity, shown in the hover title.
    public var papers: Int
    /// Extra hover text shown under the name and paper count.
    public var tooltip: String?

    public init(id: String, label: String, category: String, size: Double, papers: Int, tooltip: String? = nil) {
        self.id = id
        self.label = label
        self.category = category
        self.size = size
        self.papers = papers
        self.tooltip = tooltip
    }
}

/// One undirected link between two `MapNode` ids, drawn wider and darker as its weight grows.
public struct MapEdge: Sendable, Hashable {
    public var source: String
    public var target: String
    /// A positive strength such as the number of papers that mention both ends.
    public var weight: Double
    /// Extra hover text for the edge.
    public var tooltip: String?

    public init(source: String, target: String, weight: Double, tooltip: String? = nil) {
        self.source = source
        self.target = target
        self.weight = weight
        self.tooltip = tooltip
    }
}

/// The outline a category's nodes are drawn with, so type is readable without colour too.
public enum MapShape: String, Sendable, Hashable, CaseIterable {
    case ellipse, box, roundedBox, cylinder, hexagon, octagon

    /// The Graphviz `shape` and extra `style` for this outline.
    var graphviz: (shape: String, style: String) {
        switch self {
        case .ellipse: ("ellipse", "filled")
        case .box: ("box", "filled")
        case .roundedBox: ("box", "filled,rounded")
        case .cylinder: ("cylinder", "filled")
        case .hexagon: ("hexagon", "filled")
        case .octagon: ("octagon", "filled")
        }
    }
}

/// How nodes of one kind look and what the legend calls them.
public struct MapCategory: Sendable, Hashable {
    /// The value of `MapNode.category` this style applies to.
    public var key: String
    /// The legend's name for the category.
    public var name: String
    /// Fill colour as `#RRGGBB`; anything else falls back to grey.
    public var fill: String
    public var shape: MapShape

    public init(key: String, name: String, fill: String, shape: MapShape) {
        self.key = key
        self.name = name
        self.fill = fill
        self.shape = shape
    }

    /// Okabe & Ito's colour-blind-safe palette (2008), light enough for black text, in the order to use it.
    public static let palette = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00"]

    public static let method = MapCategory(key: "method", name: "Method", fill: palette[0], shape: .ellipse)
    public static let benchmark = MapCategory(key: "benchmark", name: "Benchmark", fill: palette[1],
                                              shape: .roundedBox)
    public static let dataset = MapCategory(key: "dataset", name: "Dataset", fill: palette[2], shape: .cylinder)
    /// The style for nodes whose category no other style names.
    public static let other = MapCategory(key: "other", name: "Other", fill: "#C8C8C8", shape: .octagon)

    /// Methods, benchmarks and datasets, the entity types litgraph extracts.
    public static let standard: [MapCategory] = [.method, .benchmark, .dataset]

    /// `fill` if it is a `#RRGGBB` colour, else the fallback grey, so no other text reaches DOT or SVG.
    var safeFill: String {
        let hex = fill.utf8.dropFirst()
        let valid = fill.utf8.first == UInt8(ascii: "#") && hex.count == 6 && hex.allSatisfy {
            (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0)
        }
        return valid ? fill.uppercased() : MapCategory.other.fill
    }
}

/// The force-directed layouts a map can use; both give the same bytes for the same map on every render.
///
/// fdp is left out on purpose: in Graphviz 2.43 its positions depend on layouts run earlier in the process.
public enum MapLayout: String, Sendable, Hashable, CaseIterable {
    /// Multiscale spring-electrical model (Hu 2005), fast on hundreds of nodes; the default.
    case sfdp
    /// Stress majorization (Gansner, Koren & North 2004), often tidier on small maps.
    case neato
}

/// An input a map cannot draw.
public enum MapError: Error, Sendable, Equatable {
    /// Two nodes share an id.
    case duplicateNode(String)
    /// An edge names a node id that is not on the map.
    case unknownNode(String)
}
