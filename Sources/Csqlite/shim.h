#ifndef JOURNAL_CSQLITE_SHIM_H
#define JOURNAL_CSQLITE_SHIM_H
#include <sqlite3.h>

#ifdef __linux__
#include <sys/vfs.h>
/* NFS, SMB, CIFS, SMB2, AFS and FUSE: where SQLite's WAL shared memory is unsafe. */
static inline int journal_is_network_fs(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return 0;
    switch ((unsigned long)info.f_type) {
    case 0x6969UL: case 0x517BUL: case 0xFF534D42UL: case 0xFE534D42UL: case 0x5346414FUL: case 0x65735546UL:
        return 1;
    default:
        return 0;
    }
}
#else
static inline int journal_is_network_fs(const char *path) { (void)path; return 0; }
#endif
#endif
