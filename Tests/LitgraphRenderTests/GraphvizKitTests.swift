import Testing
import GraphvizKit

@Suite("GraphvizKit")
struct GraphvizKitTests {
    @Test func rendersDOTToSVGInProcess() throws {
        let svg = try Graphviz.render(dot: "graph { a -- b; b -- c }", layout: .sfdp)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("class=\"node\""))
        #expect(svg.contains("</svg>"))
    }

    @Test(arguments: Graphviz.Layout.allCases)
    func everyLayoutEngineWorks(layout: Graphviz.Layout) throws {
        let svg = try Graphviz.render(dot: "graph { a -- b; b -- c; c -- a }", layout: layout)
        #expect(svg.contains("<svg"))
    }

    @Test func syntaxErrorIsAThrownErrorWithGraphvizMessage() throws {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "graph { a -- ; ]")
        }
        guard case .syntax(let message) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("syntax error"))
        #expect(message.contains("line 1"))
        // Line numbers restart with every parse.
        let second = #expect(throws: GraphvizError.self) { try Graphviz.validate(dot: "graph {\n a -- ;\n}") }
        #expect(second?.message.contains("line 2") == true)
        // The parser recovers: the next graph renders.
        #expect(try Graphviz.render(dot: "digraph { x -> y }").contains("<svg"))
    }

    @Test func unterminatedStringIsASyntaxError() {
        #expect(throws: GraphvizError.self) { try Graphviz.render(dot: "graph { a [label=\"x] }") }
        #expect(throws: GraphvizError.self) { try Graphviz.validate(dot: "digraph { a -> }") }
        #expect(throws: Never.self) { try Graphviz.validate(dot: "digraph { a -> b }") }
    }

    @Test func inputLeftOverFromOneCallNeverReachesTheNext() throws {
        let first = try Graphviz.render(dot: "graph a { x } graph b { y }\n\n", layout: .dot, format: "plain")
        #expect(first.contains("node x "))
        let second = try Graphviz.render(dot: "graph c { z }", layout: .dot, format: "plain")
        #expect(second.contains("node z "))
        #expect(!second.contains("node y "))
        let error = #expect(throws: GraphvizError.self) { try Graphviz.validate(dot: "graph { a -- ; ]") }
        #expect(error?.message.contains("line 1") == true)
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: GraphvizError.self) { try Graphviz.render(dot: "") }
    }

    @Test func unknownFormatIsARenderError() throws {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "graph { a }", layout: .dot, format: "no-such-format")
        }
        #expect(error?.message.contains("no-such-format") == true)
    }

    @Test func binaryFormatsRenderToBytes() throws {
        let png = try Graphviz.renderData(dot: "graph { a -- b }", layout: .dot, format: "png")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func versionIsReported() {
        #expect(Graphviz.version.first?.isNumber == true)
    }

    @Test func aLayoutDoesNotDependOnEarlierLayouts() throws {
        let dot = "graph g { start=5; overlap=prism; "
            + (0..<30).map { "n\($0) -- n\(($0 + 1) % 30); n\($0) -- n\(($0 + 11) % 30);" }.joined() + " }"
        let first = try Graphviz.render(dot: dot, layout: .sfdp)
        for layout in [Graphviz.Layout.neato, .fdp, .dot, .sfdp, .circo] {
            _ = try Graphviz.render(dot: "graph h { start=2; a -- b -- c -- a; c -- d }", layout: layout)
        }
        #expect(try Graphviz.render(dot: dot, layout: .sfdp) == first)
        let neato = try Graphviz.render(dot: dot, layout: .neato)
        _ = try Graphviz.render(dot: dot, layout: .fdp)
        #expect(try Graphviz.render(dot: dot, layout: .neato) == neato)
    }

    @Test func parallelRendersAreSerializedAndAgree() async throws {
        let dot = "graph g { start=3; a -- b; b -- c; c -- d; d -- a; a -- c }"
        let expected = try Graphviz.render(dot: dot)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<48 {
                group.addTask {
                    switch i % 3 {
                    case 0: return try Graphviz.render(dot: dot)
                    case 1: return (try? Graphviz.render(dot: "graph g { broken -- }")) ?? "error"
                    default: return try Graphviz.render(dot: "digraph g { p\(i) -> q\(i) }", layout: .neato)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 48)
        #expect(results.filter { $0 == expected }.count == 16)
        #expect(results.filter { $0 == "error" }.count == 16)
    }
}
