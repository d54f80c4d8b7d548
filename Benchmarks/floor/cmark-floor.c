/*
 * The physical floor for `make bench`: read every *.md file under a folder and parse it with
 * libcmark, single-threaded, doing nothing with the tree. journal cannot review a journal faster
 * than one core can read and parse it, unless it spreads the work over several cores.
 *
 *     cmark-floor DIR        prints "<files> files, <bytes> bytes" on stdout
 *     cmark-floor -j N DIR   the same work on N threads: the floor for a program that spreads
 *                            reading and parsing over N cores (the listing stays on one)
 *
 * Hidden folders are skipped, as journal skips them. Uses the same options journal passes
 * (CMARK_OPT_VALIDATE_UTF8) so both parse the same way.
 */
#define _DEFAULT_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static _Atomic size_t files, total;
/* With -j, the listing collects paths here and the threads take them in turn. */
static char **paths;
static size_t path_count, path_capacity;
static _Atomic size_t next_path;
static int collect;

static int ends_with_md(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Each thread keeps its own read buffer. */
struct worker {
    char *buffer;
    size_t capacity;
};

static void parse_file(struct worker *self, const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { perror(path); return; }
    struct stat info;
    if (fstat(fd, &info) != 0) { perror(path); close(fd); return; }
    size_t size = (size_t)info.st_size;
    if (size + 1 > self->capacity) {
        self->capacity = size + 1;
        self->buffer = realloc(self->buffer, self->capacity);
        if (!self->buffer) { perror("realloc"); exit(2); }
    }
    char *buffer = self->buffer;
    size_t count = 0;
    ssize_t got;
    while (count < size && (got = read(fd, buffer + count, size - count)) > 0) count += (size_t)got;
    close(fd);
    cmark_node *document = cmark_parse_document(buffer, count, CMARK_OPT_VALIDATE_UTF8);
    cmark_node_free(document);
    files++;
    total += count;
}

static struct worker main_worker;

static void walk(const char *folder) {
    struct dirent **names;
    int n = scandir(folder, &names, NULL, alphasort);
    if (n < 0) { perror(folder); return; }
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (name[0] != '.') {
            size_t length = strlen(folder) + strlen(name) + 2;
            char *path = malloc(length);
            if (!path) { perror("malloc"); exit(2); }
            snprintf(path, length, "%s/%s", folder, name);
            struct stat info;
            if (stat(path, &info) == 0) {
                if (S_ISDIR(info.st_mode)) walk(path);
                else if (S_ISREG(info.st_mode) && ends_with_md(name)) {
                    if (collect) {
                        if (path_count == path_capacity) {
                            path_capacity = path_capacity ? path_capacity * 2 : 1024;
                            paths = realloc(paths, path_capacity * sizeof *paths);
                            if (!paths) { perror("realloc"); exit(2); }
                        }
                        paths[path_count++] = path;
                        path = NULL;
                    } else {
                        parse_file(&main_worker, path);
                    }
                }
            }
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

static void *work(void *unused) {
    (void)unused;
    struct worker self = {0};
    size_t i;
    while ((i = atomic_fetch_add(&next_path, 1)) < path_count) parse_file(&self, paths[i]);
    free(self.buffer);
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 1;
    if (argc == 4 && strcmp(argv[1], "-j") == 0) {
        threads = atoi(argv[2]);
        argv += 2;
        argc -= 2;
    }
    if (argc != 2 || threads < 1) {
        fprintf(stderr, "usage: cmark-floor [-j THREADS] DIR\n");
        return 2;
    }
    collect = threads > 1;
    walk(argv[1]);
    if (collect) {
        pthread_t *ids = calloc((size_t)threads, sizeof *ids);
        if (!ids) { perror("calloc"); exit(2); }
        for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, work, NULL);
        for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
        for (size_t i = 0; i < path_count; i++) free(paths[i]);
        free(paths);
        free(ids);
    }
    free(main_worker.buffer);
    printf("%zu files, %zu bytes\n", (size_t)files, (size_t)total);
    return 0;
}
