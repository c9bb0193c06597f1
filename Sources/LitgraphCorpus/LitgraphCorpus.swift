// LitgraphCorpus
