import CGraphviz
import Foundation

/// Lays out and renders DOT graphs with libgvc in process, so rendering never shells out to the `dot` binary.
///
/// Graphviz 2.43 keeps global state (the error log, the random seed, the text-layout plugin) and frees its
/// context unsafely, so this wrapper keeps one process-wide `GVC_t` that is never freed and runs every
/// Graphviz call behind one lock. Every graph it parses is closed before the lock is released.
///
/// The same DOT renders to the same bytes on every call with dot, neato and sfdp (seed sfdp and neato with
/// the graph's `start` attribute). Two things in Graphviz 2.43 still remember earlier layouts in the process
/// and so are not byte-stable: fdp's positions and routed splines (`splines=true`); avoid them where output
/// must be reproducible. Avoid `splines=curved` too: 2.43 enumerates every path of the graph for each edge,
/// which takes minutes on a 30-node graph with many cycles.
public enum Graphviz {
    /// A Graphviz layout engine, named as `gvLayout` expects.
    public enum Layout: String, Sendable, CaseIterable {
        case dot, neato, fdp, sfdp, circo, twopi, osage, patchwork
    }

    /// Renders DOT source to text output (SVG by default), turning Graphviz's parse and layout errors into a
    /// thrown `GraphvizError`.
    public static func render(dot: String, layout: Layout = .sfdp, format: String = "svg") throws -> String {
        let bytes = try renderData(dot: dot, layout: layout, format: format)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Renders DOT source to raw bytes, for binary formats such as `png` as well as text formats.
    public static func renderData(dot: String, layout: Layout = .sfdp, format: String = "svg") throws -> [UInt8] {
        try Context.shared.locked { gvc in
            let graph = try parse(dot)
            defer { agclose(graph) }
            agreseterrors()
            resetRandomState()
            guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
                throw GraphvizError.layout(lastMessage() ?? "layout \(layout.rawValue) failed")
            }
            defer { gvFreeLayout(gvc, graph) }
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(gvc, graph, format, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw GraphvizError.render(lastMessage() ?? "rendering to \(format) failed")
            }
            return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }

    /// Checks that DOT source parses, throwing Graphviz's message if it does not, without laying it out.
    public static func validate(dot: String) throws {
        try Context.shared.locked { _ in
            let graph = try parse(dot)
            agclose(graph)
        }
    }

    /// The version of the linked Graphviz library, for reports and bug triage.
    public static var version: String {
        let text = try? Context.shared.locked { gvc in gvcVersion(gvc).map { String(cString: $0) } }
        return text.flatMap { $0 } ?? "unknown"
    }

    /// Parses the first graph in DOT into a graph the caller must `agclose`; call only with the lock held.
    private static func parse(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
        agreseterrors()
        // The lexer's buffer and line counter are global: drop input left over from the previous parse (which
        // would otherwise be parsed instead of `dot`) and count lines from 1.
        litgraph_ag_flush_lexer()
        agsetfile(nil)
        agreadline(1)
        let parsed = agmemread(dot)
        litgraph_ag_flush_lexer()
        guard let graph = parsed else {
            throw GraphvizError.syntax(lastMessage() ?? "no graph found in the DOT source")
        }
        if agerrors() >= Int32(AGERR.rawValue) {
            let message = lastMessage() ?? "the DOT source has errors"
            agclose(graph)
            throw GraphvizError.syntax(message)
        }
        return graph
    }

    /// Puts libc's `rand` and `drand48` generators back in their start-of-process state before a layout.
    ///
    /// Graphviz 2.43 seeds its layouts from the graph's `start` attribute, but sfdp's multilevel coarsening
    /// and fdp draw from these process-wide generators before or outside that seed, so without the reset a
    /// layout would depend on which layouts ran earlier in the process. The values are glibc's initial states
    /// (`srand(1)`, and `drand48`'s 0x1234ABCD330E), so every layout matches a fresh process's first one.
    private static func resetRandomState() {
        srand(1)
        srand48(0x1234_ABCD)
    }

    /// Reads and frees Graphviz's last logged message if one was logged since `agreseterrors`; lock held.
    private static func lastMessage() -> String? {
        guard agerrors() > 0, let raw = aglasterr() else { return nil }
        defer { free(raw) }
        let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// An error reported by Graphviz, carrying Graphviz's own message.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The DOT source did not parse.
    case syntax(String)
    /// The layout engine failed on the graph.
    case layout(String)
    /// The renderer failed, for example on an unknown output format.
    case render(String)
    /// libgvc could not create its context.
    case unavailable

    /// Graphviz's message.
    public var message: String {
        switch self {
        case .syntax(let text), .layout(let text), .render(let text): text
        case .unavailable: "Graphviz could not create a context"
        }
    }

    public var description: String {
        switch self {
        case .syntax: "Graphviz syntax error: \(message)"
        case .layout: "Graphviz layout error: \(message)"
        case .render: "Graphviz render error: \(message)"
        case .unavailable: message
        }
    }
}

/// The one process-wide Graphviz context and the lock that serializes every Graphviz call.
///
/// The context is never freed: Graphviz 2.43 leaks per context and its text-layout plugin keeps a dangling
/// pointer after `gvFreeContext`, so a second context reads freed memory.
private final class Context: @unchecked Sendable {
    static let shared = Context()

    private let lock = NSLock()
    private let gvc: OpaquePointer?

    private init() {
        gvc = gvContext()
        // Keep messages out of stderr and in Graphviz's log, where `aglasterr` reads them.
        _ = agseterr(AGMAX)
    }

    /// Runs `body` with the context while holding the lock; every Graphviz call goes through here.
    func locked<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let gvc else { throw GraphvizError.unavailable }
        _ = agseterr(AGMAX)
        return try body(gvc)
    }
}
