import ArgumentParser

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the trend report (Markdown, HTML, SVG maps).")
    func run() throws {}
}
