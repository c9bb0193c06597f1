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
        out += c.methodBenchmarkText() + "\n\n" + evaluationTable().markdown() + "\n"
        out += "## Clusters\n\n" + c.clustersText() + "\n\n"
        if !c.listedCommunities.isEmpty { out += clusterTable().markdown() + "\n" }
        out += "## Strongest associations\n\n" + c.associationsText() + "\n\n"
        if !c.strongestPairs.isEmpty { out += associationTable().markdown() + "\n" }
        out += "## Over time\n\n" + timeTable().markdown() + "\n"
        if c.undated > 0 { out += "\(c.undated) paper\(c.undated == 1 ? " has" : "s have") no date and \(c.undated == 1 ? "is" : "are") not counted above.\n\n" }
        out += "## Rising and fading\n\n" + c.trendWindowText() + "\n\n"
        if !c.quarters.totals.isEmpty {
            out += "**Rising.** " + c.risingText() + "\n\n"
            out += (c.risingShown.isEmpty ? "None.\n" : risingTable().markdown()) + "\n"
            out += "**Fading.** " + c.fadingText() + "\n\n"
            out += (c.fadingShown.isEmpty ? "None.\n" : fadingTable().markdown()) + "\n"
        }
        out += "## Bursts\n\n" + c.burstText() + "\n\n"
        if !c.burstsShown.isEmpty {
            if c.fallbackBursts != nil { out += "**" + c.fallbackBurstCaption() + "**\n\n" }
            out += burstTable().markdown() + "\n"
        }
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
        var s = "\(c.papers.count) papers"
        if let (a, b) = c.dateRange { s += " (\(a) to \(b))" }
        s += "; \(c.ranks.count) entities: \(c.count(.method)) methods, \(c.count(.benchmark)) benchmarks, "
            + "\(c.count(.dataset)) datasets; \(c.mentions.count) paper–entity mentions."
        let leaders = EntityType.allCases.compactMap { t in c.top(t, 1).first.map { "\(t.rawValue): **\(Markdown.cell($0.name))** (\($0.papers) papers)" } }
        return s + "\n\nMost used — " + leaders.joined(separator: "; ") + "."
    }

    func rankingTable(_ type: EntityType) -> TextTable {
        let total = max(content.papers.count, 1)
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

    /// Methods of the method–benchmark graph with the benchmarks and datasets they are evaluated on.
    func evaluationTable() -> TextTable {
        TextTable(header: ["method", "papers", "evaluated on (papers)"],
                  rows: content.methodEvaluations.prefix(ReportParameters.evaluationRows).map { m in
                      [m.method, "\(m.papers)", content.targetList(m)]
                  })
    }

    func clusterTable() -> TextTable {
        let c = content
        return TextTable(header: ["#", "size", "label (top \(ReportParameters.communityLabelSize) by PageRank)",
                                  "members (top \(ReportParameters.communityMembersShown) by PageRank)"],
                         rows: c.listedCommunities.enumerated().map { i, community in
                             ["\(i + 1)", "\(community.members.count)", community.label.joined(separator: "; "),
                              c.memberList(community)]
                         })
    }

    func associationTable() -> TextTable {
        let c = content
        return TextTable(header: ["#", "entity", "entity", "papers together", "papers each", "association strength", "Jaccard"],
                         rows: c.strongestPairs.enumerated().map { i, p in
                             ["\(i + 1)", c.associations.entities[p.a].name, c.associations.entities[p.b].name, "\(p.count)",
                              "\(p.papersA) / \(p.papersB)", ReportContent.fixed(p.association, 2),
                              ReportContent.fixed(p.jaccard, 3)]
                         })
    }

    func risingTable() -> TextTable {
        TextTable(header: ["#", "name", "type", "papers then", "papers now", "share then", "share now", "change",
                           "first seen", "new"],
                  rows: content.risingShown.enumerated().map { i, t in
                      ["\(i + 1)", t.name, t.type.rawValue, "\(t.previousPapers)", "\(t.recentPapers)",
                       ReportContent.percent(t.previousShare), ReportContent.percent(t.recentShare),
                       ReportContent.points(t.change), t.firstSlice, t.isNew ? "new" : ""]
                  })
    }

    func fadingTable() -> TextTable {
        TextTable(header: ["#", "name", "type", "papers", "peak from", "papers at peak", "peak share", "share now",
                           "last seen"],
                  rows: content.fadingShown.enumerated().map { i, t in
                      ["\(i + 1)", t.name, t.type.rawValue, "\(t.papers)", t.peakStart ?? "", "\(t.peakPapers)",
                       ReportContent.percent(t.peakShare), ReportContent.percent(t.recentShare), t.lastSlice]
                  })
    }

    func burstTable() -> TextTable {
        TextTable(header: ["#", "name", "type", "start", "end", "quarters", "strength", "papers in burst", "papers"],
                  rows: content.burstsShown.enumerated().map { i, b in
                      ["\(i + 1)", b.name, b.type.rawValue, b.start, b.end, "\(b.last - b.first + 1)",
                       ReportContent.fixed(b.strength, 2), "\(b.papers)", "\(b.totalPapers)"]
                  })
    }

    func methodNotes() -> String {
        """
        - Entities come from litgraph's catalogue (\(content.input.catalogueSize) methods, benchmarks and datasets with \
        their aliases), matched as whole words on titles and abstracts, plus names the papers introduce themselves \
        (a title's "Name: …", "we propose Name") and acronyms they define.
        - Co-occurrence: two entities are linked by the number of papers naming both. Degree, betweenness \
        (distance 1/papers in common) and PageRank (weighted) are computed with igraph.
        - Method–benchmark map: a method and a benchmark or dataset are linked when one paper names both as \
        introduced, used or compared (a bare mention does not count); the weight is the number of such papers.
        - Rising and fading: papers per quarter; the last \(ReportParameters.trends.window) quarters against the \
        \(ReportParameters.trends.window) before. Share = the entity's papers / dated papers in the window; change \
        = share now − share then, in percentage points. Rising: at least \(ReportParameters.trends.minPapers) \
        papers now and a positive change ("new" = first seen in the last \(ReportParameters.trends.window) \
        quarters). Fading: at least \(ReportParameters.trends.minPapers) papers in its best \
        \(ReportParameters.trends.window)-quarter window before, and a share now at most \
        \(ReportContent.fixed(ReportParameters.trends.fadeRatio, 1)) × that peak share.
        - Bursts: Kleinberg's two-state model (KDD 2002) on papers per quarter, as CiteSpace reports it: the \
        burst state's rate is s × the entity's base rate, entering it costs γ · ln(quarters); s = \
        \(ReportContent.fixed(ReportParameters.bursts.s, 0)), γ = \(ReportContent.fixed(ReportParameters.bursts.gamma, 0)) \
        (s = \(ReportContent.fixed(ReportParameters.fallbackBursts.s, 0)) only where the defaults find none, and \
        then labelled). Strength = how much better the burst state explains the run than the base rate.
        - Clusters: Leiden (Traag, Waltman & van Eck 2019) maximising modularity at resolution 1 with seed \
        \(ReportParameters.communitySeed) on the co-occurrence graph weighted by papers in common; each cluster of \
        at least \(ReportParameters.communityMinSize) entities is labelled by its \
        \(ReportParameters.communityLabelSize) members of highest weighted PageRank.
        - Strongest associations: the pairs named together in the most papers (at least \
        \(ReportParameters.associationMinCount)); association strength (probabilistic) = N·c_ij/(c_ii·c_jj), \
        1 when two entities meet as often as chance would have them; Jaccard = c_ij/(c_ii + c_jj − c_ij).
        - Maps are laid out by Graphviz sfdp with a fixed seed: the same corpus gives the same picture.
        """
    }
}
