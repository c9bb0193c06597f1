import LitgraphAnalysis
import LitgraphExtraction

extension GraphExport {
    // MARK: CSV

    /// The nodes as RFC 4180 CSV (CRLF line ends, fields with commas, quotes or control characters quoted,
    /// quotes doubled): `id,label,kind` then one column per attribute; a node without an attribute has an
    /// empty cell.
    public static func csvNodes(_ graph: LabeledGraph) throws -> String {
        let schema = try AttributeSchema(graph)
        var out = csvRow(["id", "label", "kind"] + schema.columns.map(\.name))
        for (i, node) in graph.nodes.enumerated() {
            out += csvRow([node.id, node.label, node.kind] + schema.values[i].map { $0?.exportText ?? "" })
        }
        return out
    }

    /// The edges as RFC 4180 CSV: `source,target,weight,type` with node ids, and `type` `Directed` or
    /// `Undirected` as Gephi's spreadsheet import reads it.
    public static func csvEdges(_ graph: LabeledGraph) throws -> String {
        try AttributeSchema.validate(graph)
        let type = graph.graph.directed ? "Directed" : "Undirected"
        var out = csvRow(["source", "target", "weight", "type"])
        for edge in graph.graph.edges {
            out += csvRow([graph.nodes[edge.source].id, graph.nodes[edge.target].id, ExportNumber.text(edge.weight), type])
        }
        return out
    }

    static func csvRow(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// One RFC 4180 field: quoted when it holds a comma, a quote or any control character, quotes doubled.
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 < 0x20 || $0 == 0x7F }
        guard needsQuotes else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    // MARK: JSON

    /// One JSON document in networkx's node-link layout (`nx.node_link_graph(data, edges="edges")` reads it),
    /// keys in a fixed order: `name`, `directed`, `multigraph` (true when two edges join the same nodes),
    /// `graph` {`name`}, `attributes` [{`name`, `type`: int|double|string}], `nodes` [{`id`, `label`, `kind`,
    /// then the node's attributes}], `edges` [{`source`, `target`, `weight`}] with node ids. A non-finite
    /// number is written as null.
    public static func json(_ graph: LabeledGraph) throws -> String {
        let schema = try AttributeSchema(graph)
        func number(_ value: Double) -> String { value.isFinite ? ExportNumber.text(value) : "null" }
        func value(_ v: AttributeValue) -> String {
            switch v {
            case .int(let x): String(x)
            case .double(let x): number(x)
            case .string(let s): JSONText.quoted(s)
            }
        }
        let name = JSONText.quoted(graph.name)
        var out = "{\"name\":\(name),\"directed\":\(graph.graph.directed),\"multigraph\":\(hasParallelEdges(graph.graph)),"
        out += "\"graph\":{\"name\":\(name)},\n\"attributes\":["
        out += schema.columns.map { column in
            let type = switch column.type { case .int: "int"; case .double: "double"; case .string: "string" }
            return "{\"name\":\(JSONText.quoted(column.name)),\"type\":\"\(type)\"}"
        }.joined(separator: ",")
        out += "],\n\"nodes\":[\n"
        out += graph.nodes.enumerated().map { i, node in
            var fields = ["\"id\":\(JSONText.quoted(node.id))", "\"label\":\(JSONText.quoted(node.label))",
                          "\"kind\":\(JSONText.quoted(node.kind))"]
            for (c, v) in schema.values[i].enumerated() {
                if let v { fields.append("\(JSONText.quoted(schema.columns[c].name)):\(value(v))") }
            }
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: ",\n")
        out += "\n],\n\"edges\":[\n"
        out += graph.graph.edges.map { edge in
            "{\"source\":\(JSONText.quoted(graph.nodes[edge.source].id)),"
                + "\"target\":\(JSONText.quoted(graph.nodes[edge.target].id)),\"weight\":\(number(edge.weight))}"
        }.joined(separator: ",\n")
        return out + "\n]}\n"
    }

    /// Whether two edges join the same pair of nodes (the same ordered pair when directed).
    static func hasParallelEdges(_ graph: WeightedGraph) -> Bool {
        var seen = Set<[Int]>()
        for edge in graph.edges {
            let pair = graph.directed || edge.source <= edge.target ? [edge.source, edge.target] : [edge.target, edge.source]
            if !seen.insert(pair).inserted { return true }
        }
        return false
    }
}
