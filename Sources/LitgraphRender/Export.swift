import LitgraphAnalysis

/// The file formats a `LabeledGraph` can be exported to.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// GraphML (graphml.graphdrawing.org), one file: Gephi, Cytoscape, yEd, networkx, igraph.
    case graphml
    /// GEXF 1.3 (gexf.net), one static graph file: Gephi's own format.
    case gexf
    /// Two RFC 4180 CSV files, nodes and edges, with the column names Gephi's spreadsheet import recognises.
    case csv
    /// One JSON document in networkx's node-link layout, plus the graph's name and attribute types.
    case json
    /// VOSviewer's tab-separated map file (items) and network file (links).
    case vosviewer
    /// VOSviewer Online's JSON file: items and links in one document.
    case vosviewerJSON = "vosviewer-json"
}

/// One file of an export: `suffix` tells files of a multi-file format apart ("nodes", "edges", "map",
/// "network"; nil for a single-file format), `fileExtension` is the usual one for its contents.
public struct ExportFile: Sendable, Equatable {
    public var suffix: String?
    public var fileExtension: String
    public var contents: String
}

/// A graph that cannot be written: names the node or edge at fault.
public struct ExportError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writes labeled graphs in the formats other tools read. Every writer is a pure function of the graph: the
/// same graph gives the same bytes (nodes and edges in graph order, attributes in first-seen order, numbers in
/// shortest round-trip form, no dates or locale), and untrusted labels, ids and values are escaped for each
/// format.
public enum GraphExport {
    /// The files of `graph` in `format`.
    public static func files(_ graph: LabeledGraph, format: ExportFormat) throws -> [ExportFile] {
        switch format {
        case .graphml: [ExportFile(suffix: nil, fileExtension: "graphml", contents: try graphML(graph))]
        case .gexf: [ExportFile(suffix: nil, fileExtension: "gexf", contents: try gexf(graph))]
        case .json: [ExportFile(suffix: nil, fileExtension: "json", contents: try json(graph))]
        case .csv:
            [ExportFile(suffix: "nodes", fileExtension: "csv", contents: try csvNodes(graph)),
             ExportFile(suffix: "edges", fileExtension: "csv", contents: try csvEdges(graph))]
        case .vosviewer:
            try {
                let files = try VOSviewer.files(graph)
                return [ExportFile(suffix: "map", fileExtension: "txt", contents: files.map),
                        ExportFile(suffix: "network", fileExtension: "txt", contents: files.network)]
            }()
        case .vosviewerJSON: [ExportFile(suffix: nil, fileExtension: "json", contents: try VOSviewer.json(graph))]
        }
    }

    // MARK: GraphML

    /// GraphML valid against the GraphML 1.0 schema: a `<key>` with `attr.type` for the node id, label, kind and
    /// every node attribute, one for the edge weight and one for the graph's name, then the graph with
    /// `edgedefault` from `graph.directed`. GraphML ids must be XML name tokens, so node i is written as `n<i>`
    /// and its own id goes in the `id` data field.
    public static func graphML(_ graph: LabeledGraph) throws -> String {
        let schema = try AttributeSchema(graph)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(xmlAttribute(name))\" attr.type=\"\(type)\"/>\n"
        }
        key("name", "graph", "name", "string")
        key("id", "node", "id", "string")
        key("label", "node", "label", "string")
        key("kind", "node", "kind", "string")
        for (c, column) in schema.columns.enumerated() {
            key("a\(c)", "node", column.name, column.type.graphMLName)
        }
        key("weight", "edge", "weight", "double")
        out += "  <graph id=\"\(nameToken(graph.name))\" edgedefault=\"\(graph.graph.directed ? "directed" : "undirected")\">\n"
        out += "    <data key=\"name\">\(xmlText(graph.name))</data>\n"
        for (i, node) in graph.nodes.enumerated() {
            out += "    <node id=\"n\(i)\">"
            out += "<data key=\"id\">\(xmlText(node.id))</data>"
            out += "<data key=\"label\">\(xmlText(node.label))</data>"
            out += "<data key=\"kind\">\(xmlText(node.kind))</data>"
            for (c, value) in schema.values[i].enumerated() {
                guard let value else { continue }
                out += "<data key=\"a\(c)\">\(xmlText(value.exportText))</data>"
            }
            out += "</node>\n"
        }
        for edge in graph.graph.edges {
            out += "    <edge source=\"n\(edge.source)\" target=\"n\(edge.target)\">"
            out += "<data key=\"weight\">\(ExportNumber.text(edge.weight))</data></edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    // MARK: GEXF

    /// GEXF 1.3, static: node attributes declared with their types (the kind first), node ids and labels as
    /// given, edges numbered in graph order with their weight, `defaultedgetype` from `graph.directed`.
    /// Throws `ExportError` when two ids become equal once characters XML forbids are dropped.
    public static func gexf(_ graph: LabeledGraph) throws -> String {
        let schema = try AttributeSchema(graph)
        let ids = graph.nodes.map { xmlAttribute($0.id) }
        try requireDistinct(ids, graph: graph, format: "GEXF")
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>litgraph</creator>
                <description>\(xmlText(graph.name))</description>
              </meta>
              <graph mode="static" defaultedgetype="\(graph.graph.directed ? "directed" : "undirected")">
                <attributes class="node" mode="static">
                  <attribute id="0" title="kind" type="string"/>

            """
        for (c, column) in schema.columns.enumerated() {
            out += "      <attribute id=\"\(c + 1)\" title=\"\(xmlAttribute(column.name))\" type=\"\(column.type.gexfName)\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for (i, node) in graph.nodes.enumerated() {
            out += "      <node id=\"\(ids[i])\" label=\"\(xmlAttribute(node.label))\"><attvalues>"
            out += "<attvalue for=\"0\" value=\"\(xmlAttribute(node.kind))\"/>"
            for (c, value) in schema.values[i].enumerated() {
                guard let value else { continue }
                out += "<attvalue for=\"\(c + 1)\" value=\"\(xmlAttribute(value.exportText))\"/>"
            }
            out += "</attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (e, edge) in graph.graph.edges.enumerated() {
            out += "      <edge id=\"\(e)\" source=\"\(ids[edge.source])\" target=\"\(ids[edge.target])\""
                + " weight=\"\(ExportNumber.text(edge.weight))\"/>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    /// Throws when two written ids are equal.
    static func requireDistinct(_ ids: [String], graph: LabeledGraph, format: String) throws {
        var seen: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let first = seen.updateValue(i, forKey: id) {
                throw ExportError("nodes \(first) (\(graph.nodes[first].id.debugDescription)) and \(i) "
                                  + "(\(graph.nodes[i].id.debugDescription)) have the same id in \(format)")
            }
        }
    }
}

// MARK: - Attribute schema

/// The node attributes of a graph as columns: every attribute name in order of first appearance, with one
/// type for all its values (int; double when ints and doubles mix; string when text mixes with numbers), and
/// each node's value per column (nil where the node lacks it). Names are made distinct from the reserved
/// `id`, `label` and `kind` by a numeric suffix (`label_2`).
struct AttributeSchema {
    struct Column {
        var name: String
        var type: ColumnType
    }

    enum ColumnType: Equatable {
        /// Whole numbers; `wide` when one does not fit 32 bits (GraphML `long`, GEXF `long`).
        case int(wide: Bool)
        case double
        case string

        var graphMLName: String {
            switch self {
            case .int(let wide): wide ? "long" : "int"
            case .double: "double"
            case .string: "string"
            }
        }

        var gexfName: String {
            switch self {
            case .int(let wide): wide ? "long" : "integer"
            case .double: "double"
            case .string: "string"
            }
        }
    }

    var columns: [Column]
    /// `values[node][column]`, converted to the column's type.
    var values: [[AttributeValue?]]

    /// Reads the attributes of `graph`, after checking its ids are distinct, its edges end at its nodes and no
    /// node repeats an attribute name.
    init(_ graph: LabeledGraph, reserved: Set<String> = ["id", "label", "kind"]) throws {
        try Self.validate(graph)
        var index: [String: Int] = [:]
        var sourceNames: [String] = []
        var types: [ColumnType] = []
        for node in graph.nodes {
            for attribute in node.attributes {
                let type: ColumnType
                switch attribute.value {
                case .int(let v): type = .int(wide: Int32(exactly: v) == nil)
                case .double: type = .double
                case .string: type = .string
                }
                if let c = index[attribute.name] {
                    types[c] = Self.merged(types[c], type)
                } else {
                    index[attribute.name] = sourceNames.count
                    sourceNames.append(attribute.name)
                    types.append(type)
                }
            }
        }
        var taken = reserved
        columns = zip(sourceNames, types).map { name, type in
            let unique = uniqueName(name.isEmpty ? "attribute" : name, taken: taken)
            taken.insert(unique)
            return Column(name: unique, type: type)
        }
        let columnTypes = types
        values = graph.nodes.map { node in
            var row = [AttributeValue?](repeating: nil, count: columnTypes.count)
            for attribute in node.attributes {
                let c = index[attribute.name]!
                row[c] = Self.converted(attribute.value, to: columnTypes[c])
            }
            return row
        }
    }

    private static func merged(_ a: ColumnType, _ b: ColumnType) -> ColumnType {
        switch (a, b) {
        case (.string, _), (_, .string): .string
        case (.double, _), (_, .double): .double
        case (.int(let x), .int(let y)): .int(wide: x || y)
        }
    }

    private static func converted(_ value: AttributeValue, to type: ColumnType) -> AttributeValue {
        switch (value, type) {
        case (.int(let v), .double): .double(Double(v))
        case (.int, .string), (.double, .string): .string(value.exportText)
        default: value
        }
    }

    /// Checks what every format relies on: distinct node ids, edges between existing nodes, one value per
    /// attribute name on a node.
    static func validate(_ graph: LabeledGraph) throws {
        try GraphExport.requireDistinct(graph.nodes.map(\.id), graph: graph, format: "the graph")
        for (e, edge) in graph.graph.edges.enumerated()
        where !(0..<graph.nodes.count).contains(edge.source) || !(0..<graph.nodes.count).contains(edge.target) {
            throw ExportError("edge \(e) (\(edge.source)–\(edge.target)) ends outside the \(graph.nodes.count) nodes")
        }
        for node in graph.nodes {
            var names = Set<String>()
            for attribute in node.attributes where !names.insert(attribute.name).inserted {
                throw ExportError("node \(node.id.debugDescription) has two attributes named \(attribute.name.debugDescription)")
            }
        }
    }
}

/// `base`, or `base_2`, `base_3`, … : the first not in `taken`.
func uniqueName(_ base: String, taken: Set<String>) -> String {
    guard taken.contains(base) else { return base }
    var n = 2
    while taken.contains("\(base)_\(n)") { n += 1 }
    return "\(base)_\(n)"
}

extension AttributeValue {
    /// The value as text: integers in decimal, doubles by `ExportNumber.text`, strings as they are.
    var exportText: String {
        switch self {
        case .int(let v): String(v)
        case .double(let v): ExportNumber.text(v)
        case .string(let s): s
        }
    }
}

// MARK: - Numbers and escaping

/// Locale-free number text that reads back to the same value.
enum ExportNumber {
    /// The shortest decimal that reads back as `value` (Swift's `description`: `2.0`, `0.1`, `1e-05`), and
    /// XML Schema's `NaN`, `INF`, `-INF` for the rest, which GraphML, GEXF, networkx and Java all parse.
    static func text(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        return value.description
    }

    /// Whole numbers without a decimal point (`7`), others as `text` — VOSviewer's own style. Finite values only.
    static func compact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return text(value)
    }
}

/// Text for XML element content: `XML.escaped`, with carriage returns as `&#13;` so parsers do not turn them
/// into line feeds.
func xmlText(_ text: String) -> String {
    var out = ""
    for scalar in XML.escaped(text).unicodeScalars {
        if scalar == "\r" { out += "&#13;" } else { out.unicodeScalars.append(scalar) }
    }
    return out
}

/// Text for an XML attribute value: `XML.escaped`, with tabs and line breaks as character references, since
/// a parser replaces literal ones with spaces.
func xmlAttribute(_ text: String) -> String {
    var out = ""
    for scalar in XML.escaped(text).unicodeScalars {
        switch scalar {
        case "\t": out += "&#9;"
        case "\n": out += "&#10;"
        case "\r": out += "&#13;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// `name` as an XML name token (letters, digits, `.`, `-`, `_`; others become `_`), for GraphML's graph id.
func nameToken(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_": out.unicodeScalars.append(scalar)
        default: out += "_"
        }
    }
    return out.isEmpty ? "G" : out
}
