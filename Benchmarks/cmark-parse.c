/* cmark-gfm parsing alone, the way bitext calls it: the same options (source positions,
 * footnotes) and extensions (table, strikethrough, autolink, tasklist), each file parsed and its
 * tree freed, nothing rendered. The yardstick for "whole check against parsing" in
 * Benchmarks/speed.
 *
 *   cmark-parse [--arena] RUNS FILE...   prints: bytes best_cpu_seconds (CPU time of one pass,
 *                                        best of RUNS)
 *
 * By default with cmark-gfm's own allocator (the library as everyone calls it: the issue's
 * yardstick); with --arena through bitext's per-parse arena (Sources/CCmarkGFM/shim.h), the way
 * bitext itself now calls it.
 *
 * Built by Benchmarks/speed: cc -O2 cmark-parse.c $(pkg-config --cflags --libs libcmark-gfm) \
 *                            -lcmark-gfm-extensions
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../Sources/CCmarkGFM/shim.h"

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int arena = argc > 1 && strcmp(argv[1], "--arena") == 0;
    argc -= arena;
    argv += arena;
    if (argc < 3) { fprintf(stderr, "usage: cmark-parse [--arena] RUNS FILE...\n"); return 2; }
    int runs = atoi(argv[1]);
    int n = argc - 2;
    char **texts = calloc(n, sizeof *texts);
    size_t *sizes = calloc(n, sizeof *sizes);
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 2], "rb");
        if (!f) { perror(argv[i + 2]); return 2; }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        texts[i] = malloc(len + 1);
        sizes[i] = fread(texts[i], 1, len, f);
        fclose(f);
        total += sizes[i];
    }
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink", "tasklist"};
    int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES;
    double best = 1e30;
    for (int r = 0; r < runs; r++) {
        double t0 = cpu_now();
        for (int i = 0; i < n; i++) {
            cmark_parser *p = arena ? cmark_parser_new_with_mem(options, bt_arena_mem()) : cmark_parser_new(options);
            for (int k = 0; k < 4; k++) {
                cmark_syntax_extension *e = cmark_find_syntax_extension(names[k]);
                if (e) cmark_parser_attach_syntax_extension(p, e);
            }
            cmark_parser_feed(p, texts[i], sizes[i]);
            cmark_node *doc = cmark_parser_finish(p);
            if (arena) {
                bt_arena_release();
            } else {
                cmark_node_free(doc);
                cmark_parser_free(p);
            }
        }
        double t = cpu_now() - t0;
        if (t < best) best = t;
    }
    printf("%zu %.6f\n", total, best);
    return 0;
}
