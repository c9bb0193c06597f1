// swift-tools-version:6.0
// litgraph: paper records → entities → graphs → reports. One module per pipeline stage; a stage imports
// only the stages to its left (Corpus → Extraction → Store → Analysis → Render → Report), the C libraries
// sit behind system-library targets with one owning Swift wrapper each, and the CLI is thin.
import PackageDescription

let package = Package(
    name: "litgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "litgraph", targets: ["litgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // C libraries.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CIgraph", pkgConfig: "igraph", providers: [.apt(["libigraph-dev"])]),
        // Owning Swift wrappers around them.
        .target(name: "GraphvizKit", dependencies: ["CGraphviz"]),
        .target(name: "IgraphKit", dependencies: ["CIgraph"]),
        // Pipeline stages, left to right.
        .target(name: "LitgraphCorpus"),
        .target(name: "LitgraphExtraction", dependencies: ["LitgraphCorpus"],
                resources: [.copy("Resources/catalogue")]),
        .target(name: "LitgraphStore", dependencies: [
            "LitgraphCorpus", "LitgraphExtraction", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "LitgraphAnalysis", dependencies: ["LitgraphCorpus", "LitgraphExtraction", "IgraphKit"]),
        .target(name: "LitgraphRender", dependencies: ["LitgraphAnalysis", "LitgraphExtraction", "GraphvizKit"]),
        .target(name: "LitgraphReport", dependencies: [
            "LitgraphCorpus", "LitgraphExtraction", "LitgraphAnalysis", "LitgraphRender",
        ]),
        .executableTarget(name: "litgraph", dependencies: [
            "LitgraphCorpus", "LitgraphExtraction", "LitgraphStore", "LitgraphAnalysis", "LitgraphRender",
            "LitgraphReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Tests, and the scratch files they write.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "LitgraphCorpusTests", dependencies: ["LitgraphCorpus", "TestScratch"]),
        .testTarget(name: "LitgraphExtractionTests", dependencies: ["LitgraphExtraction", "LitgraphCorpus", "TestScratch"]),
        .testTarget(name: "LitgraphStoreTests", dependencies: [
            "LitgraphStore", "LitgraphExtraction", "LitgraphCorpus", "TestScratch",
        ]),
        .testTarget(name: "LitgraphAnalysisTests", dependencies: [
                        "LitgraphAnalysis", "IgraphKit", "LitgraphStore", "LitgraphExtraction", "LitgraphCorpus",
                    ],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LitgraphRenderTests", dependencies: [
            "LitgraphRender", "GraphvizKit", "LitgraphAnalysis", "TestScratch",
        ]),
        .testTarget(name: "LitgraphReportTests", dependencies: ["LitgraphReport", "LitgraphAnalysis", "LitgraphRender"]),
        .testTarget(name: "LitgraphCLITests", dependencies: ["litgraph", "LitgraphStore", "TestScratch"]),
    ],
    swiftLanguageModes: [.v6]
)
