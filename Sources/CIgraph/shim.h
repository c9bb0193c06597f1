// igraph's headers define _GNU_SOURCE before libc headers, which breaks the Clang module build against
// Dispatch (an ODR error about fd_set): include <stdlib.h> first.
#ifndef LITGRAPH_CIGRAPH_SHIM_H
#define LITGRAPH_CIGRAPH_SHIM_H
#include <stdlib.h>
#include <igraph/igraph.h>
#endif
