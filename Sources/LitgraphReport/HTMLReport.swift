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
                           ("datasets", "Datasets"), ("method-benchmark", "Methods × benchmarks"), ("time", "Over time"),
                           ("introduced", "Introduced here"), ("notes", "How this was made")]
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
        body += "<p class=\"note\">The 25 most mentioned methods and 20 most mentioned benchmarks and datasets, "
            + "linked when a paper names both.</p></section>\n"
        body += "<section id=\"time\"><h2>Over time</h2>\n" + timeline() + "</section>\n"
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
        var s = "<b>\(c.input.papers.count)</b> papers"
        if let (a, b) = c.dateRange { s += " (\(HTML.escape(a)) to \(HTML.escape(b)))" }
        s += "; <b>\(c.ranks.count)</b> entities: \(c.count(.method)) methods, \(c.count(.benchmark)) benchmarks, "
            + "\(c.count(.dataset)) datasets; \(c.input.mentions.count) paper–entity mentions.<br>Most used: "
        s += EntityType.allCases.compactMap { t in
            c.top(t, 1).first.map { "\(t.rawValue) <b>\(HTML.escape($0.name))</b> (\($0.papers) papers)" }
        }.joined(separator: "; ")
        return s
    }

    func table(_ t: TextTable, numeric: Set<Int>) -> String {
        var out = "<table><thead><tr>" + t.header.enumerated().map { i, h in
            "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>"
        }.joined() + "</tr></thead><tbody>\n"
        for row in t.rows {
            out += "<tr>" + row.enumerated().map { i, cell in
                "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
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
        .grid td.num{min-width:34px}
        .bars{display:flex;align-items:flex-end;gap:6px;height:170px;margin:12px 0;overflow-x:auto}
        .bar{display:flex;flex-direction:column;align-items:center;justify-content:flex-end;min-width:44px;height:100%}
        .bar i{display:block;width:28px;background:#0072b2;border-radius:2px 2px 0 0}
        .bar span{font-size:12px;color:#333}.bar em{font-style:normal;font-size:11px;color:#555;white-space:nowrap}
        details summary{cursor:pointer;color:#0060a8;margin:6px 0}
        footer{max-width:1180px;margin:0 auto;padding:12px 28px;color:#777;font-size:13px}
        """
}
