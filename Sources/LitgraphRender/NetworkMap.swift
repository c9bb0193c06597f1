import GraphvizKit
import LitgraphAnalysis

/// A network map of entities (nodes sized by prominence, coloured and shaped by type, linked by weighted
/// edges) that renders to one standalone SVG with a title and legend, laid out by Graphviz in process.
///
/// The same map always renders to the same bytes: nodes and edges are sorted before the DOT is written,
/// the layout's random start is seeded, and numbers print with fixed precision. Names never reach DOT as
/// identifiers (nodes are `n0`, `n1`, …) and every string from a record is escaped for DOT and for SVG.
public struct NetworkMap: Sendable {
    /// The heading drawn above the legend and used as the SVG's accessible title.
    public var title: String
    public var nodes: [MapNode]
    public var edges: [MapEdge]
    /// Styles by `MapNode.category`; the legend lists them in this order.
    public var categories: [MapCategory]
    /// The style for nodes whose category is not in `categories`.
    public var fallback: MapCategory
    /// What node size stands for, completing the legend's "Node size:".
    public var sizeMeaning: String
    /// What edge weight stands for, completing the legend's "Line width:".
    public var weightMeaning: String
    public var layout: MapLayout
    /// The seed of the layout's random start; change it to get a different but equally stable drawing.
    public var seed: Int
    /// Prefix of every `id` in the SVG (letters, digits, `_`), so several maps can be inlined in one page.
    public var idPrefix: String
    /// Characters per label line before wrapping; labels keep at most three lines.
    public var labelLineLength: Int

    public init(title: String, nodes: [MapNode], edges: [MapEdge],
                categories: [MapCategory] = MapCategory.standard, fallback: MapCategory = .other,
                sizeMeaning: String = "centrality", weightMeaning: String = "papers in common",
                layout: MapLayout = .sfdp, seed: Int = 1,
                idPrefix: String = "map", labelLineLength: Int = 18) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
        self.categories = categories
        self.fallback = fallback
        self.sizeMeaning = sizeMeaning
        self.weightMeaning = weightMeaning
        self.layout = layout
        self.seed = seed
        self.idPrefix = idPrefix
        self.labelLineLength = labelLineLength
    }

    /// A map of an analysed graph whose node `i` is `nodes[i]`, so measures and drawing share indices.
    public init(title: String, nodes: [MapNode], graph: WeightedGraph) throws {
        var edges: [MapEdge] = []
        for edge in graph.edges {
            for end in [edge.source, edge.target] where !nodes.indices.contains(end) {
                throw MapError.unknownNode("#\(end)")
            }
            edges.append(MapEdge(source: nodes[edge.source].id, target: nodes[edge.target].id,
                                 weight: edge.weight))
        }
        self.init(title: title, nodes: nodes, edges: edges)
    }

    /// The DOT source Graphviz lays out, with synthetic node names and every label escaped.
    public func dot() throws -> String {
        try Plan(self).dot
    }

    /// The map as a standalone SVG document (XML declaration, namespaces, no external references).
    public func svg() throws -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + (try inlineSVG())
    }

    /// The map as one `<svg>` element with no XML declaration or DOCTYPE, for inlining into HTML.
    public func inlineSVG() throws -> String {
        let plan = try Plan(self)
        let raw = try Graphviz.render(dot: plan.dot, layout: Graphviz.Layout(rawValue: layout.rawValue) ?? .sfdp)
        return try SVGComposer(plan: plan).compose(graphvizSVG: raw)
    }
}

/// A map resolved into sorted, styled, escaped drawing instructions: the DOT source plus the hover titles
/// and legend facts the SVG composer adds after layout.
struct Plan {
    struct Node {
        var name: String
        var svgID: String
        var source: MapNode
        var style: MapCategory
    }

    struct Edge {
        var a: Int
        var b: Int
        var weight: Double
        var tooltips: [String]
    }

    static let fontFamily = "Helvetica"
    static let edgeColour = "#4A5560"
    static let minFont = 12.0
    static let maxFont = 20.0
    static let minEdgeWidth = 0.8
    static let maxEdgeWidth = 6.0

    let map: NetworkMap
    let prefix: String
    let nodes: [Node]
    let edges: [Edge]
    /// Styles in legend order, only those some node uses.
    let usedStyles: [MapCategory]
    let weightRange: ClosedRange<Double>
    private(set) var dot = ""

    init(_ map: NetworkMap) throws {
        self.map = map
        prefix = Plan.sanitizedPrefix(map.idPrefix)
        let styles = Dictionary(map.categories.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        let sorted = map.nodes.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        var nodes: [Node] = []
        for (i, node) in sorted.enumerated() {
            guard index.updateValue(i, forKey: node.id) == nil else { throw MapError.duplicateNode(node.id) }
            nodes.append(Node(name: "n\(i)", svgID: "\(prefix)_n\(i)", source: node,
                              style: styles[node.category] ?? map.fallback))
        }
        self.nodes = nodes

        // Undirected: one edge per pair, duplicates summed, self-loops dropped.
        var merged: [Pair: Edge] = [:]
        for edge in map.edges {
            guard let s = index[edge.source] else { throw MapError.unknownNode(edge.source) }
            guard let t = index[edge.target] else { throw MapError.unknownNode(edge.target) }
            guard s != t else { continue }
            let weight = edge.weight.isFinite ? max(0, edge.weight) : 0
            let pair = Pair(a: min(s, t), b: max(s, t))
            merged[pair, default: Edge(a: pair.a, b: pair.b, weight: 0, tooltips: [])].weight += weight
            if let tip = edge.tooltip { merged[pair]?.tooltips.append(tip) }
        }
        edges = merged.values.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        let weights = edges.map(\.weight)
        weightRange = (weights.min() ?? 0)...(weights.max() ?? 0)

        let usedKeys = Set(nodes.map(\.style))
        usedStyles = (map.categories + [map.fallback]).reduce(into: []) { list, style in
            if usedKeys.contains(style), !list.contains(style) { list.append(style) }
        }
        dot = makeDOT()
    }

    private struct Pair: Hashable {
        var a: Int
        var b: Int
    }

    /// `prefix` reduced to letters, digits and `_`, starting with a letter, or `map`.
    static func sanitizedPrefix(_ prefix: String) -> String {
        let kept = String(prefix.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        })
        guard let first = kept.unicodeScalars.first, first.properties.isAlphabetic else { return "map" }
        return kept
    }

    /// Node prominence mapped so that area, not radius, grows linearly with `size`.
    static func prominence(_ size: Double) -> Double {
        guard size.isFinite else { return 0 }
        return min(1, max(0, size)).squareRoot()
    }

    static func fontSize(_ size: Double) -> Double {
        minFont + (maxFont - minFont) * prominence(size)
    }

    /// Edge weight relative to the heaviest edge, in 0...1.
    func strength(_ weight: Double) -> Double {
        weightRange.upperBound > 0 ? weight / weightRange.upperBound : 1
    }

    static func edgeWidth(strength: Double) -> Double {
        minEdgeWidth + (maxEdgeWidth - minEdgeWidth) * strength
    }

    /// Edge opacity as a two-digit hex alpha, from faint for weak links to solid for the strongest.
    static func edgeAlpha(strength: Double) -> String {
        let alpha = Int((0.25 + 0.65 * strength) * 255 + 0.5)
        let hex = String(min(255, max(0, alpha)), radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
    }

    private func makeDOT() -> String {
        let f = Number.format
        var lines = [
            "graph map {",
            "  graph [id=\"\(prefix)\", start=\(map.seed), overlap=prism, overlap_scaling=1, sep=\"+8\", "
                + "esep=\"+3\", splines=line, outputorder=edgesfirst, pad=0.3, "
                + "bgcolor=white];",
            "  node [fontname=\"\(Plan.fontFamily)\", fontcolor=\"#111111\", color=\"#333333\", penwidth=0.8, "
                + "margin=\"0.12,0.06\"];",
            "  edge [color=\"\(Plan.edgeColour)\"];",
        ]
        for node in nodes {
            let p = Plan.prominence(node.source.size)
            let height = 0.42 + 0.75 * p
            let (shape, style) = node.style.shape.graphviz
            let label = Plan.wrap(node.source.label, lineLength: map.labelLineLength)
            lines.append("  \(node.name) [id=\"\(node.svgID)\", label=\(DOT.quoted(label)), shape=\(shape), "
                + "style=\"\(style)\", fillcolor=\"\(node.style.safeFill)\", fontsize=\(f(Plan.fontSize(node.source.size), 2)), "
                + "width=\(f(height * 1.25, 3)), height=\(f(height, 3))];")
        }
        for (i, edge) in edges.enumerated() {
            let s = strength(edge.weight)
            lines.append("  n\(edge.a) -- n\(edge.b) [id=\"\(prefix)_e\(i)\", penwidth=\(f(Plan.edgeWidth(strength: s), 2)), "
                + "color=\"\(Plan.edgeColour)\(Plan.edgeAlpha(strength: s))\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Breaks `text` at spaces (and after hyphens in over-long words) into balanced lines of at most about
    /// `lineLength` characters, keeping at most `maxLines` lines and ending a cut label with an ellipsis.
    static func wrap(_ text: String, lineLength: Int, maxLines: Int = 3) -> String {
        let limit = max(6, lineLength)
        var tokens: [(glue: String, text: String)] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }) {
            var pieces = [String(word)]
            if word.count > limit, word.contains("-") {
                let parts = word.split(separator: "-", omittingEmptySubsequences: false)
                pieces = parts.indices.map { parts[$0] + ($0 < parts.count - 1 ? "-" : "") }.filter { !$0.isEmpty }
            }
            for (i, var piece) in pieces.enumerated() {
                if piece.count > limit + limit / 2 { piece = String(piece.prefix(limit)) + "…" }
                tokens.append((i == 0 ? " " : "", piece))
            }
        }
        func greedy(_ width: Int) -> [String] {
            var lines: [String] = []
            var current = ""
            for token in tokens {
                if current.isEmpty {
                    current = token.text
                } else if current.count + token.glue.count + token.text.count <= width {
                    current += token.glue + token.text
                } else {
                    lines.append(current)
                    current = token.text
                }
            }
            if !current.isEmpty { lines.append(current) }
            return lines
        }
        var lines = greedy(limit)
        if lines.count > 1, lines.count <= maxLines {
            // The narrowest width that needs no more lines evens out line lengths ("Decision / Transformer").
            let total = tokens.reduce(0) { $0 + $1.glue.count + $1.text.count }
            for width in min(limit, max(1, total / lines.count))..<limit {
                let candidate = greedy(width)
                if candidate.count == lines.count {
                    lines = candidate
                    break
                }
            }
        }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = lines.removeLast()
            if !last.hasSuffix("…") {
                if last.count >= limit { last = String(last.prefix(limit - 1)) }
                last += "…"
            }
            lines.append(last)
        }
        return lines.joined(separator: "\n")
    }

    /// The hover text of a node: full name, type and paper count, then the caller's tooltip.
    func title(of node: Node) -> String {
        let count = node.source.papers == 1 ? "1 paper" : "\(node.source.papers) papers"
        var text = "\(node.source.label)\n\(node.style.name) · \(count)"
        if let tip = node.source.tooltip, !tip.isEmpty { text += "\n" + tip }
        return text
    }

    /// The hover text of an edge: both names and the weight, then the caller's tooltips.
    func title(of edge: Edge) -> String {
        let a = nodes[edge.a].source.label
        let b = nodes[edge.b].source.label
        var text = "\(a) — \(b)\n\(map.weightMeaning): \(Number.format(edge.weight))"
        for tip in edge.tooltips where !tip.isEmpty { text += "\n" + tip }
        return text
    }
}
