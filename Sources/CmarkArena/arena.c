#include "cmark_arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each block is preceded by a header holding its capacity; blocks stay 16-byte aligned, as
 * malloc's are on the platforms we build for. */
enum { ALIGN = 16, HEADER = 16 };
/* The first chunk holds a typical entry's whole parse; later chunks double. */
static const size_t FIRST_CHUNK = 64 * 1024;

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

static size_t *header_of(unsigned char *block) { return (size_t *)(void *)(block - HEADER); }

static chunk *new_chunk(journal_arena *arena, size_t at_least) {
    size_t size = arena->head ? arena->head->size : FIRST_CHUNK / 2;
    size = size > SIZE_MAX / 2 ? SIZE_MAX : size * 2;
    if (size < at_least) size = at_least;
    if (size > SIZE_MAX - sizeof(chunk)) fail("allocation too large");
    chunk *fresh = malloc(sizeof(chunk) + size);
    if (!fresh) fail("out of memory");
    fresh->previous = arena->head;
    fresh->size = size;
    fresh->used = 0;
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
    *header_of(block) = capacity;
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
    size_t capacity = *header_of(block);
    if (size <= capacity) return block;
    journal_arena *arena = current;
    if (!arena) fail("no arena is current on this thread");
    chunk *head = arena->head;
    if (block == arena->last && head) {
        /* cmark's buffers grow again and again; the latest one grows where it is. */
        size_t grown = rounded(size);
        size_t start = (size_t)(block - head->data);
        if (grown && grown <= head->size - start) {
            head->used = start + grown;
            *header_of(block) = grown;
            return block;
        }
    }
    unsigned char *moved = allocate(size);
    memcpy(moved, block, capacity);
    return moved;
}

void journal_arena_free(void *pointer) { (void)pointer; }

size_t journal_arena_reserved_bytes(const journal_arena *arena) { return arena->reserved; }
