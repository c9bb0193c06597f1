import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LitgraphAnalysis
@testable import LitgraphRender

/// Four nodes whose ids, labels and attribute values hold what breaks naive writers: quotes, `<`, `&`, commas,
/// semicolons, tabs, CR/LF, non-ASCII, characters XML forbids, an int too wide for 32 bits, a NaN, an
/// attribute only one node has, one named like a reserved column, and a cluster out of VOSviewer's range.
/// Edges: a parallel pair in both directions, a self-loop and a zero-weight edge.
let hostile = LabeledGraph(
    name: "hostile <&> graph",
    nodes: [
        LabeledNode(id: "a\"1", label: "Quote \"q\", comma, semi;colon", kind: "method",
                    attributes: [.init("papers", .int(3)), .init("score", .double(0.5)),
                                 .init("note", .string("x<y & z>w")), .init("cluster", .int(1))]),
        LabeledNode(id: "b<&>", label: "Tab\there\nnewline\r\nCRLF", kind: "benchmark",
                    attributes: [.init("papers", .int(1)), .init("score", .double(-1.25)), .init("year", .int(2023)),
                                 .init("cluster", .int(2))]),
        LabeledNode(id: "日本, ;", label: "Ünïcödé 日本語 🧪 \u{1}ctl\u{7F}", kind: "dataset",
                    attributes: [.init("papers", .int(5_000_000_000)), .init("score", .double(1e-5)),
                                 .init("label", .string("shadow")), .init("cluster", .int(1001))]),
        LabeledNode(id: "d", label: "plain", kind: "method",
                    attributes: [.init("papers", .int(2)), .init("score", .double(.nan)), .init("cluster", .int(0))]),
    ],
    graph: WeightedGraph(nodeCount: 4, edges: [
        WeightedEdge(0, 1, weight: 2), WeightedEdge(1, 0, weight: 1.5), WeightedEdge(1, 2, weight: 1),
        WeightedEdge(2, 2, weight: 4), WeightedEdge(2, 3, weight: 0), WeightedEdge(0, 3, weight: 3),
    ]))

/// What an XML writer keeps of `text`: all but the characters XML 1.0 forbids.
func xmlKept(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter(XML.isAllowed)))
}

/// Whether `text` is an XML name token (the `xs:NMTOKEN` GraphML's ids are): here ASCII letters, digits, `.`,
/// `-`, `_`, `:`.
func isNameToken(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || ".-_:".unicodeScalars.contains($0)
    }
}

@Suite("Export")
struct ExportTests {
    // MARK: GraphML

    @Test func graphMLFollowsTheSchemaAndKeepsEveryValue() throws {
        let doc = try XMLDocument(xmlString: try GraphExport.graphML(hostile), options: [])
        let root = try #require(doc.rootElement())
        #expect(root.name == "graphml")
        #expect(root.uri == "http://graphml.graphdrawing.org/xmlns")
        // graphml: key* then graph (the schema's order); keys with a unique NMTOKEN id, a known domain and type.
        let children = root.children?.compactMap { $0 as? XMLElement } ?? []
        #expect(children.map(\.localName) == Array(repeating: "key", count: children.count - 1) + ["graph"])
        var keys: [String: (domain: String, name: String, type: String)] = [:]
        for key in children.dropLast() {
            let id = try #require(attribute(key, "id"))
            #expect(isNameToken(id))
            #expect(keys[id] == nil, "key \(id) declared twice")
            let type = try #require(attribute(key, "attr.type"))
            #expect(["boolean", "int", "long", "float", "double", "string"].contains(type))
            let domain = try #require(attribute(key, "for"))
            #expect(["all", "graph", "node", "edge"].contains(domain))
            keys[id] = (domain, try #require(attribute(key, "attr.name")), type)
        }
        let nodeKeys = keys.values.filter { $0.domain == "node" }
        #expect(Dictionary(nodeKeys.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a }) == [
            "id": "string", "label": "string", "kind": "string", "papers": "long", "score": "double",
            "note": "string", "cluster": "int", "year": "int", "label_2": "string",
        ])
        #expect(nodeKeys.count == 9, "one key per node attribute name")
        #expect(keys.values.filter { $0.domain == "edge" }.map { [$0.name, $0.type] } == [["weight", "double"]])

        let graph = children.last!
        #expect(attribute(graph, "edgedefault") == "undirected")
        #expect(isNameToken(try #require(attribute(graph, "id"))))
        // Every data element names a declared key of its element's domain, with a value of the key's type.
        var nodeData: [String: [String: String]] = [:]
        var nodeOrder: [String] = []
        var edges: [(String, String, Double)] = []
        func data(_ element: XMLElement, domain: String) throws -> [String: String] {
            var values: [String: String] = [:]
            for d in element.children?.compactMap({ $0 as? XMLElement }) ?? [] {
                #expect(d.localName == "data")
                let keyID = try #require(attribute(d, "key"))
                let key = try #require(keys[keyID], "undeclared key \(keyID)")
                #expect(key.domain == domain)
                let text = d.stringValue ?? ""
                switch key.type {
                case "int": #expect(Int32(text) != nil, "\(text) is not an int")
                case "long": #expect(Int64(text) != nil, "\(text) is not a long")
                case "double": #expect(Double(text) != nil || ["NaN", "INF", "-INF"].contains(text), "\(text) is not a double")
                default: break
                }
                values[key.name] = text
            }
            return values
        }
        for element in graph.children?.compactMap({ $0 as? XMLElement }) ?? [] {
            switch element.localName {
            case "node":
                let id = try #require(attribute(element, "id"))
                #expect(isNameToken(id))
                #expect(nodeData[id] == nil)
                nodeData[id] = try data(element, domain: "node")
                nodeOrder.append(id)
            case "edge":
                let values = try data(element, domain: "edge")
                edges.append((try #require(attribute(element, "source")), try #require(attribute(element, "target")),
                               Double(values["weight"] ?? "") ?? -1))
            case "data":
                #expect(keys[attribute(element, "key") ?? ""]?.domain == "graph")
                #expect(element.stringValue == "hostile <&> graph")
            default: Issue.record("unexpected <\(element.name ?? "")> in <graph>")
            }
        }
        #expect(nodeOrder == ["n0", "n1", "n2", "n3"])
        for (i, node) in hostile.nodes.enumerated() {
            let values = try #require(nodeData["n\(i)"])
            #expect(values["id"] == node.id)
            #expect(values["label"] == xmlKept(node.label), "label of node \(i) read back as \(values["label"].debugDescription)")
            #expect(values["kind"] == node.kind)
        }
        #expect(nodeData["n1"]?["label"] == "Tab\there\nnewline\r\nCRLF", "tabs, CR and LF survive")
        #expect(nodeData["n0"]?["note"] == "x<y & z>w")
        #expect(nodeData["n2"]?["papers"] == "5000000000")
        #expect(nodeData["n2"]?["label_2"] == "shadow")
        #expect(nodeData["n3"]?["score"] == "NaN")
        #expect(nodeData["n1"]?["year"] == "2023")
        #expect(nodeData["n0"]?["year"] == nil, "a missing attribute has no data element")
        #expect(edges.map { "\($0.0)-\($0.1):\($0.2)" }
                == ["n0-n1:2.0", "n1-n0:1.5", "n1-n2:1.0", "n2-n2:4.0", "n2-n3:0.0", "n0-n3:3.0"])
    }

    @Test func graphMLOfADirectedGraphSaysSo() throws {
        var directed = hostile
        directed.graph.directed = true
        let text = try GraphExport.graphML(directed)
        #expect(text.contains("edgedefault=\"directed\""))
        #expect(!text.contains("undirected"))
    }

    // MARK: GEXF

    @Test func gexfDeclaresTypedAttributesAndKeepsIdsLabelsAndWeights() throws {
        let doc = try XMLDocument(xmlString: try GraphExport.gexf(hostile), options: [])
        let root = try #require(doc.rootElement())
        #expect(root.localName == "gexf")
        #expect(root.uri == "http://gexf.net/1.3")
        #expect(attribute(root, "version") == "1.3")
        let graph = try #require(try elements(doc, "graph").first)
        #expect(attribute(graph, "mode") == "static")
        #expect(attribute(graph, "defaultedgetype") == "undirected")
        #expect(try elements(doc, "description").first?.stringValue == "hostile <&> graph")
        var declared: [String: (title: String, type: String)] = [:]
        for a in try elements(doc, "attribute") {
            declared[try #require(attribute(a, "id"))] = (try #require(attribute(a, "title")), try #require(attribute(a, "type")))
        }
        #expect(Set(declared.values.map { "\($0.title):\($0.type)" }) == [
            "kind:string", "papers:long", "score:double", "note:string", "cluster:integer", "year:integer",
            "label_2:string",
        ])
        #expect(try elements(doc, "attributes").allSatisfy { attribute($0, "class") == "node" })
        let nodes = try elements(doc, "node")
        #expect(nodes.count == 4)
        for (i, node) in nodes.enumerated() {
            #expect(attribute(node, "id") == hostile.nodes[i].id)
            #expect(attribute(node, "label") == xmlKept(hostile.nodes[i].label))
            var values: [String: String] = [:]
            for v in try node.nodes(forXPath: ".//*[local-name()='attvalue']").compactMap({ $0 as? XMLElement }) {
                let id = try #require(attribute(v, "for"))
                let d = try #require(declared[id], "attvalue for undeclared attribute \(id)")
                values[d.title] = attribute(v, "value")
            }
            #expect(values["kind"] == hostile.nodes[i].kind)
            for a in hostile.nodes[i].attributes where a.name != "label" {
                #expect(values[a.name] == a.value.exportText)
            }
        }
        #expect(attribute(nodes[1], "label") == "Tab\there\nnewline\r\nCRLF")
        let edges = try elements(doc, "edge")
        #expect(Set(edges.compactMap { attribute($0, "id") }).count == 6)
        #expect(edges.map { [attribute($0, "source"), attribute($0, "target"), attribute($0, "weight")] } == [
            ["a\"1", "b<&>", "2.0"], ["b<&>", "a\"1", "1.5"], ["b<&>", "日本, ;", "1.0"], ["日本, ;", "日本, ;", "4.0"],
            ["日本, ;", "d", "0.0"], ["a\"1", "d", "3.0"],
        ])
    }

    @Test func gexfRefusesIdsThatCollideOnceXMLForbiddenCharactersAreDropped() {
        let graph = LabeledGraph(name: "g", nodes: [LabeledNode(id: "x\u{1}", label: "", kind: "k"),
                                                    LabeledNode(id: "x\u{2}", label: "", kind: "k")],
                                 graph: WeightedGraph(nodeCount: 2, edges: []))
        #expect(throws: ExportError.self) { try GraphExport.gexf(graph) }
        #expect(throws: Never.self) { try GraphExport.graphML(graph) }
    }

    // MARK: CSV

    @Test func csvIsRFC4180AndReadsBackToTheSameCells() throws {
        let nodes = try GraphExport.csvNodes(hostile)
        let records = try parseCSV(nodes)
        #expect(records[0] == ["id", "label", "kind", "papers", "score", "note", "cluster", "year", "label_2"])
        #expect(records.count == 5)
        #expect(records.allSatisfy { $0.count == records[0].count })
        #expect(records[1] == ["a\"1", "Quote \"q\", comma, semi;colon", "method", "3", "0.5", "x<y & z>w", "1", "", ""])
        #expect(records[2] == ["b<&>", "Tab\there\nnewline\r\nCRLF", "benchmark", "1", "-1.25", "", "2", "2023", ""])
        #expect(records[3] == ["日本, ;", "Ünïcödé 日本語 🧪 \u{1}ctl\u{7F}", "dataset", "5000000000", "1e-05", "", "1001", "", "shadow"])
        #expect(records[4] == ["d", "plain", "method", "2", "NaN", "", "0", "", ""])
        let edges = try parseCSV(try GraphExport.csvEdges(hostile))
        #expect(edges == [
            ["source", "target", "weight", "type"], ["a\"1", "b<&>", "2.0", "Undirected"], ["b<&>", "a\"1", "1.5", "Undirected"],
            ["b<&>", "日本, ;", "1.0", "Undirected"], ["日本, ;", "日本, ;", "4.0", "Undirected"],
            ["日本, ;", "d", "0.0", "Undirected"], ["a\"1", "d", "3.0", "Undirected"],
        ])
    }

    // MARK: JSON

    @Test func jsonIsNodeLinkWithTypedAttributesInAFixedKeyOrder() throws {
        let text = try GraphExport.json(hostile)
        #expect(text.hasPrefix("{\"name\":\"hostile <&> graph\",\"directed\":false,\"multigraph\":true,\"graph\":{"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["directed"] as? Bool == false)
        #expect(object["multigraph"] as? Bool == true, "0–1 and 1–0 join the same nodes")
        let attributes = try #require(object["attributes"] as? [[String: String]])
        #expect(attributes.map { "\($0["name"]!):\($0["type"]!)" }
                == ["papers:int", "score:double", "note:string", "cluster:int", "year:int", "label_2:string"])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == hostile.nodes.map(\.id))
        #expect(nodes.map { $0["label"] as? String } == hostile.nodes.map(\.label), "JSON keeps every character")
        #expect(nodes[2]["papers"] as? Int == 5_000_000_000)
        #expect(nodes[2]["label_2"] as? String == "shadow")
        #expect(nodes[3]["score"] is NSNull, "NaN is null")
        #expect(nodes[0]["year"] == nil)
        // Keys of a node object in the written order: id, label, kind, then attributes in schema order.
        let firstNode = try #require(text.split(separator: "\n").first { $0.hasPrefix("{\"id\":\"b<&>\"") })
        let keyOrder = ["\"id\"", "\"label\"", "\"kind\"", "\"papers\"", "\"score\"", "\"cluster\"", "\"year\""]
            .map { firstNode.range(of: $0)!.lowerBound }
        #expect(keyOrder == keyOrder.sorted())
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.map { "\($0["source"]!)>\($0["target"]!):\($0["weight"]!)" }
                == ["a\"1>b<&>:2.0", "b<&>>a\"1:1.5", "b<&>>日本, ;:1.0", "日本, ;>日本, ;:4.0", "日本, ;>d:0.0", "a\"1>d:3.0"])
    }

    // MARK: VOSviewer

    @Test func vosviewerFilesAreExactlyWhatTheRulesGive() throws {
        let files = try VOSviewer.files(hostile)
        #expect(files.map == """
            id\tlabel\tdescription\tcluster\tweight<Links>\tweight<Total link strength>\tweight<papers>\tscore<score>\tscore<year>
            1\t"Quote ""q"", comma, semi;colon"\t"<b>method</b><br>note: x&lt;y &amp; z&gt;w"\t1\t2\t6.5\t3\t0.5\t
            2\tTab here newline  CRLF\t<b>benchmark</b>\t2\t2\t4.5\t1\t-1.25\t2023
            3\tÜnïcödé 日本語 🧪 ctl\t<b>dataset</b><br>label: shadow\t\t1\t1\t5000000000\t1e-05\t
            4\tplain\t<b>method</b>\t\t1\t3\t2\t\t

            """)
        // 0–1 and 1–0 add up, the self-loop and the zero-weight link are gone, each pair once with id1 < id2.
        #expect(files.network == "1\t2\t3.5\n1\t4\t3\n2\t3\t1\n")
        try validateVOSviewer(map: files.map, network: files.network)
    }

    @Test func vosviewerSymmetrisesADirectedGraphBySummingBothDirections() throws {
        let graph = LabeledGraph(
            name: "citation", nodes: ["A", "B", "C"].map { LabeledNode(id: $0, label: $0, kind: "paper") },
            graph: WeightedGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, weight: 2), WeightedEdge(1, 0, weight: 3),
                                                      WeightedEdge(2, 1)], directed: true))
        let files = try VOSviewer.files(graph)
        #expect(files.network == "1\t2\t5\n2\t3\t1\n")
        #expect(files.map.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).suffix(2) }
                .dropFirst().map { $0.joined(separator: " ") } == ["1 5", "2 6", "1 1"])
        try validateVOSviewer(map: files.map, network: files.network)
    }

    @Test func vosviewerRefusesWhatVOSviewerCannotOpen() {
        let two = LabeledGraph(name: "g", nodes: [LabeledNode(id: "a", label: "a", kind: "k"), LabeledNode(id: "b", label: "b", kind: "k")],
                               graph: WeightedGraph(nodeCount: 2, edges: [WeightedEdge(0, 1)]))
        #expect(throws: ExportError.self) { try VOSviewer.files(two) }
        var unlinked = hostile
        unlinked.graph.edges = [WeightedEdge(0, 0, weight: 2), WeightedEdge(1, 2, weight: 0)]
        #expect(throws: ExportError.self) { try VOSviewer.files(unlinked) }
        var negative = hostile
        negative.graph.edges.append(WeightedEdge(0, 2, weight: -1))
        #expect(throws: ExportError.self) { try VOSviewer.files(negative) }
        var infinite = hostile
        infinite.graph.edges.append(WeightedEdge(0, 2, weight: .infinity))
        #expect(throws: ExportError.self) { try VOSviewer.json(infinite) }
    }

    @Test func vosviewerJSONHasTheSameItemsAndLinks() throws {
        let text = try VOSviewer.json(hostile)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let network = try #require(object["network"] as? [String: Any])
        let items = try #require(network["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? Int } == [1, 2, 3, 4])
        #expect(items.map { $0["label"] as? String } == hostile.nodes.map(\.label))
        #expect(items.map { $0["cluster"] as? Int } == [1, 2, nil, nil])
        let weights = try #require(items[0]["weights"] as? [String: Double])
        #expect(weights == ["Links": 2, "Total link strength": 6.5, "papers": 3])
        #expect((items[3]["scores"] as? [String: Double]) == [:], "NaN score left out")
        #expect((items[1]["scores"] as? [String: Double]) == ["score": -1.25, "year": 2023])
        let links = try #require(network["links"] as? [[String: Double]])
        #expect(links == [["source_id": 1, "target_id": 2, "strength": 3.5], ["source_id": 1, "target_id": 4, "strength": 3],
                          ["source_id": 2, "target_id": 3, "strength": 1]])
        #expect((object["info"] as? [String: String])?["title"] == "hostile <&> graph")
    }

    // MARK: All formats

    @Test(arguments: ExportFormat.allCases)
    func sameGraphGivesTheSameBytes(_ format: ExportFormat) throws {
        let rebuilt = LabeledGraph(name: hostile.name, nodes: hostile.nodes.map { $0 }, graph: hostile.graph)
        let first = try GraphExport.files(hostile, format: format)
        #expect(first == (try GraphExport.files(rebuilt, format: format)))
        #expect(!first.isEmpty && first.allSatisfy { !$0.contents.isEmpty })
    }

    @Test(arguments: ExportFormat.allCases)
    func malformedGraphsAreRefusedWithAMessage(_ format: ExportFormat) throws {
        var duplicate = hostile
        duplicate.nodes[3].id = duplicate.nodes[0].id
        #expect(throws: ExportError.self) { try GraphExport.files(duplicate, format: format) }
        var dangling = hostile
        dangling.graph.edges.append(WeightedEdge(0, 7))
        #expect(throws: ExportError.self) { try GraphExport.files(dangling, format: format) }
        var repeated = hostile
        repeated.nodes[1].attributes.append(.init("papers", .int(9)))
        let error = try #require(throws: ExportError.self) { try GraphExport.files(repeated, format: format) }
        #expect(error.description.contains("papers"))
    }

    @Test func mixedAttributeTypesWidenToOneColumnType() throws {
        let graph = LabeledGraph(name: "g", nodes: [
            LabeledNode(id: "a", label: "a", kind: "k", attributes: [.init("x", .int(1)), .init("y", .int(1))]),
            LabeledNode(id: "b", label: "b", kind: "k", attributes: [.init("x", .double(2.5)), .init("y", .string("two"))]),
        ], graph: WeightedGraph(nodeCount: 2, edges: []))
        let schema = try AttributeSchema(graph)
        #expect(schema.columns.map(\.name) == ["x", "y"])
        #expect(schema.columns.map(\.type) == [.double, .string])
        #expect(schema.values == [[.double(1), .string("1")], [.double(2.5), .string("two")]])
    }
}

// MARK: - Readers the tests check with

/// Parses strict RFC 4180 CSV: CRLF after every record, fields either bare (no quote, comma, CR or LF) or
/// quoted with inner quotes doubled. Throws on anything else.
func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error { var at: Int }
    let s = Array(text.unicodeScalars)
    var records: [[String]] = [], record: [String] = [], field = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
        if s[i] == "\"" {
            i += 1
            while true {
                guard i < s.count else { throw Malformed(at: i) }
                if s[i] == "\"" {
                    if i + 1 < s.count && s[i + 1] == "\"" { field.append("\""); i += 2 } else { i += 1; break }
                } else { field.append(s[i]); i += 1 }
            }
        } else {
            while i < s.count && s[i] != "," && s[i] != "\r" {
                guard s[i] != "\"" && s[i] != "\n" else { throw Malformed(at: i) }
                field.append(s[i]); i += 1
            }
        }
        guard i < s.count else { throw Malformed(at: i) }
        record.append(String(field)); field = String.UnicodeScalarView()
        if s[i] == "," { i += 1; continue }
        guard s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" else { throw Malformed(at: i) }
        records.append(record); record = []
        i += 2
    }
    return records
}

/// A VOSviewer rule broken, with the line it is on.
struct VOSviewerViolation: Error, CustomStringConvertible {
    var description: String
}

/// Splits one line of a VOSviewer file at tabs, reading `"…"` fields with doubled inner quotes as VOSviewer
/// Online's parser (Papa Parse) does; a quote inside a bare field is an error.
func vosviewerFields(_ line: Substring, line number: Int) throws -> (values: [String], quoted: [Bool]) {
    var values: [String] = [], quoted: [Bool] = []
    for raw in line.split(separator: "\t", omittingEmptySubsequences: false) {
        if raw.hasPrefix("\"") {
            guard raw.count >= 2, raw.hasSuffix("\"") else { throw VOSviewerViolation(description: "line \(number): unclosed quote") }
            let inner = raw.dropFirst().dropLast()
            guard !inner.replacingOccurrences(of: "\"\"", with: "").contains("\"") else {
                throw VOSviewerViolation(description: "line \(number): lone quote inside a quoted field")
            }
            values.append(inner.replacingOccurrences(of: "\"\"", with: "\""))
            quoted.append(true)
        } else {
            guard !raw.contains("\"") else { throw VOSviewerViolation(description: "line \(number): quote in a bare field") }
            values.append(String(raw))
            quoted.append(false)
        }
    }
    return (values, quoted)
}

/// A number as VOSviewer reads one: `.` decimal point, optional exponent, nothing else.
func vosviewerNumber(_ text: String) -> Double? {
    guard text.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil else { return nil }
    return Double(text)
}

/// Checks a map and a network file against every rule of shared/reference/vosviewer.md, in the order VOSviewer
/// Online's `getMapFileError` and `getNetworkFileError` check them, plus the conventions VOSviewer's own files
/// follow (Links and Total link strength first and consistent with the network, each pair once, id1 < id2).
func validateVOSviewer(map: String, network: String) throws {
    func fail(_ message: String) -> VOSviewerViolation { VOSviewerViolation(description: message) }
    // Map file: header, then one line per item, every line as wide as the header, "\n" at the end only.
    guard map.hasSuffix("\n"), !map.contains("\r") else { throw fail("map: lines end with a single \\n") }
    let lines = map.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
    let header = try vosviewerFields(lines[0], line: 1).values
    guard Set(header).count == header.count else { throw fail("map: duplicated column") }
    let plain = ["id", "label", "description", "url", "x", "y", "cluster"]
    for name in header where !plain.contains(name) {
        guard name.range(of: #"^(weight|score)<[^<>\t"]+>$"#, options: .regularExpression) != nil else {
            throw fail("map: column \(name) is neither lower-case plain nor weight<…>/score<…>")
        }
    }
    guard let idColumn = header.firstIndex(of: "id"), header.contains("label") else { throw fail("map: id and label columns") }
    let weightColumns = header.indices.filter { header[$0].hasPrefix("weight<") }
    guard weightColumns.prefix(2).map({ header[$0] }) == ["weight<Links>", "weight<Total link strength>"] else {
        throw fail("map: weight<Links> and weight<Total link strength> first")
    }
    let items = lines.dropFirst()
    guard items.count >= 3 else { throw fail("map: fewer than 3 items") }
    var ids: [Int: [String]] = [:]
    for (offset, line) in items.enumerated() {
        let number = offset + 2
        let (row, quoted) = try vosviewerFields(line, line: number)
        guard row.count == header.count else { throw fail("line \(number): \(row.count) fields, header has \(header.count)") }
        guard let id = Int(row[idColumn]), id > 0, String(id) == row[idColumn] else { throw fail("line \(number): id") }
        guard ids.updateValue(row, forKey: id) == nil else { throw fail("line \(number): id \(id) not unique") }
        for (c, name) in header.enumerated() {
            let cell = row[c]
            if (cell.contains(",") || cell.contains(";")) && !quoted[c] { throw fail("line \(number): \(name) unquoted") }
            if cell.unicodeScalars.contains(where: { $0.value < 0x20 }) { throw fail("line \(number): control character") }
            if name.hasPrefix("weight<") {
                guard let v = vosviewerNumber(cell), v >= 0 else { throw fail("line \(number): \(name) = \(cell)") }
            } else if name.hasPrefix("score<") || name == "x" || name == "y" {
                guard cell.isEmpty || vosviewerNumber(cell) != nil else { throw fail("line \(number): \(name) = \(cell)") }
            } else if name == "cluster" {
                guard cell.isEmpty || (Int(cell).map { (1...1000).contains($0) && String($0) == cell } ?? false) else {
                    throw fail("line \(number): cluster \(cell)")
                }
            }
        }
    }
    // Network file: no header, id1 id2 strength on every line, ids in the map, each pair once with id1 < id2,
    // no self-links, strengths positive.
    guard network.hasSuffix("\n"), !network.contains("\r") else { throw fail("network: lines end with a single \\n") }
    var links: [Int: Double] = [:], degree: [Int: Double] = [:], seen = Set<[Int]>()
    for (offset, line) in network.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3, let a = Int(fields[0]), let b = Int(fields[1]), let w = vosviewerNumber(fields[2]) else {
            throw fail("network line \(offset + 1): \(line)")
        }
        guard ids[a] != nil, ids[b] != nil else { throw fail("network line \(offset + 1): unknown id") }
        guard a < b else { throw fail("network line \(offset + 1): id1 < id2 (no self-links, each pair once)") }
        guard seen.insert([a, b]).inserted else { throw fail("network line \(offset + 1): pair repeated") }
        guard w > 0, w.isFinite else { throw fail("network line \(offset + 1): strength \(w)") }
        links[a, default: 0] += w; links[b, default: 0] += w
        degree[a, default: 0] += 1; degree[b, default: 0] += 1
    }
    guard !seen.isEmpty else { throw fail("network: empty") }
    let linksColumn = header.firstIndex(of: "weight<Links>")!, totalColumn = header.firstIndex(of: "weight<Total link strength>")!
    for (id, row) in ids {
        guard Double(row[linksColumn]) == degree[id, default: 0], Double(row[totalColumn]) == links[id, default: 0] else {
            throw fail("item \(id): Links/Total link strength disagree with the network file")
        }
    }
}
