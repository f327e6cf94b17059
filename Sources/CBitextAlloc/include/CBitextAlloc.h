// A per-thread cache of freed small blocks in front of glibc's malloc, linked into the `bitext`
// executable only (see alloc.c). Nothing to call: defining malloc, free, calloc and realloc in the
// executable is what puts it in front of glibc's.
#ifndef BITEXT_CBITEXTALLOC_H
#define BITEXT_CBITEXTALLOC_H
#include <stddef.h>

/// Whether this build has the cache in front of malloc (1) or uses glibc's malloc alone (0).
int bt_alloc_cache_enabled(void);

#endif
