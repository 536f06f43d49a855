#ifndef CEDGAR_SYSTEM_SHIM_H
#define CEDGAR_SYSTEM_SHIM_H
/* Linux system calls neither Glibc's Swift overlay nor swift-system exports (GNU extensions). Linux only. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>
#include <sys/vfs.h>

static inline int cedgar_syncfs(int fd) { return syncfs(fd); }

/* The filesystem type (statfs f_type, linux/magic.h) of a descriptor or path; -1 when it cannot be told. */
static inline long long cedgar_fs_magic_fd(int fd) {
    struct statfs info;
    return fstatfs(fd, &info) == 0 ? (long long)info.f_type : -1;
}
static inline long long cedgar_fs_magic_path(const char *path) {
    struct statfs info;
    return statfs(path, &info) == 0 ? (long long)info.f_type : -1;
}
#endif
