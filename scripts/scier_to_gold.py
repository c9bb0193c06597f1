#!/usr/bin/env python3
"""Turns SciER's sentence-level annotations into a litgraph corpus and gold files, to score extraction on
full-text ML papers it has never seen.

    python3 scripts/scier_to_gold.py [--scier DIR] [--out DIR]

SciER (Zhang et al., EMNLP 2024) is GPL-3.0: it is read from ../shared/external/scier and what this script
writes goes under .build/ (not committed), for evaluation only. Input: LLM/{dev,test,test_ood}.jsonl, one
sentence per line: `doc_id`, `sentence` (space-tokenised; in dev and test hyphens and digits are split
too, "CIFAR - 1 0"), `ner`: [[surface, Dataset|Method|Task], ...].

Output, per split S, in DIR (default .build/scier):

- S-corpus.jsonl: one record per paper, {"id": "scier-DOC", "title": "Untitled", "abstract": its annotated
  sentences in order, detokenised ("CIFAR-10", "(MAE)", "w/o")}. The text is the paper's body, not an
  abstract, and the title a placeholder with no name in it.
- S-gold.jsonl: {"id", "entities": [...]} as in shared/gold/GUIDELINE.md, one entity per paper and
  normalised name (lower-cased letters and digits), names linked by SciER's Synonym-Of relation made one
  entity ("Bidirectional Encoder Representations from Transformers" and "BERT"), its surfaces the
  detokenised spans. Dataset becomes
  "dataset" with "alt_type": "benchmark" (SciER's datasets take in benchmarks: GLUE, WMT 2014), Method
  becomes "method", and Task entities are "optional": litgraph does not extract tasks, and a name SciER
  calls a task ("NLP") is neither a hit nor an extra. No entity is "introduced": SciER does not say.
- S-gold-named.jsonl: the same, but a Method or Dataset written only as common words is optional too.
  SciER annotates generic methods ("attention", "recurrent neural networks", "fully connected layer"),
  which litgraph, like the guideline, does not count as named entities; this file scores the named ones.
  An entity is named when one of its surfaces has a capital after its first character or a digit
  ("BERT", "CIFAR-10", "word2vec"), or starts with a capital somewhere other than a sentence's start
  ("Transformer", "Yelp").

Deterministic: papers in order of first appearance, entities in order of first mention.
"""

import argparse
import json
import pathlib

from gold_common import PLACEHOLDER_TITLE, key

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared/external/scier"
SPLITS = ["dev", "test", "test_ood"]

NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "?", "!", "%", "'s", "n't", "'"}
NO_SPACE_AFTER = {"(", "[", "{"}


def is_digit(tok):
    return len(tok) == 1 and tok.isdigit()


def name_like(tok):
    """A token that a version or number continues without a space: a capital after its first letter
    ("YOLOv", "UCF", "ResNet") or a lone "v"/"V" ("MobileNet-v 2")."""
    return any(c.isupper() for c in tok[1:]) or tok in {"v", "V"} or (len(tok) == 1 and tok.isupper())


def detokenise(tokens):
    """Space-separated tokens back to text: no space before closing punctuation or after opening brackets,
    none around "-" and "/" between word tokens, and numbers that the tokeniser split joined again.

    SciER's dev and test tokenisation splits every number into digits and off the letters around it
    ("UCF 1 0 1", "YOLOv 3", "I 3 D", "word 2 vec", "2 0 1 6"; test_ood keeps "2048" whole), so where a
    space was cannot be known. The digits of a run are joined ("2016"); a run of at most three digits joins
    a name-like token before it ("UCF101", "YOLOv3", "MobileNet-v2"; not "Section 3", "COCO 2017"), and then
    up to three letters after it ("I3D", "HOG3D"), as do two lower-case letters after a name, a hyphen and
    the number ("FCN-8s"); a short lower-case word, one digit and up
    to three letters are one word ("word2vec", "seq2seq")."""
    n = len(tokens)
    glued = [False] * n  # glued[i]: no space before token i
    i = 0
    while i < n:
        tok = tokens[i]
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < n else None
        if prev is None:
            glued[i] = True
        elif tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
            glued[i] = True
        elif tok in {"-", "/"} and prev[-1:].isalnum() and nxt is not None and nxt[:1].isalnum():
            glued[i] = True
        elif prev in {"-", "/"} and i >= 2 and tokens[i - 2][-1:].isalnum() and tok[:1].isalnum():
            glued[i] = True
        elif tok.isdigit() and prev == "." and i >= 2 and tokens[i - 2].isdigit():
            glued[i] = True
        if is_digit(tok):
            # A run of single digits: one number.
            j = i
            while j + 1 < n and is_digit(tokens[j + 1]):
                j += 1
                glued[j] = True
            run = j - i + 1
            after = tokens[j + 1] if j + 1 < n else None
            short_letters = after is not None and after.isalpha() and len(after) <= 3
            if prev is not None and run <= 3 and prev[-1:].isalpha() and name_like(prev):
                glued[i] = True
                if short_letters:
                    glued[j + 1] = True
            elif (prev == "-" and glued[i] and tokens[i - 2][-1:].isalpha() and short_letters and len(after) <= 2
                  and after.islower()):
                glued[j + 1] = True  # "FCN-8s", "PASCAL-5i"
            elif (prev is not None and run == 1 and prev.isalpha() and prev.islower() and len(prev) <= 4
                  and short_letters and after.islower()):
                glued[i] = True
                glued[j + 1] = True
            i = j + 1
            continue
        i += 1
    return "".join(tok if glued[k] else " " + tok for k, tok in enumerate(tokens))


def is_named(surfaces_with_position):
    for surface, at_sentence_start in surfaces_with_position:
        if any(c.isdigit() for c in surface) or any(c.isupper() for c in surface[1:]):
            return True
        if surface[:1].isupper() and not at_sentence_start:
            return True
    return False


def merge_synonyms(paper):
    """One entity for names SciER links by Synonym-Of ("Bidirectional Encoder Representations from
    Transformers" and "BERT"), as the guideline gives one entity all its surfaces. Union-find over keys; the
    merged entity keeps the first-mentioned one's name."""
    entities = paper["entities"]
    parent = {k: k for k in entities}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    keys = list(entities)
    for a, b in paper["synonyms"]:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                # The root is the one mentioned first, so the merged name is deterministic.
                first, second = sorted([ra, rb], key=keys.index)
                parent[second] = first
    merged = {}
    for k in keys:
        root = find(k)
        if root not in merged:
            merged[root] = entities[root]
        if root != k:
            into, e = merged[root], entities[k]
            into["labels"] += e["labels"]
            into["surfaces"] += [s for s in e["surfaces"] if s not in into["surfaces"]]
            into["positions"] += e["positions"]
    paper["entities"] = merged


def convert(split, scier, out):
    papers = {}  # doc id -> {"sentences": [...], "entities": {key: entity}, "synonyms": [(key, key)]}
    order = []
    with open(scier / "LLM" / f"{split}.jsonl", encoding="utf-8") as f:
        for line_number, line in enumerate(f, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            doc = str(record["doc_id"])
            if doc not in papers:
                papers[doc] = {"sentences": [], "entities": {}, "synonyms": []}
                order.append(doc)
            paper = papers[doc]
            tokens = record["sentence"].split()
            sentence = detokenise(tokens)
            paper["sentences"].append(sentence)
            for head, relation, tail in record.get("rel", []):
                if relation == "Synonym-Of":
                    paper["synonyms"].append((key(detokenise(head.split())), key(detokenise(tail.split()))))
            for span, label in record["ner"]:
                surface = detokenise(span.split())
                k = key(surface)
                if not k:
                    continue
                at_start = " ".join(tokens).startswith(" ".join(span.split()))
                entity = paper["entities"].get(k)
                if entity is None:
                    entity = {"name": surface, "labels": [], "surfaces": [], "positions": []}
                    paper["entities"][k] = entity
                entity["labels"].append(label)
                if surface not in entity["surfaces"]:
                    entity["surfaces"].append(surface)
                entity["positions"].append((surface, at_start))

    for doc in order:
        merge_synonyms(papers[doc])

    corpus_path = out / f"{split}-corpus.jsonl"
    gold_path = out / f"{split}-gold.jsonl"
    named_path = out / f"{split}-gold-named.jsonl"
    counts = {"papers": len(order), "named": 0, "generic": 0, "task": 0}
    with open(corpus_path, "w", encoding="utf-8") as corpus, open(gold_path, "w", encoding="utf-8") as gold, \
            open(named_path, "w", encoding="utf-8") as named:
        for doc in order:
            paper = papers[doc]
            ident = f"scier-{doc}"
            corpus.write(json.dumps({"id": ident, "title": PLACEHOLDER_TITLE,
                                     "abstract": " ".join(paper["sentences"])}, ensure_ascii=False) + "\n")
            all_entities, named_entities = [], []
            for entity in paper["entities"].values():
                # The label most spans of this name carry (ties: Dataset, then Method, then Task).
                label = max(["Dataset", "Method", "Task"], key=lambda l: (entity["labels"].count(l), -["Dataset", "Method", "Task"].index(l)))
                base = {"name": entity["name"], "surface": entity["surfaces"], "introduced": False}
                if label == "Task":
                    e = dict(base, type="method", optional=True)
                    counts["task"] += 1
                    all_entities.append(e)
                    named_entities.append(e)
                    continue
                e = dict(base, type="dataset", alt_type="benchmark") if label == "Dataset" else dict(base, type="method")
                all_entities.append(e)
                if is_named(entity["positions"]):
                    counts["named"] += 1
                    named_entities.append(e)
                else:
                    counts["generic"] += 1
                    named_entities.append(dict(e, optional=True))
            gold.write(json.dumps({"id": ident, "entities": all_entities}, ensure_ascii=False) + "\n")
            named.write(json.dumps({"id": ident, "entities": named_entities}, ensure_ascii=False) + "\n")
    print(f"scier_to_gold: {split}: {counts['papers']} papers; {counts['named']} named and {counts['generic']} "
          f"generic method/dataset entities, {counts['task']} tasks (optional) -> {corpus_path}, {gold_path}, {named_path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scier", default=str(SHARED))
    ap.add_argument("--out", default=str(ROOT / ".build/scier"))
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        convert(split, pathlib.Path(args.scier), out)


if __name__ == "__main__":
    main()
