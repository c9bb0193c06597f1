#!/usr/bin/env python3
"""Turns TDMSci's tagged sentences into a litgraph corpus and a gold file of the datasets each one names.

    python3 scripts/tdmsci_to_gold.py [--tdmsci DIR] [--out DIR]
    python3 scripts/tdmsci_to_gold.py --datasets-only IN OUT

TDMSci (Hou et al., EACL 2021; Apache-2.0) tags tasks, datasets and metrics in sentences of NLP papers:
`token <TAB> character offset <TAB> BIO tag`, a blank line between sentences. Its splits are read from
../shared/external/tdmsci: test (500 sentences) to score, train (1,500) to look at errors without
spending the test split. Output, per split S, in DIR (default .build/tdmsci):

- S-corpus.jsonl: one record per sentence, {"id": "tdmsci-S-N", "title": "Untitled", "abstract": the
  sentence rebuilt from the tokens' offsets}; the title is a placeholder with no name in it.
- S-gold.jsonl: {"id", "entities": [...]} as in shared/gold/GUIDELINE.md: each DATASET span (one entity
  per normalised name) with "type": "dataset" and "alt_type": "benchmark" (TDMSci's datasets take in
  benchmarks: GLUE, SemEval tasks), its surfaces the span and its shorter spellings (see `surfaces`).
  Tasks and metrics are not listed.

With --datasets-only IN OUT it instead rewrites `litgraph extract` output for scoring datasets alone:
entities typed benchmark become dataset and methods are left out.
"""

import argparse
import json
import pathlib

from gold_common import PLACEHOLDER_TITLE, as_datasets, key

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared/external/tdmsci"


def sentences(path):
    """Each sentence as a list of (token, offset, tag), with the line number of its first token."""
    current, first_line = [], None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    yield first_line, current
                current, first_line = [], None
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not parts[1].isdigit():
                raise SystemExit(f"{path}:{number}: expected token, offset and tag separated by tabs")
            if first_line is None:
                first_line = number
            current.append((parts[0], int(parts[1]), parts[2]))
    if current:
        yield first_line, current


def rebuild(tokens):
    """The sentence's text: each token at its offset (relative to the first), spaces in the gaps."""
    base = tokens[0][1]
    text = ""
    for tok, offset, _ in tokens:
        at = offset - base
        if at > len(text):
            text += " " * (at - len(text))
        text += tok
    return text


KIND_WORDS = {"dataset", "datasets", "corpus", "corpora", "data", "benchmark", "set", "sets"}


def surfaces(span):
    """A span and the shorter spellings that name the same dataset, as SciREX's conversion allows too:
    without a leading "the" or trailing kind words ("Penn Treebank WSJ corpus": "Penn Treebank WSJ"), and,
    for "Name (ACRONYM)", each side ("Wordnet dataset (WN18)": "Wordnet", "WN18"). A prediction of any of
    these finds the entity; each entity is found at most once."""
    out = []

    def add(s):
        s = " ".join(s.split()).strip(" ,;:")
        if key(s) and s not in out:
            out.append(s)

    def core(s):
        toks = s.split()
        if len(toks) > 1 and toks[0].lower() == "the":
            toks = toks[1:]
        while len(toks) > 1 and toks[-1].lower() in KIND_WORDS | {"test", "training", "train"}:
            toks = toks[:-1]
        return " ".join(toks)

    add(span)
    add(core(span))
    if "(" in span:
        outside = span[:span.index("(")]
        inside = span[span.index("(") + 1:].rstrip(")")
        for part in (outside, inside):
            add(part)
            add(core(part))
    return out


def convert(split, tdmsci, out):
    corpus_path, gold_path = out / f"{split}-corpus.jsonl", out / f"{split}-gold.jsonl"
    papers = datasets = 0
    with open(corpus_path, "w", encoding="utf-8") as corpus, open(gold_path, "w", encoding="utf-8") as gold:
        for n, (_, tokens) in enumerate(sentences(tdmsci / f"{split}_500_v2.conll" if split == "test"
                                                 else tdmsci / f"{split}_1500_v2.conll"), 1):
            ident = f"tdmsci-{split}-{n}"
            text = rebuild(tokens)
            base = tokens[0][1]
            spans, start, end = [], None, None
            for tok, offset, tag in tokens + [("", -1, "O")]:
                if start is not None and tag != "I-DATASET":
                    spans.append(text[start - base:end - base])
                    start = None
                if tag == "B-DATASET":
                    start, end = offset, offset + len(tok)
                elif tag == "I-DATASET" and start is not None:
                    end = offset + len(tok)
            entities, seen = [], set()
            for span in spans:
                if key(span) and key(span) not in seen:
                    seen.add(key(span))
                    entities.append({"name": span, "type": "dataset", "alt_type": "benchmark", "surface": surfaces(span),
                                     "introduced": False})
            corpus.write(json.dumps({"id": ident, "title": PLACEHOLDER_TITLE, "abstract": text}, ensure_ascii=False) + "\n")
            gold.write(json.dumps({"id": ident, "entities": entities}, ensure_ascii=False) + "\n")
            papers += 1
            datasets += len(entities)
    print(f"tdmsci_to_gold: {split}: {papers} sentences, {datasets} datasets -> {corpus_path}, {gold_path}")


def datasets_only(source, target):
    with open(source, encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            record["entities"] = as_datasets(record["entities"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tdmsci", default=str(SHARED))
    ap.add_argument("--out", default=str(ROOT / ".build/tdmsci"))
    ap.add_argument("--datasets-only", nargs=2, metavar=("IN", "OUT"),
                    help="rewrite `litgraph extract` output IN to OUT: benchmarks become datasets, methods go")
    args = ap.parse_args()
    if args.datasets_only:
        datasets_only(*args.datasets_only)
        return
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "test"):
        convert(split, pathlib.Path(args.tdmsci), out)


if __name__ == "__main__":
    main()
