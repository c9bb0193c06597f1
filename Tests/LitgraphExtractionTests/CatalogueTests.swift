import Foundation
import Testing
import TestScratch
import LitgraphCorpus
@testable import LitgraphExtraction

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite struct ShippedCatalogueTests {
    let catalogue: Catalogue

    init() throws { catalogue = try Catalogue.shipped() }

    @Test func coversTheFieldWithEveryType() {
        #expect(catalogue.entries.count >= 300)
        for type in EntityType.allCases {
            #expect(catalogue.entries.filter { $0.type == type }.count >= 40, "\(type)")
        }
        for name in ["DreamerV3", "DrQ-v2", "GRPO", "ManiSkill2", "DeepMind Control Suite", "Atari 100k", "COCO", "nuScenes"] {
            #expect(catalogue.entry(named: name) != nil, "\(name)")
        }
    }

    /// Two entries sharing a spelling (ignoring case, spaces and hyphens) would make matches arbitrary.
    @Test func noSpellingBelongsToTwoEntries() {
        var owner: [String: String] = [:]
        var clashes: [String] = []
        for entry in catalogue.entries {
            for surface in entry.surfaces {
                let key = surface.lowercased().filter { $0 != " " && $0 != "-" }
                if let other = owner[key], other != entry.name { clashes.append("\(surface): \(other) / \(entry.name)") }
                owner[key] = entry.name
            }
        }
        #expect(clashes.isEmpty, "\(clashes.prefix(20))")
    }

    @Test func parentsAreEntries() {
        let missing = catalogue.entries.compactMap { e in e.parent.flatMap { catalogue.entry(named: $0) == nil ? "\(e.name) → \($0)" : nil } }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func familiesAreRecorded() {
        #expect(catalogue.entry(named: "DrQ-v2")?.parent == "DrQ")
        #expect(catalogue.entry(named: "DreamerV3")?.parent == "Dreamer")
        #expect(catalogue.entry(named: "EfficientZero V2")?.parent == "EfficientZero")
    }

    @Test func userFileExtendsAndOverrides() throws {
        let url = Scratch.file(ext: "jsonl")
        try """
            {"name": "MyNewBench", "type": "benchmark", "aliases": ["MNB"]}
            {"name": "DreamerV3", "type": "method", "aliases": ["Dreamer 3 (ours)"]}
            """.write(to: url, atomically: true, encoding: .utf8)
        let merged = try Catalogue.load(userFiles: [url])
        #expect(merged.entries.count == catalogue.entries.count + 1)
        #expect(merged.entry(named: "mynewbench")?.aliases == ["MNB"])
        #expect(merged.entry(named: "DreamerV3")?.aliases == ["Dreamer 3 (ours)"])
    }

    @Test func badUserFileNamesItsLine() throws {
        let url = Scratch.file(ext: "jsonl")
        try "{\"name\": \"A\", \"type\": \"method\"}\n{\"name\": \"B\", \"type\": \"tool\"}\n".write(to: url, atomically: true, encoding: .utf8)
        #expect { try Catalogue.load(userFiles: [url]) } throws: { error in
            let e = error as? CatalogueError
            return e?.line == 2 && e?.reason.contains("method, benchmark, dataset") == true
        }
    }

    /// Files are read as one JSON array when every line is one object; lines that are not must still fail
    /// as they do read one by one, naming the line.
    @Test func linesThatAreNotOneEntryFailOnTheirLine() throws {
        let cases = [
            // Two entries on one line would be two array elements.
            ("{\"name\": \"A\", \"type\": \"method\"}\n{\"name\": \"B\", \"type\": \"method\"}, {\"name\": \"C\", \"type\": \"method\"}\n", 2),
            // One entry over two lines would be one.
            ("{\"name\": \"A\", \"type\": \"method\"}\n\n{\"name\": \"B\",\n\"type\": \"method\"}\n", 3),
            ("{\"name\": \" \", \"type\": \"method\"}\n", 1),
        ]
        for (text, line) in cases {
            let url = Scratch.file(ext: "jsonl")
            try text.write(to: url, atomically: true, encoding: .utf8)
            #expect(throws: CatalogueError.self) { try Catalogue.entries(from: url) }
            do { _ = try Catalogue.entries(from: url) } catch let e as CatalogueError { #expect(e.line == line, "\(text)") }
        }
        let braces = Data(#"{"name": "A {x} \"}\" \\", "type": "method", "aliases": ["}{"]}  "#.utf8)
        #expect(Catalogue.isOneObject(braces[...]))
        #expect(!Catalogue.isOneObject(Data(#"{"a": 1}, {"b": 2}"#.utf8)[...]))
        #expect(!Catalogue.isOneObject(Data(#"{"a": {"b": 2}"#.utf8)[...]))
        #expect(!Catalogue.isOneObject(Data(#"[{"a": 1}]"#.utf8)[...]))
    }
}

@Suite struct ExtractorTests {
    let extractor = sharedExtractor

    func entities(_ title: String, _ abstract: String) -> [String: ExtractedEntity] {
        extractor.entities(title, abstract)
    }

    @Test func titlePrefixIntroducesATypedName() {
        let e = entities("ManiSkill2: A Unified Benchmark for Generalizable Manipulation Skills",
                         "We present ManiSkill2, the next generation of the SAPIEN ManiSkill benchmark.")
        #expect(e["ManiSkill2"]?.introduced == true)
        #expect(e["ManiSkill2"]?.type == .benchmark)
        #expect(e["ManiSkill2"]?.count == 2)
    }

    @Test func newNamesFromTitlesAndProposals() {
        let e = entities("MENTOR: Mixture-of-Experts Network with Task-Oriented Perturbation for Visual Reinforcement Learning",
                         "In this paper, we propose MENTOR, a method that improves both the architecture and optimization of RL agents. MENTOR outperforms DrQ-v2.")
        #expect(e["MENTOR"]?.introduced == true)
        #expect(e["MENTOR"]?.catalogued == false || e["MENTOR"]?.introduced == true)
        #expect(e["MENTOR"]?.count == 3)
        #expect(e["DrQ-v2"]?.introduced == false)
        #expect(e["DrQ"] == nil)
    }

    @Test func acronymDefinitionsJoinSurfaces() {
        let e = entities("Visual-RFT: Visual Reinforcement Fine-Tuning",
                         "We introduce Visual Reinforcement Fine-Tuning (Visual-RFT), which extends GRPO. Visual-RFT improves accuracy.")
        let rft = e["Visual-RFT"]
        #expect(rft?.introduced == true)
        #expect(rft?.surfaces == ["Visual-RFT", "Visual Reinforcement Fine-Tuning"])
        #expect(e["GRPO"]?.introduced == false)
    }

    @Test func surveysIntroduceNothing() {
        let e = entities("Deep Reinforcement Learning: An Overview", "We give an overview of deep reinforcement learning (RL), from DQN to PPO.")
        #expect(e.values.allSatisfy { !$0.introduced })
        #expect(e["DQN"] != nil && e["PPO"] != nil)
        #expect(e["RL"] == nil)
    }

    @Test func genericParadigmsAreNotEntities() {
        let e = entities("Offline Reinforcement Learning from Vision Language Model Feedback",
                         "Vision-language models (VLMs) and large language models (LLMs) help reinforcement learning (RL) with data augmentation and self-supervised learning.")
        #expect(e.isEmpty, "\(e.keys)")
    }

    /// Sizes written in capitals after a model, as text taken from PDFs writes subscripts ("BERT_BASE"), are
    /// not models of their own, even before "model" (a context that types a name as a method).
    @Test func modelSizesInCapitalsAreNotNames() {
        let e = entities("bert2BERT: Towards Reusable Pretrained Language Models",
                         "In particular, bert2BERT saves about 45% and 47% computational cost of pre-training BERT BASE and GPT BASE by reusing the models of almost their half sizes. The distilled student matches the teacher BERT LARGE model.")
        #expect(e["BERT"] != nil && e["bert2BERT"]?.introduced == true)
        #expect(e["BASE"] == nil && e["LARGE"] == nil, "\(e.keys)")
    }

    /// A one-word name in capitals is matched in its own case only: in lower case it is an English word. Its
    /// run-together spelling made from a spaced name (WIDERFACE from WIDER FACE) still folds case, as papers
    /// write WiderFace; so does a name in capitals with a hyphen (EPIC-KITCHENS, written EPIC-Kitchens).
    @Test func oneWordNamesInCapitalsKeepTheirCase() {
        let words = entities("Speech Representations",
                             "The results are superb on the trellis decoder, and the collab notebook shows a basalt texture.")
        #expect(words.isEmpty, "\(words.keys)")
        let names = entities("Speech and Faces",
                             "We evaluate on the SUPERB benchmark, generate shapes with TRELLIS, detect faces on WiderFace and recognise actions on EPIC-Kitchens.")
        #expect(names["SUPERB"] != nil && names["TRELLIS"] != nil, "\(names.keys)")
        #expect(names["WIDER FACE"]?.surfaces == ["WiderFace"])
        #expect(names["EPIC-KITCHENS"]?.surfaces == ["EPIC-Kitchens"])
    }

    /// A name turned adjective by a hyphen and a derived word ("LexiNet-tagged", "SVD-based") is no name
    /// that the cue noun after it types; a version or size after the hyphen is ("DrQ-v2" stays whole). (A
    /// catalogued name is still found in such a word: "the WordNet-tagged dataset" mentions WordNet.)
    @Test func adjectivesMadeFromNamesAreNotNames() {
        let e = entities("Sense Distributions",
                         "We test it on the LexiNet-tagged dataset of prior work, compress it with an SVD-based method and a FooNet-style model, and compare with the XyzNet-v2 model.")
        #expect(e.keys.sorted() == ["XyzNet-v2"], "\(e.keys)")
    }

    /// Robotics software and algorithms papers name without defining them: SLAM back ends, odometry
    /// systems, planners, and the driving logs they run on (`robotics-slam-planning.jsonl`).
    @Test func roboticsSystemsAndLogs() {
        let e = entities("Lidar-inertial mapping",
                         "We compare GMapping, LIO-SAM and VINS-Mono on the KITTI odometry sequences and Oxford RobotCar, optimise the graph with iSAM2 in GTSAM, and plan with OMPL after Monte Carlo localization.")
        #expect(e.keys.sorted() == ["GMapping", "GTSAM", "KITTI Odometry", "LIO-SAM", "Monte Carlo Localization",
                                    "OMPL", "Oxford RobotCar", "VINS-Mono", "iSAM2"], "\(e.keys.sorted())")
    }

    /// Compressed language models, toolkits, treebanks and shared tasks of NLP and speech (`nlp-speech.jsonl`).
    @Test func languageAndSpeechModelsToolkitsAndTasks() {
        let e = entities("Distilled encoders",
                         "We distil into TinyBERT and MobileBERT with fairseq, summarise with PEGASUS and mBART, parse the Penn Discourse Treebank and CTB, classify relations on SemEval-2010 Task 8, and embed speakers with ECAPA-TDNN in SpeechBrain.")
        #expect(e.keys.sorted() == ["Chinese Treebank", "ECAPA-TDNN", "MobileBERT", "PEGASUS", "Penn Discourse Treebank",
                                    "SemEval-2010 Task 8", "SpeechBrain", "TinyBERT", "fairseq", "mBART"], "\(e.keys.sorted())")
    }

    /// Classic learning, optimisation and graph algorithms (`classic-ml-graphs.jsonl`).
    @Test func classicAlgorithms() {
        let e = entities("Federated boosting",
                         "We train with FedAvg and AdaBoost, solve the subproblems with SVRG and Frank-Wolfe, and rank nodes with PageRank.")
        #expect(e.keys.sorted() == ["AdaBoost", "FedAvg", "Frank-Wolfe", "PageRank", "SVRG"], "\(e.keys.sorted())")
    }

    /// Classic numerical and probabilistic algorithms named after their authors, as ml-conferences papers
    /// write them (AISTATS, ICRA, AAAI).
    @Test func algorithmsNamedAfterTheirAuthors() {
        let e = entities("Untitled", "We sample with the Metropolis-Hastings algorithm, refine poses with Gauss-Newton, "
                         + "localise with a Rao-Blackwellised particle filter (RBPF), bound the expressivity by the "
                         + "Weisfeiler-Leman test and aggregate labels with the Dawid-Skene model.")
        #expect(e.keys.sorted() == ["Dawid-Skene", "Gauss-Newton", "Metropolis-Hastings",
                                    "Rao-Blackwellized Particle Filter", "Weisfeiler-Lehman"], "\(e.keys.sorted())")
    }

    /// Classic vision algorithms and datasets (`vision-classic-datasets.jsonl`).
    @Test func classicVisionAlgorithmsAndDatasets() {
        let e = entities("Denoised detection",
                         "We denoise with BM3D, segment with GrabCut, pool features with RoIAlign over Selective Search proposals, and test on YouTube Faces and PRW.")
        #expect(e.keys.sorted() == ["BM3D", "GrabCut", "PRW", "RoIAlign", "Selective Search", "YouTube Faces"], "\(e.keys.sorted())")
    }

    /// Reinforcement learning, generative and scientific models and data (`rl-generative-science.jsonl`).
    @Test func learningGenerativeAndScientificEntries() {
        let e = entities("Bandits and forecasting",
                         "We compare Thompson Sampling, SARSA and Expert Iteration, and forecast ETTh1 after folding with AlphaFold2.")
        #expect(e.keys.sorted() == ["AlphaFold2", "ETTh1", "Expert Iteration", "SARSA", "Thompson Sampling"], "\(e.keys.sorted())")
    }

    /// Short spellings robotics and vision papers give well-known datasets name the catalogue's entry: a
    /// paper's "EuRoC", "NYU Depth" or "EGTEA" is the dataset, not a new name of its own.
    @Test func shortSpellingsOfWellKnownDatasets() {
        let e = entities("Visual-Inertial Odometry and Depth",
                         "We evaluate odometry on the EuRoC sequences, depth on NYU Depth and NYUD, trajectories on NGSIM and highD, and actions on EGTEA and IXMAS.")
        #expect(e.keys.sorted() == ["EGTEA Gaze+", "EuRoC MAV", "IXMAS", "NGSIM", "NYU Depth V2", "highD"], "\(e.keys)")
        #expect(e["NYU Depth V2"]?.surfaces == ["NYU Depth", "NYUD"])
    }

    /// Video and anomaly datasets as papers write them (ml-conferences: AAAI 2022, AutoML 2023, ACML 2021,
    /// CVPR 2017): "ImageNet VID" is the video dataset, not ImageNet and a "VID"; "MVTec" and "Kitti" are
    /// MVTec AD and KITTI; "Collective Activity" counts with its kind word.
    @Test func videoAndAnomalyDatasetsAsPapersWriteThem() {
        let e = entities("Untitled", "We conduct extensive experiments on the ImageNet VID dataset. Results on the MVTec "
                         + "dataset and the Kitti dataset follow, and on the Collective Activity dataset. Collective "
                         + "activity of ants is another matter.")
        #expect(e.keys.sorted() == ["Collective Activity", "ImageNet VID", "KITTI", "MVTec AD"], "\(e.keys.sorted())")
        #expect(e["MVTec AD"]?.surfaces == ["MVTec"] && e["KITTI"]?.surfaces == ["Kitti"])
    }

    /// Classic vision datasets under the spellings ml-conferences papers give them (CVPR 2013–2019, ICLR
    /// 2017, ICRA 2014–2023): "Human 3.6M", "300-W", "York Urban", "TFD", "NYU V2", "Pascal-Part"; and
    /// "RADIal", a radar dataset, is no "radial".
    @Test func classicVisionDatasetsAsPapersWriteThem() {
        let e = entities("Untitled", "We evaluate on Human 3.6M and 300-W, on the York Urban dataset and TFD, on NYU V2 "
                         + "and SUN RGBD, and on Pascal-Part. The radial basis is fixed; results on the RADIal dataset follow.")
        #expect(e.keys.sorted() == ["300W", "Human3.6M", "NYU Depth V2", "PASCAL-Part", "RADIal", "SUN RGB-D",
                                    "Toronto Face Database", "York Urban"], "\(e.keys.sorted())")
        #expect(e["RADIal"]?.surfaces == ["RADIal"], "\(String(describing: e["RADIal"]))")
    }

    /// "Waymo" alone is the Waymo Open Dataset where data is meant (ECCV 2022: "Experiments on the KITTI,
    /// nuScenes, and Waymo datasets"), and the company elsewhere.
    @Test func waymoIsTheDatasetOnlyWhereDataIsMeant() {
        let data = entities("Untitled", "Experiments on the KITTI, nuScenes, and Waymo datasets show that our method "
                            + "achieves state-of-the-art results.")
        #expect(data["Waymo Open Dataset"]?.surfaces == ["Waymo"], "\(data.keys.sorted())")
        let company = entities("Untitled", "Waymo's robotaxis drive in Phoenix.")
        #expect(company.isEmpty, "\(company.keys.sorted())")
    }

    /// Names matched in their exact case (five letters or fewer, or capitals) in the other cases papers write
    /// them: "Cifar-10", "U-net", "Synthia", "ReLu", "FLAN-T5", and "mixup" as its own paper writes it.
    @Test func namesInTheCasesPapersWriteThem() {
        let e = entities("Untitled", "We train a U-net with mixup and ReLu units on Cifar-10 and Cifar-100, adapt from "
                         + "Synthia to Cityscapes, and prompt FLAN-T5.")
        #expect(e.keys.sorted() == ["CIFAR-10", "CIFAR-100", "Cityscapes", "Flan-T5", "Mixup", "ReLU", "SYNTHIA", "U-Net"],
                "\(e.keys.sorted())")
    }

    /// The yearly ImageNet challenges are ImageNet, in every year papers cite (CVPR 2015: "the ImageNet
    /// Large-Scale Visual Recognition Challenge 2014 (ILSVRC2014)"; "ILSVRC-12"), not a method named ILSVRC2014.
    @Test func imageNetChallengesOfEveryYear() {
        let e = entities("Untitled", "Our network achieves the best result in the ImageNet Large-Scale Visual Recognition "
                         + "Challenge 2014 (ILSVRC2014). It was pretrained on ILSVRC-12 and tested on ILSVRC 2013.")
        #expect(e.keys.sorted() == ["ImageNet"], "\(e.keys.sorted())")
        #expect(e["ImageNet"].map { Set(["ILSVRC2014", "ILSVRC-12", "ILSVRC 2013"]).isSubset(of: $0.surfaces) } == true,
                "\(String(describing: e["ImageNet"]))")
    }

    /// The Unity engine as robotics and vision papers name their simulators (ICRA 2020, CVPR 2018), and not the
    /// word: "unity" and a sentence-initial "Unity of purpose" are no simulator.
    @Test func unityTheEngineNotTheWord() {
        let e = entities("Untitled", "The soft body model was implemented using the Unity physics engine, and the "
                         + "atomic actions in the Unity3D game engine.")
        #expect(e["Unity"]?.surfaces == ["Unity", "Unity3D"], "\(e.keys.sorted())")
        let word = entities("Untitled", "Unity of purpose matters; the unity of the team was strong.")
        #expect(word.isEmpty, "\(word.keys.sorted())")
    }

    @Test func jsonLineEscapesUntrustedText() throws {
        let result = extractor.extract(Paper(id: "a\"b\\c", title: "Line\nbreak <b> & \u{1} DreamerV3", abstract: ""))
        let object = try JSONSerialization.jsonObject(with: Data(result.jsonLine.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "a\"b\\c")
        #expect(object?["title"] as? String == "Line\nbreak <b> & \u{1} DreamerV3")
        #expect(!result.jsonLine.contains("\n"))
    }

    @Test func sameInputSameBytes() throws {
        let papers = try ListingReader().read(repoRoot.appendingPathComponent("corpus/visual-rl-trending.txt"))
        let a = extractor.extract(papers).map(\.jsonLine)
        let b = Extractor(catalogue: try Catalogue.shipped()).extract(papers).map(\.jsonLine)
        #expect(a == b)
    }

    /// Extraction's matcher reads each word's key from the tokenizer; over the whole catalogue and every
    /// bundled paper it must find exactly what the matcher finds on its own, and what it finds with every
    /// pattern filed under its first word.
    @Test func matcherOnTokenKeysFindsTheSameHits() throws {
        let papers = try ListingReader().read(repoRoot.appendingPathComponent("corpus/visual-rl-trending.txt"))
        // And so must a matcher that files patterns led by a function word under that word.
        let firstWordOnly = Matcher(patterns: extractor.matcher.patterns, fileUnderSecondWord: false)
        var total = 0
        for paper in papers {
            let (text, _) = Extractor.bytes(of: paper)
            text.withUnsafeBufferPointer { t in
                let alone = extractor.matcher.matches(in: t)
                #expect(extractor.matcher.matches(in: t, tokens: tokenize(t)) == alone, "\(paper.id)")
                #expect(firstWordOnly.matches(in: t) == alone, "\(paper.id)")
                total += alone.count
            }
        }
        #expect(total > 400)
    }
}
