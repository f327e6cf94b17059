// cmark-gfm with its GitHub extensions (tables, strikethrough, autolinks, task lists).
#ifndef BITEXT_CCMARK_SHIM_H
#define BITEXT_CCMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
// The node layout, installed with libcmark-gfm-dev for extension authors: see "Reading the tree".
#include <cmark-gfm/node.h>
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

// Reading the tree. The walk in CommonMarkConverter reads every node's type, position, children
// and literal: through the exported functions that is a call for each field, and
// cmark_node_get_literal (likewise the URL, the info string) first copies the bytes into a new
// C string in the parse's memory, which the caller then measures with strlen. These read the
// fields of the installed node.h directly and give a literal as the bytes cmark holds.

/// Bytes of a node's text: what cmark_node_get_literal & co. return, without the copy. (The C
/// string they make ends at the first NUL; there is none, as cmark turns every NUL of its input
/// into U+FFFD, which the CommonMark spec asks for.)
typedef struct { const unsigned char *data; size_t length; } bt_bytes;

static inline bt_bytes bt_chunk(const cmark_chunk *c) {
    bt_bytes b = {NULL, 0};
    if (!c->data || c->len <= 0) return b;
    b.data = c->data;
    b.length = (size_t)c->len;
    return b;
}

/// Text, code span, inline HTML, HTML block.
static inline bt_bytes bt_node_literal(cmark_node *n) { return bt_chunk(&n->as.literal); }
static inline bt_bytes bt_code_block_literal(cmark_node *n) { return bt_chunk(&n->as.code.literal); }
static inline bt_bytes bt_code_block_info(cmark_node *n) { return bt_chunk(&n->as.code.info); }
static inline bt_bytes bt_link_url(cmark_node *n) { return bt_chunk(&n->as.link.url); }

static inline uint32_t bt_node_type(cmark_node *n) { return n->type; }
static inline int bt_heading_level(cmark_node *n) { return n->as.heading.level; }
static inline cmark_node *bt_first_child(cmark_node *n) { return n->first_child; }
static inline cmark_node *bt_next(cmark_node *n) { return n->next; }
static inline cmark_node *bt_parent(cmark_node *n) { return n->parent; }
static inline int bt_start_line(cmark_node *n) { return n->start_line; }
static inline int bt_start_column(cmark_node *n) { return n->start_column; }
static inline int bt_end_line(cmark_node *n) { return n->end_line; }
static inline int bt_end_column(cmark_node *n) { return n->end_column; }

/// The nodes cmark's iterator enters and leaves in one step (iterator.c's S_is_leaf): every
/// other node has an exit event, children or not.
static inline int bt_is_leaf(cmark_node *n) {
    switch (n->type) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        return 1;
    default:
        return 0;
    }
}
#endif
