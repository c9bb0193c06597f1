import Foundation
import LitgraphCorpus
import Testing
@testable import LitgraphExtraction

/// SciAI's development split (Veyseh et al., COLING 2020), beside the repository in ../shared.
private let sciaiDev = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/external/sciai_acronyms/dev.json")

/// Acronym definitions on sentences of SciAI's development split (tokenised: tokens joined by single spaces,
/// so hyphens and parentheses stand apart), each expected long form as the gold marks it.
@Suite struct AcronymTests {
    func definitions(_ text: String) -> [String] {
        AcronymDefinitions.find(in: text).map { "\($0.long) = \($0.short)" }
    }

    @Test func longFormBeforeParenthesis() {
        #expect(definitions("Our primary baseline is Deep Bilateral Learning ( DBL ) , which shares a similar architecture")
            == ["Deep Bilateral Learning = DBL"])
        // Function words inside, but no long form starts with one.
        #expect(definitions("JM and CA were supported by an Indiana University ( IU ) Office of the Vice Provost for Research ( OVPR ) Faculty Research Support Program ( FRSP ) Seed Funding Grant")
            == ["Indiana University = IU", "Office of the Vice Provost for Research = OVPR",
                "Faculty Research Support Program = FRSP"])
        // Word beginnings beat inner letters: not "Caption ConsistenCy Loss".
        #expect(definitions("The Cross Caption Consistency Loss ( CCCL ) forces it to be close to .")
            == ["Cross Caption Consistency Loss = CCCL"])
        // A plural short form; a lower-case letter of the short form from inside a word.
        #expect(definitions("measured by major Key Performance Indicators ( KPIs ) , such as CPM ( cost per mille ) , AWR ( auction winning ratio ) , eCPC ( effective cost per click ) and CTR ( click - through rate ) .")
            == ["Key Performance Indicators = KPIs", "cost per mille = CPM", "auction winning ratio = AWR",
                "effective cost per click = eCPC", "click - through rate = CTR"])
    }

    @Test func trailingWordsTheShortFormDoesNotSpell() {
        #expect(definitions("evaluates the efficiency deep learning workloads comprising ConvNets and Long Short Term Memory networks ( LSTM ) models on representative platforms")
            == ["Long Short Term Memory = LSTM"])
        #expect(definitions("To do so , adversaries adopt adversarial machine learning algorithms ( AML ) to design an example set called poison data")
            == ["adversarial machine learning = AML"])
        // A capitalised word is the head of a name (from the bundled corpus); inner letters ("DeepMind")
        // keep the words up to the parenthesis.
        #expect(definitions("The result is our method, General RL Optimizers Obtained Via Environment Design (GROOVE).")
            == ["General RL Optimizers Obtained Via Environment Design = GROOVE"])
        #expect(definitions("agents trained on the DeepMind Control Suite (DMC) benchmark") == ["DeepMind Control Suite = DMC"])
        // A capital of the short form from a lower-case letter comes last: "mOdel", not "VisiOn".
        #expect(definitions("we propose Crayon Large Language and Vision mOdel (CoLLaVO), which incorporates")
            == ["Crayon Large Language and Vision mOdel = CoLLaVO"])
        // A name written as a word is defined like an acronym.
        #expect(definitions("we present a new efficient LLVM, Mamba-based traversal of rationales (Meteor), which leverages")
            == ["Mamba-based traversal of rationales = Meteor"])
    }

    @Test func digitsHyphensAndQuotes() {
        #expect(definitions("D2D underlay communication is being studied in Third Generation Partnership Project ( 3GPP ) for Long Term Evolution Advanced ( LTE - A ) system .")
            == ["Third Generation Partnership Project = 3GPP", "Long Term Evolution Advanced = LTE - A"])
        #expect(definitions("while time - series three - dimensional ( 3D ) computed tomography ( CT ) images can only be obtained")
            == ["three - dimensional = 3D", "computed tomography = CT"])
        #expect(definitions("They firstly formulate the problem as a \" Multi - level Generalized Assignment Problem \" ( MGAP ) to accomplish")
            == ["Multi - level Generalized Assignment Problem = MGAP"])
        #expect(definitions("The belief , desire , intention ( BDI ) agent model is used .") == ["belief , desire , intention = BDI"])
    }

    @Test func unusualShortForms() {
        // A short form qualified by another word in the parenthesis.
        #expect(definitions("In : Proceedings of the 25th International Conference Companion on World Wide Web ( WWW ' 16 Companion ) , pp.273274 .")
            == ["World Wide Web = WWW"])
        #expect(definitions("a well - known combinatorial problem that we call here the Lossless Graph Compression Problem ( Lossless GCP ) .")
            == ["Graph Compression Problem = GCP"])
        // One capital letter for one word; lower-case short forms only on word beginnings.
        #expect(definitions("the transaction records from AFC can reveal the Origin ( O ) and the Destination ( D ) of every passenger 's trip")
            == ["Origin = O", "Destination = D"])
        #expect(definitions("MRS uses the signals to determine the quantity in parts per million ( ppm ) of various metabolites")
            == ["parts per million = ppm"])
    }

    @Test func shortFormFirst() {
        #expect(definitions("The proposed MDCN model achieved top mAP ( mean average precision ) on this leader board")
            == ["mean average precision = mAP"])
        #expect(definitions("BYO = bring your own .") == ["bring your own = BYO"])
        #expect(definitions("PV denotes paragraph vector here .") == ["paragraph vector = PV"])
        #expect(definitions("Simon Julier present BARS , the Battlefield Augmented Reality System ( see Fig . ) .")
            == ["Battlefield Augmented Reality System = BARS"])
    }

    @Test func writtenOutAfterTheLongForm() {
        #expect(definitions("We introduce a novel web - based annotation software application , Text Annotation Graphs , or TAG , that provides a rich set of tools")
            == ["Text Annotation Graphs = TAG"])
        #expect(definitions("platforms ( e.g. , Amazon 's Relational Database Service RDS or Microsoft SQL Azure azure ) in order to achieve high availability")
            == ["Relational Database Service = RDS"])
    }

    @Test func notDefinitions() {
        for sentence in [
            "Shallow RL techniques ( e.g. Q - Learning ) are still important algorithms to consider , but most of RL libraries ignore them .",
            "the central data exchange and processing is carried out by the Data API , a component implemented within the project ( see Section ) .",
            "The system 's first goal is to build upon an IoT infrastructure that ( i ) spans throughout a big number of buildings and ( b ) spreads through several rooms",
            "where questions are asked in one language ( English ) and the answer is provided in English",
            "the referring expression that receives the best language model score in context , using a strong unsupervised neural LM ( BERT ) .",
            "in the cumulative distribution function curve ( Fig .B and Table ) .",
            // Two words after or before a two-letter acronym start with its letters by chance.
            "The AC algorithm consists of two phases : the first phase constructs a state machine from a set of patterns",
            "We can observe that OT outperforms other variants in this setup .",
            // A long form ends with no function word; a short form with a number after it spells no word.
            "We now formalise this , by detailing how combining KAT and CKA to obtain CKAT ( as in ) leads to the absurd equation .",
            "The scalar projection of the first ( PC 0 ) and second ( PC 1 ) principal components , along the axis",
            // Examples listed in parentheses after a short form (ml-conferences, NAACL 2024): not "LLaMA = LLMs".
            "comparing fine-tuned compact models with zero-shot larger LLMs (LLaMA-2, GPT-3.5, PaLM-2).",
        ] {
            #expect(definitions(sentence) == [], "\(sentence)")
        }
    }

    /// `plainAcronym`, the 16-byte reading of a candidate that `writtenOut` uses, agrees with `shortForm` on
    /// every word it is asked about: letters and digits only, at most 16 bytes, two capitals or more. Words
    /// from the bundled corpus, and edge cases: a plural "s", more than ten characters, and words at the very
    /// end of the text, where fewer than 16 bytes remain to be loaded.
    @Test func plainAcronymAgreesWithShortForm() throws {
        let papers = try ListingReader().read(repoRoot.appendingPathComponent("corpus/visual-rl-trending.txt"))
        let edge = "KPIs GPUs ABs R2D2 ManiSkill2 DrQ XYZs ABCDEFGHIJK ABCDEFGHIJs ABCDEFGHIJKs mAP VLMs RL ABCDEFGHIJKLMNOP"
        var texts = papers.map { $0.title + "\n" + $0.abstract }
        texts += [edge, "SAC", "end with DMControl", "KPIs"]
        var compared = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { t in
                var s = 0
                while s < t.count {
                    var e = s
                    while e < t.count && Byte.isAlnum(t[e]) { e += 1 }
                    let upper = (s..<e).filter { Byte.isUpper(t[$0]) }.count
                    if e - s >= 2, e - s <= 16, Byte.isLetter(t[s]), upper >= 2 {
                        let plain = AcronymDefinitions.plainAcronym(t, s, e)
                        let general = AcronymDefinitions.shortForm(t, s, e)
                        let word = t.string(s, e)
                        #expect((plain == nil) == (general == nil), "\(word)")
                        if let plain, let general {
                            #expect(plain.shape == general.shape && plain.lower == general.lower, "\(word)")
                            #expect(plain.chars.count == general.chars.count, "\(word)")
                            for i in 0..<min(plain.chars.count, general.chars.count) {
                                #expect(plain.chars[i] == general.chars[i] && plain.capital[i] == general.capital[i], "\(word)")
                            }
                        }
                        compared += 1
                    }
                    s = e + 1
                }
            }
        }
        #expect(compared > 1_000)
    }

    /// `ShortBytes.contains` reads eight bytes at a time: it finds each byte held, in each of its three words,
    /// and no byte past `count`, not even a 0 (the bytes there are zero).
    @Test func shortBytesContainsOnlyItsBytes() {
        for count in [0, 1, 7, 8, 9, 16, 17, 23, 24] {
            var bytes = ShortBytes()
            for i in 0..<count { bytes.append(UInt8(i + 1)) }
            for b in 0...30 {
                #expect(bytes.contains(UInt8(b)) == (b >= 1 && b <= count), "count \(count), byte \(b)")
            }
        }
    }

    @Test func byteRangesPointIntoTheText() {
        let text = "We use Proximal Policy Optimization (PPO) to train."
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { AcronymDefinitions.find(in: $0) }
        #expect(found == [AcronymDefinition(longStart: 7, longEnd: 35, shortStart: 37, shortEnd: 40)])
    }

    @Test func scoringMapsBytesToTokens() {
        let sentence = SciAISentence(
            id: "t", tokens: ["We", "use", "Proximal", "Policy", "Optimization", "(", "PPO", ")", "and", "RL", "."],
            labels: ["O", "O", "B-long", "I-long", "I-long", "O", "B-short", "O", "O", "B-short", "O"])
        let score = AcronymScore([sentence])
        #expect(score.long == AcronymScore.Counts(truePositives: 1, predicted: 1, expected: 1))
        // "RL" has no long form in the sentence, so it is not expected.
        #expect(score.short == AcronymScore.Counts(truePositives: 1, predicted: 1, expected: 1))
    }

    /// The target: long-form precision ≥ 0.95 and recall ≥ 0.80 on SciAI (measured here on dev; the
    /// test split is scored by `litgraph acronyms --sciai`, not tuned on).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sciaiDev.path),
                   "SciAI dev.json not found beside the repository (../shared/external/sciai_acronyms); skipped"))
    func sciaiDevelopmentSplit() throws {
        let score = AcronymScore(try SciAISentence.load(sciaiDev))
        print(String(format: "SciAI dev: long P %.3f R %.3f F1 %.3f; short P %.3f R %.3f F1 %.3f", score.long.precision,
                     score.long.recall, score.long.f1, score.short.precision, score.short.recall, score.short.f1))
        #expect(score.sentences == 1717)
        #expect(score.long.precision >= 0.95)
        #expect(score.long.recall >= 0.80)
    }
}
