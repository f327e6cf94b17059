// Static inline wrappers around the ICU C API.
//
// ICU renames its functions with version suffixes through function-like macros
// (`ubrk_open` is really `ubrk_open_72`). Swift cannot see such macros, so every
// function bitext needs is wrapped here, where clang applies the renaming. The
// wrappers keep the code independent of the installed ICU version.
#ifndef BITEXT_CICU_SHIM_H
#define BITEXT_CICU_SHIM_H

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
// UTransliterator is itself `void *`; the wrappers pass it as an opaque struct pointer.
typedef struct bt_transliterator bt_transliterator;
static inline bt_transliterator *bt_utrans_openU(const UChar *id, int32_t idLength,
                                                 UErrorCode *status) {
    return (bt_transliterator *)utrans_openU(id, idLength, UTRANS_FORWARD, NULL, -1, NULL, status);
}
static inline void bt_utrans_transUChars(bt_transliterator *trans, UChar *text,
                                         int32_t *textLength, int32_t textCapacity,
                                         int32_t start, int32_t *limit, UErrorCode *status) {
    utrans_transUChars((const UTransliterator *)trans, text, textLength, textCapacity, start, limit, status);
}
static inline void bt_utrans_close(bt_transliterator *trans) { utrans_close((UTransliterator *)trans); }

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
