// A per-thread LIFO cache of freed small blocks in front of glibc's malloc (the `bitext`
// executable only; the library targets and the tests use malloc as it is).
//
// Why: `check` builds each document's units and analyses (about seven blocks a unit: text,
// roles, words, stretches…) and frees them all when the document is done; the next document
// allocates as many again. glibc's per-thread cache keeps only 7 freed blocks of each size
// (tcache_count); the rest go to its bins, which hand memory back first in first out and under
// the arena's lock (the Ctrl-C handler's thread makes every process multi-threaded). With
// `GLIBC_TUNABLES=glibc.malloc.tcache_count=1000` `check` used 3–7% less CPU, but a tunable can
// only be set in the environment before the process starts. This is the same cache, kept here:
// up to 1,000 freed blocks of each of glibc's small sizes (chunks of 32 to 1,040 bytes, the
// range of glibc's own cache) and at most 4 MiB a thread, handed back last in first out, without
// a lock, to the thread that freed them.
//
// Every block is a glibc chunk: a block in this cache is still allocated as far as glibc knows,
// and goes back to glibc's free when the cache is full or its thread ends. So blocks can move
// freely between this cache and glibc (memalign'd blocks, realloc, libraries that call glibc's
// functions directly). The chunk's size is read from the word before the block, where glibc
// keeps it (bit 1: the chunk was mmapped, never cached). Off under AddressSanitizer, which brings
// its own malloc.
#include "CBitextAlloc.h"
#include <stdint.h>  // defines __GLIBC__ on glibc

#if defined(__SANITIZE_ADDRESS__)
#define BT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BT_ASAN 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(BT_ASAN)
#include <errno.h>
#include <pthread.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void __libc_free(void *);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

enum {
    largestChunk = 1040,                  // glibc's tcache range: requests up to 1,032 bytes
    sizeClasses = largestChunk / 16 - 1,  // chunks of 32, 48, … 1,040 bytes
    blocksPerClass = 1000,
};
static const size_t bytesPerThread = (size_t)4 << 20;

struct bt_cache {
    void *head[sizeClasses];  // each free block holds the next one's address in its first word
    uint16_t count[sizeClasses];
    size_t bytes;
    int state;  // 0: not yet caching, 1: caching, 2: passing everything to glibc
};

// initial-exec: a fixed offset from the thread pointer, no call to find it.
static __thread struct bt_cache cache __attribute__((tls_model("initial-exec")));
static pthread_key_t exitKey;
static pthread_once_t exitKeyOnce = PTHREAD_ONCE_INIT;

// At a thread's end every cached block goes back to glibc; later frees of that thread (other
// destructors) go straight to glibc.
static void bt_cache_flush(void *unused) {
    (void)unused;
    cache.state = 2;
    for (int c = 0; c < sizeClasses; c++) {
        void *p = cache.head[c];
        while (p) {
            void *next = *(void **)p;
            __libc_free(p);
            p = next;
        }
        cache.head[c] = NULL;
        cache.count[c] = 0;
    }
    cache.bytes = 0;
}

static void bt_make_exit_key(void) { pthread_key_create(&exitKey, bt_cache_flush); }

// glibc's chunk size for a request (request2size): the request and the size word, rounded up
// to 16, at least 32.
static inline size_t bt_chunk(size_t n) {
    size_t c = (n + 8 + 15) & ~(size_t)15;
    return c < 32 ? 32 : c;
}

static inline void *bt_take(size_t n) {
    if (n > largestChunk - 8) return NULL;
    size_t chunk = bt_chunk(n);
    size_t c = chunk / 16 - 2;
    void *p = cache.head[c];
    if (p) {
        cache.head[c] = *(void **)p;
        cache.count[c]--;
        cache.bytes -= chunk;
    }
    return p;
}

void *malloc(size_t n) {
    void *p = bt_take(n);
    return p ? p : __libc_malloc(n);
}

void free(void *p) {
    if (!p) return;
    size_t field = ((size_t *)p)[-1];
    size_t chunk = field & ~(size_t)7;
    if ((field & 2) == 0 && chunk >= 32 && chunk <= largestChunk && cache.state != 2) {
        size_t c = chunk / 16 - 2;
        if (cache.count[c] < blocksPerClass && cache.bytes + chunk <= bytesPerThread) {
            if (cache.state == 0) {
                // Registering the thread's exit may allocate: nothing is cached meanwhile.
                cache.state = 2;
                pthread_once(&exitKeyOnce, bt_make_exit_key);
                pthread_setspecific(exitKey, &cache);
                cache.state = 1;
            }
            *(void **)p = cache.head[c];
            cache.head[c] = p;
            cache.count[c]++;
            cache.bytes += chunk;
            return;
        }
    }
    __libc_free(p);
}

void *calloc(size_t count, size_t size) {
    size_t n;
    if (__builtin_mul_overflow(count, size, &n)) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = bt_take(n);
    if (p) {
        memset(p, 0, n);
        return p;
    }
    return __libc_calloc(count, size);
}

void *realloc(void *p, size_t n) {
    if (!p) return malloc(n);
    return __libc_realloc(p, n);  // any chunk, cached or not, is glibc's to resize
}

int bt_alloc_cache_enabled(void) { return 1; }
#else
int bt_alloc_cache_enabled(void) { return 0; }
#endif
