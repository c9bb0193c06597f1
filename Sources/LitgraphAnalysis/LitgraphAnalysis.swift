// LitgraphAnalysis
