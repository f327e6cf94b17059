// cmark-gfm with its GitHub extensions (tables, strikethrough, autolinks, task lists).
#ifndef BITEXT_CCMARK_SHIM_H
#define BITEXT_CCMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// A per-parse arena for cmark-gfm. With the system allocator a parse makes one calloc per node
// (glibc's calloc bypasses its thread cache) and cmark_node_free walks the whole tree again to
// free them: about a quarter of cmark's own instructions. Here the parser, its nodes and their
// buffers are bumped out of slabs and all released at once by bt_arena_release() when the tree
// has been read. cmark_mem's callbacks take no context, so the slabs hang off a thread-local
// pointer: a parse, the walk of its tree and the release must run on one thread (they do, in
// CommonMarkConverter.parse). cmark-gfm's own arena allocator is one global list for the whole
// process, which threads parsing side by side would corrupt.

typedef struct bt_slab {
    struct bt_slab *prev;
    size_t size, used;  // payload bytes, after the 32-byte header
    size_t pad;
} bt_slab;

// The calling thread's newest slab. (A variable local to a function: Swift emits the functions
// of this header that it calls, not the header's file-scope variables. They are static, so each
// object file that calls them has its own copy and its own slabs: keep every call in one Swift
// file, CommonMarkConverter.swift.)
static inline bt_slab **bt_slab_top(void) {
    static _Thread_local bt_slab *top;
    return &top;
}

// Each block: a 16-byte header holding its size, then the payload (16-aligned, as malloc's).
static inline void *bt_arena_alloc(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t need = (size + 16 + 15) & ~(size_t)15;
    bt_slab *s = *bt_slab_top();
    if (!s || s->size - s->used < need) {
        // Slabs double (from 64 KiB), so a document takes a few of them whatever its size.
        size_t cap = s ? 2 * s->size : (size_t)64 * 1024;
        if (cap < need) cap = need;
        bt_slab *n = (bt_slab *)malloc(sizeof(bt_slab) + cap);
        if (!n) abort();
        n->prev = s; n->size = cap; n->used = 0;
        *bt_slab_top() = s = n;
    }
    uint8_t *p = (uint8_t *)(s + 1) + s->used;
    s->used += need;
    *(size_t *)p = size;
    return p + 16;
}

static inline void *bt_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) abort();
    void *p = bt_arena_alloc(count * size);
    memset(p, 0, count * size);
    return p;
}

static inline void *bt_arena_realloc(void *old, size_t size) {
    if (!old) return bt_arena_alloc(size);
    uint8_t *block = (uint8_t *)old - 16;
    size_t had = *(size_t *)block;
    bt_slab *s = *bt_slab_top();
    if (!s) abort();  // `old` came from a parse whose arena was released
    // The newest block of the newest slab (a buffer growing while nothing else was allocated)
    // grows where it is.
    uint8_t *end = (uint8_t *)(s + 1) + s->used;
    size_t oldNeed = (had + 16 + 15) & ~(size_t)15;
    if (size <= SIZE_MAX / 2 && block + oldNeed == end) {
        size_t need = (size + 16 + 15) & ~(size_t)15;
        if (need <= oldNeed || s->size - (s->used - oldNeed) >= need) {
            s->used = s->used - oldNeed + need;
            *(size_t *)block = size;
            return old;
        }
    }
    void *p = bt_arena_alloc(size);
    memcpy(p, old, had < size ? had : size);
    return p;
}

static inline void bt_arena_free(void *p) { (void)p; }

/// The allocator to give cmark_parser_new_with_mem.
static inline cmark_mem *bt_arena_mem(void) {
    static cmark_mem mem = {bt_arena_calloc, bt_arena_realloc, bt_arena_free};
    return &mem;
}

/// Releases everything the calling thread's parses allocated. The newest slab is kept (emptied)
/// for the thread's next parse when it is at most 1 MiB.
static inline void bt_arena_release(void) {
    bt_slab *s = *bt_slab_top();
    *bt_slab_top() = NULL;
    if (s && s->size <= (size_t)1024 * 1024) {
        bt_slab *prev = s->prev;
        s->prev = NULL; s->used = 0;
        *bt_slab_top() = s;
        s = prev;
    }
    while (s) {
        bt_slab *prev = s->prev;
        free(s);
        s = prev;
    }
}
#endif
