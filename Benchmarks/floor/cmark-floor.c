/*
 * The physical floor for `make bench`: read every *.md file under a folder and parse it with
 * libcmark, single-threaded, doing nothing with the tree. journal cannot review a journal faster
 * than one core can read and parse it, unless it spreads the work over several cores.
 *
 *     cmark-floor DIR        prints "<files> files, <bytes> bytes" on stdout
 *
 * Hidden folders are skipped, as journal skips them. Uses the same options journal passes
 * (CMARK_OPT_VALIDATE_UTF8) so both parse the same way.
 */
#define _DEFAULT_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static size_t files, total;
static char *buffer;
static size_t capacity;

static int ends_with_md(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

static void parse_file(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { perror(path); return; }
    struct stat info;
    if (fstat(fd, &info) != 0) { perror(path); close(fd); return; }
    size_t size = (size_t)info.st_size;
    if (size + 1 > capacity) {
        capacity = size + 1;
        buffer = realloc(buffer, capacity);
        if (!buffer) { perror("realloc"); exit(2); }
    }
    size_t count = 0;
    ssize_t got;
    while (count < size && (got = read(fd, buffer + count, size - count)) > 0) count += (size_t)got;
    close(fd);
    cmark_node *document = cmark_parse_document(buffer, count, CMARK_OPT_VALIDATE_UTF8);
    cmark_node_free(document);
    files++;
    total += count;
}

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
                else if (S_ISREG(info.st_mode) && ends_with_md(name)) parse_file(path);
            }
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cmark-floor DIR\n");
        return 2;
    }
    walk(argv[1]);
    free(buffer);
    printf("%zu files, %zu bytes\n", files, total);
    return 0;
}
