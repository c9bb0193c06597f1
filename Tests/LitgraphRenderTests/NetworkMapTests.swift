import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestScratch
import GraphvizKit
import LitgraphAnalysis
@testable import LitgraphRender

/// Parses `svg` as XML, failing the test if it is not well formed.
func parsedSVG(_ svg: String) throws -> XMLDocument {
    try XMLDocument(xmlString: svg, options: [])
}

/// Elements named `name` (in any namespace) with `class="…"` if given.
func elements(_ doc: XMLDocument, _ name: String, class className: String? = nil) throws -> [XMLElement] {
    let filter = className.map { " and @class='\($0)'" } ?? ""
    return try doc.nodes(forXPath: "//*[local-name()='\(name)'\(filter)]").compactMap { $0 as? XMLElement }
}

/// The value of attribute `name` (FoundationXML's `attribute(forName:)` misses attributes of namespaced
/// elements on Linux, so look through the list).
func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
}

/// The text of `element`'s first child element named `name`.
func childText(_ element: XMLElement, _ name: String) -> String? {
    element.children?.compactMap { $0 as? XMLElement }.first { $0.localName == name }?.stringValue
}

/// The text drawn in a node group, its `<text>` lines joined by spaces.
func drawnText(_ group: XMLElement) throws -> String {
    try group.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue).joined(separator: " ")
}

@Suite("NetworkMap")
struct NetworkMapTests {
    let small = NetworkMap(
        title: "Small map",
        nodes: [
            MapNode(id: "ppo", label: "PPO", category: "method", size: 1, papers: 63),
            MapNode(id: "dmc", label: "DeepMind Control Suite", category: "benchmark", size: 0.5, papers: 44),
            MapNode(id: "imagenet", label: "ImageNet", category: "dataset", size: 0.2, papers: 1),
            MapNode(id: "wm", label: "world model", category: "concept", size: 0, papers: 20, tooltip: "a concept"),
        ],
        edges: [
            MapEdge(source: "ppo", target: "dmc", weight: 12),
            MapEdge(source: "dmc", target: "imagenet", weight: 1),
            MapEdge(source: "wm", target: "ppo", weight: 4),
        ])

    @Test func svgIsWellFormedWithOneGroupPerNodeAndEdge() throws {
        let doc = try parsedSVG(try small.svg())
        let root = try #require(doc.rootElement())
        #expect(root.localName == "svg")
        #expect(root.uri == "http://www.w3.org/2000/svg")

        let nodeGroups = try elements(doc, "g", class: "node")
        #expect(nodeGroups.count == 4)
        let titles = nodeGroups.compactMap { childText($0, "title") }
        #expect(titles.sorted() == [
            "DeepMind Control Suite\nBenchmark · 44 papers",
            "ImageNet\nDataset · 1 paper",
            "PPO\nMethod · 63 papers",
            "world model\nOther · 20 papers\na concept",
        ])
        let labels = try nodeGroups.map(drawnText).sorted()
        #expect(labels == ["DeepMind Control Suite", "ImageNet", "PPO", "world model"])

        let edgeGroups = try elements(doc, "g", class: "edge")
        #expect(edgeGroups.count == 3)
        #expect(edgeGroups.compactMap { childText($0, "title") }.contains("PPO — DeepMind Control Suite\npapers in common: 12")
            || edgeGroups.compactMap { childText($0, "title") }.contains("DeepMind Control Suite — PPO\npapers in common: 12"))
        #expect(edgeGroups.allSatisfy { try! $0.nodes(forXPath: ".//*[local-name()='path']").count == 1 })
    }

    @Test func legendNamesCategoriesSizeAndLineWidth() throws {
        let doc = try parsedSVG(try small.svg())
        let legend = try #require(try elements(doc, "g", class: "legend").first)
        let text = try drawnText(legend)
        #expect(text.contains("Small map"))
        for name in ["Method", "Benchmark", "Dataset", "Other", "Node size: centrality",
                     "Line width: papers in common (1–12)"] {
            #expect(text.contains(name), "legend lacks \(name)")
        }
        // Categories nobody uses stay out of the legend.
        let methodsOnly = NetworkMap(title: "", nodes: [small.nodes[0]], edges: [])
        let onlyLegend = try #require(try elements(parsedSVG(methodsOnly.svg()), "g", class: "legend").first)
        #expect(try drawnText(onlyLegend) == "Method Node size: centrality")
    }

    @Test func legendSitsAboveTheDrawingInsideTheViewBox() throws {
        let doc = try parsedSVG(try SampleMap.map().inlineSVG())
        let root = try #require(doc.rootElement())
        let viewBox = attribute(root, "viewBox") ?? ""
        let box = viewBox.split(separator: " ").compactMap { Double($0) }
        let width = attribute(root, "width") ?? ""
        #expect(box.count == 4 && width == "\(Int(box[2]))pt")
        let legend = try #require(try elements(doc, "g", class: "legend").first)
        let xs = try legend.nodes(forXPath: "./*[local-name()='text']")
            .compactMap { ($0 as? XMLElement).flatMap { attribute($0, "x") }.flatMap(Double.init) }
        #expect(xs.count >= 5)
        #expect(xs.allSatisfy { $0 > 0 && $0 < box[2] - 40 })
        let drawing = try #require(try doc.nodes(forXPath: "//*[@id='map_drawing']").first as? XMLElement)
        let transform = attribute(drawing, "transform") ?? ""
        #expect(transform.hasPrefix("translate("))
    }

    @Test func hostileTextIsEscapedAndTheSVGStillParses() throws {
        let hostile = "<script>alert(\"x\")</script> & \"quotes\" \\ back"
        let tricky = "a &amp; b &nbsp; &lt;i&gt; \\N \\G \u{1}ctl é 日本 🚀"
        let map = NetworkMap(
            title: "Title </title><script>x</script> & \"q\"",
            nodes: [
                MapNode(id: "a\"b", label: hostile, category: "method", size: 0.5, papers: 3,
                        tooltip: "tip <b>bold</b> & \"more\"\nsecond line"),
                MapNode(id: "c", label: tricky, category: "<dataset>", size: 0.1, papers: 1),
                MapNode(id: "d", label: "line one\nline two\r\nthree", category: "benchmark", size: 0.1, papers: 1),
            ],
            edges: [MapEdge(source: "a\"b", target: "c", weight: 2, tooltip: "<edge & tip>")],
            categories: MapCategory.standard + [MapCategory(key: "<dataset>", name: "<Data & \"sets\">",
                                                            fill: "red\" onload=\"alert(1)", shape: .hexagon)],
            sizeMeaning: "<size>", weightMeaning: "papers & \"co-mentions\"", idPrefix: "x\" onload=\"y")
        let svg = try map.svg()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        #expect(!svg.contains(" onload="))
        #expect(!svg.contains("\u{1}"))
        let doc = try parsedSVG(svg)

        let groups = try elements(doc, "g", class: "node")
        #expect(groups.count == 3)
        let titles = groups.compactMap { childText($0, "title") }
        #expect(titles.contains("\(hostile)\nMethod · 3 papers\ntip <b>bold</b> & \"more\"\nsecond line"))
        let drawn = try groups.map(drawnText)
        #expect(drawn.contains(hostile))
        #expect(drawn.contains("a &amp; b &nbsp; &lt;i&gt; \\N \\G ctl é 日本 🚀"))
        #expect(drawn.contains("line one line two three"))
        let edgeTitle = try #require(try elements(doc, "g", class: "edge").first.flatMap { childText($0, "title") })
        #expect(edgeTitle.hasSuffix("papers & \"co-mentions\": 2\n<edge & tip>"))
        #expect(doc.rootElement().flatMap { childText($0, "title") } == "Title </title><script>x</script> & \"q\"")
        let legend = try drawnText(try #require(try elements(doc, "g", class: "legend").first))
        #expect(legend.contains("<Data & \"sets\">"))
        #expect(legend.contains("Node size: <size>"))
    }

    @Test func dotQuotingEscapesQuotesBackslashesLineBreaksAndEntities() {
        #expect(DOT.quoted("plain") == "\"plain\"")
        #expect(DOT.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(DOT.quoted("back\\slash\\") == "\"back\\\\slash\\\\\"")
        #expect(DOT.quoted("a\nb\r\nc\rd") == "\"a\\nb\\nc\\nd\"")
        #expect(DOT.quoted("x & y &amp;") == "\"x &amp; y &amp;amp;\"")
        #expect(DOT.quoted("nul\u{0}bell\u{7}\tend") == "\"nulbell end\"")
        #expect(DOT.quoted("é 日本") == "\"é 日本\"")
    }

    @Test func dotUsesSyntheticNamesNotEntityNames() throws {
        let dot = try small.dot()
        #expect(dot.contains("n0 [id=\"map_n0\""))
        #expect(!dot.contains("ppo"))
        #expect(!dot.contains("imagenet"))
        #expect(dot.contains("start=1"))
        // The DOT is valid on its own, for anyone debugging a map with the Graphviz tools.
        try Graphviz.validate(dot: dot)
    }

    @Test func sameInputSameBytes() throws {
        let map = SampleMap.map()
        let first = try map.svg()
        #expect(try map.svg() == first)

        // Input order does not matter.
        var shuffled = map
        var rng = SplitMix(seed: 7)
        shuffled.nodes.shuffle(using: &rng)
        shuffled.edges.shuffle(using: &rng)
        shuffled.edges = shuffled.edges.map { MapEdge(source: $0.target, target: $0.source, weight: $0.weight) }
        #expect(try shuffled.svg() == first)

        // Rendering other maps in between leaves no trace.
        _ = try small.svg()
        _ = try Graphviz.render(dot: "graph { start=99; a -- b -- c }", layout: .sfdp)
        #expect(try map.svg() == first)

        // A different seed gives a different drawing.
        var reseeded = map
        reseeded.seed = 2
        #expect(try reseeded.svg() != first)
    }

    #if os(Linux)
    @Test func sameBytesInAFreshProcess() throws {
        // The child writes the map's DOT and bipartite variant beside it too: all go with the scratch directory.
        let out = try Scratch.directory().appendingPathComponent("sample.svg")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--testing-library", "swift-testing", "--filter", "writeSampleMap"]
        var environment = ProcessInfo.processInfo.environment
        environment["LITGRAPH_SAMPLE_SVG"] = out.path
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
        let fromChild = try String(contentsOf: out, encoding: .utf8)
        #expect(fromChild == (try SampleMap.map().svg()))
    }
    #endif

    @Test func parallelMapRendersDoNotCrash() async throws {
        let expected = try small.svg()
        let sample = try SampleMap.map().svg()
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<24 {
                group.addTask {
                    i.isMultiple(of: 4) ? try SampleMap.map().svg() == sample : try small.svg() == expected
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 24)
        #expect(results.allSatisfy { $0 })
    }

    @Test func inlineSVGHasNoPrologDoctypeCommentsOrExternalReferences() throws {
        let inline = try small.inlineSVG()
        #expect(inline.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!inline.contains("<?xml"))
        #expect(!inline.contains("<!DOCTYPE"))
        #expect(!inline.contains("<!--"))
        #expect(!inline.contains("href"))
        #expect(!inline.contains("url("))
        #expect(!inline.contains("<image"))
        _ = try parsedSVG(inline)
        let standalone = try small.svg()
        #expect(standalone.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\""))
        #expect(standalone.hasSuffix(inline))
    }

    @Test func idPrefixKeepsSeveralMapsApartInOnePage() throws {
        var other = small
        other.idPrefix = "cooc_2"
        let ids = { (svg: String) throws -> Set<String> in
            Set(try parsedSVG(svg).nodes(forXPath: "//*[@id]").compactMap {
                ($0 as? XMLElement).flatMap { attribute($0, "id") }
            })
        }
        let a = try ids(small.inlineSVG())
        let b = try ids(other.inlineSVG())
        #expect(a.isDisjoint(with: b))
        #expect(b.allSatisfy { $0.hasPrefix("cooc_2") })
        #expect(a.contains("map_n0") && b.contains("cooc_2_legend"))
    }

    @Test func bipartiteMethodBenchmarkMap() throws {
        let methods = ["DreamerV3", "PPO", "SAC", "TD-MPC2", "DrQ-v2"]
        let benchmarks = ["DeepMind Control Suite", "Atari 100k", "ManiSkill2", "Meta-World"]
        let nodes = methods.map { MapNode(id: "m:\($0)", label: $0, category: "method", size: 0.4, papers: 5) }
            + benchmarks.map { MapNode(id: "b:\($0)", label: $0, category: "benchmark", size: 0.7, papers: 9) }
        let edges = methods.enumerated().flatMap { i, m in
            benchmarks.enumerated().compactMap { j, b in
                (i + j) % 3 == 0 ? nil : MapEdge(source: "m:\(m)", target: "b:\(b)", weight: Double(1 + (i * j) % 12))
            }
        }
        let map = NetworkMap(title: "Methods evaluated on benchmarks", nodes: nodes, edges: edges,
                             weightMeaning: "papers reporting the method on the benchmark")
        let doc = try parsedSVG(try map.svg())
        let groups = try elements(doc, "g", class: "node")
        #expect(groups.count == nodes.count)
        // Type shows in the outline too: methods are ellipses, benchmarks are rounded boxes (paths).
        let ellipses = groups.filter { (try? $0.nodes(forXPath: "./*[local-name()='ellipse']").isEmpty) == false }
        #expect(ellipses.count == methods.count)
        #expect(try elements(doc, "g", class: "edge").count == edges.count)
        let legend = try drawnText(try #require(try elements(doc, "g", class: "legend").first))
        #expect(legend.contains("Method") && legend.contains("Benchmark") && !legend.contains("Dataset"))
    }

    @Test func duplicateEdgesMergeAndSelfLoopsDrop() throws {
        var map = small
        map.edges += [MapEdge(source: "dmc", target: "ppo", weight: 3), MapEdge(source: "ppo", target: "ppo", weight: 5)]
        let doc = try parsedSVG(try map.svg())
        let titles = try elements(doc, "g", class: "edge").compactMap { childText($0, "title") }
        #expect(titles.count == 3)
        #expect(titles.contains { $0.hasSuffix("papers in common: 15") })
    }

    @Test func badInputThrows() {
        var unknown = small
        unknown.edges.append(MapEdge(source: "ppo", target: "nowhere", weight: 1))
        #expect(throws: MapError.unknownNode("nowhere")) { try unknown.svg() }
        var duplicate = small
        duplicate.nodes.append(MapNode(id: "ppo", label: "PPO again", category: "method", size: 0, papers: 0))
        #expect(throws: MapError.duplicateNode("ppo")) { try duplicate.svg() }
    }

    @Test func emptyMapRendersTitleAndNoLegendRows() throws {
        let doc = try parsedSVG(try NetworkMap(title: "Nothing yet", nodes: [], edges: []).svg())
        #expect(try elements(doc, "g", class: "node").isEmpty)
        #expect(try drawnText(try #require(try elements(doc, "g", class: "legend").first)) == "Nothing yet")
    }

    @Test func mapFromAnalysedGraphSharesIndices() throws {
        let graph = WeightedGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, weight: 2), WeightedEdge(1, 2, weight: 5)])
        let nodes = ["CLIP", "GPT-4V", "LLaVA"].map {
            MapNode(id: $0, label: $0, category: "method", size: 0.5, papers: 2)
        }
        let map = try NetworkMap(title: "From analysis", nodes: nodes, graph: graph)
        #expect(map.edges.map(\.target) == ["GPT-4V", "LLaVA"])
        #expect(throws: MapError.self) {
            try NetworkMap(title: "", nodes: nodes, graph: WeightedGraph(nodeCount: 4, edges: [WeightedEdge(0, 3)]))
        }
    }

    @Test func nodeSizeAndFontGrowWithSizeAndEdgesWithWeight() throws {
        let dot = try small.dot()
        let line = { (label: String) in dot.split(separator: "\n").first { $0.contains("label=\"\(label)\"") } ?? "" }
        #expect(line("PPO").contains("fontsize=20,") && line("PPO").contains("height=1.17"))
        #expect(line("world model").contains("fontsize=12,") && line("world model").contains("height=0.42"))
        #expect(dot.contains("penwidth=6, color=\"#4A5560E6\""))
        #expect(Plan.fontSize(.nan) == Plan.minFont && Plan.fontSize(7) == Plan.maxFont)
    }

    @Test(arguments: [
        ("PPO", "PPO"),
        ("Decision Transformer", "Decision\nTransformer"),
        ("Something-Something v2", "Something-\nSomething v2"),
        ("Habitat 2.0 Rearrangement Challenge", "Habitat 2.0\nRearrangement\nChallenge"),
        ("a very long entity name that keeps going well past three lines of text", "a very long entity\nname that keeps\ngoing well past…"),
        ("Supercalifragilisticexpialidocious-ly", "Supercalifragilist…\nly"),
        ("   ", ""),
    ])
    func labelsWrapIntoBalancedLines(input: String, expected: String) {
        #expect(Plan.wrap(input, lineLength: 18) == expected)
    }

    @Test func numbersPrintWithFixedPrecision() {
        #expect(Number.format(1.5) == "1.5")
        #expect(Number.format(2.0) == "2")
        #expect(Number.format(-0.004) == "0")
        #expect(Number.format(-3.14159) == "-3.14")
        #expect(Number.format(12.3456, digits: 3) == "12.346")
        #expect(Number.format(.infinity) == "0")
    }
}
