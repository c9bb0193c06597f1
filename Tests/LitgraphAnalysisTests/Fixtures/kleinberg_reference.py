"""Independent reference for litgraph's Kleinberg burst detection (Sources/LitgraphAnalysis/Bursts.swift).

An exact two-state Viterbi over the formulas of Kleinberg, "Bursty and Hierarchical Structure in Streams"
(KDD 2002, section 4), written from the model, not from the Swift code: p0 = sum r / sum d, p1 = min(s p0, 0.9999),
sigma(i, t) = -ln[C(d_t, r_t) p_i^r_t (1 - p_i)^(d_t - r_t)], entering state 1 costs gamma ln n, a burst's weight is
sum of sigma(0, t) - sigma(1, t) over the run.

    python3 kleinberg_reference.py              # the two worked examples (BurstTests pins them)
    python3 kleinberg_reference.py corpus.db    # quarterly bursts on a litgraph database (TrendCLITests pins
                                                # GPT-4o 2024-Q4 .. 2025-Q1, 4.094 on the bundled corpus)
"""
import math
import sqlite3
import sys


def sigma(p, d, r):
    v = math.lgamma(d + 1) - math.lgamma(r + 1) - math.lgamma(d - r + 1)
    if r:
        v += r * math.log(p)
    if d - r:
        v += (d - r) * math.log(1 - p)
    return -v


def bursts(r, d, s=2.0, gamma=1.0):
    n = len(r)
    p0 = sum(r) / sum(d)
    p1 = min(s * p0, 0.9999)
    up = gamma * math.log(n)
    cost = [0.0, math.inf]
    back = []
    for t in range(n):
        b0, c0 = (0, cost[0]) if cost[0] <= cost[1] else (1, cost[1])
        b1, c1 = (1, cost[1]) if cost[1] <= cost[0] + up else (0, cost[0] + up)
        back.append((b0, b1))
        cost = [c0 + sigma(p0, d[t], r[t]), c1 + sigma(p1, d[t], r[t])]
    q = 0 if cost[0] <= cost[1] else 1
    states = [0] * n
    for t in range(n - 1, -1, -1):
        states[t] = q
        q = back[t][q]
    runs, t = [], 0
    while t < n:
        if states[t] == 1:
            u, w = t, 0.0
            while u < n and states[u] == 1:
                w += sigma(p0, d[u], r[u]) - sigma(p1, d[u], r[u])
                u += 1
            runs.append((t, u - 1, round(w, 3)))
            t = u
        else:
            t += 1
    return states, runs


def quarterly(db_path):
    db = sqlite3.connect(db_path)
    quarter = lambda date: int(date[:4]) * 4 + (int(date[5:7]) - 1) // 3
    dated = [date for (date,) in db.execute("SELECT date FROM paper") if date and len(date) >= 7]
    lo, hi = min(map(quarter, dated)), max(map(quarter, dated))
    totals = [0] * (hi - lo + 1)
    for date in dated:
        totals[quarter(date) - lo] += 1
    label = lambda q: f"{q // 4}-Q{q % 4 + 1}"
    rows = db.execute("""SELECT e.name, p.date FROM mention m JOIN paper p ON p.id = m.paper_id
                         JOIN entity e ON e.id = m.entity_id WHERE length(p.date) >= 7""")
    counts = {}
    for name, date in rows:
        counts.setdefault(name, [0] * len(totals))[quarter(date) - lo] += 1
    for name in sorted(counts):
        for first, last, weight in bursts(counts[name], totals)[1]:
            print(name, label(lo + first), label(lo + last), weight)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        quarterly(sys.argv[1])
    else:
        print(bursts([2, 3, 2, 2, 9, 10, 11, 3, 2, 2, 12, 2], [100] * 12))
        print(bursts([1, 1, 1, 1, 4, 4, 4, 4, 1, 1, 1, 1], [100] * 12))
