// LitgraphStore
