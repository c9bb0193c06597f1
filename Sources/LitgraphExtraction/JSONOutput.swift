/// Minimal JSON writing with a fixed key order, so extraction output reads in the documented order
/// (`id`, `title`, `entities`) and is byte-for-byte stable.
public enum JSONText {
    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension PaperEntities {
    /// One JSON Lines record: `{"id", "title", "entities": [{"name", "type", "surface", "introduced", "count",
    /// "role"}]}`.
    public var jsonLine: String {
        let items = entities.map { e in
            "{\"name\":\(JSONText.quoted(e.name)),\"type\":\"\(e.type.rawValue)\",\"surface\":["
                + e.surfaces.map(JSONText.quoted).joined(separator: ",")
                + "],\"introduced\":\(e.introduced),\"count\":\(e.count),\"role\":\"\(e.role.rawValue)\"}"
        }
        return "{\"id\":\(JSONText.quoted(id)),\"title\":\(JSONText.quoted(title)),\"entities\":["
            + items.joined(separator: ",") + "]}"
    }
}
