import LitgraphAnalysis
import LitgraphExtraction

/// VOSviewer's map and network files and VOSviewer Online's JSON file, written to the rules its parser checks
/// (van Eck & Waltman's VOSviewer manual; VOSviewer Online's `worker.js` and `errors.js`).
///
/// - Items get ids 1…n in node order; the map file's header is lower case; labels are quoted with `"` (inner
///   quotes doubled) when they hold a comma, semicolon or quote, and tabs and line breaks in them become
///   spaces, since the files are tab- and line-separated.
/// - Links are undirected: the strengths of all edges between two nodes are added (for a directed graph A→B and
///   B→A, which is what VOSviewer itself does when it reads both directions), each pair is written once with
///   id1 < id2, self-links and pairs of total strength 0 are left out. A negative or non-finite weight is an
///   error, as VOSviewer rejects it.
/// - `weight<Links>` (distinct neighbours) and `weight<Total link strength>` come first, then one
///   `weight<NAME>` per numeric attribute (other than `year`) every node has with a finite, non-negative value, then `score<NAME>`
///   for the other numeric attributes (empty where a node lacks one). An int attribute named `cluster` is the
///   cluster column (kept only within 1…1000, else empty). The description column holds the kind and the
///   string attributes, HTML-escaped, as VOSviewer shows it as HTML.
public enum VOSviewer {
    /// The map file and the network file of `graph`. Throws when it has fewer than 3 nodes or no link, which
    /// VOSviewer refuses to open.
    public static func files(_ graph: LabeledGraph) throws -> (map: String, network: String) {
        let model = try Model(graph)
        var header = ["id", "label", "description", "cluster"]
        header += model.weights.map { "weight<\($0.name)>" }
        header += model.scores.map { "score<\($0.name)>" }
        var map = header.joined(separator: "\t") + "\n"
        for (i, node) in graph.nodes.enumerated() {
            var row = [String(i + 1), field(node.label), field(model.descriptions[i]), model.clusters[i].map(String.init) ?? ""]
            row += model.weights.map { ExportNumber.compact($0.values[i]!) }
            row += model.scores.map { $0.values[i].map(ExportNumber.compact) ?? "" }
            map += row.joined(separator: "\t") + "\n"
        }
        let network = model.links.map { "\($0.a + 1)\t\($0.b + 1)\t\(ExportNumber.compact($0.strength))\n" }.joined()
        return (map, network)
    }

    /// VOSviewer Online's JSON file: `{"network": {"items": [...], "links": [...]}, "info": {"title"}}` with the
    /// same items, weights, scores, clusters and links as `files`.
    public static func json(_ graph: LabeledGraph) throws -> String {
        let model = try Model(graph)
        func object(_ columns: [Model.Column], _ i: Int) -> String {
            "{" + columns.compactMap { c in
                c.values[i].map { "\(JSONText.quoted(c.name)):\(ExportNumber.compact($0))" }
            }.joined(separator: ",") + "}"
        }
        var out = "{\"network\":{\"items\":[\n"
        out += graph.nodes.enumerated().map { i, node in
            var fields = ["\"id\":\(i + 1)", "\"label\":\(JSONText.quoted(node.label))",
                          "\"description\":\(JSONText.quoted(model.descriptions[i]))"]
            if let cluster = model.clusters[i] { fields.append("\"cluster\":\(cluster)") }
            fields.append("\"weights\":" + object(model.weights, i))
            fields.append("\"scores\":" + object(model.scores, i))
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: ",\n")
        out += "\n],\"links\":[\n"
        out += model.links.map { "{\"source_id\":\($0.a + 1),\"target_id\":\($0.b + 1),\"strength\":\(ExportNumber.compact($0.strength))}" }
            .joined(separator: ",\n")
        return out + "\n]},\"info\":{\"title\":\(JSONText.quoted(graph.name))}}\n"
    }

    /// A map-file cell: tabs and line breaks become spaces, characters below U+0020 are dropped, and the text is
    /// quoted (inner quotes doubled) when it holds `,`, `;` or `"`.
    static func field(_ text: String) -> String {
        var out = ""
        var quote = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            case "\"": out += "\"\""; quote = true
            case ",", ";": out.unicodeScalars.append(scalar); quote = true
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return quote ? "\"" + out + "\"" : out
    }

    /// What the map, network and JSON files are made of.
    struct Model {
        struct Column {
            var name: String
            /// Per node; nil is an empty cell.
            var values: [Double?]
        }

        var weights: [Column]
        var scores: [Column]
        var clusters: [Int?]
        var descriptions: [String]
        /// Node indices a < b, summed strength > 0, sorted by (a, b).
        var links: [(a: Int, b: Int, strength: Double)]

        init(_ graph: LabeledGraph) throws {
            let schema = try AttributeSchema(graph, reserved: [])
            let n = graph.nodes.count
            guard n >= 3 else { throw ExportError("VOSviewer needs at least 3 items; the graph has \(n)") }

            var strength: [Int: Double] = [:]
            for (e, edge) in graph.graph.edges.enumerated() {
                guard edge.weight.isFinite && edge.weight >= 0 else {
                    throw ExportError("edge \(e) has weight \(edge.weight); VOSviewer link strengths are finite and non-negative")
                }
                guard edge.source != edge.target else { continue }
                let (a, b) = (min(edge.source, edge.target), max(edge.source, edge.target))
                strength[a * n + b, default: 0] += edge.weight
            }
            links = strength.filter { $0.value > 0 }.map { (a: $0.key / n, b: $0.key % n, strength: $0.value) }
                .sorted { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
            guard !links.isEmpty else { throw ExportError("VOSviewer needs at least one link; the graph has none") }

            var degree = [Double](repeating: 0, count: n), total = [Double](repeating: 0, count: n)
            for link in links {
                degree[link.a] += 1; degree[link.b] += 1
                total[link.a] += link.strength; total[link.b] += link.strength
            }
            weights = [Column(name: "Links", values: degree), Column(name: "Total link strength", values: total)]
            scores = []
            var taken: Set<String> = ["Links", "Total link strength"]
            var clusterColumn: Int?
            for (c, column) in schema.columns.enumerated() {
                if column.name == "cluster", case .int = column.type { clusterColumn = c; continue }
                guard column.type != .string else { continue }
                let values: [Double?] = schema.values.map { row in
                    switch row[c] {
                    case .int(let v)?: Double(v)
                    case .double(let v)? where v.isFinite: v
                    default: nil
                    }
                }
                let name = uniqueName(Self.columnName(column.name), taken: taken)
                taken.insert(name)
                // A year is an overlay score (VOSviewer colours items by "score<Avg. pub. year>"), never a size.
                if column.name != "year" && values.allSatisfy({ $0 != nil && $0! >= 0 }) {
                    weights.append(Column(name: name, values: values))
                } else {
                    scores.append(Column(name: name, values: values))
                }
            }
            clusters = schema.values.map { row in
                guard let c = clusterColumn, case .int(let v)? = row[c], (1...1000).contains(v) else { return nil }
                return v
            }
            let stringColumns = schema.columns.indices.filter { schema.columns[$0].type == .string }
            descriptions = graph.nodes.enumerated().map { i, node in
                var html = "<b>" + XML.escaped(node.kind) + "</b>"
                for c in stringColumns {
                    if case .string(let s)? = schema.values[i][c] {
                        html += "<br>" + XML.escaped(schema.columns[c].name) + ": " + XML.escaped(s)
                    }
                }
                return html
            }
        }

        /// An attribute name fit for `weight<…>`/`score<…>`: no angle brackets, quotes, separators or controls.
        static func columnName(_ name: String) -> String {
            var out = ""
            for scalar in name.unicodeScalars {
                switch scalar {
                case "<", ">", "\"", ",", ";": out += "_"
                default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
                }
            }
            return out
        }
    }
}
