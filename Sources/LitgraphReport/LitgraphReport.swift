// LitgraphReport
