import Foundation

/// Turns Graphviz's SVG of a map into the final document: hover titles with full names instead of the
/// synthetic node names, a heading and legend above the drawing, and no prolog, DOCTYPE or comments.
struct SVGComposer {
    let plan: Plan

    static let fontFamily = "Helvetica,Arial,sans-serif"
    static let padding = 14.0
    static let minimumWidth = 540.0

    /// A failure to find the structure Graphviz's SVG renderer always writes.
    struct UnexpectedSVG: Error, CustomStringConvertible {
        var description: String
    }

    func compose(graphvizSVG raw: String) throws -> String {
        guard let open = raw.range(of: "<svg"),
              let tagEnd = raw[open.upperBound...].firstIndex(of: ">"),
              let close = raw.range(of: "</svg>", options: .backwards) else {
            throw UnexpectedSVG(description: "Graphviz output has no <svg> element")
        }
        let startTag = raw[open.lowerBound...tagEnd]
        guard let viewBox = Self.attribute("viewBox", in: startTag) else {
            throw UnexpectedSVG(description: "Graphviz output has no viewBox")
        }
        let box = viewBox.split(separator: " ").compactMap { Double($0) }
        guard box.count == 4 else { throw UnexpectedSVG(description: "unreadable viewBox \(viewBox)") }
        let graphWidth = box[2]
        let graphHeight = box[3]

        let body = retitled(raw[raw.index(after: tagEnd)..<close.lowerBound])

        let width = max(graphWidth, Self.minimumWidth).rounded(.up)
        let legend = Legend(plan: plan, width: width)
        let height = (legend.height + graphHeight).rounded(.up)
        let dx = ((width - graphWidth) / 2).rounded()
        let f = Number.format
        let prefix = plan.prefix

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        out += "width=\"\(f(width, 0))pt\" height=\"\(f(height, 0))pt\" "
        out += "viewBox=\"0 0 \(f(width, 0)) \(f(height, 0))\" style=\"max-width:100%;height:auto\" role=\"img\" aria-labelledby=\"\(prefix)_title\">\n"
        out += "<title id=\"\(prefix)_title\">\(XML.escaped(plan.map.title))</title>\n"
        out += "<rect width=\"\(f(width, 0))\" height=\"\(f(height, 0))\" fill=\"white\"/>\n"
        out += legend.svg
        out += "<g id=\"\(prefix)_drawing\" transform=\"translate(\(f(dx, 2)) \(f(legend.height, 2)))\">\n"
        out += body
        out += "</g>\n</svg>\n"
        return out
    }

    /// Graphviz's element body with comments dropped and each node's, edge's and the graph's `<title>`
    /// replaced by its escaped hover text.
    private func retitled(_ body: Substring) -> String {
        var titles: [String: String] = [plan.prefix: plan.map.title]
        for node in plan.nodes { titles[node.svgID] = plan.title(of: node) }
        for (i, edge) in plan.edges.enumerated() { titles["\(plan.prefix)_e\(i)"] = plan.title(of: edge) }

        var out = ""
        var group: String?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<!--") && line.hasSuffix("-->") { continue }
            if line.hasPrefix("<g id=\"") {
                group = Self.attribute("id", in: line)
            } else if line.hasPrefix("<title>"), line.hasSuffix("</title>"), let id = group {
                group = nil
                if let title = titles[id] {
                    out += "<title>\(XML.escaped(title))</title>\n"
                    continue
                }
            }
            if !line.isEmpty { out += line + "\n" }
        }
        return out
    }

    /// The value of `name="…"` in a start tag, as written.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }
}

/// The heading and key drawn above a map: the title, one swatch per category present, and what node size and
/// line width mean, flowed into rows that fit the map's width.
struct Legend {
    private(set) var svg = ""
    private(set) var height = 0.0

    private static let textSize = 12.5
    private static let titleSize = 17.0
    private static let rowHeight = 26.0
    private static let itemGap = 22.0

    init(plan: Plan, width: Double) {
        let f = Number.format
        let pad = SVGComposer.padding
        var parts: [String] = []
        var y = pad
        let title = plan.map.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if !title.isEmpty {
            let line = Legend.fitted(title.replacingOccurrences(of: "\n", with: " "),
                                     size: Legend.titleSize, bold: true, width: width - 2 * pad)
            y += Legend.titleSize
            parts.append("<text x=\"\(f(pad, 2))\" y=\"\(f(y, 2))\" font-size=\"\(f(Legend.titleSize, 2))\" "
                + "font-weight=\"bold\" fill=\"#111111\">\(XML.escaped(line))</text>")
            y += 8
        }

        var items: [(width: Double, draw: (Double, Double) -> String)] = []
        for style in plan.usedStyles {
            items.append(Legend.item(swatchWidth: 30, text: style.name, maxWidth: width - 2 * pad) { x, cy in
                Legend.swatch(style, x: x, cy: cy)
            })
        }
        if !plan.nodes.isEmpty {
            items.append(Legend.item(swatchWidth: 40, text: "Node size: \(plan.map.sizeMeaning)",
                                     maxWidth: width - 2 * pad) { x, cy in
                "<ellipse cx=\"\(f(x + 7, 2))\" cy=\"\(f(cy, 2))\" rx=\"7\" ry=\"5\" fill=\"#E6E6E6\" "
                    + "stroke=\"#333333\" stroke-width=\"0.8\"/>"
                    + "<ellipse cx=\"\(f(x + 27, 2))\" cy=\"\(f(cy, 2))\" rx=\"13\" ry=\"10\" fill=\"#E6E6E6\" "
                    + "stroke=\"#333333\" stroke-width=\"0.8\"/>"
            })
        }
        if !plan.edges.isEmpty {
            let low = plan.weightRange.lowerBound
            let high = plan.weightRange.upperBound
            let range = low == high ? Number.format(high) : "\(Number.format(low))–\(Number.format(high))"
            items.append(Legend.item(swatchWidth: 44, text: "Line width: \(plan.map.weightMeaning) (\(range))",
                                     maxWidth: width - 2 * pad) { x, cy in
                (low == high ? [(high, cy)] : [(low, cy - 5), (high, cy + 4)]).map { weight, ly in
                    let s = plan.strength(weight)
                    return "<line x1=\"\(f(x, 2))\" y1=\"\(f(ly, 2))\" x2=\"\(f(x + 44, 2))\" y2=\"\(f(ly, 2))\" "
                        + "stroke=\"\(Plan.edgeColour)\" stroke-opacity=\"\(f(Double(Int(Plan.edgeAlpha(strength: s), radix: 16) ?? 255) / 255, 3))\" "
                        + "stroke-width=\"\(f(Plan.edgeWidth(strength: s), 2))\"/>"
                }.joined()
            })
        }

        var x = pad
        var rowTop = y
        for item in items {
            if x > pad, x + item.width > width - pad {
                x = pad
                rowTop += Legend.rowHeight
            }
            parts.append(item.draw(x, rowTop + Legend.rowHeight / 2))
            x += item.width + Legend.itemGap
        }
        if !items.isEmpty { y = rowTop + Legend.rowHeight }
        y += 6
        parts.append("<line x1=\"\(f(pad, 2))\" y1=\"\(f(y, 2))\" x2=\"\(f(width - pad, 2))\" y2=\"\(f(y, 2))\" "
            + "stroke=\"#DDDDDD\" stroke-width=\"1\"/>")
        height = (y + 4).rounded(.up)
        svg = "<g id=\"\(plan.prefix)_legend\" class=\"legend\" font-family=\"\(SVGComposer.fontFamily)\">\n"
            + parts.joined(separator: "\n") + "\n</g>\n"
    }

    /// One legend entry: a drawn sample `swatchWidth` wide, then its text, cut to fit `maxWidth`.
    private static func item(swatchWidth: Double, text: String, maxWidth: Double,
                             swatch: @escaping (Double, Double) -> String)
        -> (width: Double, draw: (Double, Double) -> String) {
        let line = fitted(text.replacingOccurrences(of: "\n", with: " "), size: textSize, bold: false,
                          width: maxWidth - swatchWidth - 6)
        let width = swatchWidth + 6 + TextMetrics.width(line, size: textSize)
        return (width, { x, cy in
            let f = Number.format
            return swatch(x, cy) + "<text x=\"\(f(x + swatchWidth + 6, 2))\" y=\"\(f(cy + 4.3, 2))\" "
                + "font-size=\"\(f(textSize, 2))\" fill=\"#222222\">\(XML.escaped(line))</text>"
        })
    }

    /// `text` cut with an ellipsis so its estimated width fits `width`.
    private static func fitted(_ text: String, size: Double, bold: Bool, width: Double) -> String {
        guard TextMetrics.width(text, size: size, bold: bold) > width else { return text }
        var cut = text
        while !cut.isEmpty, TextMetrics.width(cut + "…", size: size, bold: bold) > width { cut.removeLast() }
        return cut + "…"
    }

    /// A small drawing of a category's node outline and colour, centred vertically on `cy`.
    private static func swatch(_ style: MapCategory, x: Double, cy: Double) -> String {
        let f = Number.format
        let paint = "fill=\"\(style.safeFill)\" stroke=\"#333333\" stroke-width=\"0.8\""
        let (w, h) = (30.0, 16.0)
        let top = cy - h / 2
        switch style.shape {
        case .ellipse:
            return "<ellipse cx=\"\(f(x + w / 2, 2))\" cy=\"\(f(cy, 2))\" rx=\"\(f(w / 2, 2))\" ry=\"\(f(h / 2, 2))\" \(paint)/>"
        case .box, .roundedBox:
            let r = style.shape == .roundedBox ? " rx=\"4\"" : ""
            return "<rect x=\"\(f(x, 2))\" y=\"\(f(top, 2))\" width=\"\(f(w, 2))\" height=\"\(f(h, 2))\"\(r) \(paint)/>"
        case .cylinder:
            let ry = 3.0
            let path = "M\(f(x, 2)),\(f(top + ry, 2)) A\(f(w / 2, 2)),\(f(ry, 2)) 0 0 1 \(f(x + w, 2)),\(f(top + ry, 2)) "
                + "V\(f(top + h - ry, 2)) A\(f(w / 2, 2)),\(f(ry, 2)) 0 0 1 \(f(x, 2)),\(f(top + h - ry, 2)) Z "
                + "M\(f(x, 2)),\(f(top + ry, 2)) A\(f(w / 2, 2)),\(f(ry, 2)) 0 0 0 \(f(x + w, 2)),\(f(top + ry, 2))"
            return "<path d=\"\(path)\" \(paint)/>"
        case .hexagon, .octagon:
            let inset = style.shape == .hexagon ? 7.0 : 5.0
            let points: [(Double, Double)] = style.shape == .hexagon
                ? [(x + inset, top), (x + w - inset, top), (x + w, cy), (x + w - inset, top + h), (x + inset, top + h), (x, cy)]
                : [(x + inset, top), (x + w - inset, top), (x + w, top + inset), (x + w, top + h - inset),
                   (x + w - inset, top + h), (x + inset, top + h), (x, top + h - inset), (x, top + inset)]
            let list = points.map { "\(f($0.0, 2)),\(f($0.1, 2))" }.joined(separator: " ")
            return "<polygon points=\"\(list)\" \(paint)/>"
        }
    }
}

/// Approximate advance widths of Helvetica-like sans-serif text, enough to flow the legend without overlap.
enum TextMetrics {
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ": em += 0.28
            case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", "I": em += 0.26
            case "f", "t", "r", "(", ")", "-", "[", "]": em += 0.36
            case "m", "w", "M", "W", "@": em += 0.88
            case "A"..."Z": em += 0.70
            case "0"..."9", "a"..."z": em += 0.57
            default:
                em += scalar.value >= 0x2E80 ? 1.0 : 0.62  // CJK and later blocks are full width
            }
        }
        return em * size * (bold ? 1.08 : 1.0)
    }
}
