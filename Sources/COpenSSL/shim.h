// OpenSSL's libcrypto (Debian libssl-dev), for the SHA-256 of the review page's inline script
// (a Content-Security-Policy hash). Only the one-shot digest is used.
#ifndef BITEXT_COPENSSL_SHIM_H
#define BITEXT_COPENSSL_SHIM_H

#include <openssl/evp.h>

/// SHA-256 of `length` bytes at `data` into the 32 bytes at `out`; 1 on success.
static inline int bt_sha256(const void *data, size_t length, unsigned char *out) {
    unsigned int size = 0;
    return EVP_Digest(data, length, out, &size, EVP_sha256(), NULL);
}

#endif
