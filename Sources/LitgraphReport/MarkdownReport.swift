import Foundation
import LitgraphAnalysis
import LitgraphExtraction

/// The report as GitHub-flavoured Markdown, linking the SVG maps beside it.
struct MarkdownReport {
    var content: ReportContent

    func render() -> String {
        let c = content
        var out = "# \(Markdown.cell(c.input.title))\n\n"
        out += summary() + "\n\n"
        out += "## Co-occurrence map\n\n![Entity co-occurrence map](cooccurrence.svg)\n\n"
        out += "The \(min(c.input.mapSize, c.ranks.count)) most mentioned entities; node size is PageRank in the "
            + "co-occurrence graph, a line joins two entities named in the same paper, wider for more papers.\n\n"
        for type in EntityType.allCases {
            out += "## Top \(type.rawValue)s\n\n" + rankingTable(type).markdown() + "\n"
        }
        out += "## Methods and their benchmarks\n\n![Method–benchmark map](method-benchmark.svg)\n\n"
        out += "## Over time\n\n" + timeTable().markdown() + "\n"
        if c.undated > 0 { out += "\(c.undated) paper\(c.undated == 1 ? " has" : "s have") no date and \(c.undated == 1 ? "is" : "are") not counted above.\n\n" }
        out += "## Introduced in this corpus\n\n"
        out += "Named methods, benchmarks and datasets that a paper presents as its own.\n\n"
        out += TextTable(header: ["entity", "type", "date", "paper"], rows: c.introducedBy.map {
            [$0.entity, $0.type.rawValue, $0.paper.date ?? "", $0.paper.title]
        }).markdown() + "\n"
        out += "## How this was made\n\n" + methodNotes() + "\n"
        return out
    }

    func summary() -> String {
        let c = content
        var s = "\(c.input.papers.count) papers"
        if let (a, b) = c.dateRange { s += " (\(a) to \(b))" }
        s += "; \(c.ranks.count) entities: \(c.count(.method)) methods, \(c.count(.benchmark)) benchmarks, "
            + "\(c.count(.dataset)) datasets; \(c.input.mentions.count) paper–entity mentions."
        let leaders = EntityType.allCases.compactMap { t in c.top(t, 1).first.map { "\(t.rawValue): **\(Markdown.cell($0.name))** (\($0.papers) papers)" } }
        return s + "\n\nMost used — " + leaders.joined(separator: "; ") + "."
    }

    func rankingTable(_ type: EntityType) -> TextTable {
        let total = max(content.input.papers.count, 1)
        return TextTable(header: ["#", "name", "papers", "share", "first seen", "degree", "betweenness", "PageRank"],
                         rows: content.top(type, content.input.tableSize).enumerated().map { i, r in
                             ["\(i + 1)", r.name, "\(r.papers)", String(format: "%.1f%%", 100 * Double(r.papers) / Double(total)),
                              content.firstSeen[r.name] ?? "", String(format: "%.0f", r.degree),
                              String(format: "%.1f", r.betweenness), String(format: "%.4f", r.pagerank)]
                         })
    }

    func timeTable() -> TextTable {
        let c = content
        let leaders = c.top(nil, 8)
        return TextTable(header: ["period", "papers"] + leaders.map(\.name), rows: c.periods.map { p in
            ["\(p)", "\(c.papersPerPeriod[p] ?? 0)"] + leaders.map { "\(c.entityPeriodCounts[$0.name]?[p] ?? 0)" }
        })
    }

    func methodNotes() -> String {
        """
        - Entities come from litgraph's catalogue (\(content.input.catalogueSize) methods, benchmarks and datasets with \
        their aliases), matched as whole words on titles and abstracts, plus names the papers introduce themselves \
        (a title's "Name: …", "we propose Name") and acronyms they define.
        - Co-occurrence: two entities are linked by the number of papers naming both. Degree, betweenness \
        (distance 1/papers in common) and PageRank (weighted) are computed with igraph.
        - Maps are laid out by Graphviz sfdp with a fixed seed: the same corpus gives the same picture.
        """
    }
}
