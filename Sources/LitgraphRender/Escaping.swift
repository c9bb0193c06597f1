/// Quotes untrusted text for DOT, so names and titles from records can never break out of an attribute.
public enum DOT {
    /// Returns `text` as a double-quoted DOT string for a text attribute (`label`, `xlabel`, `tooltip`).
    ///
    /// Escapes `\` and `"`, turns every line break into DOT's `\n`, escapes `&` as `&amp;` (Graphviz decodes
    /// HTML entities in text attributes, so a literal `&lt;` must survive as typed), and drops characters that
    /// XML 1.0 forbids so the SVG Graphviz writes from it stays well formed.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": out += "\\n"
            case "\t": out += " "
            default:
                if XML.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// Escapes text for the SVG markup this module writes itself (titles, legend), and for HTML pages.
public enum XML {
    /// Escapes `&`, `<`, `>`, `"` and `'` and drops characters that XML 1.0 forbids.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` in a document (its `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// Fixed-precision number formatting, so coordinates and widths print the same on every machine.
enum Number {
    /// `value` with at most `digits` decimals and no trailing zeros (`1.50` prints as `1.5`, `2.00` as `2`).
    static func format(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let unit = Int(scale)
        var text = String(magnitude / unit)
        let fraction = magnitude % unit
        if fraction != 0 {
            var digitsText = String(fraction)
            digitsText = String(repeating: "0", count: digits - digitsText.count) + digitsText
            while digitsText.hasSuffix("0") { digitsText.removeLast() }
            text += "." + digitsText
        }
        return negative && magnitude != 0 ? "-" + text : text
    }
}
