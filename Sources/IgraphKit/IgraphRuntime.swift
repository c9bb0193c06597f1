import CIgraph
import Foundation

/// The process-wide state every igraph call goes through: one lock and a non-aborting error handler.
///
/// igraph's error handler, its stack of temporaries to free on error, its ARPACK defaults and its default RNG are
/// process globals (this build has `IGRAPH_THREAD_SAFE == 0`), so every call into igraph, including
/// `igraph_destroy`, runs inside `IgraphRuntime.locked`. The handler is installed exactly once, by the lazy
/// initialiser of `lock`, before the first call can take the lock.
enum IgraphRuntime {
    /// What igraph reported during the current locked section, read by `check` to build an `IgraphError`.
    ///
    /// `@unchecked Sendable`: its fields are only touched while `lock` is held (the error handler runs inside
    /// the igraph call that the locked section made, on the same thread).
    final class Report: @unchecked Sendable {
        var depth = 0
        var reason: String?
        var location: String?
    }

    static let report = Report()

    /// Recursive so that an `IgraphGraph` released inside a locked section (its `deinit` locks) cannot deadlock.
    private static let lock: NSRecursiveLock = {
        precondition(IGRAPH_THREAD_SAFE == 0, "IgraphKit assumes igraph keeps its handlers in process globals")
        igraph_set_error_handler(recordingErrorHandler)
        // Warnings (for example "graph is directed and acyclic; eigenvector centralities will be zeros") would
        // otherwise be printed to stderr from library code; the conditions are documented on each method.
        igraph_set_warning_handler(igraph_warning_handler_ignore)
        return NSRecursiveLock()
    }()

    /// Records igraph's first reason, then behaves exactly like `igraph_error_handler_ignore`: frees the
    /// temporaries igraph registered with `IGRAPH_FINALLY` and lets the error code return to the caller.
    ///
    /// igraph calls the handler again at every level the error passes through, with an empty reason, so only
    /// the first non-empty reason of a locked section is kept.
    private static let recordingErrorHandler: @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, igraph_error_t
    ) -> Void = { reason, file, line, code in
        let report = IgraphRuntime.report
        if report.reason == nil, let reason, reason.pointee != 0 {
            report.reason = String(cString: reason)
            if let file { report.location = "\(String(cString: file)):\(line)" }
        }
        igraph_error_handler_ignore(reason, file, line, code)
    }

    /// Runs `body` with the igraph lock held; every igraph call in IgraphKit happens inside one of these.
    static func locked<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        if report.depth == 0 {
            report.reason = nil
            report.location = nil
        }
        report.depth += 1
        defer { report.depth -= 1 }
        return try body()
    }

    /// Turns an igraph return code into a thrown `IgraphError`; call only inside `locked`.
    static func check(_ code: igraph_error_t) throws {
        guard code != IGRAPH_SUCCESS else { return }
        throw IgraphError(code, reason: report.reason, location: report.location)
    }

    /// Throws `IGRAPH_EINVAL` unless there is one weight per edge: some igraph 0.10.2 functions (PageRank with
    /// PRPACK) do not check and would read past the end of a short weight vector.
    static func checkWeightCount(_ weights: [Double]?, edgeCount: Int) throws {
        guard let weights, weights.count != edgeCount else { return }
        throw IgraphError(IGRAPH_EINVAL,
                          reason: "\(weights.count) weights given for \(edgeCount) edges", location: nil)
    }
}

// MARK: - Scoped igraph vectors (call only inside `IgraphRuntime.locked`)

/// Runs `body` with a fresh `igraph_vector_t` holding `values`, destroyed when `body` returns or throws.
func withRealVector<R>(_ values: [Double], _ body: (UnsafeMutablePointer<igraph_vector_t>) throws -> R) throws -> R {
    let vector = UnsafeMutablePointer<igraph_vector_t>.allocate(capacity: 1)
    defer { vector.deallocate() }
    try IgraphRuntime.check(igraph_vector_init(vector, igraph_integer_t(values.count)))
    defer { igraph_vector_destroy(vector) }
    if !values.isEmpty, let storage = vector.pointee.stor_begin {
        values.withUnsafeBufferPointer { storage.update(from: $0.baseAddress!, count: $0.count) }
    }
    return try body(vector)
}

/// Runs `body` with the edge weights as an igraph vector, or `nil` (igraph's "unweighted") when `weights` is nil;
/// throws unless there is exactly one weight per edge of `graph`.
func withWeightVector<R>(
    _ weights: [Double]?, for graph: IgraphGraph, _ body: (UnsafePointer<igraph_vector_t>?) throws -> R
) throws -> R {
    try IgraphRuntime.checkWeightCount(weights, edgeCount: graph.edgeCount)
    guard let values = weights else { return try body(nil) }
    return try withRealVector(values) { try body(UnsafePointer($0)) }
}

/// Runs `body` with a fresh `igraph_vector_int_t` holding `values`, destroyed when `body` returns or throws.
func withIntVector<R>(_ values: [Int], _ body: (UnsafeMutablePointer<igraph_vector_int_t>) throws -> R) throws -> R {
    let vector = UnsafeMutablePointer<igraph_vector_int_t>.allocate(capacity: 1)
    defer { vector.deallocate() }
    try IgraphRuntime.check(igraph_vector_int_init(vector, igraph_integer_t(values.count)))
    defer { igraph_vector_int_destroy(vector) }
    if let storage = vector.pointee.stor_begin {
        for (index, value) in values.enumerated() { storage[index] = igraph_integer_t(value) }
    }
    return try body(vector)
}

/// Runs `fill` on an empty `igraph_vector_t` that igraph resizes, and returns its contents; destroyed either way.
func realVectorResult(_ fill: (UnsafeMutablePointer<igraph_vector_t>) throws -> Void) throws -> [Double] {
    try withRealVector([]) { vector in
        try fill(vector)
        let count = Int(igraph_vector_size(vector))
        guard count > 0, let storage = vector.pointee.stor_begin else { return [] }
        return Array(UnsafeBufferPointer(start: storage, count: count))
    }
}

/// Runs `fill` on an empty `igraph_vector_int_t` that igraph resizes, and returns its contents; destroyed either way.
func intVectorResult(_ fill: (UnsafeMutablePointer<igraph_vector_int_t>) throws -> Void) throws -> [Int] {
    try withIntVector([]) { vector in
        try fill(vector)
        let count = Int(igraph_vector_int_size(vector))
        guard count > 0, let storage = vector.pointee.stor_begin else { return [] }
        return UnsafeBufferPointer(start: storage, count: count).map { Int($0) }
    }
}
