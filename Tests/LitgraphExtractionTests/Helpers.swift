import LitgraphCorpus
@testable import LitgraphExtraction

/// One extractor over the shipped catalogue for all tests: building it compiles the whole catalogue.
let sharedExtractor: Extractor = {
    do { return Extractor(catalogue: try Catalogue.shipped()) } catch { fatalError("shipped catalogue: \(error)") }
}()

extension Extractor {
    /// The entities of a one-paper text, by canonical name.
    func entities(_ title: String, _ abstract: String) -> [String: ExtractedEntity] {
        Dictionary(extract(Paper(id: "t", title: title, abstract: abstract)).entities.map { ($0.name, $0) },
                   uniquingKeysWith: { a, _ in a })
    }
}
