import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LitgraphAnalysis
import LitgraphCorpus
import LitgraphExtraction
import LitgraphStore

/// `litgraph bench analysis`: times each analysis stage on a large corpus — extraction, co-occurrence counting,
/// PageRank, betweenness, Leiden — with the peak memory of each, and writes the mentions and the co-occurrence
/// graph so `scripts/bench_analysis_networkx.py` can do the same work with networkx in the same run.
struct BenchAnalysis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Time extraction, co-occurrence counting, PageRank, betweenness and Leiden on a large corpus.",
        discussion: """
            Papers come from a litgraph database (--db: its stored mentions, as `top` and `report` read them), \
            from a corpus file (--corpus: read, then extracted as `ingest` does, corpus-wide), or by default \
            are generated in memory: the same papers `litgraph bench corpus --papers N --seed S` writes, \
            without the JSON round trip. Prints one line per phase: "bench tool=litgraph phase=NAME seconds= \
            rss_start_mib= peak_rss_mib= peak_scope=". peak_rss_mib is the process's VmHWM at the end of the phase after \
            resetting it at the start (writing 5 to /proc/self/clear_refs), so it is the phase's peak including \
            what the process already holds (peak_scope=phase); where that reset is unavailable it is the peak \
            since the process started (peak_scope=process). Measures are weighted as `top` computes them: \
            PageRank with co-occurrence counts as weights, betweenness with lengths 1 / count, Leiden \
            (modularity, weighted) with --leiden-seed. scripts/bench-analysis runs this beside networkx.
            """)

    @Option(help: "Number of papers to generate (ignored with --db or --corpus).")
    var papers: Int = 1_000_000
    @Option(help: "Seed of the generator (SplitMix64), as for `bench corpus`.")
    var seed: UInt64 = 1
    @Option(help: "The listing whose titles and sentences are resampled.")
    var source: String = "corpus/visual-rl-trending.txt"
    @Option(help: "Read and extract this corpus file (.txt listing, .jsonl, .csv) instead of generating one.")
    var corpus: String?
    @Option(help: "Use the mentions stored in this litgraph database instead of extracting.")
    var db: String?
    @Option(help: "Seed of Leiden's random choices.")
    var leidenSeed: UInt64 = 1
    @Option(help: ArgumentHelp("Write the mentions (paper, entity), one a line, tab-separated with \\\\, \\t, "
        + "\\n and \\r escaped.", valueName: "file"))
    var mentionsOut: String?
    @Option(help: ArgumentHelp("Write the co-occurrence graph and its Leiden partition as JSON (nodes, edges "
        + "by entity name, leiden).", valueName: "file"))
    var graphOut: String?

    func validate() throws {
        guard papers > 0 else { throw ValidationError("--papers must be positive") }
        guard db == nil || corpus == nil else { throw ValidationError("give --db or --corpus, not both") }
    }

    func run() throws {
        try reportingErrors {
            emit("bench info=machine cores=\(ProcessInfo.processInfo.activeProcessorCount) "
                + "peak_scope=\(PeakMemory.resetsPerPhase ? "phase" : "process")")
            let mentions = try loadMentions()
            // The papers are freed by now; hand their pages back so later phases' peaks are not the papers'.
            PeakMemory.releaseFreedPages()
            guard !mentions.isEmpty else { throw UserError("no mentions to analyse") }
            emit("bench info=mentions count=\(mentions.count) papers_with_mentions=\(Set(mentions.map(\.paper)).count)")
            if let mentionsOut { try Self.writeMentions(mentions, to: mentionsOut) }

            let cooccurrence = Phase.run("cooccurrence") { CooccurrenceGraph(mentions: mentions) }
            let graph = cooccurrence.graph
            emit("bench info=graph nodes=\(graph.nodeCount) edges=\(graph.edges.count) "
                + "isolated=\(graph.nodeCount - Set(graph.edges.flatMap { [$0.source, $0.target] }).count)")
            let pagerank = try Phase.run("pagerank") { try centrality(.pagerank, of: graph, weighted: true) }
            let betweenness = try Phase.run("betweenness") { try centrality(.betweenness, of: graph, weighted: true) }
            let partition = try Phase.run("leiden") {
                try communities(of: graph, weighted: true, seed: leidenSeed)
            }
            emit("bench info=results pagerank_sum=\(pagerank.reduce(0, +)) betweenness_max=\(betweenness.max() ?? 0) "
                + "leiden_communities=\(partition.count) leiden_modularity=\(partition.modularity)")
            if let graphOut { try Self.writeGraph(cooccurrence, partition: partition, seed: leidenSeed, to: graphOut) }
        }
    }

    /// The mentions to analyse, from the database, a corpus file, or papers generated in memory; extraction
    /// and generation are timed as phases of their own, and the papers are released before counting starts.
    func loadMentions() throws -> [Mention] {
        if let db {
            // Store(path:) would create a missing database; an empty one has nothing to time.
            guard FileManager.default.fileExists(atPath: db) else { throw UserError("\(db): no such database") }
            let store = try Store(path: db)
            return try Phase.run("load-db") { try store.mentions().map(\.analysisMention) }
        }
        let extractor = Extractor(catalogue: try Catalogue.shipped())
        let records: [Paper]
        if let corpus {
            records = try Phase.run("read") { try readRecords(URL(fileURLWithPath: corpus)) }
        } else {
            let sampler = SentenceSampler(papers: try ListingReader().read(URL(fileURLWithPath: source)))
            records = Phase.run("generate") {
                var rng = SplitMix64(seed: seed)
                return (1...papers).map { sampler.paper(id: "bench-\($0)", using: &rng) }
            }
        }
        emit("bench info=papers count=\(records.count) text_mb="
            + String(format: "%.1f", Double(records.reduce(0) { $0 + $1.title.utf8.count + 1 + $1.abstract.utf8.count }) / 1e6))
        return Phase.run("extract") {
            // One corpus-wide pass, as `ingest` extracts: names a paper introduces are found in every paper.
            extractor.extract(records).flatMap { paper in
                paper.entities.map {
                    Mention(paper: paper.id, entity: $0.name, type: $0.type, count: $0.count,
                            introduced: $0.role == .introduces)
                }
            }
        }
    }

    static func writeMentions(_ mentions: [Mention], to path: String) throws {
        var out = ""
        out.reserveCapacity(mentions.count * 32)
        for m in mentions { out += tsvField(m.paper) + "\t" + tsvField(m.entity) + "\n" }
        try write(out, to: path)
    }

    /// The graph as JSON, one node or edge a line so two versions diff by line: nodes in index order with
    /// type and papers, edges as [name, name, papers in common] in index order, and the Leiden partition.
    static func writeGraph(_ g: CooccurrenceGraph, partition: Communities, seed: UInt64, to path: String) throws {
        var out = "{\n\"nodes\": [\n"
        out += g.entities.map {
            "{\"name\": \(JSONText.quoted($0.name)), \"type\": \"\($0.type.rawValue)\", \"papers\": \($0.papers)}"
        }.joined(separator: ",\n")
        out += "\n],\n\"edges\": [\n"
        out += g.edges.map {
            "[\(JSONText.quoted(g.entities[$0.a].name)), \(JSONText.quoted(g.entities[$0.b].name)), \($0.papers)]"
        }.joined(separator: ",\n")
        out += "\n],\n\"leiden\": {\"weighted\": true, \"seed\": \(seed), \"communities\": \(partition.count), "
            + "\"modularity\": \(partition.modularity),\n\"membership\": ["
            + partition.membership.map(String.init).joined(separator: ", ") + "]}\n}\n"
        try write(out, to: path)
    }

    static func write(_ text: String, to path: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw UserError("\(path): cannot write: \(error.localizedDescription)")
        }
    }

    /// A field for a tab-separated line: backslash, tab, newline and carriage return escaped as \\ \t \n \r.
    static func tsvField(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// One timed phase of the analysis benchmark: wall time on the calling thread and the phase's peak RSS.
enum Phase {
    static func run<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let startKiB = residentKiB()
        PeakMemory.reset()
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        emit("bench tool=litgraph phase=\(name) seconds=\(String(format: "%.3f", seconds)) "
            + "rss_start_mib=\(BenchExtract.mib(startKiB)) peak_rss_mib=\(BenchExtract.mib(peakResidentKiB())) "
            + "peak_scope=\(PeakMemory.resetsPerPhase ? "phase" : "process")")
        return result
    }
}

/// The process's current resident set size (VmRSS in /proc/self/status), in KiB; nil where there is no /proc.
func residentKiB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
    }
    return nil
}

/// Resets the kernel's peak-RSS mark (VmHWM) so each phase reports its own peak: Linux resets it when "5" is
/// written to /proc/self/clear_refs (since 4.0). Elsewhere the peak stays the process's.
enum PeakMemory {
    static let resetsPerPhase: Bool = reset()

    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    /// Returns freed heap pages to the system with glibc's malloc_trim, which free() alone may keep resident;
    /// looked up at run time (Glibc's Swift module does not export malloc.h), a no-op where it is missing.
    static func releaseFreedPages() {
        #if canImport(Glibc)
        // RTLD_DEFAULT is the null handle in glibc.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        #endif
    }
}
