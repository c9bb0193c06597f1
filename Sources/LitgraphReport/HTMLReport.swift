import Foundation
import LitgraphAnalysis
import LitgraphExtraction
import LitgraphRender

/// Escaping for untrusted text in HTML element content and attribute values: the same as for the SVG the
/// page inlines (`&`, `<`, `>`, quotes escaped; characters XML forbids, such as control characters, dropped).
public enum HTML {
    public static func escape(_ s: String) -> String { XML.escaped(s) }
}

/// The report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
struct HTMLReport {
    var content: ReportContent
    var cooccurrenceSVG: String
    var methodBenchmarkSVG: String

    func render() -> String {
        let c = content
        let md = MarkdownReport(content: c)
        var body = "<h1>\(HTML.escape(c.input.title))</h1>\n"
        body += "<p class=\"summary\">\(summaryHTML())</p>\n"
        body += "<nav>" + [("map", "Co-occurrence map"), ("methods", "Methods"), ("benchmarks", "Benchmarks"),
                           ("datasets", "Datasets"), ("method-benchmark", "Methods × benchmarks"), ("clusters", "Clusters"),
                           ("associations", "Associations"), ("time", "Over time"), ("rising", "Rising and fading"),
                           ("bursts", "Bursts"), ("introduced", "Introduced here"), ("notes", "How this was made")]
            .map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ") + "</nav>\n"
        body += "<section id=\"map\"><h2>Co-occurrence map</h2>\n<figure>\(cooccurrenceSVG)</figure>\n"
        body += "<p class=\"note\">The \(min(c.input.mapSize, c.ranks.count)) most mentioned entities. Node size: PageRank "
            + "in the co-occurrence graph; colour and shape: type; a line joins entities named in the same paper, "
            + "wider for more papers. Hover a node for its numbers.</p></section>\n"
        for (type, anchor) in [(EntityType.method, "methods"), (.benchmark, "benchmarks"), (.dataset, "datasets")] {
            body += "<section id=\"\(anchor)\"><h2>Top \(type.rawValue)s</h2>\n" + table(md.rankingTable(type), numeric: [0, 2, 3, 5, 6, 7]) + "</section>\n"
        }
        body += "<section id=\"method-benchmark\"><h2>Methods and what they are evaluated on</h2>\n"
        body += "<figure>\(methodBenchmarkSVG)</figure>\n"
        body += "<p class=\"note\">\(HTML.escape(c.methodBenchmarkText()))</p>\n"
            + table(md.evaluationTable(), numeric: [1]) + "</section>\n"
        body += "<section id=\"clusters\"><h2>Clusters</h2>\n<p class=\"note\">\(HTML.escape(c.clustersText()))</p>\n"
            + (c.listedCommunities.isEmpty ? "" : table(md.clusterTable(), numeric: [0, 1])) + "</section>\n"
        body += "<section id=\"associations\"><h2>Strongest associations</h2>\n"
            + "<p class=\"note\">\(HTML.escape(c.associationsText()))</p>\n"
            + (c.strongestPairs.isEmpty ? "" : table(md.associationTable(), numeric: [0, 3, 4, 5, 6])) + "</section>\n"
        body += "<section id=\"time\"><h2>Over time</h2>\n" + timeline() + "</section>\n"
        body += "<section id=\"rising\"><h2>Rising and fading</h2>\n<p class=\"note\">\(HTML.escape(c.trendWindowText()))</p>\n"
        if !c.quarters.totals.isEmpty {
            // Rising: the two windows and a year before them; fading: from the earliest peak shown.
            let labels = c.quarters.labels, recent = c.trends.recent
            let window = recent.lowerBound...(recent.upperBound - 1)
            func strips(_ trends: ArraySlice<EntityTrend>, from: Int) -> (String, [String]) {
                ("papers per quarter", trends.map { strip($0.name, from: from, highlight: window) })
            }
            func stripNote(from: Int) -> String {
                " The strip shows papers per quarter from \(labels[from]) to \(labels.last!), darker for a larger share "
                    + "of the quarter's papers, the last \(recent.count) underlined; hover a cell for its counts."
            }
            let risingFrom = max(0, c.trends.previous.lowerBound - 4)
            let fadingFrom = c.fadingShown.compactMap { $0.peakStart.flatMap(labels.firstIndex(of:)) }.min() ?? 0
            body += "<h3>Rising</h3>\n<p class=\"note\">\(HTML.escape(c.risingText() + stripNote(from: risingFrom)))</p>\n"
                + (c.risingShown.isEmpty ? "<p>None.</p>\n"
                    : table(md.risingTable(), numeric: [0, 3, 4, 5, 6, 7], extra: strips(c.risingShown, from: risingFrom)))
            body += "<h3>Fading</h3>\n<p class=\"note\">\(HTML.escape(c.fadingText() + stripNote(from: fadingFrom)))</p>\n"
                + (c.fadingShown.isEmpty ? "<p>None.</p>\n"
                    : table(md.fadingTable(), numeric: [0, 3, 5, 6, 7], extra: strips(c.fadingShown, from: fadingFrom)))
        }
        body += "</section>\n"
        body += "<section id=\"bursts\"><h2>Bursts</h2>\n<p class=\"note\">\(HTML.escape(c.burstText()))</p>\n"
        if !c.burstsShown.isEmpty {
            if c.fallbackBursts != nil { body += "<p class=\"caption\">\(HTML.escape(c.fallbackBurstCaption()))</p>\n" }
            let labels = c.quarters.labels
            body += "<p class=\"note\">The strip shows papers per quarter from \(HTML.escape(labels.first!)) to "
                + "\(HTML.escape(labels.last!)), the burst in red; hover a cell for its counts.</p>\n"
            body += table(md.burstTable(), numeric: [0, 5, 6, 7, 8],
                          extra: ("papers per quarter",
                                  c.burstsShown.map { strip($0.name, from: 0, highlight: $0.first...$0.last, burst: true) }))
        }
        body += "</section>\n"
        body += "<section id=\"introduced\"><h2>Introduced in this corpus</h2>\n"
        body += "<p class=\"note\">\(c.introducedBy.count) named methods, benchmarks and datasets that a paper presents as its own.</p>\n"
        body += "<details><summary>Show all</summary>\n" + table(TextTable(header: ["entity", "type", "date", "paper"], rows: c.introducedBy.map {
            [$0.entity, $0.type.rawValue, $0.paper.date ?? "", $0.paper.title]
        }), numeric: []) + "</details></section>\n"
        body += "<section id=\"notes\"><h2>How this was made</h2>\n<ul>"
            + md.methodNotes().split(separator: "\n").map { "<li>" + HTML.escape(String($0.dropFirst(2))) + "</li>" }.joined()
            + "</ul></section>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(c.input.title)) — litgraph report</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            <footer>Made with litgraph.</footer>
            </body>
            </html>

            """
    }

    func summaryHTML() -> String {
        let c = content
        var s = "<b>\(c.papers.count)</b> papers"
        if let (a, b) = c.dateRange { s += " (\(HTML.escape(a)) to \(HTML.escape(b)))" }
        s += "; <b>\(c.ranks.count)</b> entities: \(c.count(.method)) methods, \(c.count(.benchmark)) benchmarks, "
            + "\(c.count(.dataset)) datasets; \(c.mentions.count) paper–entity mentions.<br>Most used: "
        s += EntityType.allCases.compactMap { t in
            c.top(t, 1).first.map { "\(t.rawValue) <b>\(HTML.escape($0.name))</b> (\($0.papers) papers)" }
        }.joined(separator: "; ")
        return s
    }

    /// The table with every cell escaped; `extra` appends a last column of ready-made HTML, one cell per row.
    func table(_ t: TextTable, numeric: Set<Int>, extra: (header: String, cells: [String])? = nil) -> String {
        var out = "<table><thead><tr>" + t.header.enumerated().map { i, h in
            "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>"
        }.joined() + (extra.map { "<th>\(HTML.escape($0.header))</th>" } ?? "") + "</tr></thead><tbody>\n"
        for (r, row) in t.rows.enumerated() {
            out += "<tr>" + row.enumerated().map { i, cell in
                "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(cell))</td>"
            }.joined() + (extra.map { "<td>\($0.cells[r])</td>" } ?? "") + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// One entity's papers per quarter from slice `from` on, as a row of cells shaded by its share of the quarter's
    /// papers (full colour at 20%), underlined in `highlight`; with `burst`, highlighted cells are red. Each cell's
    /// title gives the quarter and the counts.
    func strip(_ name: String, from: Int, highlight: ClosedRange<Int>, burst: Bool = false) -> String {
        let q = content.quarters
        guard let series = q.series(named: name) else { return "" }
        let labels = q.labels
        var out = "<span class=\"strip\">"
        for t in from..<q.totals.count {
            let n = series.counts[t], total = q.totals[t], marked = highlight.contains(t)
            var style = ""
            if n > 0 {
                let alpha = 0.3 + 0.7 * min(Double(n) / Double(total) / 0.2, 1)
                style = " style=\"background:rgba(\(burst && marked ? "213,94,0" : "0,114,178"),\(String(format: "%.2f", alpha)))\""
            }
            out += "<i\(marked ? " class=\"h\"" : "")\(style) title=\"\(HTML.escape(labels[t])): \(n) of \(total) papers\"></i>"
        }
        return out + "</span>"
    }

    /// Papers per half-year as bars, then the leading entities' papers per half-year as a shaded grid.
    func timeline() -> String {
        let c = content
        guard !c.periods.isEmpty else { return "<p class=\"note\">No paper has a date.</p>\n" }
        let maxCount = max(c.periods.map { c.papersPerPeriod[$0] ?? 0 }.max() ?? 1, 1)
        var out = "<div class=\"bars\">"
        for p in c.periods {
            let n = c.papersPerPeriod[p] ?? 0
            let height = Int((Double(n) / Double(maxCount) * 120).rounded())
            out += "<div class=\"bar\" title=\"\(HTML.escape(p)): \(n) papers\"><span>\(n)</span>"
                + "<i style=\"height:\(height)px\"></i><em>\(HTML.escape(p))</em></div>"
        }
        out += "</div>\n"
        if c.undated > 0 { out += "<p class=\"note\">\(c.undated) undated paper\(c.undated == 1 ? " is" : "s are") not shown.</p>\n" }
        let leaders = c.top(nil, 12)
        out += "<table class=\"grid\"><thead><tr><th>entity</th>" + c.periods.map { "<th class=\"num\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in leaders {
            let counts = c.periods.map { c.entityPeriodCounts[r.name]?[$0] ?? 0 }
            let top = max(counts.max() ?? 1, 1)
            out += "<tr><td>\(HTML.escape(r.name))</td>" + counts.map { n in
                let alpha = n == 0 ? 0 : 0.15 + 0.85 * Double(n) / Double(top)
                return "<td class=\"num\" style=\"background:rgba(0,114,178,\(String(format: "%.2f", alpha)))\">\(n == 0 ? "" : "\(n)")</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static let css = """
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fafafa}
        main{max-width:1180px;margin:0 auto;padding:24px 28px 48px;background:#fff}
        h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin:36px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .summary{font-size:16px;color:#333}.note{color:#555;font-size:14px}
        nav{margin:12px 0 8px;font-size:14px}nav a{color:#0060a8;text-decoration:none}
        figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto;display:block;margin:0 auto}
        table{border-collapse:collapse;margin:8px 0;font-size:14px;width:100%}
        th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
        th{background:#f3f3f3;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
        td.num{white-space:nowrap}
        .grid td.num{min-width:34px}
        .bars{display:flex;align-items:flex-end;gap:6px;height:170px;margin:12px 0;overflow-x:auto}
        .bar{display:flex;flex-direction:column;align-items:center;justify-content:flex-end;min-width:44px;height:100%}
        .bar i{display:block;width:28px;background:#0072b2;border-radius:2px 2px 0 0}
        .bar span{font-size:12px;color:#333}.bar em{font-style:normal;font-size:11px;color:#555;white-space:nowrap}
        details summary{cursor:pointer;color:#0060a8;margin:6px 0}
        h3{font-size:17px;margin:20px 0 4px}.caption{font-weight:600;margin:10px 0 4px}
        .strip{display:inline-flex;gap:1px;vertical-align:middle}
        .strip i{display:block;width:10px;height:18px;background:#f1f1f1;border-bottom:2px solid #ddd}
        .strip i.h{border-bottom-color:#D55E00}
        footer{max-width:1180px;margin:0 auto;padding:12px 28px;color:#777;font-size:13px}
        """
}
