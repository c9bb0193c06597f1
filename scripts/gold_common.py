"""What the converters of external gold data (scirex_to_gold.py, scier_to_gold.py, tdmsci_to_gold.py) share:
the normalised form `litgraph eval` matches names by, the title given to records that have none, and the
rewrite of `litgraph extract` output for scoring datasets alone."""

# litgraph's readers require a title; external sets without one get this, which names nothing.
PLACEHOLDER_TITLE = "Untitled"


def key(s):
    """The issue's matching rule: lower case, letters and digits only."""
    return "".join(c for c in s.lower() if c.isalnum())


def as_datasets(entities):
    """The entities typed dataset or benchmark, all typed dataset: gold sets whose "datasets" take in
    benchmarks (Papers with Code, TDMSci) and tag no methods."""
    return [dict(e, type="dataset") for e in entities if e.get("type") in ("dataset", "benchmark")]
