// cmark-gfm with its GitHub extensions (tables, strikethrough, autolinks, task lists).
#ifndef BITEXT_CCMARK_SHIM_H
#define BITEXT_CCMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
