#!/usr/bin/env python3
"""Writes expected_directed_weighted.json: networkx reference values for the centralities of a small directed,
weighted graph, read by DirectedCentralityTests (LitgraphAnalysisTests).

Run with networkx 3.6.1 (plus numpy/scipy):
    python3 Tests/LitgraphAnalysisTests/Fixtures/make_directed_weighted.py

The graph: a strongly connected core 0-5 (two cycles sharing 2 → 3, plus chords) and node 6, a sink reached
from 3 and 5 (a dangling node for PageRank). Weights are tie strengths in {0.5, 1, 2, 4}; path-based measures
use the length 1 / weight ("dist"), so every path length is exact in binary floating point.

- degree: G.degree(v) (in + out); strength: G.degree(v, weight="weight") (in + out).
- betweenness: nx.betweenness_centrality(G, normalized=False, weight="dist"|None), directed paths, each
  ordered pair one unit.
- closeness: nx.closeness_centrality(G, distance="dist"|None): Wasserman-Faust scaled, distances *to* v.
- pagerank: nx.pagerank(G, alpha=0.85, weight="weight"|None, tol=1e-13), the dangling node jumping uniformly,
  checked against an exact solve of nx.google_matrix to 1e-12.
- eigenvector: nx.eigenvector_centrality(G, weight="weight"|None, tol=1e-15, max_iter=100000) (in-edges, the
  "left" eigenvector), scaled so the maximum is 1, checked against nx.eigenvector_centrality_numpy to 1e-12.
"""
import json
import os

import networkx as nx
import numpy as np

assert nx.__version__ == "3.6.1", f"expected networkx 3.6.1, found {nx.__version__}"

NODES = 7
EDGES = [
    (0, 1, 2.0), (1, 2, 1.0), (2, 0, 4.0), (2, 3, 0.5), (3, 4, 2.0), (4, 5, 1.0), (5, 2, 2.0),
    (1, 3, 4.0), (4, 0, 0.5), (3, 6, 1.0), (5, 6, 4.0), (0, 4, 1.0),
]

G = nx.DiGraph()
G.add_nodes_from(range(NODES))
G.add_weighted_edges_from(EDGES)
for u, v, data in G.edges(data=True):
    data["dist"] = 1.0 / data["weight"]


def exact_pagerank(weight):
    M = nx.google_matrix(G, alpha=0.85, weight=weight)
    A = np.asarray(M).T - np.eye(NODES)
    A[-1, :] = 1.0
    b = np.zeros(NODES)
    b[-1] = 1.0
    return np.linalg.solve(A, b)


def measures(weighted):
    weight = "weight" if weighted else None
    dist = "dist" if weighted else None
    nodes = sorted(G)
    pr = nx.pagerank(G, alpha=0.85, weight=weight, tol=1e-13, max_iter=100000)
    pagerank = [pr[v] for v in nodes]
    assert np.allclose(pagerank, exact_pagerank(weight), rtol=0, atol=1e-12)
    ev = nx.eigenvector_centrality(G, weight=weight, tol=1e-15, max_iter=100000)
    ev = np.array([ev[v] for v in nodes])
    # nx.eigenvector_centrality_numpy refuses a graph that is not strongly connected; check against the dominant
    # eigenvector of A^T (x_v = sum over in-edges u -> v of w * x_u) from numpy instead.
    A = nx.to_numpy_array(G, nodelist=nodes, weight=weight)
    values, vectors = np.linalg.eig(A.T)
    check = np.abs(np.real(vectors[:, np.argmax(np.real(values))]))
    ev, check = ev / ev.max(), check / check.max()
    assert np.allclose(ev, check, rtol=0, atol=1e-12)
    betweenness = nx.betweenness_centrality(G, normalized=False, weight=dist)
    closeness = nx.closeness_centrality(G, distance=dist)
    return {
        "degree": [float(G.degree(v)) for v in nodes],
        "strength": [float(G.degree(v, weight=weight)) for v in nodes],
        "betweenness": [betweenness[v] for v in nodes],
        "closeness": [closeness[v] for v in nodes],
        "pagerank": pagerank,
        "eigenvector": [float(x) for x in ev],
    }


expected = {
    "generator": "Tests/LitgraphAnalysisTests/Fixtures/make_directed_weighted.py",
    "networkx": nx.__version__,
    "nodes": NODES,
    "edges": [[u, v, w] for u, v, w in EDGES],
    "weighted": measures(True),
    "unweighted": measures(False),
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected_directed_weighted.json")
with open(path, "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {path}")
