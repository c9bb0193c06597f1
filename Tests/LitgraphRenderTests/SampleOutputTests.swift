import Foundation
import Testing
@testable import LitgraphRender

/// Writes the sample map (and its DOT and method–benchmark variant beside it) to the path in `LITGRAPH_SAMPLE_SVG` so it can be looked at in a browser.
@Test(.enabled(if: ProcessInfo.processInfo.environment["LITGRAPH_SAMPLE_SVG"] != nil))
func writeSampleMap() throws {
    let path = try #require(ProcessInfo.processInfo.environment["LITGRAPH_SAMPLE_SVG"])
    let map = SampleMap.map()
    try map.svg().write(toFile: path, atomically: true, encoding: .utf8)
    try map.dot().write(toFile: path + ".dot", atomically: true, encoding: .utf8)
    try SampleMap.bipartite().svg().write(toFile: path + ".bipartite.svg", atomically: true, encoding: .utf8)
}
