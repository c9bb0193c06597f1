import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import Testing

/// The edges of a labeled graph as (source label, target label, weight), in the graph's order.
func labeledEdges(_ graph: LabeledGraph) -> [String] {
    graph.graph.edges.map { "\(graph.nodes[$0.source].label)-\(graph.nodes[$0.target].label):\(Int($0.weight))" }
}

/// Four papers naming two methods, a benchmark and a dataset in every role.
let smallInput = AnalysisInput(
    papers: [
        .init(id: "A", title: "Paper A", date: "2020-01"), .init(id: "B", title: "Paper B", date: "2021-05"),
        .init(id: "C", title: "Paper C", date: "2021"), .init(id: "D", title: "Paper D"),
    ],
    entities: [
        .init(name: "M2", type: .method), .init(name: "M1", type: .method, catalogued: true, year: 2019),
        .init(name: "B1", type: .benchmark), .init(name: "D1", type: .dataset),
    ],
    mentions: [
        .init(paper: "A", entity: "M1", role: .introduces, count: 2), .init(paper: "A", entity: "B1", role: .uses),
        .init(paper: "B", entity: "M1", role: .uses, count: 3), .init(paper: "B", entity: "M2", role: .introduces),
        .init(paper: "B", entity: "B1", role: .compares), .init(paper: "B", entity: "D1", role: .mentions),
        .init(paper: "C", entity: "M1", role: .compares), .init(paper: "C", entity: "M2", role: .uses, count: 2),
        .init(paper: "C", entity: "D1", role: .uses),
        .init(paper: "D", entity: "M2", role: .mentions), .init(paper: "D", entity: "B1", role: .uses, count: 4),
    ])

@Suite struct AnalysisGraphsTests {
    @Test func cooccurrenceCountsPapersInCommon() throws {
        let graph = try AnalysisGraphs.build(.cooccurrence, from: smallInput)
        #expect(graph.name == "cooccurrence")
        #expect(!graph.graph.directed)
        #expect(graph.nodes.map(\.id) == ["entity:B1", "entity:D1", "entity:M1", "entity:M2"])
        #expect(graph.nodes.map(\.kind) == ["benchmark", "dataset", "method", "method"])
        #expect(labeledEdges(graph) == ["B1-D1:1", "B1-M1:2", "B1-M2:2", "D1-M1:2", "D1-M2:2", "M1-M2:2"])
        // papers mentioning each entity, and the year: M1's from the catalogue, M2's from B, which introduces it.
        #expect(graph.nodes.map { graph.attribute("papers", of: graph.nodes.firstIndex(of: $0)!) }
                == [.int(3), .int(2), .int(3), .int(3)])
        #expect(graph.attribute("year", of: 2) == .int(2019))
        #expect(graph.attribute("year", of: 3) == .int(2021))
        #expect(graph.attribute("year", of: 0) == nil)
        let heavy = try AnalysisGraphs.build(.cooccurrence, from: smallInput, options: .init(minCount: 2))
        #expect(labeledEdges(heavy) == ["B1-M1:2", "B1-M2:2", "D1-M1:2", "D1-M2:2", "M1-M2:2"])
        #expect(heavy.nodes.count == 4)
    }

    @Test func cooccurrenceAgreesWithTheOlderBuilder() throws {
        let graph = try AnalysisGraphs.build(.cooccurrence, from: smallInput)
        let older = CooccurrenceGraph(mentions: smallInput.mentions.map {
            Mention(paper: $0.paper, entity: $0.entity, type: .method, count: $0.count)
        })
        #expect(older.entities.map(\.name) == graph.nodes.map(\.label))
        #expect(older.graph == graph.graph)
    }

    @Test func mentionGraphIsBipartiteWeightedByCount() throws {
        let graph = try AnalysisGraphs.build(.mention, from: smallInput)
        #expect(graph.nodes.map(\.id) == ["paper:A", "paper:B", "paper:C", "paper:D",
                                          "entity:B1", "entity:D1", "entity:M1", "entity:M2"])
        #expect(labeledEdges(graph) == [
            "Paper A-B1:1", "Paper A-M1:2", "Paper B-B1:1", "Paper B-D1:1", "Paper B-M1:3", "Paper B-M2:1",
            "Paper C-D1:1", "Paper C-M1:1", "Paper C-M2:2", "Paper D-B1:4", "Paper D-M2:1",
        ])
        #expect(graph.nodes[0].attributes == [.init("date", .string("2020-01")), .init("year", .int(2020))])
        #expect(graph.nodes[3].attributes.isEmpty)
        #expect(graph.nodes[0].kind == "paper")
    }

    @Test func methodBenchmarkPairsEvaluationRoles() throws {
        let graph = try AnalysisGraphs.build(.methodBenchmark, from: smallInput)
        // D names M2 only in passing, B names D1 only in passing: neither pairs.
        #expect(graph.nodes.map(\.label) == ["M1", "M2", "B1", "D1"])
        #expect(labeledEdges(graph) == ["M1-B1:2", "M1-D1:1", "M2-B1:1", "M2-D1:1"])
        let strict = try AnalysisGraphs.build(
            .methodBenchmark, from: smallInput, options: .init(evaluationRoles: [.uses, .compares]))
        #expect(labeledEdges(strict) == ["M1-B1:1", "M1-D1:1", "M2-D1:1"])
    }

    /// A introduces X and Y; B introduces Z; later papers use them.
    static let buildsOnInput = AnalysisInput(
        papers: [
            .init(id: "A", title: "A", date: "2020-01"), .init(id: "B", title: "B", date: "2021-05"),
            .init(id: "C", title: "C", date: "2021"), .init(id: "D", title: "D"),
            .init(id: "E", title: "E", date: "2019-12-31"),
        ],
        entities: [.init(name: "X", type: .method), .init(name: "Y", type: .method), .init(name: "Z", type: .benchmark)],
        mentions: [
            .init(paper: "A", entity: "X", role: .introduces), .init(paper: "A", entity: "Y", role: .introduces),
            .init(paper: "A", entity: "Z", role: .mentions),
            .init(paper: "B", entity: "X", role: .uses), .init(paper: "B", entity: "Z", role: .introduces),
            .init(paper: "C", entity: "X", role: .compares), .init(paper: "C", entity: "Y", role: .uses),
            .init(paper: "C", entity: "Z", role: .uses),
            .init(paper: "D", entity: "Z", role: .uses), .init(paper: "D", entity: "Y", role: .mentions),
            .init(paper: "E", entity: "X", role: .uses),
        ])

    @Test func buildsOnPointsToEarlierIntroducers() throws {
        let graph = try AnalysisGraphs.build(.buildsOn, from: Self.buildsOnInput)
        #expect(graph.graph.directed)
        // C (2021) builds on B (2021-05): not later at the coarser precision. E (2019) is before A: no edge.
        // D is undated, so its date cannot rule B out. A merely mentions Z.
        #expect(labeledEdges(graph) == ["B-A:1", "C-A:2", "C-B:1", "D-B:1"])
        let heavy = try AnalysisGraphs.build(.buildsOn, from: Self.buildsOnInput, options: .init(minCount: 2))
        #expect(labeledEdges(heavy) == ["C-A:2"])
    }

    @Test func citationDrawsResolvedReferencesOnly() throws {
        let input = AnalysisInput(
            papers: [.init(id: "P", title: "P"), .init(id: "Q", title: "Q"), .init(id: "R", title: "R")],
            entities: [], mentions: [],
            citations: [
                .init(paper: "P", reference: "q", cited: "Q"), .init(paper: "P", reference: "10.1/q", cited: "Q"),
                .init(paper: "P", reference: "P itself", cited: "P"), .init(paper: "P", reference: "elsewhere", cited: nil),
                .init(paper: "Q", reference: "r", cited: "R"), .init(paper: "R", reference: "gone", cited: nil),
            ])
        let graph = try AnalysisGraphs.build(.citation, from: input)
        #expect(labeledEdges(graph) == ["P-Q:1", "Q-R:1"])
        #expect(graph.nodes.map { [graph.attribute("references", of: graph.nodes.firstIndex(of: $0)!),
                                   graph.attribute("unresolved", of: graph.nodes.firstIndex(of: $0)!)] }
                == [[.int(4), .int(1)], [.int(1), .int(0)], [.int(1), .int(1)]])
    }

    @Test func lineageFollowsCatalogueParentsAndVersionSuffixes() throws {
        let input = AnalysisInput(
            papers: [], entities: [
                .init(name: "DrQ", type: .method, catalogued: true),
                .init(name: "DrQ-v2", type: .method, catalogued: true, parent: "DrQ"),
                .init(name: "Dreamer", type: .method, catalogued: true),
                .init(name: "DreamerV3", type: .method, catalogued: true, parent: "dreamer"),
                .init(name: "TD3", type: .method, catalogued: true, parent: "DDPG"),
                .init(name: "TD", type: .method),
                .init(name: "EfficientZero", type: .method, catalogued: true),
                .init(name: "EfficientZero V2", type: .method, catalogued: true),
                .init(name: "MobileVLM", type: .method),
                .init(name: "MobileVLM v2", type: .method),
                .init(name: "POINTS1.5", type: .method),
                .init(name: "ManiSkill", type: .benchmark, catalogued: true),
                .init(name: "ManiSkill2", type: .benchmark),
                .init(name: "LLaVA", type: .method, catalogued: true),
                .init(name: "LLaVA-1.5", type: .method),
                .init(name: "Atari", type: .benchmark),
                .init(name: "Atari 100k", type: .benchmark),
                .init(name: "CATER", type: .dataset),
                .init(name: "CATER-v2", type: .method),
            ], mentions: [])
        let graph = try AnalysisGraphs.build(.lineage, from: input)
        #expect(graph.nodes.count == input.entities.count)
        // Catalogued entities follow the catalogue only (EfficientZero V2 has no parent there; DDPG is not in the
        // corpus); the rest by suffix when the base is an entity of the same type (not CATER-v2, a method).
        #expect(labeledEdges(graph) == [
            "Dreamer-DreamerV3:1", "DrQ-DrQ-v2:1", "LLaVA-LLaVA-1.5:1", "ManiSkill-ManiSkill2:1",
            "MobileVLM-MobileVLM v2:1",
        ])
    }

    @Test func badInputIsRefusedWithItsName() throws {
        func message(_ input: AnalysisInput) -> String? {
            do { _ = try AnalysisGraphs.build(.cooccurrence, from: input); return nil } catch {
                return (error as? AnalysisInputError)?.description
            }
        }
        var input = smallInput
        input.mentions.append(.init(paper: "Z", entity: "M1", role: .uses))
        #expect(message(input)?.contains("unknown paper \"Z\"") == true)
        input = smallInput
        input.mentions.append(.init(paper: "A", entity: "Nope", role: .uses))
        #expect(message(input)?.contains("unknown entity \"Nope\"") == true)
        input = smallInput
        input.mentions.append(.init(paper: "A", entity: "M1", role: .uses))
        #expect(message(input)?.contains("twice") == true)
        input = smallInput
        input.mentions[0].count = 0
        #expect(message(input)?.contains("count 0") == true)
        input = smallInput
        input.papers.append(.init(id: "A", title: "again"))
        #expect(message(input)?.contains("paper id \"A\" appears twice") == true)
        input = smallInput
        input.citations = [.init(paper: "A", reference: "x", cited: "missing")]
        #expect(throws: AnalysisInputError.self) { try AnalysisGraphs.build(.citation, from: input) }
    }

    @Test func sameInputSameGraph() throws {
        for kind in GraphKind.allCases {
            var shuffled = smallInput
            shuffled.entities.reverse()
            shuffled.mentions.reverse()
            #expect(try AnalysisGraphs.build(kind, from: smallInput) == AnalysisGraphs.build(kind, from: shuffled),
                    "\(kind)")
        }
    }

    @Test func centralitiesBecomeAttributes() throws {
        let graph = try AnalysisGraphs.build(.buildsOn, from: Self.buildsOnInput).addingCentralities(weighted: true)
        let values = try centralities(of: graph.graph, weighted: true)
        for measure in CentralityMeasure.allCases {
            #expect(graph.nodes.indices.map { graph.attribute(measure.rawValue, of: $0) }
                    == values[measure].map(AttributeValue.double))
        }
        #expect(graph.nodes[0].attributes.map(\.name)
                == ["date", "year", "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank"])
        // A is built on by B and C (weight 1 + 2): it has the most PageRank.
        #expect(values.pagerank.indices.max { values.pagerank[$0] < values.pagerank[$1] } == 0)
        #expect(values.strength == [3, 3, 3, 1, 0])
        let again = try graph.addingCentralities(weighted: false)
        #expect(again.nodes[0].attributes.count == graph.nodes[0].attributes.count)
    }
}

@Suite struct VersionBaseTests {
    /// Names from the bundled corpus and the shipped catalogue.
    @Test(arguments: [
        ("DrQ-v2", "DrQ"), ("DreamerV3", "Dreamer"), ("DreamerV2", "Dreamer"), ("MobileVLM v2", "MobileVLM"),
        ("EfficientZero V2", "EfficientZero"), ("MoDem-V2", "MoDem"), ("Pick-a-Pic v1", "Pick-a-Pic"),
        ("LLaVA-1.5", "LLaVA"), ("Gemini 2.0", "Gemini"), ("GPT-4", "GPT"), ("GPT-3.5", "GPT"),
        ("ManiSkill2", "ManiSkill"), ("POINTS1.5", "POINTS"), ("Llama 3", "Llama"), ("ResNet-50", "ResNet"),
        ("Cambrian-1", "Cambrian"), ("PaLI-3", "PaLI"), ("PlaNet++", "PlaNet"), ("MobileNetV2", "MobileNet"),
    ])
    func versionedNames(name: String, base: String) {
        #expect(versionBase(of: name) == base)
    }

    @Test(arguments: [
        "TD3", "C51", "R2D2", "o1", "Atari 100k", "Pascal VOC 2007", "DeepSeek-R1", "Qwen2-VL", "TD3+BC", "D4RL",
        "V-D4RL", "GSM8K", "Ego4D", "A^2Nav", "Claude 3.5 Sonnet", "R2R", "Where2Imagine", "DreamerV3 ", "v2", "X-2",
        "C++", "GPT-4o", "2.0",
    ])
    func unversionedNames(name: String) {
        #expect(versionBase(of: name) == nil)
    }
}
