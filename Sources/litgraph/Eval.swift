import ArgumentParser
import Foundation
import LitgraphCorpus
import LitgraphExtraction

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score extraction against gold annotations (precision, recall, F1, type accuracy, introduced-F1).",
        discussion: """
            Gold: JSON Lines as in the annotation guideline, one paper per line keyed by "id" or by "n" (1-based \
            position in the corpus). Predictions: --pred FILE (output of `litgraph extract`, matched by id or by \
            position), or corpus files to extract now. Entities match when the lower-cased letters and digits of a \
            name or surface of one equal those of the other; each matches at most once; optional gold entities \
            neither count as misses nor let a prediction count as extra.
            """)

    @OptionGroup var catalogueOptions: CatalogueOptions
    @Option(help: "Gold annotations (JSON Lines).")
    var gold: String
    @Option(help: "Predictions (JSON Lines from `litgraph extract`); otherwise extract from the corpus files given.")
    var pred: String?
    @Option(help: "Only papers whose number n satisfies n % M == K, written K/M (e.g. 1/4 for a held-out split).")
    var split: String?
    @Option(help: "Score only this type: gold entities of another type and predictions of another type are left out.")
    var type: EntityType?
    @Flag(help: "Gold lists what papers use (as SciREX does): leave out entities a paper introduces, on both sides.")
    var usesOnly = false
    @Option(help: "Misses and extras to list (0 for none).")
    var errors: Int = 30
    @Argument(help: "Corpus files to extract from, when --pred is not given.")
    var corpus: [String] = []

    func run() throws {
        try reportingErrors {
            let goldRecords = try readJSONLines(gold)
            var predictions: [(id: String, entities: [ScoredEntity])] = []
            if let pred {
                predictions = try readJSONLines(pred).map { record in
                    ((record["id"] as? String) ?? "", try entities(record, file: pred))
                }
            } else {
                guard !corpus.isEmpty else { throw UserError("give --pred FILE or corpus files to extract from") }
                let extractor = Extractor(catalogue: try catalogueOptions.load())
                let papers = try corpus.flatMap { try readRecords(URL(fileURLWithPath: $0)) }
                predictions = extractor.extract(papers).map { result in
                    (result.id, result.entities.map {
                        ScoredEntity(name: $0.name, type: $0.type, surfaces: $0.surfaces, introduced: $0.introduced)
                    })
                }
            }
            let byID = Dictionary(predictions.map { ($0.id, $0.entities) }, uniquingKeysWith: { a, _ in a })
            let splitRule = try split.map(parseSplit)
            var score = EntityScore()
            for (index, record) in goldRecords.enumerated() {
                let n = (record["n"] as? Int) ?? (index + 1)
                if let (k, m) = splitRule, n % m != k { continue }
                let paper: String
                let predicted: [ScoredEntity]
                if let id = record["id"] as? String {
                    paper = id
                    predicted = byID[id] ?? []
                } else {
                    guard n >= 1 && n <= predictions.count else {
                        throw UserError("\(gold):\(index + 1): paper n=\(n) is beyond the \(predictions.count) predicted papers")
                    }
                    paper = "n=\(n)"
                    predicted = predictions[n - 1].entities
                }
                var goldEntities = try entities(record, file: gold)
                var predictedEntities = predicted
                if let type {
                    goldEntities = goldEntities.filter { $0.type == type || $0.altType == type }
                    predictedEntities = predictedEntities.filter { $0.type == type }
                }
                if usesOnly {
                    goldEntities = goldEntities.filter { !$0.introduced }
                    predictedEntities = predictedEntities.filter { !$0.introduced }
                }
                score.add(paper: paper, gold: goldEntities, predicted: predictedEntities)
            }
            print(report(score))
        }
    }

    func parseSplit(_ s: String) throws -> (Int, Int) {
        let parts = s.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] > 0 else { throw UserError("--split takes K/M, e.g. 1/4") }
        return (parts[0], parts[1])
    }

    func readJSONLines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var records: [[String: Any]] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw UserError("\(path):\(i + 1): not a JSON object")
            }
            records.append(object)
        }
        return records
    }

    func entities(_ record: [String: Any], file: String) throws -> [ScoredEntity] {
        guard let list = record["entities"] as? [[String: Any]] else { throw UserError("\(file): a record has no \"entities\" list") }
        return list.map { e in
            ScoredEntity(name: e["name"] as? String ?? "", type: (e["type"] as? String).flatMap(EntityType.init(rawValue:)),
                         altType: (e["alt_type"] as? String).flatMap(EntityType.init(rawValue:)),
                         surfaces: e["surface"] as? [String] ?? [], introduced: e["introduced"] as? Bool ?? false,
                         optional: e["optional"] as? Bool ?? false)
        }
    }

    func report(_ s: EntityScore) -> String {
        func line(_ label: String, _ p: PRF) -> String {
            String(format: "%-12@ P %.3f  R %.3f  F1 %.3f   (tp %d, predicted %d, gold %d)", label as NSString,
                   p.precision, p.recall, p.f1, p.truePositives, p.predicted, p.expected)
        }
        var out = "\(s.papers) papers\n" + line("overall", s.overall) + "\n"
        for t in EntityType.allCases { out += line(t.rawValue, s.byType[t] ?? PRF()) + "\n" }
        out += String(format: "type accuracy %.3f (%d of %d matched pairs)\n", s.typeAccuracy, s.typeAgreements, s.typedPairs)
        out += line("introduced", s.introduced) + "\n"
        if errors > 0 {
            out += "\nmisses (\(s.misses.count)):\n" + s.misses.prefix(errors).map {
                "  \($0.paper)  \($0.entity.name) [\($0.entity.type?.rawValue ?? "?")\($0.entity.introduced ? ", introduced" : "")]"
            }.joined(separator: "\n")
            out += "\nextras (\(s.extras.count)):\n" + s.extras.prefix(errors).map {
                "  \($0.paper)  \($0.entity.name) [\($0.entity.type?.rawValue ?? "?")\($0.entity.introduced ? ", introduced" : "")] \($0.entity.surfaces)"
            }.joined(separator: "\n")
            out += "\nintroduced disagreements (\(s.wrongIntroduced.count)):\n" + s.wrongIntroduced.prefix(errors).map {
                "  \($0.paper)  \($0.gold.name): gold \($0.gold.introduced ? "introduced" : "not introduced"), predicted \($0.predicted.introduced ? "introduced" : "not")"
            }.joined(separator: "\n")
            out += "\nwrong types (\(s.wrongTypes.count)):\n" + s.wrongTypes.prefix(errors).map {
                "  \($0.paper)  \($0.gold.name): gold \($0.gold.type?.rawValue ?? "?"), predicted \($0.predicted.type?.rawValue ?? "?")"
            }.joined(separator: "\n")
        }
        return out
    }
}
