#include "cmark_arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer (make test-asan) the unused part of each chunk, every block's header
 * and the bytes past each block's requested size are poisoned, so an overflow inside the arena
 * is reported as it would be between mallocs; reading a tree after journal_arena_end is reported
 * as any use after free. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(at, size) ASAN_POISON_MEMORY_REGION((at), (size))
#define UNPOISON(at, size) ASAN_UNPOISON_MEMORY_REGION((at), (size))
#else
#define POISON(at, size) ((void)(at), (void)(size))
#define UNPOISON(at, size) ((void)(at), (void)(size))
#endif

/* Each block is preceded by a header holding its capacity and the size asked for; blocks stay
 * 16-byte aligned, as malloc's are on the platforms we build for. */
enum { ALIGN = 16, HEADER = 16 };

typedef struct header {
    size_t capacity;
    size_t size;
} header;
/* The first chunk holds a typical entry's whole parse; later chunks double up to MAX_CHUNK, so
 * a big file reserves little more than it uses (a block larger than that gets its own chunk). */
static const size_t FIRST_CHUNK = 64 * 1024;
static const size_t MAX_CHUNK = 4 * 1024 * 1024;

typedef struct chunk {
    struct chunk *previous;
    size_t size; /* bytes of data */
    size_t used;
    _Alignas(ALIGN) unsigned char data[];
} chunk;

struct journal_arena {
    chunk *head;
    journal_arena *outer; /* the arena current before this one on the same thread */
    unsigned char *last;  /* the latest block, which realloc may grow in place */
    size_t reserved;
};

static _Thread_local journal_arena *current;

static void fail(const char *what) {
    fprintf(stderr, "journal: cmark arena: %s\n", what);
    abort();
}

/* `size` rounded up to ALIGN, or 0 when that overflows. */
static size_t rounded(size_t size) {
    if (size > SIZE_MAX - (ALIGN - 1)) return 0;
    return (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static header read_header(unsigned char *block) {
    header value;
    UNPOISON(block - HEADER, HEADER);
    memcpy(&value, block - HEADER, sizeof value);
    POISON(block - HEADER, HEADER);
    return value;
}

static void write_header(unsigned char *block, size_t capacity, size_t size) {
    header value = {capacity, size};
    UNPOISON(block - HEADER, HEADER);
    memcpy(block - HEADER, &value, sizeof value);
    POISON(block - HEADER, HEADER);
    UNPOISON(block, size);
}

static chunk *new_chunk(journal_arena *arena, size_t at_least) {
    size_t size = arena->head ? arena->head->size * 2 : FIRST_CHUNK;
    if (size > MAX_CHUNK) size = MAX_CHUNK;
    if (size < at_least) size = at_least;
    if (size > SIZE_MAX - sizeof(chunk)) fail("allocation too large");
    chunk *fresh = malloc(sizeof(chunk) + size);
    if (!fresh) fail("out of memory");
    fresh->previous = arena->head;
    fresh->size = size;
    fresh->used = 0;
    POISON(fresh->data, size);
    arena->head = fresh;
    arena->reserved += size;
    return fresh;
}

/* A block of at least `size` bytes, not zeroed. */
static unsigned char *allocate(size_t size) {
    journal_arena *arena = current;
    if (!arena) fail("no arena is current on this thread");
    size_t capacity = rounded(size ? size : 1);
    if (!capacity || capacity > SIZE_MAX - HEADER) fail("allocation too large");
    size_t needed = capacity + HEADER;
    chunk *head = arena->head;
    if (!head || head->size - head->used < needed) head = new_chunk(arena, needed);
    unsigned char *block = head->data + head->used + HEADER;
    head->used += needed;
    write_header(block, capacity, size);
    arena->last = block;
    return block;
}

journal_arena *journal_arena_begin(void) {
    journal_arena *arena = calloc(1, sizeof(journal_arena));
    if (!arena) fail("out of memory");
    arena->outer = current;
    current = arena;
    return arena;
}

void journal_arena_end(journal_arena *arena) {
    if (arena != current) fail("ended an arena that is not current on this thread");
    current = arena->outer;
    chunk *each = arena->head;
    while (each) {
        chunk *previous = each->previous;
        UNPOISON(each->data, each->size);
        free(each);
        each = previous;
    }
    free(arena);
}

void *journal_arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) fail("allocation too large");
    size_t total = count * size;
    unsigned char *block = allocate(total);
    memset(block, 0, total);
    return block;
}

void *journal_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    unsigned char *block = pointer;
    header old = read_header(block);
    if (size <= old.capacity) {
        write_header(block, old.capacity, size);
        return block;
    }
    journal_arena *arena = current;
    if (!arena) fail("no arena is current on this thread");
    chunk *head = arena->head;
    if (block == arena->last && head) {
        /* cmark's buffers grow again and again; the latest one grows where it is. */
        size_t grown = rounded(size);
        size_t start = (size_t)(block - head->data);
        if (grown && grown <= head->size - start) {
            head->used = start + grown;
            write_header(block, grown, size);
            return block;
        }
    }
    unsigned char *moved = allocate(size);
    memcpy(moved, block, old.size);
    return moved;
}

void journal_arena_free(void *pointer) { (void)pointer; }

size_t journal_arena_reserved_bytes(const journal_arena *arena) { return arena->reserved; }
