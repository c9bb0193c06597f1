#!/usr/bin/env python3
"""Writes bundled_cooccurrence.json and bundled_expected.json: the bundled corpus' co-occurrence graph as
litgraph builds it, and networkx's values for it, for BundledCorpusTests.

Run from the repository root with networkx 3.6.1 (plus numpy/scipy) after any change to extraction or to the
bundled corpus that changes the graph:
    python3 Tests/LitgraphAnalysisTests/Fixtures/make_bundled_expected.py [--litgraph BIN]

1. The graph, built by the product: `litgraph ingest` of corpus/visual-rl-trending.txt (with its -meta.tsv
   sidecar) into a temporary database with the shipped catalogue, then `litgraph bench analysis --db DB
   --graph-out bundled_cooccurrence.json`, which reads the stored mentions as `litgraph top` does, builds
   `CooccurrenceGraph(mentions:)` and writes its nodes (sorted by name, as litgraph numbers them), its edges
   [name, name, papers in common] and the partition Leiden finds (weighted, seed 1). Without --litgraph the
   script builds litgraph (debug) with `swift build --scratch-path $LITGRAPH_SCRATCH` (default .build).
2. networkx reads that file (node i = nodes[i]) and computes, weighted (weight = papers in common; path
   lengths dist = 1 / weight, as Centrality.swift reads them) and unweighted:
   - degree: G.degree(v); strength: G.degree(v, weight="weight"|None).
   - betweenness: nx.betweenness_centrality(G, normalized=False, weight="dist"|None): igraph's unnormalised
     betweenness, each unordered pair once.
   - closeness: nx.closeness_centrality(G, distance="dist"|None) with wf_improved=True. The graph is
     disconnected (isolated entities and small components), and both networkx and igraph define closeness
     there per reachable set: (r / (n - 1)) * (r / sum of distances to the r reachable nodes), 0 for an
     isolated node (Wasserman & Faust 1994), which is what Centrality.swift asks igraph for.
   - eigenvector: nx.eigenvector_centrality(G, weight="weight"|None, tol=1e-15, max_iter=100000) on the
     largest connected component, other nodes 0, scaled so the maximum is 1 (igraph's scale=True); checked
     against the dominant eigenvector of the whole adjacency matrix (numpy.linalg.eigh) to 1e-12, which also
     confirms that the largest component carries the largest eigenvalue.
   - pagerank: nx.pagerank(G, alpha=0.85, weight="weight"|None, tol=1e-15, max_iter=100000), checked against
     an exact linear solve of nx.google_matrix to 1e-12 (isolated nodes are dangling: uniform jumps, as PRPACK).
   - modularity: nx.community.modularity(G, leiden membership, weight="weight", resolution=1), the modularity of
     the partition litgraph's Leiden returned, computed independently.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx
import numpy as np

assert nx.__version__ == "3.6.1", f"expected networkx 3.6.1, found {nx.__version__}"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
GRAPH = os.path.join(HERE, "bundled_cooccurrence.json")
EXPECTED = os.path.join(HERE, "bundled_expected.json")
PAGERANK = dict(alpha=0.85, tol=1e-15, max_iter=100000)
EIGENVECTOR = dict(tol=1e-15, max_iter=100000)


def litgraph_binary():
    scratch = os.environ.get("LITGRAPH_SCRATCH", ".build")
    subprocess.run(["swift", "build", "--product", "litgraph", "--scratch-path", scratch], cwd=ROOT, check=True)
    bin_path = subprocess.run(["swift", "build", "--scratch-path", scratch, "--show-bin-path"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "litgraph")


def write_graph(litgraph):
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bundled.db")
        subprocess.run([litgraph, "ingest", "--db", db, "--meta", "corpus/visual-rl-trending-meta.tsv",
                        "corpus/visual-rl-trending.txt"], cwd=ROOT, check=True)
        subprocess.run([litgraph, "bench", "analysis", "--db", db, "--leiden-seed", "1", "--graph-out", GRAPH],
                       cwd=ROOT, check=True)


def exact_pagerank(G, weight):
    M = nx.google_matrix(G, alpha=0.85, weight=weight, nodelist=sorted(G))
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
    main = G.subgraph(max(nx.connected_components(G), key=len))
    ev = nx.eigenvector_centrality(main, weight=weight, **EIGENVECTOR)
    values = np.array([ev.get(v, 0.0) for v in sorted(G)])
    values = values / values.max()
    A = nx.to_numpy_array(G, nodelist=sorted(G), weight=weight)
    eigenvalues, vectors = np.linalg.eigh(A)
    check = np.abs(vectors[:, np.argmax(eigenvalues)])
    check = check / check.max()
    assert np.allclose(values, check, rtol=0, atol=1e-12), "largest component does not carry the largest eigenvalue"
    return [float(x) for x in values]


def measures(G, weighted):
    nodes = sorted(G)
    weight = "weight" if weighted else None
    dist = "dist" if weighted else None
    betweenness = nx.betweenness_centrality(G, normalized=False, weight=dist)
    closeness = nx.closeness_centrality(G, distance=dist)
    return {
        "degree": [float(G.degree(v)) for v in nodes],
        "strength": [float(G.degree(v, weight=weight)) for v in nodes],
        "betweenness": [betweenness[v] for v in nodes],
        "closeness": [closeness[v] for v in nodes],
        "eigenvector": eigenvector(G, weight),
        "pagerank": pagerank(G, weight),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--litgraph", help="the litgraph binary to use (default: build it)")
    args = parser.parse_args()
    write_graph(args.litgraph or litgraph_binary())

    with open(GRAPH, encoding="utf-8") as f:
        graph = json.load(f)
    index = {node["name"]: i for i, node in enumerate(graph["nodes"])}
    G = nx.Graph()
    G.add_nodes_from(range(len(graph["nodes"])))
    for a, b, papers in graph["edges"]:
        G.add_edge(index[a], index[b], weight=float(papers), dist=1.0 / papers)
    membership = graph["leiden"]["membership"]
    partition = [set() for _ in range(max(membership) + 1)]
    for v, label in enumerate(membership):
        partition[label].add(v)
    components = sorted((len(c) for c in nx.connected_components(G)), reverse=True)

    expected = {
        "about": {
            "generator": "Tests/LitgraphAnalysisTests/Fixtures/make_bundled_expected.py",
            "graph": "bundled_cooccurrence.json (litgraph ingest + litgraph bench analysis --db --graph-out)",
            "networkx": nx.__version__,
            "dist": "1 / weight, weight = papers in common",
            "closeness": "nx.closeness_centrality, wf_improved=True: per reachable set on a disconnected graph",
            "eigenvector": "nx.eigenvector_centrality on the largest component, others 0, max = 1",
            "pagerank": "nx.pagerank(alpha=0.85, tol=1e-15), checked by a linear solve",
            "modularity": "nx.community.modularity(G, litgraph's weighted Leiden partition, weight='weight')",
        },
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "components": components,
        "weighted": measures(G, weighted=True),
        "unweighted": measures(G, weighted=False),
        "leiden_modularity": nx.community.modularity(G, partition, weight="weight", resolution=1),
    }
    with open(EXPECTED, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {GRAPH} and {EXPECTED}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{len(components)} components (largest {components[0]}), "
          f"Leiden modularity {expected['leiden_modularity']:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
