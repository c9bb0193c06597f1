// LitgraphExtraction
