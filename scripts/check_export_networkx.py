#!/usr/bin/env python3
"""Reads the files `litgraph export` wrote for one graph with independent parsers and checks they agree.

Usage: check_export_networkx.py PREFIX
Expects PREFIX.graphml, PREFIX.gexf, PREFIX.json, PREFIX-nodes.csv, PREFIX-edges.csv, PREFIX-map.txt,
PREFIX-network.txt and PREFIX-vosviewer.json (what scripts/check-export-networkx writes).
GraphML and GEXF are read by networkx (nx.read_graphml, nx.read_gexf), the JSON by nx.node_link_graph, the
CSV by Python's csv module; every reading must give the same nodes (id, label, kind, attributes), the same
edges and weights. The VOSviewer files are read as VOSviewer Online reads them (tab-separated, `"`-quoted
fields) and checked against the symmetrised graph. Exits non-zero on the first disagreement.
"""
import csv
import json
import math
import sys

import networkx as nx

prefix = sys.argv[1]


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


# JSON (node-link) is the reference the others are compared with.
with open(prefix + ".json", encoding="utf-8") as f:
    doc = json.load(f)
ref = nx.node_link_graph(doc, edges="edges")
directed = doc["directed"]
types = {a["name"]: a["type"] for a in doc["attributes"]}
nodes = {n["id"]: n for n in doc["nodes"]}
check(len(nodes) == len(doc["nodes"]), "node ids distinct")
edges = [(e["source"], e["target"], e["weight"]) for e in doc["edges"]]
print(f"json: {len(nodes)} nodes, {len(edges)} edges, directed={directed}, attributes={list(types)}")


def xml_chars(text):
    """`text` without the characters XML 1.0 forbids, which the XML writers drop."""
    return "".join(c for c in text if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
                   or ord(c) >= 0x10000)


def same_attrs(node_id, data, where, xml=False):
    want = nodes[node_id]
    for name, value in want.items():
        if name == "id":
            continue
        if xml and isinstance(value, str):
            value = xml_chars(value)
        got = data.get(name)
        if isinstance(value, float):
            check(isinstance(got, float) and (got == value or (math.isnan(got) and math.isnan(value))),
                  f"{where}: {node_id!r}.{name} = {got!r}, json {value!r}")
        else:
            check(got == value and type(got) is type(value), f"{where}: {node_id!r}.{name} = {got!r}, json {value!r}")
    extra = set(data) - set(want) - {"id"}
    check(not extra, f"{where}: {node_id!r} has extra attributes {extra}")


def edge_multiset(triples):
    out = {}
    for s, t, w in triples:
        key = (s, t) if directed else tuple(sorted((s, t)))
        out.setdefault(key, []).append(w)
    return {k: sorted(v) for k, v in out.items()}


want_edges = edge_multiset(edges)

# GraphML: networkx keys nodes by the GraphML id (n0, n1, ...); the node's own id is the `id` data field.
xml_id = {xml_chars(i): i for i in nodes}
check(len(xml_id) == len(nodes), "ids distinct without XML-forbidden characters")
g = nx.read_graphml(prefix + ".graphml")
check(g.is_directed() == directed, "graphml direction")
check(g.number_of_nodes() == len(nodes), "graphml node count")
check(g.graph.get("name") == doc["name"], f"graphml graph name {g.graph.get('name')!r}")
by_gml = {}
for key, data in g.nodes(data=True):
    by_gml[key] = xml_id[data["id"]]
    same_attrs(by_gml[key], data, "graphml", xml=True)
gml_edges = [(by_gml[s], by_gml[t], d["weight"]) for s, t, d in g.edges(data=True)]
check(edge_multiset(gml_edges) == want_edges, "graphml edges")
print(f"graphml: networkx {nx.__version__} read {g.number_of_nodes()} nodes, {g.number_of_edges()} edges: agree")

# GEXF: networkx keys nodes by the GEXF id, which is the node's own id.
x = nx.read_gexf(prefix + ".gexf")
check(x.is_directed() == directed, "gexf direction")
check(x.number_of_nodes() == len(nodes), "gexf node count")
for key, data in x.nodes(data=True):
    check(key in xml_id, f"gexf node {key!r} unknown")
    same_attrs(xml_id[key], data, "gexf", xml=True)
gexf_edges = [(xml_id[s], xml_id[t], d["weight"]) for s, t, d in x.edges(data=True)]
check(edge_multiset(gexf_edges) == want_edges, "gexf edges")
print(f"gexf: networkx read {x.number_of_nodes()} nodes, {x.number_of_edges()} edges: agree")

# CSV: RFC 4180, typed by the JSON's attribute types.
with open(prefix + "-nodes.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
check(rows[0][:3] == ["id", "label", "kind"], "csv node header")
check(len(rows) - 1 == len(nodes), "csv node count")
convert = {"int": int, "double": float, "string": str}
for row in rows[1:]:
    check(len(row) == len(rows[0]), f"csv row width {row!r}")
    data = {"label": row[1], "kind": row[2]}
    for name, cell in zip(rows[0][3:], row[3:]):
        if cell != "":
            data[name] = convert[types[name]](cell)
    same_attrs(row[0], data, "csv")
with open(prefix + "-edges.csv", encoding="utf-8", newline="") as f:
    erows = list(csv.reader(f))
check(erows[0] == ["source", "target", "weight", "type"], "csv edge header")
check(edge_multiset([(r[0], r[1], float(r[2])) for r in erows[1:]]) == want_edges, "csv edges")
print(f"csv: {len(rows) - 1} nodes, {len(erows) - 1} edges: agree")

# VOSviewer map and network files.
order = [n["id"] for n in doc["nodes"]]
with open(prefix + "-map.txt", encoding="utf-8", newline="") as f:
    mrows = list(csv.reader(f, delimiter="\t", quotechar='"'))
header = mrows[0]
check(header[:4] == ["id", "label", "description", "cluster"], f"map header {header[:4]}")
check(header[4:6] == ["weight<Links>", "weight<Total link strength>"], "map weight columns")
check(len(mrows) - 1 == len(nodes), "map item count")
for i, row in enumerate(mrows[1:]):
    check(row[0] == str(i + 1), "map ids 1..n")
    want_label = " ".join(nodes[order[i]]["label"].replace("\r", " ").replace("\n", " ").replace("\t", " ").split(" "))
    check(row[1] == "".join(c for c in want_label if ord(c) >= 0x20 and ord(c) != 0x7F),
          f"map label {row[1]!r} vs {nodes[order[i]]['label']!r}")
strength = {}
for s, t, w in edges:
    if s != t:
        a, b = sorted((order.index(s), order.index(t)))
        strength[(a, b)] = strength.get((a, b), 0) + w
strength = {k: v for k, v in strength.items() if v > 0}
with open(prefix + "-network.txt", encoding="utf-8") as f:
    links = {(int(a) - 1, int(b) - 1): float(w) for a, b, w in (line.rstrip("\n").split("\t") for line in f)}
check(links.keys() == strength.keys(), "network pairs")
check(all(math.isclose(links[k], strength[k], rel_tol=1e-12) for k in links), "network strengths")
print(f"vosviewer: {len(mrows) - 1} items, {len(links)} links: agree")

with open(prefix + "-vosviewer.json", encoding="utf-8") as f:
    vos = json.load(f)["network"]
check([item["label"] for item in vos["items"]] == [nodes[i]["label"] for i in order], "vosviewer json labels")
check({(l["source_id"] - 1, l["target_id"] - 1): l["strength"] for l in vos["links"]} == links, "vosviewer json links")
print(f"vosviewer-json: {len(vos['items'])} items, {len(vos['links'])} links: agree")
print("all formats agree")
