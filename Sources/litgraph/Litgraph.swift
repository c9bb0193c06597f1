import ArgumentParser
import Foundation
import LitgraphExtraction
import LitgraphStore

/// The `litgraph` command: parses arguments and hands each subcommand to the library stage that does the work.
@main
struct Litgraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litgraph",
        abstract: "Turn paper records into the methods, benchmarks and datasets a field uses, and how they connect.",
        subcommands: [Ingest.self, Extract.self, Papers.self, Top.self, Report.self, Search.self, Eval.self,
                      Acronyms.self, Bench.self, Related.self, Export.self, Trends.self, Bursts.self,
                      CommunitiesCommand.self]
    )
}

/// Options shared by commands that read the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database to use.")
    var db: String = "litgraph.db"
}

/// The stored entity a user means by `name` (canonical name or alias), or a `UserError` naming the closest
/// known names, and saying so when the shipped catalogue knows the name but no stored paper mentions it.
func storedEntity(named name: String, in store: Store, path: String) throws -> StoredEntity {
    if let entity = try store.entity(named: name) { return entity }
    let close = try store.suggestions(for: name)
    var message = "no entity \"\(name)\" in \(path)"
    if let entry = try? Catalogue.shipped().entry(named: name) {
        message += " (\(entry.name) is a known \(entry.type.rawValue), but no stored paper mentions it)"
    }
    message += close.isEmpty ? "" : ". Closest known: " + close.joined(separator: ", ")
    throw UserError(message)
}

/// Options shared by commands that extract.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: "A catalogue file (JSON Lines) that extends or overrides the shipped one; repeatable.")
    var catalogue: [String] = []

    /// The shipped catalogue extended by the user's files, in the order given.
    func load() throws -> Catalogue {
        try Catalogue.load(userFiles: catalogue.map(URL.init(fileURLWithPath:)))
    }
}

/// Output formats for listings.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// A failure to report to the user: printed to standard error, exit code 1.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs a command body, turning library errors into a message on standard error and exit code 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ExitCode { throw error } catch let error as CleanExit {
        throw error
    } catch {
        printError("litgraph: \(error)")
        throw ExitCode.failure
    }
}
