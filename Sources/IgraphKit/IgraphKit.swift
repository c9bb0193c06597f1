// IgraphKit
