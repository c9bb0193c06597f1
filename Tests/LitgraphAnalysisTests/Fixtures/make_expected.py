#!/usr/bin/env python3
"""Writes expected_centralities.json: reference values for LitgraphAnalysisTests, computed with networkx.

Run from anywhere with networkx 3.6.1 (plus numpy/scipy, used by networkx):
    python3 Tests/LitgraphAnalysisTests/Fixtures/make_expected.py

How each value is computed (the JSON repeats this in its "about" field):
- degree: G.degree(v) as a float (number of edge ends; DiGraph: in + out).
- strength: G.degree(v, weight="weight").
- betweenness: nx.betweenness_centrality(G, normalized=False, weight=None or "dist"). Unnormalised, which
  matches igraph's igraph_betweenness: networkx halves undirected counts, so each unordered pair counts once.
- closeness: nx.closeness_centrality(G, distance=None or "dist"), default wf_improved=True (Wasserman-Faust
  scaling for disconnected graphs); on a DiGraph networkx uses distances *to* the vertex (incoming).
- pagerank: nx.pagerank(G, alpha=0.85, weight=None or "weight", tol=1e-13, max_iter=100000), checked against
  an exact linear solve of the Google matrix (nx.google_matrix) to 1e-12. nx.karate_club_graph() carries
  edge weights (interaction counts), so the unweighted karate values use weight=None explicitly.
- eigenvector: nx.eigenvector_centrality(G, weight=None or "weight", tol=1e-15, max_iter=100000) (power
  iteration, deterministic), scaled so the maximum is 1 (igraph's scale=True) and checked against
  nx.eigenvector_centrality_numpy to 1e-12. On a disconnected graph it is computed on the largest connected
  component and the other vertices get 0 (networkx's numpy variant refuses disconnected graphs; the dominant
  eigenvector of the whole graph is zero outside the component with the largest eigenvalue).
- modularity: nx.community.modularity(G, partition, weight=None or "weight", resolution=1). Karate partitions:
  "louvain_best", the best of nx.community.louvain_communities(G, weight=None, resolution=1, seed=s) over
  s = 0..49 (4 communities, Q = 0.41979, the known optimum that Leiden should also reach); "club_split", the
  two clubs of the "club" node attribute; "one_community".
- Graphs: karate (unweighted, its edge list is stored too), a weighted graph with three components, a directed
  graph (no eigenvector: it is not strongly connected, which networkx's eigenvector functions refuse) and a
  graph of four vertices without edges. The weighted and directed edge lists are repeated literally in
  CentralityTests.swift, which checks that they match the ones stored here.
- "dist" = 1 / weight: path-based measures read co-occurrence weights (larger = stronger tie) as lengths 1/w.
  The weighted graph uses weights in {0.5, 1, 2, 4}, so every 1/w and every path length is exact in binary
  floating point and tied shortest paths are ties for both networkx and igraph.
"""
import json
import os

import networkx as nx
import numpy as np

assert nx.__version__ == "3.6.1", f"expected networkx 3.6.1, found {nx.__version__}"

PAGERANK = dict(alpha=0.85, tol=1e-13, max_iter=100000)
EIGENVECTOR = dict(tol=1e-15, max_iter=100000)


def exact_pagerank(G, weight):
    """PageRank as the stationary vector of networkx's Google matrix (dangling rows uniform)."""
    M = nx.google_matrix(G, alpha=0.85, weight=weight)
    n = M.shape[0]
    A = np.asarray(M).T - np.eye(n)
    A[-1, :] = 1.0
    b = np.zeros(n)
    b[-1] = 1.0
    return np.linalg.solve(A, b)


def pagerank(G, weight):
    pr = nx.pagerank(G, weight=weight, **PAGERANK)
    values = [pr[v] for v in sorted(G)]
    assert np.allclose(values, exact_pagerank(G, weight), rtol=0, atol=1e-12)
    return values


def eigenvector(G, weight):
    # networkx refuses disconnected graphs (AmbiguousSolution): compute on the largest component and give the
    # other vertices 0, which is what the dominant eigenvector of the whole adjacency matrix looks like when the
    # largest component carries the largest eigenvalue (true for the graphs below).
    # nx.eigenvector_centrality (power iteration in pure Python) is deterministic to the last bit, unlike the
    # ARPACK variant whose random start vector changes the last digits from run to run; the ARPACK variant
    # checks it.
    main = G.subgraph(max(nx.connected_components(G), key=len))
    ev = nx.eigenvector_centrality(main, weight=weight, **EIGENVECTOR)
    values = np.array([ev.get(v, 0.0) for v in sorted(G)])
    check = nx.eigenvector_centrality_numpy(main, weight=weight)
    check = np.array([abs(check.get(v, 0.0)) for v in sorted(G)])
    values, check = values / values.max(), check / check.max()
    assert np.allclose(values, check, rtol=0, atol=1e-12)
    return [float(x) for x in values]


def add_distances(G):
    for u, v, data in G.edges(data=True):
        data["dist"] = 1.0 / data["weight"]


def measures(G, weighted, with_eigenvector=True):
    nodes = sorted(G)
    out = {
        "degree": [float(G.degree(v)) for v in nodes],
        "betweenness": [nx.betweenness_centrality(G, normalized=False, weight="dist" if weighted else None)[v]
                        for v in nodes],
        "closeness": [nx.closeness_centrality(G, distance="dist" if weighted else None)[v] for v in nodes],
        "pagerank": pagerank(G, "weight" if weighted else None),
    }
    out["strength"] = [float(G.degree(v, weight="weight" if weighted else None)) for v in nodes]
    if with_eigenvector:
        out["eigenvector"] = eigenvector(G, "weight" if weighted else None)
    return out


def membership_of(G, partition):
    membership = [None] * G.number_of_nodes()
    for label, community in enumerate(partition):
        for v in community:
            membership[v] = label
    return membership


# Zachary's karate club, unweighted (igraph_famous("Zachary") numbers the vertices the same way).
karate = nx.karate_club_graph()
karate_edges = sorted(tuple(sorted(e)) for e in karate.edges())
K = nx.Graph()
K.add_nodes_from(range(34))
K.add_edges_from(karate_edges)
best = max((nx.community.louvain_communities(K, weight=None, resolution=1, seed=s) for s in range(50)),
           key=lambda p: nx.community.modularity(K, p, weight=None))
clubs = [{v for v in karate if karate.nodes[v]["club"] == name} for name in ("Mr. Hi", "Officer")]
karate_partitions = []
for name, partition in (("louvain_best", best), ("club_split", clubs), ("one_community", [set(range(34))])):
    karate_partitions.append({
        "name": name,
        "membership": membership_of(K, partition),
        "modularity": nx.community.modularity(K, partition, weight=None, resolution=1),
    })

# A small weighted co-occurrence-like graph: a main component (0-7), a pair (8-9) and an isolated vertex (10).
WEIGHTED_NODES = 11
WEIGHTED_EDGES = [
    (0, 1, 4.0), (0, 2, 1.0), (1, 2, 2.0), (1, 3, 0.5), (2, 3, 4.0), (3, 4, 1.0),
    (4, 5, 2.0), (4, 6, 1.0), (5, 6, 4.0), (5, 7, 0.5), (6, 7, 2.0), (2, 6, 0.5), (8, 9, 2.0),
]
W = nx.Graph()
W.add_nodes_from(range(WEIGHTED_NODES))
W.add_weighted_edges_from(WEIGHTED_EDGES)
add_distances(W)
weighted_partition = [{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}, {10}]

# A small directed graph: a cycle 0→1→2→0, a branch through 3 and 4, vertex 5 without out-edges (dangling).
DIRECTED_NODES = 6
DIRECTED_EDGES = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (4, 5), (1, 5), (3, 0)]
D = nx.DiGraph()
D.add_nodes_from(range(DIRECTED_NODES))
D.add_edges_from(DIRECTED_EDGES)

# Four vertices, no edges.
E = nx.empty_graph(4)

expected = {
    "about": {
        "generator": "Tests/LitgraphAnalysisTests/Fixtures/make_expected.py",
        "networkx": nx.__version__,
        "degree": "G.degree(v) as float (DiGraph: in + out)",
        "strength": "G.degree(v, weight='weight')",
        "betweenness": "nx.betweenness_centrality(G, normalized=False, weight=None|'dist'); matches igraph's "
                       "unnormalised igraph_betweenness (each unordered pair once in undirected graphs)",
        "closeness": "nx.closeness_centrality(G, distance=None|'dist'), wf_improved=True; DiGraph: incoming distances",
        "pagerank": "nx.pagerank(G, alpha=0.85, weight=None|'weight', tol=1e-13, max_iter=100000); karate with "
                    "weight=None since nx.karate_club_graph() carries weights",
        "eigenvector": "nx.eigenvector_centrality(G, weight=None|'weight', tol=1e-15, max_iter=100000) on the "
                       "largest connected component, other vertices 0, scaled so max = 1",
        "modularity": "nx.community.modularity(G, partition, weight=None|'weight', resolution=1); louvain_best = "
                      "best of nx.community.louvain_communities(G, weight=None, resolution=1, seed=0..49)",
        "dist": "1 / weight",
    },
    "karate": {
        "nodes": 34,
        "edges": [list(e) for e in karate_edges],
        "unweighted": measures(K, weighted=False),
        "partitions": karate_partitions,
    },
    "weighted": {
        "nodes": WEIGHTED_NODES,
        "edges": [[u, v, w] for u, v, w in WEIGHTED_EDGES],
        "weighted": measures(W, weighted=True),
        "unweighted": measures(W, weighted=False),
        "partition": {
            "membership": membership_of(W, weighted_partition),
            "modularity_weighted": nx.community.modularity(W, weighted_partition, weight="weight"),
            "modularity_unweighted": nx.community.modularity(W, weighted_partition, weight=None),
        },
    },
    "directed": {
        "nodes": DIRECTED_NODES,
        "edges": [list(e) for e in DIRECTED_EDGES],
        # No eigenvector: the graph is not strongly connected, which networkx's eigenvector functions refuse.
        "unweighted": measures(D, weighted=False, with_eigenvector=False),
    },
    "edgeless": {
        "nodes": 4,
        "unweighted": measures(E, weighted=False, with_eigenvector=False),
    },
}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected_centralities.json")
with open(path, "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {path}; karate best modularity {karate_partitions[0]['modularity']:.6f}")
