/// Decides whether a token looks like a coined name: internal capitals (DrQ, MoDem), letters with digits
/// (ManiSkill2, R2D2), an acronym of two or more capitals (VIBR, RL-VLM-F) or a starred letter (V*).
///
/// Generic acronyms of the field (RL, VLMs, LLM, SFT, CNN…), units (3D, 100K) and title-case
/// hyphenation (Model-Based) are not names. Works on UTF-8 bytes.
enum NameShape {
    /// Acronyms and short forms that name paradigms, model classes, tasks, units, hardware or model sizes, never
    /// an entity.
    static let genericWords: [StaticString] = [
        "rl", "drl", "mbrl", "mfrl", "marl", "orl", "irl", "il", "bc", "hrl", "crl", "rlhf", "rlaif", "rlvr", "rft",
        "llm", "vlm", "mllm", "lvlm", "lmm", "lm", "plm", "vla", "vlas", "vqa", "vln", "eqa", "sft", "ai", "agi",
        "ml", "dl", "nlp", "cv", "cnn", "rnn", "gnn", "mlp", "gpu", "cpu", "tpu", "rgb", "rgbd", "rgb-d", "sota",
        "api", "url", "mdp", "pomdp", "kl", "mse", "iou", "map", "fps", "uav", "hri", "nlu", "nlg", "qa", "ocr",
        "asr", "tts", "ood", "iid", "kg", "pde", "ode", "sde", "auc", "roc", "dof", "lidar", "ii", "iii", "iv",
        "td", "mc", "mpc", "gp", "vae", "gan", "ssl", "ssm", "cot", "icl", "rag", "moe", "vit", "nerf", "3dgs",
        "ar", "vr", "xr", "hci", "ui", "gui", "os", "pc", "io", "i/o", "usa", "uk", "eu", "us", "nasa", "ieee",
        "acm", "arxiv", "github", "ok", "id", "ids", "faq", "pdf", "html", "json", "sql", "xml", "gpt", "rm",
        "rms", "prm", "orm", "po", "dp", "ner", "pos", "mt", "nmt", "vo", "slam", "sfm", "mvs",
        "bev", "hdr", "lr", "sr", "ram", "hz", "khz", "ms", "fp", "fp16", "bf16", "int8", "int4", "ci", "cd",
        "e2e", "llms", "vlms", "mllms", "lvlms", "lmms", "gpus", "cnns", "rnns", "gnns", "mlps", "mdps",
        "tasks", "rlvr", "hf", "ft", "pt", "eval", "sim2real", "sim-to-real", "real2sim", "vllm", "vl",
        "bleu", "rouge", "cider", "spl", "fid", "psnr", "ssim", "lpips", "miou", "wer", "cer", "ndcg", "mrr",
        "osr", "sr", "ne", "tl", "ap", "acc", "em", "mae", "rmse", "ade", "fde", "hoi",
        // Model sizes, which text taken from PDFs writes in capitals after the model ("BERT BASE" for BERT_BASE).
        "base", "large", "small", "tiny", "medium",
        // Crowdsourcing services, messaging and linguistic word orders.
        "amt", "mturk", "sms", "sov", "svo", "vso",
        // Sensors, imaging, hardware and vehicles.
        "imu", "mri", "fmri", "ct", "eeg", "emg", "ecg", "fpga", "asic", "vlsi", "mems", "gnss", "gps", "uwb", "rfid",
        "radar", "sonar", "auv", "mav", "ugv", "vtol", "av", "avs", "dna", "rna", "cad", "cnc", "led", "cmos", "ccd",
        "rf", "uv", "ir", "bci", "sma", "afm",
        // Metrics, complexity classes and mathematical objects.
        "f1", "snr", "flops", "np", "np-hard", "np-complete", "rkhs", "dag", "lp", "qp", "sdp", "milp", "socp",
        // Model classes, fields and paradigms.
        "dnn", "snn", "ann", "nn", "hmm", "mrf", "fl", "nas", "uda", "zsl", "mtl", "kd", "mil", "lfd", "bo", "erm",
        "mle", "pac", "pac-bayes", "pac-bayesian", "covid-19",
        // Control and robotics concepts, and companies.
        "zmp", "com", "pid", "lqr", "cpg", "kuka", "dlr",
        // Tasks, problems and logics (not methods that solve them).
        "nli", "mot", "mrc", "absa", "gec", "sisr", "fsl", "dml", "tamp", "vio", "tsp", "sat", "mis", "ilp", "mip",
        "ltl", "stl",
        // File formats, devices, materials and geometry words.
        "jpeg", "iot", "wifi", "agv", "pdms", "dsp", "roi", "fov", "iso", "cog",
        // The ACL Anthology's placeholder for a citation: "mBERT (CITATION)".
        "citation",
    ]
    static let generic = Set(genericWords.map(\.description))

    /// `generic` probed by word key, for ASCII text.
    static let genericSet = WordSet(genericWords)

    /// Words that, after a hyphen, make an adjective of a name ("WordNet-tagged", "CLIP-based",
    /// "BERT-style"). Variant words ("-mini", "-instruct", "-large") are not among them: they name another
    /// model of a family.
    static let derivedSuffixes = WordSet([
        "based", "style", "like", "derived", "tagged", "driven", "guided", "inspired", "augmented",
        "conditioned", "annotated", "labeled", "labelled", "generated", "specific", "aware", "powered",
        "enhanced", "centric", "oriented", "initialized", "pretrained", "finetuned", "trained", "extracted",
        "encoded", "type", "esque", "compatible", "equipped", "supervised", "denied", "free", "equivariant",
        "invariant",
    ])

    /// Whether the bytes [s, e), lower-cased, are a generic word, or with `plural` one followed by "s".
    /// ASCII text is looked up by its word key, O(e - s) without a String; other text is lower-cased as a
    /// String, whose Unicode mappings can turn a non-ASCII letter into an ASCII one (KELVIN SIGN into "k").
    static func isGeneric(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, plural: Bool) -> Bool {
        var ascii = true
        for k in s..<e where t[k] >= 0x80 { ascii = false; break }
        if ascii {
            if genericSet.contains(t, s, e) { return true }
            return plural && e > s && Byte.lower(t[e - 1]) == 115 && genericSet.contains(t, s, e - 1)
        }
        let lowered = t.string(s, e).lowercased()
        if generic.contains(lowered) { return true }
        return plural && lowered.hasSuffix("s") && generic.contains(String(lowered.dropLast()))
    }

    static func isName(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var e = end
        if e - start < 2 { return false }
        if Byte.isDigit(t[start]) { return false }
        // Fast path on bytes: a name has a capital after its first byte, a digit, or a star; ordinary words
        // (the vast majority of tokens) have none and are rejected without building a string.
        var marked = false
        for k in (start + 1)..<end where Byte.isUpper(t[k]) || Byte.isDigit(t[k]) || t[k] == 42 || t[k] >= 0x80 {
            marked = true
            break
        }
        if !marked { return false }
        // A bracket without its partner ("DNN)-based", "Decomposition(CAD") is a piece of a phrase, TeX
        // ("\sqrt{AT", "$O(n") is mathematics, "**" is Markdown, and a name turned adjective by a derived word
        // ("SVD-based", "LexiNet-tagged") is no name. ("^" stays: A^2Nav and CAD^2RL are names.)
        // The same pass finds the last hyphen, which both suffix rules below look after.
        var brackets = 0
        var lastDash: Int?
        for k in start..<end {
            switch t[k] {
            case 40: brackets += 1
            case 41: brackets -= 1
            case 45: lastDash = k
            case 92, 123, 125, 36: return false // \ { } $
            case 42 where k + 1 < end && t[k + 1] == 42: return false // Markdown emphasis inside: "**T**raj**E**ctory"
            default: break
            }
        }
        if brackets != 0 { return false }
        if isJoinedSentence(t, start, end) || endsInGluedWord(t, start, end) { return false }
        if let dash = lastDash, dash > start {
            if derivedSuffixes.contains(t, dash + 1, end) { return false }
            // A lower-case suffix after the last hyphen ("-mini", "-instruct") is not part of the name.
            if (dash + 1..<e).allSatisfy({ Byte.isLower(t[$0]) }), e - dash > 2 { e = dash }
        }
        if isGeneric(t, start, e, plural: true) { return false }
        // Judge each hyphen-separated part: one name-shaped part makes a name, and so does an acronym
        // joined to another part (RL-VLM-F, Visual-RFT), even where the acronym alone is generic.
        // The parts are judged as they are found: this runs for every name-marked token.
        var parts = 0
        var noneStartsLower = true, someAcronym = false
        var partStart = start
        for k in start...e where k == e || t[k] == 45 || t[k] == 47 {
            if k > partStart {
                if isNamePart(t, partStart, k) { return true }
                parts += 1
                noneStartsLower = noneStartsLower && !Byte.isLower(t[partStart])
                if !someAcronym {
                    var capitals = 0, lower = false
                    for j in partStart..<k { if Byte.isUpper(t[j]) { capitals += 1 } else if Byte.isLower(t[j]) { lower = true } }
                    someAcronym = capitals >= 2 && !lower
                }
            }
            partStart = k + 1
        }
        return parts >= 2 && noneStartsLower && someAcronym
    }

    /// A version on its own ("V2", "v1.5"): the version of a name written before it ("Something-Something V1
    /// & V2"), never a name by itself, though part of one ("Med-DANet V2").
    static func isBareVersion(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, t[start] == 86 || t[start] == 118, Byte.isDigit(t[start + 1]) else { return false }
        return ((start + 2)..<end).allSatisfy { Byte.isDigit(t[$0]) || t[$0] == 46 }
    }

    /// Two sentences run together where a space went missing: a lower-case word, a full stop and a capitalised
    /// word ("tasks.We", "behaviours.The"), which name-shaped tokens otherwise look like. ("Key.Net" stays.)
    static func isJoinedSentence(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard let dot = (start..<end).first(where: { t[$0] == 46 }), dot - start >= 2, end - dot >= 3,
              (start..<dot).allSatisfy({ Byte.isLower(t[$0]) || t[$0] == 45 }), Byte.isUpper(t[dot + 1]) else { return false }
        return ((dot + 2)..<end).allSatisfy { Byte.isLower(t[$0]) }
    }

    /// A function word glued to a number where text taken from a PDF lost a space ("ResNet-50as backbones",
    /// "FastPose-50or"): a piece of two words, not a name.
    static func endsInGluedWord(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var k = end
        while k > start && Byte.isLower(t[k - 1]) { k -= 1 }
        guard k > start, end - k >= 2, Byte.isDigit(t[k - 1]) else { return false }
        return gluedWords.contains(t, k, end)
    }

    static let gluedWords = WordSet(["as", "or", "and", "in", "on", "of", "to", "is", "at", "by", "for", "with", "the"])

    static func isNamePart(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var upper = 0, lower = 0, digits = 0, star = false, lowerThenUpper = false
        var sawLower = false
        for k in start..<end {
            let b = t[k]
            if Byte.isUpper(b) { upper += 1; if sawLower { lowerThenUpper = true } }
            else if Byte.isLower(b) { lower += 1; sawLower = true }
            else if Byte.isDigit(b) { digits += 1 }
            else if b == 42 { star = true }
            else if b >= 0x80 { lower += 1 }
        }
        let letters = upper + lower
        if letters == 0 { return false }
        var end2 = end
        if upper >= 2 && lower == 1 && t[end - 1] == 115 { end2 -= 1 } // plural acronym: VLMs
        if isGeneric(t, start, end2, plural: false) { return false }
        if star && upper >= 1 { return true }
        if lowerThenUpper { return true }
        if digits > 0 && letters > 0 && Byte.isLetter(t[start]) && (upper > 0) { return true }
        if upper >= 2 && (lower == 0 || (lower == 1 && end2 < end)) { return true }
        return false
    }
}
