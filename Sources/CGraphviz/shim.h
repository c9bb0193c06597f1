// What Swift cannot import from Graphviz directly: cgraph's mutable globals (Agdirected, Agundirected)
// are returned from inline functions so Swift 6 sees no shared mutable state.
#ifndef LITGRAPH_CGRAPHVIZ_SHIM_H
#define LITGRAPH_CGRAPHVIZ_SHIM_H
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

static inline Agdesc_t litgraph_ag_directed(void) { return Agdirected; }
static inline Agdesc_t litgraph_ag_undirected(void) { return Agundirected; }
#endif
