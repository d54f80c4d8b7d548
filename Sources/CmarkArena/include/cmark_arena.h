#ifndef JOURNAL_CMARK_ARENA_H
#define JOURNAL_CMARK_ARENA_H

#include <stddef.h>

/*
 * A bump allocator for one cmark parse, with cmark_mem's three signatures: cmark allocates every
 * node and buffer of a document through it, and the whole document is released at once by
 * journal_arena_end instead of cmark_node_free walking every node.
 *
 * cmark_mem's callbacks receive no context pointer, and calloc not even a pointer to find a
 * header by, so the arena in use is per thread (_Thread_local): journal_arena_begin makes a new
 * arena current on the calling thread, the callbacks allocate from the current arena, and
 * journal_arena_end frees it and makes the one before it current again. Each parse therefore runs
 * begin, parse, walk, end on one thread, with no suspension in between; parses on other threads
 * have their own arenas and share nothing. The callbacks abort on overflow or exhaustion, as
 * cmark's default allocator does, because cmark does not check for NULL. Under AddressSanitizer
 * the arena poisons what it has not handed out, so `make test-asan` still sees overflows.
 */

typedef struct journal_arena journal_arena;

/* A new, empty arena, current on this thread until journal_arena_end. */
journal_arena *journal_arena_begin(void);

/* Frees everything allocated from `arena` and makes the previously current arena current again.
 * `arena` must be the current arena of the calling thread. */
void journal_arena_end(journal_arena *arena);

/* Zeroed memory from the current arena (calloc semantics). */
void *journal_arena_calloc(size_t count, size_t size);

/* Grows the last allocation in place when its chunk has room, else copies into a new block. */
void *journal_arena_realloc(void *pointer, size_t size);

/* A no-op: the memory goes when the arena ends. */
void journal_arena_free(void *pointer);

/* Bytes the arena has taken from malloc, for tests and measurement. */
size_t journal_arena_reserved_bytes(const journal_arena *arena);

#endif
