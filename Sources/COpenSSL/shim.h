// OpenSSL's libcrypto, for the SHA-256 of the review page's inline script (a
// Content-Security-Policy hash). Only the one-shot digest is used, and libcrypto is opened with
// dlopen on that first use instead of linked: loading it cost every process about 2.7 million
// instructions (0.9 ms), a twentieth of a small file's `check`, which never needs it.
#ifndef BITEXT_COPENSSL_SHIM_H
#define BITEXT_COPENSSL_SHIM_H

#include <dlfcn.h>
#include <stddef.h>

// OpenSSL's own declarations (the same in 1.1 and 3): `int EVP_Digest(const void *, size_t,
// unsigned char *, unsigned int *, const EVP_MD *, ENGINE *)` and `const EVP_MD *EVP_sha256(void)`.
typedef int (*bt_evp_digest_fn)(const void *, size_t, unsigned char *, unsigned int *,
                                const void *, void *);
typedef const void *(*bt_evp_md_fn)(void);

/// The two functions, resolved in the first libcrypto that opens; both null when none does.
typedef struct { bt_evp_digest_fn digest; bt_evp_md_fn sha256; } bt_crypto;

static inline bt_crypto bt_crypto_open(void) {
    static const char *const names[] = {"libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so",
                                        "libcrypto.dylib"};
    bt_crypto c = {0, 0};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!lib) continue;
        c.digest = (bt_evp_digest_fn)dlsym(lib, "EVP_Digest");
        c.sha256 = (bt_evp_md_fn)dlsym(lib, "EVP_sha256");
        if (c.digest && c.sha256) return c;
        c.digest = 0; c.sha256 = 0;
        dlclose(lib);
    }
    return c;
}

/// SHA-256 of `length` bytes at `data` into the 32 bytes at `out`; 1 on success.
static inline int bt_sha256(bt_crypto c, const void *data, size_t length, unsigned char *out) {
    unsigned int size = 0;
    return c.digest(data, length, out, &size, c.sha256(), NULL);
}

#endif
