#!/usr/bin/env python3
"""Writes expected_association.json: co-occurrence counts and association measures for AssociationTests.

Run with networkx 3.6.1:
    python3 Tests/LitgraphAnalysisTests/Fixtures/make_association.py

Independent of the Swift code: counts come from Python sets per paper (a paper counts once per entity, however
many mentions), the VOSviewer quantities from a networkx Graph, the ratios from exact fractions
(fractions.Fraction) rounded once to float, NPMI straight from its definition with float probabilities.
- c_ij: papers whose entity set holds both i and j; c_ii: papers holding i; N: papers of the corpus, including
  the ones that mention nothing (N is given, not counted).
- association (probabilistic, bibliometrix's normalizeSimilarity "association" times N): N c_ij / (c_ii c_jj).
- association_vos (VOSviewer / CWTS, van Eck & Waltman 2009): a_ij / (k_i k_j / 2m) with a_ij = c_ij,
  k_i = G.degree(i, weight="weight"), m = G.size(weight="weight") on the co-occurrence graph G.
- jaccard c_ij / (c_ii + c_jj - c_ij); cosine c_ij / sqrt(c_ii c_jj) (math.sqrt); inclusion c_ij / min(c_ii, c_jj).
- npmi: log(p_ij / (p_i p_j)) / -log(p_ij) with p = count / N as floats; 1 when p_ij = 1 (the 0/0 case).
Corpora: "small" (10 papers, two without entities; DMC mentioned 5 times in p2 and listed twice in p8, to check
that counts are papers) and "always" (2 papers, both mentioning X and Y: c_ij = N). The Swift test repeats the
corpora literally and checks they match the ones stored here.
"""
import itertools
import json
import math
import os
from fractions import Fraction

import networkx as nx

assert nx.__version__ == "3.6.1", f"expected networkx 3.6.1, found {nx.__version__}"

TYPES = {"Atari": "benchmark", "DMC": "benchmark", "ImageNet": "dataset", "CLIP": "method", "CURL": "method",
         "DreamerV3": "method", "DrQ-v2": "method", "ResNet": "method", "X": "method", "Y": "method"}

# (paper, entity, mention count); a paper may list an entity twice, as a caller merging aliases would.
CORPORA = {
    "small": {
        "papers": 10,
        "mentions": [
            ["p1", "DreamerV3", 1], ["p1", "DMC", 2], ["p1", "Atari", 1],
            ["p2", "DreamerV3", 3], ["p2", "DMC", 5],
            ["p3", "DrQ-v2", 1], ["p3", "DMC", 1],
            ["p4", "DrQ-v2", 1], ["p4", "DMC", 1], ["p4", "ImageNet", 1], ["p4", "ResNet", 2],
            ["p5", "ImageNet", 1], ["p5", "ResNet", 1],
            ["p6", "ImageNet", 4], ["p6", "ResNet", 1], ["p6", "CLIP", 1],
            ["p7", "Atari", 1],
            ["p8", "Atari", 1], ["p8", "DMC", 1], ["p8", "CURL", 1], ["p8", "DrQ-v2", 1], ["p8", "DMC", 2],
        ],
    },
    "always": {"papers": 2, "mentions": [["q1", "X", 1], ["q1", "Y", 1], ["q2", "X", 2], ["q2", "Y", 1]]},
}


def measures(corpus):
    n = corpus["papers"]
    by_paper = {}
    for paper, entity, _ in corpus["mentions"]:
        by_paper.setdefault(paper, set()).add(entity)
    c = {}
    pair_counts = {}
    for entities in by_paper.values():
        for e in entities:
            c[e] = c.get(e, 0) + 1
        for a, b in itertools.combinations(sorted(entities), 2):
            pair_counts[(a, b)] = pair_counts.get((a, b), 0) + 1
    G = nx.Graph()
    G.add_nodes_from(c)
    for (a, b), w in pair_counts.items():
        G.add_edge(a, b, weight=w)
    m = G.size(weight="weight")
    k = dict(G.degree(weight="weight"))
    pairs = []
    for (a, b), cij in sorted(pair_counts.items()):
        ci, cj = c[a], c[b]
        pij, pi, pj = cij / n, ci / n, cj / n
        npmi = 1.0 if pij == 1 else math.log(pij / (pi * pj)) / -math.log(pij)
        pairs.append({
            "a": a, "b": b, "count": cij, "papers_a": ci, "papers_b": cj,
            "association": float(Fraction(n * cij, ci * cj)),
            "association_vos": float(Fraction(cij) / (Fraction(k[a]) * Fraction(k[b]) / (2 * Fraction(m)))),
            "jaccard": float(Fraction(cij, ci + cj - cij)),
            "cosine": cij / math.sqrt(ci * cj),
            "inclusion": float(Fraction(cij, min(ci, cj))),
            "npmi": npmi,
        })
    return {
        "papers": n,
        "mentions": corpus["mentions"],
        "types": {e: TYPES[e] for e in sorted(c)},
        "entity_papers": {e: c[e] for e in sorted(c)},
        "link_weight": {e: int(k[e]) for e in sorted(c)},
        "total_weight": int(m),
        "pairs": pairs,
    }


out = {"about": __doc__.strip(), **{name: measures(corpus) for name, corpus in CORPORA.items()}}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected_association.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {path}")
