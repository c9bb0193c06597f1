#!/usr/bin/env python3
"""Does the analysis litgraph's benchmark times with networkx, on the same mentions, and prints both.

Run by scripts/bench-analysis after `litgraph bench analysis --mentions-out M --graph-out G`: reads the same
mentions (paper <TAB> entity, one a line, \\\\ \\t \\n \\r escaped) and litgraph's graph, then times, each with
its peak memory, the same phases in one Python process:

  cooccurrence  entities grouped by paper, every pair of a paper's distinct entities counted
                (collections.Counter over itertools.combinations): the work of CooccurrenceGraph(mentions:);
                the result is checked to be litgraph's edge list, name for name and count for count
  graph         nx.Graph built from the counts (weight = papers in common, dist = 1 / weight); networkx only
  pagerank      nx.pagerank(G, alpha=0.85, weight="weight") with networkx's default tolerance
  betweenness   nx.betweenness_centrality(G, normalized=False, weight="dist"), exact; only if a timed sample
                of sources projects more than --betweenness-budget seconds does it fall back to the k-source
                approximation (k chosen to fit), and the phase is then named betweenness~kK
  leiden        nx.community.louvain_communities(G, weight="weight", resolution=1, seed=1): networkx has no
                Leiden; Louvain (Blondel et al. 2008) is the algorithm Leiden refines, on the same objective

Reading the mentions is not timed (litgraph's mentions come from extraction, timed on its own). Each phase
prints VmRSS at its start and its peak, VmHWM after resetting it at the phase's start (writing 5 to
/proc/self/clear_refs), so both include what the process already holds (the mentions) -- litgraph measures
the same way. With --litgraph FILE (the output of
`litgraph bench analysis`) it ends with a table of both.
"""

import argparse
import collections
import itertools
import json
import sys
import time

import networkx as nx

# This process's phases, by name: {"seconds": ..., "peak_rss_mib": ...}, for the summary table.
PHASES = {}
UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def reset_peak():
    """Resets VmHWM (Linux >= 4.0); False where it cannot, and the peak is then the process's."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_mib(field="VmHWM:"):
    """VmHWM (or another /proc/self/status field) in MiB, as litgraph prints it, or NA."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field):
                    return "%.1f" % (int(line.split()[1]) / 1024)
    except OSError:
        pass
    return "NA"


def phase(name, body):
    """Runs body() as one timed phase, prints its line in litgraph's format and returns its result."""
    start_mib = peak_rss_mib("VmRSS:")
    scope = "phase" if reset_peak() else "process"
    start = time.perf_counter()
    result = body()
    seconds = time.perf_counter() - start
    PHASES[name] = {"seconds": "%.3f" % seconds, "rss_start_mib": start_mib, "peak_rss_mib": peak_rss_mib()}
    print("bench tool=networkx phase=%s seconds=%s rss_start_mib=%s peak_rss_mib=%s peak_scope=%s"
          % (name, PHASES[name]["seconds"], start_mib, PHASES[name]["peak_rss_mib"], scope), flush=True)
    return result


def unescape(field):
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        pair = field[i:i + 2]
        if pair in UNESCAPE:
            out.append(UNESCAPE[pair])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def read_mentions(path):
    mentions = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            paper, entity = line.rstrip("\n").split("\t")
            mentions.append((unescape(paper), unescape(entity)))
    return mentions


def cooccurrence(mentions):
    by_paper = {}
    for paper, entity in mentions:
        by_paper.setdefault(paper, set()).add(entity)
    counts = collections.Counter()
    for entities in by_paper.values():
        counts.update(itertools.combinations(sorted(entities), 2))
    return counts


def build_graph(nodes, counts):
    G = nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from((a, b, {"weight": float(n), "dist": 1.0 / n}) for (a, b), n in counts.items())
    return G


def betweenness(G, budget):
    """Exact betweenness, unless a timed sample of sources projects more than `budget` seconds."""
    n = G.number_of_nodes()
    sample = min(n, 20)
    if n > 1000:
        start = time.perf_counter()
        nx.betweenness_centrality(G, k=sample, normalized=False, weight="dist", seed=1)
        projected = (time.perf_counter() - start) * n / sample
        print("bench info=betweenness-projection sample_sources=%d projected_exact_s=%.0f budget_s=%.0f"
              % (sample, projected, budget), flush=True)
        if projected > budget:
            k = max(sample, int(budget / projected * n))
            return "betweenness~k%d" % k, lambda: nx.betweenness_centrality(
                G, k=k, normalized=False, weight="dist", seed=1)
    return "betweenness", lambda: nx.betweenness_centrality(G, normalized=False, weight="dist")


def read_litgraph(path):
    rows, info = {}, {}
    with open(path) as f:
        for line in f:
            if not line.startswith("bench "):
                continue
            fields = dict(kv.split("=", 1) for kv in line.split()[1:])
            if "phase" in fields:
                rows[fields["phase"]] = fields
            elif "info" in fields:
                info[fields["info"]] = fields
    return rows, info


def table(ours, theirs, notes):
    names = ["generate", "read", "load-db", "extract", "cooccurrence", "graph", "pagerank"]
    names += [p for p in theirs if p.startswith("betweenness")] or ["betweenness"]
    names += ["leiden"]
    header = ["phase", "litgraph s", "litgraph MiB start/peak", "networkx s", "networkx MiB start/peak",
              "networkx / litgraph"]
    rows = []
    for name in names:
        mine = ours.get("betweenness" if name.startswith("betweenness") else name)
        other = theirs.get(name)
        if not mine and not other:
            continue
        label = "leiden (networkx: louvain)" if name == "leiden" else name
        ratio = ("%.1fx" % (float(other["seconds"]) / float(mine["seconds"]))
                 if mine and other and float(mine["seconds"]) > 0 else "")
        def memory(r):
            return "%s / %s" % (r.get("rss_start_mib", "NA"), r["peak_rss_mib"]) if r else "-"
        rows.append([label, mine["seconds"] if mine else "-", memory(mine),
                     other["seconds"] if other else "-", memory(other), ratio])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
              + " |")
    print()
    for note in notes:
        print(note)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", required=True, help="litgraph bench analysis --mentions-out file")
    parser.add_argument("--graph", required=True, help="litgraph bench analysis --graph-out file")
    parser.add_argument("--litgraph", help="the output of litgraph bench analysis, for the summary table")
    parser.add_argument("--betweenness-budget", type=float, default=600,
                        help="seconds exact betweenness may take before the k-source approximation is used")
    args = parser.parse_args()

    print("bench info=networkx version=%s python=%s" % (nx.__version__, sys.version.split()[0]), flush=True)
    mentions = read_mentions(args.mentions)
    with open(args.graph, encoding="utf-8") as f:
        litgraph_graph = json.load(f)
    nodes = [node["name"] for node in litgraph_graph["nodes"]]
    print("bench info=mentions count=%d" % len(mentions), flush=True)

    counts = phase("cooccurrence", lambda: cooccurrence(mentions))
    mine = {tuple(sorted((a, b))): n for (a, b), n in counts.items()}
    theirs = {tuple(sorted((a, b))): n for a, b, n in litgraph_graph["edges"]}
    same = mine == theirs
    print("bench info=check edges=%d litgraph_edges=%d identical=%s" % (len(mine), len(theirs), same), flush=True)
    if not same:
        print("bench_analysis_networkx: networkx counted a different co-occurrence graph than litgraph",
              file=sys.stderr)
        sys.exit(1)
    del litgraph_graph["edges"]
    G = phase("graph", lambda: build_graph(nodes, counts))
    del counts, mine, theirs

    pagerank = phase("pagerank", lambda: nx.pagerank(G, alpha=0.85, weight="weight"))
    name, body = betweenness(G, args.betweenness_budget)
    phase(name, body)
    louvain = phase("leiden", lambda: nx.community.louvain_communities(G, weight="weight", resolution=1, seed=1))

    membership = litgraph_graph["leiden"]["membership"]
    leiden = collections.defaultdict(set)
    for node, label in zip(nodes, membership):
        leiden[label].add(node)
    q_leiden = nx.community.modularity(G, leiden.values(), weight="weight")
    q_louvain = nx.community.modularity(G, louvain, weight="weight")
    print("bench info=modularity litgraph_leiden=%.6f litgraph_leiden_communities=%d networkx_louvain=%.6f "
          "networkx_louvain_communities=%d pagerank_sum=%.12f"
          % (q_leiden, len(leiden), q_louvain, len(louvain), sum(pagerank.values())), flush=True)

    if args.litgraph:
        ours, info = read_litgraph(args.litgraph)
        notes = [
            "Graph: %s nodes, %s edges, from %s mentions of %s papers; co-occurrence edge lists identical: %s."
            % (info.get("graph", {}).get("nodes"), info.get("graph", {}).get("edges"),
               info.get("mentions", {}).get("count"), info.get("papers", {}).get("count", "?"), same),
            "Modularity (networkx's modularity function, weighted): litgraph Leiden %.6f (%d communities), "
            "networkx Louvain %.6f (%d communities)." % (q_leiden, len(leiden), q_louvain, len(louvain)),
            "MiB: resident at the phase's start (VmRSS) / peak during the phase (VmHWM, reset at its start), so "
            "both include what the process already holds (the mentions, the graph); litgraph frees the papers "
            "and trims its heap after extraction. networkx does no extraction here: it reads litgraph's mentions.",
            "networkx has no Leiden: its row is nx.community.louvain_communities(seed=1).",
        ]
        table(ours, PHASES, notes)


if __name__ == "__main__":
    main()
