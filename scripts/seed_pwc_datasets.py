#!/usr/bin/env python3
"""Writes the catalogue's Papers-with-Code dataset entries from DataFinder's copy of PwC `datasets.json`.

Run by hand from the package root when the source or a curated catalogue file changes:

    python3 scripts/seed_pwc_datasets.py [--source FILE] [--out FILE] [--words FILE]
                                         [--frequent-words FILE] [--report]

Input: ../shared/external/pwc_datasets_datafinder/pwc_datasets_catalogue.jsonl (Papers with Code datasets,
CC-BY-SA-4.0, via the DataFinder repository, Viswanathan et al., ACL 2023, Apache-2.0), the other catalogue
files, and the word lists of the Debian packages wamerican and wamerican-small. Output:
Sources/LitgraphExtraction/Resources/catalogue/pwc-datasets.jsonl, shared under CC-BY-SA-4.0 (see the
catalogue folder's README.md). Deterministic: same inputs, same bytes (entries sorted by name, no
timestamps). --report lists what was skipped, dropped, made ambiguous or typed benchmark, and why variants
were refused.

Rules, for each distinct PwC id (rows repeated under one id are merged), applied in the order 1, 6, 4, 2,
3, 5:

1. Aliases. A PwC variant becomes an alias only when it is a true alias of the id, not a leaderboard
   variant: it carries no split, setting or size marker (test, dev, val, "5-way", "1000 Labels", "4x
   upscaling", "128x128", "sigma25", parentheses, commas, "->", "%", a language pair, ...) that the id
   lacks; it is not the id plus or minus a year or version; no other PwC id has it as id or variant; and it
   is related to the id as (a) the same letters and digits (CNNDailyMail / CNN/Daily Mail), (b) the same
   with the year in two digits (CoNLL03 / CoNLL-2003), (c) an acronym of the other (Free Music Archive /
   FMA), (d) the id with generic words added or removed (MS COCO, Microsoft COCO dataset, Freiburg Forest
   Dataset), or (e) a shortening that keeps a distinctive token of five letters or more (WebFace /
   CASIA-WebFace) or drops only numbers (CUB / CUB-200-2011). "Long form (ID)" becomes "Long form".
   Aliases of two letters or fewer are dropped. A variant spelled like the id (ignoring case, spaces and
   hyphens) is kept only when the matcher would not find it through the id: written apart where the id
   runs together (VOT-2018 / VOT2018), or in another case when the id keeps its case (BRATS 2015 / BraTS
   2015), and never when written as prose (Surreal / SURREAL). Two spellings are generated:
   (f) a yearly edition whose id is one word and a year is also written apart and with the year in two
   digits (VOT2018: VOT 2018, VOT 18, VOT'18; WMT 2015: WMT 15, WMT'15), unless a curated entry has that
   spelling; (g) an id ending with a kind word (Dataset, Corpus, Database, Benchmark) also stands without
   it when what remains starts with a coined word (a part with two capitals, or letters run into digits,
   in no form in the word list and not a field acronym of TECH_ACRONYMS such as RGB-D or COVID) and has
   over three letters and digits: CITR Dataset: CITR; KAIST Multispectral Pedestrian Detection Benchmark:
   KAIST Multispectral Pedestrian Detection; but not Arabic Speech Corpus or RGB-D Object Dataset.
   (h) A long form that the description defines for the id, as "Long Form (ID)" or "ID (Long Form)" in its
   first two sentences, becomes an alias when the id is an acronym of it (SFEW: Static Facial Expressions
   in the Wild), so that a paper defining the acronym the same way keeps the catalogue's entity.
2. Type. "benchmark" (with "alt_type": "dataset", as PwC lists it as a dataset) when the id ends with a
   benchmark kind noun (benchmark, suite, environment, simulator, leaderboard, platform, framework,
   engine: "Arcade Learning Environment"); or, when the id ends with no kind noun, when the first sentence
   of the PwC description says the thing is one: the lower-case kind noun ending the subject before
   "is/are/was", or else the first kind noun in the next 13 words (the first 12 words when there is no
   such verb), is one of those, is not followed within two words by dataset/data/database/corpus
   ("benchmark dataset" is a dataset), and is not an "environment" after "in/of/from/with" (where the data
   was recorded). Every other entry is a "dataset".
3. Year. A year (1990-2029, not 2000, which in names more often counts things: DADA-2000) written in the
   id; else the year of the arXiv id (YYMM.NNNNN) of the description's "Source:" link when that link is
   the paper that introduced the dataset (its text equals the PwC `title`). Otherwise no year.
4. Generic names. A spelling is common when every token, lower-cased, is a word of the word list
   (/usr/share/dict/american-english, package wamerican, plus DOMAIN_WORDS) or a number (3D, 360), and
   none is a year: DEMAND, ReCoRD, Part-Of, Visual Genome, 3D Hand Pose, but not BRATS 2015. It is
   prose-like when it is also written in lower case or with initial capitals only, as prose and titles
   write words (capitals inside a word, as in ReCoRD or DEMAND, do not occur there). A prose-like common
   spelling is generic, and would fire on ordinary prose and on title-case titles, when (a) it is one
   word of the list of frequent English words (/usr/share/dict/american-english-small, package
   wamerican-small, SCOWL size 35): Places, Cars, Letter, Breakfast; or (b) its lower-case form occurs as
   prose in at least GENERIC_MIN_DOCS descriptions of other PwC datasets ("visual question answering",
   "hate speech"); or (c) it is in GENERIC_EXTRA (judgement: task names, organisations and everyday
   phrases that the descriptions do not happen to use). Generic spellings are removed; an entry whose
   every spelling is generic is dropped; when only the id is generic, the first remaining alias becomes
   the name. Ids in NOT_DATASETS (judgement: acronyms that in ML and science prose mostly mean a method,
   metric, field, organisation or an everyday word, such as MMD, SVD, MAP, HAR) are dropped.
5. Ambiguity. "ambiguous": true when any remaining spelling is common (rule 4, whatever its case), or has
   three letters and digits or fewer while the entry has no distinctive spelling of two or more words
   (ARC is ambiguous; CBT, which has Children's Book Test, is not). Such entries match only with their
   exact case and in a supporting context, so DEMAND no longer finds "demand" nor PART-OF "part of".
   Exceptions: a common spelling of five letters or fewer with a capital inside a word (BraTS, HoME), as
   the matcher keeps its case anyway and that case does not occur in prose; and a common spelling of three
   content words or more (not counting STOPWORDS and KIND_WORDS) that no other description uses in lower
   case, which is a name, not prose (Static Facial Expressions in the Wild; but Moments in Time and
   Event-Camera Dataset are ambiguous). Also ambiguous: a spelling written as words are that another PwC
   description uses in lower case, as prose, even if the word list lacks it (wireframe, image
   memorability); a one-word name that the word list has as a proper noun (Helen, Dayton, Django); and
   the names of web services a dataset was taken from (SERVICES: arXiv, Reddit, Quora, ...).
6. Collisions. A PwC id is skipped when its name or any alias from rule 1 equals (ignoring case, spaces
   and hyphens, and a leading "the" or a trailing dataset/corpus/database/benchmark word) a spelling of
   an entry in the other catalogue files, read at run time: the curated entry wins ("Mapillary Vistas
   Dataset" yields to the curated "Mapillary Vistas"). Between kept entries, a name stays with the first
   entry by name that has it, and an alias that another entry also has, as name or alias, is removed.
"""

import argparse
import collections
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOGUE_DIR = ROOT / "Sources/LitgraphExtraction/Resources/catalogue"
OUT_NAME = "pwc-datasets.jsonl"
DEFAULT_SOURCE = ROOT.parent / "shared/external/pwc_datasets_datafinder/pwc_datasets_catalogue.jsonl"
DEFAULT_WORDS = pathlib.Path("/usr/share/dict/american-english")
DEFAULT_FREQUENT = pathlib.Path("/usr/share/dict/american-english-small")

# A common spelling is generic when its lower-case form is prose in this many other descriptions.
GENERIC_MIN_DOCS = 3

# Words that may be added to or removed from an id without changing what it names (rule 1d).
FILLER = {"ms", "microsoft", "dataset", "datasets", "data", "set", "corpus", "database", "benchmark", "the",
          "of", "collection"}

# Words that the word list lacks and that are as common as its words ("AND Dataset", "Wireframe").
DOMAIN_WORDS = {"dataset", "datasets", "benchmark", "benchmarks", "online", "multi", "pre", "non", "wireframe",
                "dengue", "interestingness", "memorability", "affective"}

# Acronyms of the field that make no name (RGB-D Object Dataset is not called "RGB-D Object"), rule 1 (g).
TECH_ACRONYMS = {"RGB", "RGBD", "HDR", "GPS", "IMU", "MRI", "CT", "EEG", "ECG", "TTS", "ASR", "NLP", "NER", "QA",
                 "VQA", "AR", "VR", "AI", "ML", "DL", "UAV", "SAR", "OCR", "CNN", "RNN", "LSTM", "GAN", "COVID",
                 "CAD", "IE", "RE", "NLI", "MT"}

# Tokens that mark a leaderboard variant, a split or a setting rather than another name (rule 1).
SPLIT_WORDS = {
    "test", "tests", "testing", "dev", "val", "valid", "validation", "train", "training", "trainval",
    "minival", "minval", "split", "splits", "subset", "labels", "labeled", "labelled", "samples", "sample",
    "shot", "way", "classes", "class", "epochs", "upscaling", "quality", "full", "fewshot", "unsupervised",
    "supervised", "conditional", "unconditional", "leaderboard", "clean", "other", "easy", "medium", "hard",
    "moderate", "filtered", "restricted", "unrestricted", "detected", "steps", "tasks", "frames",
    "imbalanced", "noisy", "rotated", "rotating", "sequential", "online", "open", "standard", "balanced",
    "unbalanced", "random", "partition", "nodes", "per", "vs", "to", "generation", "classification",
    "detection", "segmentation", "tracking", "panoptic", "large", "small", "english", "german", "french",
    "chinese", "spanish", "russian", "dutch", "japanese", "portuguese", "italian", "czech", "romanian",
    "finnish", "estonian", "en", "de", "fr", "es", "zh", "ja", "pt", "ro", "cs", "ru", "lt", "qa", "entities",
    "challenge", "task", "track", "area5", "single", "multi", "person", "general",
}
SPLIT_PATTERNS = [
    re.compile(r"[(),:;%=>→*\[\]]"),
    re.compile(r"\d+\s*[x×]\s*\d+"),  # 128x128, 256 x 256
    re.compile(r"(?<![a-z])\d+x(?![a-z])", re.I),  # 4x
    re.compile(r"sigma\d", re.I),
    re.compile(r"\b\d+-(shot|way|class|clique)", re.I),
    re.compile(r"[a-z]{2}-[a-z]{2}$", re.I),  # en-de
    re.compile(r"-to-|\bto\b", re.I),
    re.compile(r"(?i)\b(test|dev|val|train)[-\s]?(std|dev|clean|other|challenge|set)?\b"),
]

# Kind nouns that make an entry a benchmark (rule 2) and the ones that keep it a dataset.
BENCHMARK_NOUNS = {"benchmark", "benchmarks", "suite", "suites", "environment", "environments", "simulator",
                   "simulators", "leaderboard", "leaderboards", "platform", "framework", "engine"}
LOCATIVE = {"in", "of", "from", "with", "within", "across", "under", "for"}
DATASET_NOUNS = {"dataset", "datasets", "data", "database", "databases", "corpus", "corpora", "collection",
                 "set", "sets", "dateset"}

# Judgement (rule 4): spellings that are generic although the descriptions do not show it, such as
# organisations (not entities per the guideline) and task or everyday phrases.
GENERIC_EXTRA = {
    # organisations and services
    "darpa", "semantic scholar", "foursquare",
    # tasks, problems and concepts
    "sentence compression", "arabic text diacritization", "acronym identification",
    "image paragraph captioning", "legal documents entity recognition", "long-term visual localization",
    "object discovery", "perceptual similarity", "relative size", "drone tracking", "evidence inference",
    "contract discovery", "detection of traffic anomaly", "retinal microsurgery", "robotic instruments",
    "cuff-less blood pressure estimation", "photographic defect severity", "part whole relations",
    "metric-type of numerical tables", "workplace sexual harassment", "automating dynamic consent",
    "salient closed boundary tracking", "numeric fused-head", "open entity", "road scene graph",
    "3d hand pose", "image memorability", "affective text", "interestingness", "motion capture",
    # everyday phrases
    "reddit corpus", "lorenz dataset", "google dataset", "general", "medical domain", "music domain",
    "humans in 3d", "gaming 3d", "red wine", "synthetic rain datasets", "real blur dataset",
    "uci machine learning repository", "earnings call", "processed twitter", "twitter flood",
    "twitter politicians data", "multi task crowd", "street scene", "kitchen scenes", "grocery store",
    "collective activity", "synthetic keystroke",
}

# Judgement (rule 4): short ids that in ML prose mostly mean a method, metric, organisation or everyday
# acronym rather than the dataset of that name.
NOT_DATASETS = {
    # methods, models, metrics and mathematical terms
    "MMD", "SVD", "MAP", "MLM", "MMI", "NAR", "PGM", "PIT", "FAD", "GEM", "RISE", "SOLO", "PCN", "FLAME",
    "MUSIC", "APE", "ALT", "ITG", "CID", "SRD", "DET", "PEC", "RTN", "TLL", "MoCap",
    # a surname, cited far more often than its dataset ("Kumar et al.")
    "Kumar",
    # fields, tasks, devices, media and diseases
    "HAR", "CCD", "ASD", "AIDS", "CS", "MR", "MSC", "CPP", "PCD", "MED", "MEDIA", "CMD", "HSD", "HRA",
    # organisations and agencies (universities and labs that name a dataset, as ETH or UCSD, are kept:
    # ambiguous entries need a supporting context)
    "ACM", "DARPA", "IRS", "IMO",
    # everyday words in capitals
    "SUM", "HELP", "RUN", "VIA", "BIG", "BAR", "RED", "HARD", "FAT", "DAD", "LAD", "LAG", "SEND", "SIP",
    "RAP", "ROSE", "DENSE", "CROSS", "CLOUD", "BREAK", "BIRD", "CITE", "RICE", "SEED", "SPOT", "CATS",
    "WIT", "VAST", "ZEST", "TITAN", "ERA", "EVE", "EMU", "HAM", "COG", "CAMO",
}

# Judgement (rule 5): names of the web services a dataset was taken from; a bare mention usually means the
# service ("posted on Reddit", "arXiv:1810.06339"), so they are ambiguous and need a supporting context.
SERVICES = {"arXiv", "DBLP", "Pinterest", "Quora", "Reddit", "Slashdot", "Snopes", "WeChat"}

SEPARATOR = re.compile(r"[\s\-]")
# A year in a name: 1990-2029 but not 2000, which in names counts things more often (DADA-2000, RWF-2000).
YEAR = re.compile(r"(?<!\d)(199\d|200[1-9]|201\d|202\d)(?!\d)")
SOURCE = re.compile(r"Source:\s*\[([^\]]*)\]\(([^)]*)\)")
ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{2})(\d{2})\.\d{4,5}")


def clean(s):
    """Removes mis-decoded non-breaking spaces, odd whitespace and surrounding blanks."""
    s = s.replace("\u00ac\u2020", " ").replace("\u00a0", " ").replace("\u3000", " ")
    return re.sub(r"\s+", " ", s).strip()


def key(s):
    """The test's collision key: lower case without spaces and hyphens."""
    return s.lower().replace(" ", "").replace("-", "")


def letters(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def tokens(s):
    return [t for t in re.split(r"[\s\-/_]+", s) if t]


def load_words(path):
    """Lower-case entries of the word list (common words), without possessives."""
    common = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and "'" not in w and w == w.lower():
                common.add(w)
    return common


def is_common(s, words):
    """Every token a lower-case dictionary word, whatever the case it is written in (DEMAND, ReCoRD, Part-Of):
    the matcher folds case, so such a spelling must be matched with its exact case."""
    toks = tokens(s)
    if any(YEAR.fullmatch(t) for t in toks):
        return False  # an edition (BRATS 2015, Sugar Beets 2016) is no phrase of prose
    return bool(toks) and all(t.lower() in words or re.fullmatch(r"\d+[dD]?", t) for t in toks) \
        and not all(t.isdigit() for t in toks)


def is_prose(s, words):
    """A common spelling written in lower case or with initial capitals only, as prose and titles write
    words; capitals inside a word (ReCoRD, HoME, DEMAND) do not occur there."""
    return is_common(s, words) and all(t == t.lower() or t == t.capitalize() for t in tokens(s))


def written_as_words(s):
    """Written in lower case or with initial capitals only, as prose and titles write words."""
    toks = tokens(s)
    return bool(toks) and all(t == t.lower() or t == t.capitalize() for t in toks) and re.search(r"[a-z]", s)


STOPWORDS = {"of", "the", "in", "and", "for", "a", "an", "on", "to", "with", "from", "by", "at"}
ACRONYM_SKIPS = {"of", "the", "in", "and", "for", "a", "on"}
KIND_WORDS = {"dataset", "datasets", "data", "set", "corpus", "database", "benchmark", "challenge", "collection"}


def needs_care(s, words, others=(), used_as_prose=False):
    """Rule 5: a common spelling (unless its exact case cannot occur in prose and the matcher keeps it: five
    letters or fewer with a capital inside, as BraTS or HoME; or it is a name of three content words or more
    that no other description uses in lower case, as Static Facial Expressions in the Wild), or one of three
    letters and digits or fewer when the entry has no distinctive spelling of two or more words among
    `others`."""
    if len(letters(s)) <= 3:
        return not any(len(tokens(o)) >= 2 and not is_common(o, words) for o in others)
    if not is_common(s, words):
        return False
    content = [t for t in tokens(s) if t.lower() not in STOPWORDS and t.lower() not in KIND_WORDS]
    if len(content) >= 3 and not used_as_prose:
        return False
    inner_capital = any(any(c.isupper() for c in t[1:]) and any(c.islower() for c in t) for t in tokens(s))
    return not (inner_capital and sum(c.isalpha() for c in s) <= 5)


def acronym_of(short, long):
    """True when `short` (one token of letters and digits, mostly capitals) is an acronym of `long` (two or
    more words, not counting ACRONYM_SKIPS): its letters are found in order, each word giving a
    non-empty run that starts with the word's first letter (after Schwartz & Hearst 2003, tightened so that
    every word counts): Penn Treebank: PTB, Leeds Sports Pose: LSP."""
    if not re.fullmatch(r"[A-Za-z0-9]+", short.strip()):
        return False
    words = [w.lower() for w in re.split(r"[\s\-]+", long) if w and w.lower() not in ACRONYM_SKIPS]
    alpha = [c for c in short if c.isalpha()]
    if len(words) < 2 or sum(c.isupper() for c in alpha) < max(2, 2 * len(alpha) / 3):
        return False
    if any(letters(w) == letters(short) for w in words):
        return False  # "DUTS-test" is DUTS with a split, not an expansion
    s = short.lower()

    def match(i, wi):
        """Can s[i:] be spelled by words[wi:]?"""
        if i == len(s) or wi == len(words):
            return i == len(s) and wi == len(words)
        w = words[wi]
        if w[0] != s[i]:
            return False
        j, pos = i + 1, 1
        while True:
            if match(j, wi + 1):
                return True
            if j == len(s):
                return False
            p = w.find(s[j], pos)
            if p < 0:
                return False
            pos, j = p + 1, j + 1

    return match(0, 0)


def strip_year(s):
    return re.sub(r"[\s\-]*" + YEAR.pattern + r"[\s\-]*", " ", s).strip()


def is_split_variant(v, name):
    """A marker pattern anywhere, or a split word that the id itself does not contain."""
    if any(p.search(v) for p in SPLIT_PATTERNS):
        return True
    own = {t.lower() for t in tokens(name)}
    return any(t.lower() in SPLIT_WORDS and t.lower() not in own for t in tokens(v))


def split_version(s):
    """("Visual Question Answering", "2") for "Visual Question Answering v2.0"; (s, None) without a version
    (a trailing "v2", "2.0" or "v1.1"; a bare integer counts only after a space, as in "VQA 2")."""
    m = re.search(r"(?:[\s\-]+v?|(?<=[a-z])v)(\d+)(?:\.(\d+))?$", s, re.I)
    if not m or (not re.search(r"v", m.group(0), re.I) and m.group(2) is None and not m.group(0).startswith(" ")):
        return s, None
    minor = m.group(2) or "0"
    return s[:m.start()].strip(), m.group(1) + ("" if minor == "0" else "." + minor)


def singular(t):
    return t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t


def related(v, name, versioned=True):
    """Rule 1 (a)-(e): is variant `v` another way of writing `name`?"""
    norm = lambda s: letters(s.replace("+", "plus"))
    if norm(v) == norm(name):
        return True
    two_digit = lambda s: letters(re.sub(r"(19|20)(\d\d)(?!\d)", r"\2", s))
    if two_digit(v) == two_digit(name) and YEAR.search(name + " " + v):
        return True
    if versioned:
        (bv, vv), (bn, vn) = split_version(v), split_version(name)
        if vv is not None and vv == vn:
            return related(bv, bn, versioned=False)
        if (vv is None) != (vn is None):
            return False  # an edition with or without its version number
    if acronym_of(v, name) or acronym_of(name, v):
        return True
    tv = [singular(t.lower()) for t in tokens(v)]
    tn = [singular(t.lower()) for t in tokens(name)]
    if tv == tn:
        return True
    extra_v = [t for t in tv if t not in tn]
    extra_n = [t for t in tn if t not in tv]
    if set(tv) & set(tn) and all(t in FILLER for t in extra_v) and all(t in FILLER for t in extra_n):
        return True
    # MSCOCO for COCO: a filler word run together with the name.
    if any(norm(v) in (f + norm(name), norm(name) + f) for f in FILLER):
        return True
    # (e) shortening to a distinctive token of the name (WebFace for CASIA-WebFace), or dropping only
    # numbers (CUB for CUB-200-2011).
    if not extra_v and extra_n:
        if all(len(re.sub(r"[^a-z]", "", t)) >= 5 for t in tv):
            return True
        if all(t.isdigit() for t in extra_n) and all(len(re.sub(r"[^a-z]", "", t)) >= 3 for t in tv):
            return True
    return False


def edition_spellings(name):
    """Rule 1 (f): a yearly edition is also written apart when its id runs the year on (VOT2018: VOT 2018) and
    with the year in two digits (WMT 2015: WMT 15, WMT'15; the matcher finds WMT-15 and WMT15 too)."""
    m = re.fullmatch(r"([A-Za-z][A-Za-z\-]*[A-Za-z])([\s\-]?)((?:19|20)(\d\d))", name)
    if not m or not YEAR.fullmatch(m.group(3)):
        return []
    prefix, sep, year, yy = m.groups()
    out = [] if sep else [f"{prefix} {year}"]
    return out + [f"{prefix} {yy}", f"{prefix}'{yy}"]


def described_long_forms(ident, contents):
    """Rule 1 (h): long forms the description defines for the id, "Long Form (ID)" or "ID (Long Form)" in
    its first two sentences, when the id is an acronym of the long form: Static Facial Expressions in the
    Wild for SFEW, Airline Travel Information Systems for ATIS."""
    text = re.sub(r"\*\*|__|[“”\"]", "", contents.replace("\r", " ").replace("\n", " "))
    text = " ".join(re.split(r"(?<=[a-z0-9\)])\.\s", text, maxsplit=2)[:2])
    found = []
    for m in re.finditer(r"\(([^()]{2,80})\)", text):
        inside = m.group(1).strip()
        before = text[:m.start()].split()
        if letters(inside) == letters(ident):
            # Long Form (ID): the shortest run of words ending before "(" that the id spells.
            for n in range(2, min(len(before), 12) + 1):
                window = " ".join(before[-n:]).strip(",;:")
                if acronym_of(ident, window):
                    found.append(window)
                    break
        elif before and letters(before[-1]) == letters(ident) and acronym_of(ident, inside):
            found.append(inside)  # ID (Long Form)
    return [f for f in found if not re.search(r"[()\[\]:;]", f)]


def year_of(name, rows):
    m = YEAR.search(name)
    if m:
        return int(m.group(1))
    years = []
    for r in rows:
        for text, url in SOURCE.findall(r.get("contents", "")):
            a = ARXIV.search(url)
            if a and letters(text) == letters(r.get("title", "")) and letters(text):
                years.append(2000 + int(a.group(1)))
    return min(years) if years else None


def first_sentence(contents):
    text = re.sub(r"\*\*|__|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", contents)
    text = text.replace("\r", " ").replace("\n", " ")
    return re.split(r"(?<=[a-z0-9\)])\.\s", text, maxsplit=1)[0]


def kind_of(name, contents):
    """Rule 2: "benchmark" or "dataset", from a kind noun ending the id or else the description's first
    sentence."""
    last = tokens(name)[-1].lower() if tokens(name) else ""
    if last in DATASET_NOUNS:
        return "dataset"
    if last in BENCHMARK_NOUNS:
        return "benchmark"
    s = first_sentence(contents)
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", s)

    def verdict(i):
        w = words[i]
        if w in DATASET_NOUNS:
            return "dataset"
        if w in BENCHMARK_NOUNS:
            if w.startswith("environment") and any(x in LOCATIVE for x in words[max(0, i - 3):i]):
                return None  # "in urban environments": where the data was taken, not what it is
            follow = [x.lower() for x in words[i + 1:i + 3]]
            return "dataset" if any(x in DATASET_NOUNS for x in follow) else "benchmark"
        return None

    cop = next((i for i, w in enumerate(words) if w in {"is", "are", "was"}), None)
    if cop is not None:
        if cop > 0 and verdict(cop - 1):
            return verdict(cop - 1)
        window = range(cop + 1, min(len(words), cop + 14))
    else:
        window = range(min(len(words), 12))
    for i in window:
        v = verdict(i)
        if v:
            return v
    return "dataset"


def prose_users(phrases, rows_by_id):
    """For each lower-case phrase, the PwC ids whose description uses it in lower case, as prose."""
    users = collections.defaultdict(set)
    patterns = {p: re.compile(r"(?<![\w\-])" + re.escape(p).replace(r"\ ", r"[\s\-]+") + r"(?![\w\-])")
                for p in phrases}
    for ident, rows in rows_by_id.items():
        text = " ".join(r.get("contents", "") for r in rows)
        for p, rx in patterns.items():
            if rx.search(text):
                users[p].add(ident)
    return users


def core_spelling(s):
    """`s` without a leading "the" and a trailing kind word: Mapillary Vistas Dataset and Mapillary Vistas
    are one dataset."""
    toks = s.strip().split()
    if len(toks) > 1 and toks[0].lower() == "the":
        toks = toks[1:]
    if len(toks) > 1 and toks[-1].lower() in {"dataset", "datasets", "corpus", "database", "benchmark"}:
        toks = toks[:-1]
    return " ".join(toks)


def starts_coined(s, words, all_words):
    """Rule 1 (g): does `s` start with a coined word: a part with two capitals or letters run into digits,
    in no form in the word list, and no field acronym (CITR, KAIST, 3DPeople; not RGB-D, Arabic)?"""
    first = s.split()[0] if s.split() else ""
    return any((sum(c.isupper() for c in part) >= 2 or re.search(r"[A-Za-z]{2}\d|\d[A-Za-z]{2}", part))
               and part.lower() not in words and part not in all_words and part.upper() not in TECH_ACRONYMS
               for part in tokens(first))


def core(s):
    """The collision key of `core_spelling(s)`."""
    return key(core_spelling(s))


def curated_keys(out_name):
    """Spellings of every entry in the other catalogue files, by collision key and by core key."""
    owner = {}
    for path in sorted(CATALOGUE_DIR.glob("*.jsonl")):
        if path.name == out_name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            for s in [e["name"]] + e.get("aliases", []):
                owner.setdefault(key(s), e["name"])
                owner.setdefault("core:" + core(s), e["name"])
    return owner


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=str(DEFAULT_SOURCE))
    ap.add_argument("--out", default=str(CATALOGUE_DIR / OUT_NAME))
    ap.add_argument("--words", default=str(DEFAULT_WORDS), help="word list: common words (wamerican)")
    ap.add_argument("--frequent-words", default=str(DEFAULT_FREQUENT),
                    help="short word list: frequent words (wamerican-small)")
    ap.add_argument("--report", action="store_true", help="list skipped, dropped and ambiguous entries")
    args = ap.parse_args()

    words_path = pathlib.Path(args.words)
    if not words_path.exists():
        sys.exit(f"{words_path}: word list missing (apt-get install wamerican)")
    words = load_words(words_path) | DOMAIN_WORDS
    all_words = {w.strip() for w in open(words_path, encoding="utf-8", errors="replace")}
    frequent_path = pathlib.Path(args.frequent_words)
    if not frequent_path.exists():
        sys.exit(f"{frequent_path}: word list missing (apt-get install wamerican-small)")
    frequent = load_words(frequent_path)

    rows_by_id = collections.OrderedDict()
    with open(args.source, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            ident = clean(r["id"])
            if not ident:
                sys.exit(f"{args.source}:{n}: empty id")
            rows_by_id.setdefault(ident, []).append(r)

    # Who claims each spelling (by letters-and-digits key) among PwC ids and variants.
    claims = collections.defaultdict(set)
    for ident, rows in rows_by_id.items():
        claims[key(ident)].add(ident)
        for r in rows:
            for v in r.get("variants", []):
                claims[key(clean(v))].add(ident)
    id_keys = {key(i): i for i in rows_by_id}

    # Rule 1: aliases.
    def alias_verdict(v, ident):
        """None when `v` is a true alias of `ident`, else why not."""
        if key(v) == key(ident):
            # The matcher folds the case of long names and finds run-together forms of separated names, but
            # not the separated form of a run-together name (VOT-2018 for VOT2018), nor another case of an
            # exact-case name (BRATS 2015 for BraTS 2015): keep those, unless written as prose (Surreal).
            if v == ident or is_prose(v, words) or v.lower() == v:
                return "same spelling"
            if SEPARATOR.search(v) and not SEPARATOR.search(ident):
                return None
            other_case = v.lower() == ident.lower() or \
                letters(v) == letters(ident) and SEPARATOR.sub("", v) != SEPARATOR.sub("", ident)
            if other_case:
                # The matcher keeps the case of names of five letters or fewer and of one word in capitals.
                exact = sum(c.isalpha() for c in ident) <= 5 or (ident.isalpha() and ident.isupper())
                return None if exact else "same spelling"
            return "same spelling"
        if len(letters(v)) <= 2:
            return "too short"
        if claims[key(v)] - {ident} or (key(v) in id_keys and id_keys[key(v)] != ident):
            return "shared"
        if is_split_variant(v, ident) and not acronym_of(ident, v):
            return "split"
        if YEAR.search(v + " " + ident) and \
                (letters(strip_year(v)) == letters(ident) or letters(strip_year(ident)) == letters(v)):
            return "edition"
        if not re.search(r"[A-Za-z]", v) or not related(v, ident):
            return "unrelated"
        return None

    aliases, rejected = {}, []
    for ident, rows in rows_by_id.items():
        kept = []
        for v in sorted({clean(v) for r in rows for v in r.get("variants", [])} - {""}):
            long_form = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", v)
            if long_form and letters(long_form.group(2)) == letters(ident):
                v = long_form.group(1).strip()
            why = alias_verdict(v, ident)
            if why is None:
                if all(SEPARATOR.sub("", v).lower() != SEPARATOR.sub("", k).lower() for k in kept):
                    kept.append(v)
            elif why != "same spelling":
                rejected.append((ident, v, why))
        for long_form in described_long_forms(ident, rows[0].get("contents", "")):
            long_form = re.sub(r"^(?:[Tt]he|[Aa]n?) ", "", long_form)
            if all(key(long_form) != key(k) for k in kept + [ident]) and not claims[key(long_form)] - {ident} \
                    and key(long_form) not in id_keys:
                kept.append(long_form)
        aliases[ident] = kept

    # Rule 4: generic spellings (and rule 5's prose test), from the lower-case use of each spelling that is
    # written as words are.
    spellings = {s for ident in rows_by_id for s in [ident] + aliases[ident] if written_as_words(s)}
    owners = prose_users({s.lower() for s in spellings}, rows_by_id)

    def generic(s, ident):
        low = s.lower()
        if low in GENERIC_EXTRA:
            return True
        if not is_prose(s, words):
            return False
        if len(tokens(s)) == 1 and low in frequent:
            return True
        return len(owners[low] - {ident}) >= GENERIC_MIN_DOCS

    curated = curated_keys(pathlib.Path(args.out).name)
    kept_entries, skipped, dropped_generic, dropped_judgement = [], [], [], []
    for ident, rows in rows_by_id.items():
        spell = [ident] + aliases[ident]
        hit = [(s, curated.get(key(s)) or curated["core:" + core(s)]) for s in spell
               if key(s) in curated or "core:" + core(s) in curated]
        if hit:
            skipped.append((ident, hit))
            continue
        if ident in NOT_DATASETS:
            dropped_judgement.append(ident)
            continue
        good = [s for s in spell if not generic(s, ident)]
        if not good:
            dropped_generic.append(ident)
            continue
        name, al = good[0], good[1:]
        short = core_spelling(ident)
        if key(short) != key(ident) and starts_coined(short, words, all_words) and len(letters(short)) > 3 \
                and key(short) not in curated and not claims[key(short)] - {ident}:
            al.append(short)
        written = {k.lower().replace("-", " ") for k in [name] + al}
        al += [x for x in edition_spellings(ident)
               if key(x) not in curated and x.lower().replace("-", " ") not in written]
        kind = kind_of(ident, rows[0].get("contents", ""))
        entry = {"name": name, "type": kind}
        if kind == "benchmark":
            entry["alt_type"] = "dataset"
        entry["aliases"] = al
        year = year_of(ident, rows)
        if year:
            entry["year"] = year
        def as_prose(x):
            """Used in lower case, as prose, by another description (wireframe, image memorability)."""
            return len(owners.get(x.lower(), set()) - {ident}) >= 1

        def prose_or_proper(x):
            """Rule 5: written as words and used as prose elsewhere, or a proper noun of the word list
            standing alone (Helen, Dayton, Django)."""
            return written_as_words(x) and (as_prose(x)
                                            or (len(tokens(x)) == 1 and x in all_words and x.lower() not in words))
        if name in SERVICES or any(needs_care(x, words, [name] + al, as_prose(x)) or prose_or_proper(x)
                                   for x in [name] + al):
            entry["ambiguous"] = True
        kept_entries.append(entry)

    # Rule 6 between PwC entries: a name stays with its entry (the first by name if two share it); an alias
    # claimed by another entry's name or alias is removed.
    final, dup_dropped = [], []
    name_keys = set()
    for e in sorted(kept_entries, key=lambda e: (e["name"].lower(), e["name"])):
        if key(e["name"]) in name_keys:
            dup_dropped.append(e["name"])
            continue
        name_keys.add(key(e["name"]))
        final.append(e)
    alias_claims = collections.Counter(k for e in final for k in {key(a) for a in e["aliases"]})
    for e in final:
        e["aliases"] = [a for a in e["aliases"] if key(a) == key(e["name"]) or
                        (key(a) not in name_keys and alias_claims[key(a)] == 1)]

    out = pathlib.Path(args.out)
    with open(out, "w", encoding="utf-8") as f:
        for e in final:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")

    stats = collections.Counter(e["type"] for e in final)
    where = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"{len(rows_by_id)} PwC ids -> {len(final)} entries in {where} ({stats['dataset']} dataset, "
          f"{stats['benchmark']} benchmark, {sum(1 for e in final if e.get('ambiguous'))} ambiguous, "
          f"{sum(1 for e in final if 'year' in e)} with a year, {sum(len(e['aliases']) for e in final)} aliases); "
          f"skipped for collision with the curated catalogue: {len(skipped)}; dropped as generic: "
          f"{len(dropped_generic)}; dropped by judgement: {len(dropped_judgement)}; dropped as duplicate "
          f"spelling: {len(dup_dropped)}", file=sys.stderr)
    if args.report:
        print("skipped (curated wins):",
              "; ".join(f"{i} [{', '.join(f'{s}={o}' for s, o in h)}]" for i, h in skipped))
        print("dropped generic:", "; ".join(dropped_generic))
        print("dropped by judgement:", "; ".join(dropped_judgement))
        print("dropped duplicate:", "; ".join(dup_dropped))
        print("ambiguous:", "; ".join(e["name"] for e in final if e.get("ambiguous")))
        print("benchmarks:", "; ".join(e["name"] for e in final if e["type"] == "benchmark"))
        print("variants rejected:", "; ".join(f"{i}: {v!r} ({w})" for i, v, w in rejected))
        print("aliases:", "; ".join(f"{e['name']}={e['aliases']}" for e in final if e["aliases"]))


if __name__ == "__main__":
    main()
