// LitgraphRender
