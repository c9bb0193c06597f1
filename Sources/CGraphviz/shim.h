// What Swift cannot import from Graphviz directly: cgraph's mutable globals (Agdirected, Agundirected)
// are returned from inline functions so Swift 6 sees no shared mutable state.
#ifndef LITGRAPH_CGRAPHVIZ_SHIM_H
#define LITGRAPH_CGRAPHVIZ_SHIM_H
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

static inline Agdesc_t litgraph_ag_directed(void) { return Agdirected; }
static inline Agdesc_t litgraph_ag_undirected(void) { return Agundirected; }

/* cgraph's lexer keeps input it has read but not parsed (text after the first graph, a trailing newline) in a
 * global buffer, and the next agmemread parses that before its own input. aglexbad() discards it; libcgraph
 * exports it but its headers do not declare it. */
extern void aglexbad(void);
static inline void litgraph_ag_flush_lexer(void) { aglexbad(); }
#endif
