#ifndef JOURNAL_CCMARK_SHIM_H
#define JOURNAL_CCMARK_SHIM_H
#include <cmark.h>
#endif
