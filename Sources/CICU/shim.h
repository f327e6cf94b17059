// Static inline wrappers around the ICU C API.
//
// ICU renames its functions with version suffixes through function-like macros
// (`ubrk_open` is really `ubrk_open_72`). Swift cannot see such macros, so every
// function bitext needs is wrapped here, where clang applies the renaming. The
// wrappers keep the code independent of the installed ICU version.
#ifndef BITEXT_CICU_SHIM_H
#define BITEXT_CICU_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>
#include <unicode/ucnv.h>
#include <unicode/uset.h>

// Break iteration
static inline UBreakIterator *bt_ubrk_open(UBreakIteratorType type, const char *locale,
                                           const UChar *text, int32_t length, UErrorCode *status) {
    return ubrk_open(type, locale, text, length, status);
}
static inline void bt_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t length,
                                   UErrorCode *status) {
    ubrk_setText(bi, text, length, status);
}
static inline int32_t bt_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t bt_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t bt_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline void bt_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }

// Character properties
static inline UScriptCode bt_uscript_getScript(UChar32 c, UErrorCode *status) {
    return uscript_getScript(c, status);
}
static inline int8_t bt_u_charType(UChar32 c) { return u_charType(c); }
static inline int32_t bt_u_getIntPropertyValue(UChar32 c, UProperty which) {
    return u_getIntPropertyValue(c, which);
}
static inline UBool bt_fill_char_types(const void *context, UChar32 start, UChar32 limit, UCharCategory type) {
    if (start >= 0x10000) return 0;
    if (limit > 0x10000) limit = 0x10000;
    memset((uint8_t *)context + start, (int)type, (size_t)(limit - start));
    return 1;
}
// The general category (UCharCategory) of every BMP code point into `out` (0x10000 bytes), from
// ICU's ranges of one category: far cheaper than asking for each code point.
static inline void bt_bmp_char_types(uint8_t *out) { u_enumCharTypes(bt_fill_char_types, out); }

// Transliteration (Hans <-> Hant)
// The transliterator is the one thing bitext takes from ICU's i18n library (libicui18n, 3 MB, whose
// 629 functions the dynamic loader binds at start): it is opened with dlopen on the first
// transliterator instead of linked, which spared every process about 0.4 ms of loading. The
// library and the three functions are named as the installed headers name them (ICU's version
// suffix, `utrans_openU_72`).
// UTransliterator is itself `void *`; the wrappers pass it as an opaque struct pointer.
#define BT_ICU_STRING2(x) #x
#define BT_ICU_STRING(x) BT_ICU_STRING2(x)
typedef struct bt_transliterator bt_transliterator;
typedef struct {
    __typeof__(utrans_openU) *open;
    __typeof__(utrans_transUChars) *trans;
    __typeof__(utrans_close) *close;
} bt_utrans_functions;

// The functions are kept here, not in a Swift `static let` as SHA256 keeps libcrypto's: a stored
// property of this C type in BitextICU puts CICU in the module's interface, and every module that
// imports both BitextICU and Foundation then loads the system ICU headers beside Foundation's own
// ICU (the platform notes' second trap). In a function: the Swift importer emits the functions a
// module uses, not a header's globals.
static inline bt_utrans_functions *bt_utrans_storage(void) {
    static bt_utrans_functions loaded;
    return &loaded;
}
static inline void bt_utrans_load(void) {
    static const char *const names[] = {
        "libicui18n.so." BT_ICU_STRING(U_ICU_VERSION_MAJOR_NUM), "libicui18n.so",
        "libicui18n." BT_ICU_STRING(U_ICU_VERSION_MAJOR_NUM) ".dylib", "libicui18n.dylib"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!lib) continue;
        bt_utrans_functions f;
        f.open = (__typeof__(utrans_openU) *)dlsym(lib, BT_ICU_STRING(utrans_openU));
        f.trans = (__typeof__(utrans_transUChars) *)dlsym(lib, BT_ICU_STRING(utrans_transUChars));
        f.close = (__typeof__(utrans_close) *)dlsym(lib, BT_ICU_STRING(utrans_close));
        if (f.open && f.trans && f.close) { *bt_utrans_storage() = f; return; }
        dlclose(lib);
    }
}
/// The functions, loaded once for the process; all null when no libicui18n opens.
static inline const bt_utrans_functions *bt_utrans(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, bt_utrans_load);
    return bt_utrans_storage();
}

/// The transliterator `id`, or NULL with `*status` set (U_MISSING_RESOURCE_ERROR when ICU's i18n
/// library cannot be opened).
static inline bt_transliterator *bt_utrans_openU(const UChar *id, int32_t idLength,
                                                 UErrorCode *status) {
    const bt_utrans_functions *f = bt_utrans();
    if (!f->open) { *status = U_MISSING_RESOURCE_ERROR; return NULL; }
    return (bt_transliterator *)f->open(id, idLength, UTRANS_FORWARD, NULL, -1, NULL, status);
}
static inline void bt_utrans_transUChars(bt_transliterator *trans, UChar *text,
                                         int32_t *textLength, int32_t textCapacity,
                                         int32_t start, int32_t *limit, UErrorCode *status) {
    bt_utrans()->trans((const UTransliterator *)trans, text, textLength, textCapacity, start, limit, status);
}
static inline void bt_utrans_close(bt_transliterator *trans) { bt_utrans()->close((UTransliterator *)trans); }

// Character sets of legacy encodings (GB2312 for Simplified, Big5 for Traditional)
static inline USet *bt_converter_roundtrip_set(const char *name, UErrorCode *status) {
    UConverter *cnv = ucnv_open(name, status);
    if (U_FAILURE(*status)) return NULL;
    USet *set = uset_openEmpty();
    ucnv_getUnicodeSet(cnv, set, UCNV_ROUNDTRIP_SET, status);
    ucnv_close(cnv);
    if (U_FAILURE(*status)) { uset_close(set); return NULL; }
    uset_freeze(set);
    return set;
}
static inline UBool bt_uset_contains(const USet *set, UChar32 c) { return uset_contains(set, c); }
static inline void bt_uset_close(USet *set) { uset_close(set); }

static inline UBool bt_u_success(UErrorCode code) { return U_SUCCESS(code); }
static inline const char *bt_u_errorName(UErrorCode code) { return u_errorName(code); }

#endif
