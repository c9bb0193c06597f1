import ArgumentParser
import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphRender
import LitgraphStore

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph for Gephi, Cytoscape, networkx or VOSviewer.",
        discussion: """
            Nodes carry their papers, centralities (degree, strength, betweenness, closeness, eigenvector, \
            pagerank; weighted by the edge weights) and a Leiden cluster (1 = largest).
            --out PATH names the file for graphml, gexf, json and vosviewer-json (standard output without \
            --out). csv and vosviewer write two files: PATH-nodes.csv and PATH-edges.csv, PATH-map.txt and \
            PATH-network.txt (a trailing .csv or .txt on PATH is dropped first).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "The file format.")
    var format: ExportFormat
    @Option(help: "Output file, or file prefix for csv and vosviewer.")
    var out: String?

    func run() throws {
        try reportingErrors {
            let store = try Store(path: database.db)
            let labeled = try withMeasures(try graphOptions.build(from: store))
            let files = try GraphExport.files(labeled, format: format)
            guard let out else {
                guard files.count == 1 else {
                    throw UserError("--format \(format.rawValue) writes \(files.count) files: give --out PATH")
                }
                print(files[0].contents, terminator: "")
                return
            }
            for file in files {
                let path = exportPath(out, file: file, single: files.count == 1)
                do {
                    try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
                } catch {
                    throw UserError("cannot write \(path): \(error.localizedDescription)")
                }
                print(path)
            }
            printError("\(labeled.name): \(labeled.nodes.count) nodes, \(labeled.graph.edges.count) edges")
        }
    }
}

/// Where one exported file goes: `out` itself for a single file, else `out` (less a trailing `.csv`/`.txt`)
/// with `-SUFFIX.EXT` appended.
func exportPath(_ out: String, file: ExportFile, single: Bool) -> String {
    guard !single, let suffix = file.suffix else { return out }
    var base = out
    if base.lowercased().hasSuffix("." + file.fileExtension) { base.removeLast(file.fileExtension.count + 1) }
    return "\(base)-\(suffix).\(file.fileExtension)"
}

/// `graph` with every centrality (weighted by its edge weights; `LabeledGraph.addingCentralities`, with degree as
/// the count it is) and its Leiden cluster (seed 1, numbered from 1 by decreasing size, as VOSviewer numbers
/// clusters) appended to each node's attributes.
func withMeasures(_ graph: LabeledGraph) throws -> LabeledGraph {
    let measured = try graph.addingCentralities(weighted: true)
    let clusters = try communities(of: graph.graph, weighted: true, seed: 1)
    let degrees = try centrality(.degree, of: graph.graph, weighted: true).map { AttributeValue.int(Int($0)) }
    return measured.settingAttribute(CentralityMeasure.degree.rawValue, degrees)
        .settingAttribute("cluster", clusters.membership.map { .int($0 + 1) })
}
