import Foundation

/// Rows of text cells written as an aligned text table, CSV (RFC 4180) or a Markdown table, each with the
/// escaping its format needs.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// Columns padded to their widest cell (by character count); cells are cut to `maxWidth` with "…".
    public func text(maxWidth: Int = 90) -> String {
        let cut = ([header] + rows).map { $0.map { cell -> String in
            let flat = cell.replacingOccurrences(of: "\n", with: " ")
            return flat.count > maxWidth ? String(flat.prefix(maxWidth - 1)) + "…" : flat
        } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cut { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        let rule = widths.enumerated().map { i, w in String(repeating: "-", count: i == widths.count - 1 ? max(w, 1) : w) }
            .joined(separator: "  ")
        return ([line(cut[0]), rule] + cut.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
    public func csv() -> String {
        ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A GitHub-flavoured Markdown table; `|`, `\`, `<`, `>`, `&` and line breaks in cells are escaped.
    public func markdown() -> String {
        func line(_ row: [String]) -> String { "| " + row.map(Markdown.cell).joined(separator: " | ") + " |" }
        return ([line(header), "|" + header.map { _ in " --- " }.joined(separator: "|") + "|"] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}

/// Escaping for untrusted text in Markdown.
public enum Markdown {
    /// Text safe inside a table cell: no HTML, no cell breaks, no line breaks, Markdown punctuation escaped.
    public static func cell(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "*", "_", "`", "[", "]": out += "\\" + String(ch)
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
