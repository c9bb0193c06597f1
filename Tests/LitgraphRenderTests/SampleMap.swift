import LitgraphRender

/// A realistic 42-entity co-occurrence map of model-based RL and robot learning, used to check legibility by
/// eye and as a fixture; edges come from a fixed-seed generator so the map is the same on every run.
enum SampleMap {
    static let entities: [(String, String, Int)] = [
        ("DreamerV3", "method", 41), ("PPO", "method", 63), ("SAC", "method", 48), ("CLIP", "method", 37),
        ("GPT-4V", "method", 22), ("TD-MPC2", "method", 17), ("DrQ-v2", "method", 19), ("MuZero", "method", 15),
        ("EfficientZero", "method", 9), ("Decision Transformer", "method", 21), ("RT-2", "method", 14),
        ("Diffusion Policy", "method", 18), ("Behavior Cloning", "method", 30), ("CURL", "method", 8),
        ("SPR", "method", 7), ("IRIS", "method", 6), ("DINOv2", "method", 11), ("R3M", "method", 9),
        ("VC-1", "method", 5), ("LLaVA", "method", 12),
        ("DeepMind Control Suite", "benchmark", 44), ("Atari 100k", "benchmark", 29), ("ManiSkill2", "benchmark", 13),
        ("Meta-World", "benchmark", 24), ("D4RL", "benchmark", 27), ("MineDojo", "benchmark", 8),
        ("Crafter", "benchmark", 10), ("Procgen", "benchmark", 9), ("RLBench", "benchmark", 12),
        ("CALVIN", "benchmark", 7), ("Habitat 2.0 Rearrangement Challenge", "benchmark", 6),
        ("ImageNet", "dataset", 26), ("Ego4D", "dataset", 11), ("Open X-Embodiment", "dataset", 10),
        ("Something-Something v2", "dataset", 6), ("LAION-5B", "dataset", 7), ("MS COCO", "dataset", 9),
        ("BridgeData V2", "dataset", 8),
        ("MuJoCo", "simulator", 35), ("Isaac Gym", "simulator", 12), ("world model", "concept", 20),
        ("Minecraft", "simulator", 9),
    ]

    static func map(title: String = "Entity co-occurrence — model-based RL and robot learning") -> NetworkMap {
        let maxPapers = Double(entities.map(\.2).max() ?? 1)
        let nodes = entities.map { name, type, papers in
            MapNode(id: name.lowercased(), label: name, category: type, size: Double(papers) / maxPapers,
                    papers: papers)
        }
        var rng = SplitMix(seed: 2024)
        var edges: [MapEdge] = []
        for i in nodes.indices {
            for j in nodes.indices where j > i {
                let hub = Double(entities[i].2 + entities[j].2) / (2 * maxPapers)
                let crossType = entities[i].1 != entities[j].1
                let p = 0.035 + 0.22 * hub + (crossType ? 0.05 : 0)
                if rng.nextUnit() < p {
                    let weight = 1 + Int(rng.nextUnit() * 11.999 * hub.squareRoot())
                    edges.append(MapEdge(source: nodes[i].id, target: nodes[j].id, weight: Double(weight)))
                }
            }
        }
        return NetworkMap(title: title, nodes: nodes, edges: edges,
                          categories: MapCategory.standard + [
                              MapCategory(key: "simulator", name: "Simulator", fill: MapCategory.palette[3],
                                          shape: .hexagon),
                          ])
    }
}

extension SampleMap {
    /// A method–benchmark map from the same entities: who is evaluated where, edges weighted by papers.
    static func bipartite() -> NetworkMap {
        let full = map()
        let kept = full.nodes.filter { $0.category == "method" || $0.category == "benchmark" }
        let ids = Set(kept.map(\.id))
        let category = Dictionary(uniqueKeysWithValues: kept.map { ($0.id, $0.category) })
        let edges = full.edges.filter {
            ids.contains($0.source) && ids.contains($0.target) && category[$0.source] != category[$0.target]
        }
        return NetworkMap(title: "Methods and the benchmarks they are evaluated on", nodes: kept, edges: edges,
                          sizeMeaning: "papers mentioning it",
                          weightMeaning: "papers reporting the method on the benchmark", idPrefix: "mb")
    }
}

/// Steele, Lea & Flood's SplitMix64 (2014): a tiny fixed-seed generator for reproducible fixtures.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
