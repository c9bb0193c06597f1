#!/usr/bin/env python3
"""Turns DataFinder's SciREX abstracts into a litgraph corpus and a gold file for `litgraph eval`.

    python3 scripts/scirex_to_gold.py [--scirex FILE] [--pwc FILE] [--out DIR]

Input: ../shared/external/pwc_datasets_datafinder/scirex_abstracts_with_gold_datasets.jsonl (406 abstracts;
`documents` = the PwC dataset ids the paper uses, from SciREX's result relations) and the PwC catalogue
beside it. Output, in DIR (default .build/scirex):

- corpus.jsonl: {"id": "scirex-NNN", "title", "abstract", "year"}. SciREX gives no titles and litgraph's
  reader requires one, so the title is a placeholder with no name in it ("Untitled").
- gold.jsonl: {"id", "entities": [{"name": PwC id, "type": "dataset", "surface": [...], "introduced":
  false}]} as in shared/gold/GUIDELINE.md. The surfaces are the PwC id and its PwC variants, less the
  variants that name another PwC id or are listed under several ids (GLUE lists CoLA and MRPC; XTREME lists
  XNLI): otherwise a prediction of CoLA would count as finding GLUE. Each also stands without a leading
  "the" or a trailing dataset/corpus/database/benchmark word (Mapillary Vistas Dataset: Mapillary Vistas),
  unless that names another PwC id.

Deterministic: papers keep their order in the SciREX file; surfaces are sorted.

With --pwc-sense IN OUT it instead rewrites `litgraph extract` output for scoring in PwC's sense of
"dataset", which takes in benchmarks, suites and environments (GLUE, the Arcade Learning Environment, WMT):
entities typed benchmark become dataset and methods are left out. As the gold side lists every PwC spelling
of a dataset, a catalogued prediction gets, symmetrically, every spelling of its catalogue entry (the
curated WMT14 lists "WMT 2014", PwC's id), and, when its own name is no PwC id or variant, its family's
name (the curated ImageNet-1K, a member of ImageNet, which PwC does not tell apart from ImageNet).
With --catalogued-only, names the extractor found from context alone (not in the shipped catalogue) are
left out too, which measures the catalogue by itself.
"""

import argparse
import collections
import json
import pathlib

from gold_common import PLACEHOLDER_TITLE, as_datasets, key

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared/external/pwc_datasets_datafinder"


def core(s):
    """The name without a leading "the" or a trailing kind word (Mapillary Vistas Dataset: Mapillary Vistas;
    Switchboard corpus: Switchboard), as papers often write it."""
    toks = s.split()
    if len(toks) > 1 and toks[0].lower() == "the":
        toks = toks[1:]
    if len(toks) > 1 and toks[-1].lower() in {"dataset", "datasets", "corpus", "database", "benchmark"}:
        toks = toks[:-1]
    return " ".join(toks)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scirex", default=str(SHARED / "scirex_abstracts_with_gold_datasets.jsonl"))
    ap.add_argument("--pwc", default=str(SHARED / "pwc_datasets_catalogue.jsonl"))
    ap.add_argument("--out", default=str(ROOT / ".build/scirex"))
    ap.add_argument("--pwc-sense", nargs=2, metavar=("IN", "OUT"),
                    help="rewrite `litgraph extract` output IN to OUT: benchmarks become datasets, methods go")
    ap.add_argument("--catalogued-only", action="store_true",
                    help="with --pwc-sense: keep only entities of the shipped catalogue (no names found from context)")
    args = ap.parse_args()

    variants = collections.defaultdict(set)
    claims = collections.defaultdict(set)
    with open(args.pwc, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            ident = r["id"].strip()
            claims[key(ident)].add(ident)
            for v in r.get("variants", []):
                v = " ".join(v.split())
                if v:
                    variants[ident].add(v)
                    claims[key(v)].add(ident)

    if args.pwc_sense:
        pwc_sense(*args.pwc_sense, pwc_keys=set(claims), catalogued_only=args.catalogued_only)
        return

    def surfaces(ident):
        own = {v for v in variants.get(ident, ()) if claims[key(v)] == {ident}} | {ident}
        own |= {c for c in map(core, own) if c and claims.get(key(c), {ident}) == {ident}}
        return [ident] + sorted(own - {ident})

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    papers = pairs = 0
    unknown = set()
    with open(args.scirex, encoding="utf-8") as f, \
            open(out / "corpus.jsonl", "w", encoding="utf-8") as corpus, \
            open(out / "gold.jsonl", "w", encoding="utf-8") as gold:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            pid = f"scirex-{n:03d}"
            record = {"id": pid, "title": r.get("title") or PLACEHOLDER_TITLE, "abstract": r["abstract"]}
            if r.get("year"):
                record["year"] = str(r["year"])
            corpus.write(json.dumps(record, ensure_ascii=False) + "\n")
            entities = []
            for ident in sorted(dict.fromkeys(d.strip() for d in r["documents"])):
                if ident not in variants and key(ident) not in claims:
                    unknown.add(ident)
                entities.append({"name": ident, "type": "dataset", "surface": surfaces(ident), "introduced": False})
            gold.write(json.dumps({"id": pid, "entities": entities}, ensure_ascii=False) + "\n")
            papers += 1
            pairs += len(entities)
    print(f"scirex_to_gold: {papers} papers, {pairs} paper-dataset pairs -> {out}/corpus.jsonl, {out}/gold.jsonl"
          + (f" ({len(unknown)} gold ids not in the PwC catalogue)" if unknown else ""))


def catalogue_entries():
    """The shipped catalogue's entries by lower-cased name, later files overriding earlier ones, as litgraph
    loads them."""
    entries = {}
    folder = ROOT / "Sources/LitgraphExtraction/Resources/catalogue"
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                e = json.loads(line)
                entries[e["name"].lower()] = e
    return entries


def pwc_sense(src, dst, pwc_keys, catalogued_only=False):
    entries = catalogue_entries()
    n = kept = 0
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            entities = []
            for e in as_datasets(r.get("entities", [])):
                entry = entries.get(e["name"].lower())
                if catalogued_only and not entry:
                    continue
                if entry:
                    spellings = [entry["name"]] + entry.get("aliases", [])
                    if key(e["name"]) not in pwc_keys and entry.get("parent"):
                        spellings.append(entry["parent"])
                    e = dict(e, surface=e.get("surface", []) + [x for x in spellings if x not in e.get("surface", [])])
                entities.append(e)
            r["entities"] = entities
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
            kept += len(entities)
    print(f"scirex_to_gold: {n} papers, {kept} dataset or benchmark predictions -> {dst}")


if __name__ == "__main__":
    main()
