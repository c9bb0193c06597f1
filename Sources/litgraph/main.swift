print("litgraph")
