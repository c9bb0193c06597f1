import CIgraph

/// An igraph call that failed, thrown instead of letting igraph's default handler abort the process.
///
/// `code` and `message` are igraph's error code and its `igraph_strerror` text (for example 7, "Invalid vertex
/// ID"); `reason` is the more specific sentence igraph gave when the check failed, when it gave one.
public struct IgraphError: Error, CustomStringConvertible, Sendable, Equatable {
    /// igraph's numeric error code (`igraph_error_t`), for example 4 for `IGRAPH_EINVAL`.
    public let code: Int
    /// igraph's fixed text for `code`, from `igraph_strerror`.
    public let message: String
    /// The first specific reason igraph reported during the failing call, if any.
    public let reason: String?
    /// The igraph source location (`file:line`) that reported `reason`, if any.
    public let location: String?

    public init(code: Int, message: String, reason: String? = nil, location: String? = nil) {
        self.code = code
        self.message = message
        self.reason = reason
        self.location = location
    }

    init(_ error: igraph_error_t, reason: String?, location: String?) {
        self.init(code: Int(error.rawValue), message: String(cString: igraph_strerror(error)),
                  reason: reason, location: location)
    }

    public var description: String {
        var text = "igraph error \(code) (\(message))"
        if let reason { text += ": \(reason)" }
        if let location { text += " [\(location)]" }
        return text
    }
}
