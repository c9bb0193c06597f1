import ArgumentParser

struct Acronyms: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(being written)")
    func run() throws { throw ExitCode.failure }
}
