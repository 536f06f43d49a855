#ifndef CEDGAR_SYSTEM_SHIM_H
#define CEDGAR_SYSTEM_SHIM_H
/* System calls Glibc's Swift overlay does not export (GNU extensions). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>

#if defined(__linux__)
static inline int cedgar_syncfs(int fd) { return syncfs(fd); }
#else
static inline int cedgar_syncfs(int fd) { return fsync(fd); }
#endif

/* The filesystem type (statfs f_type, linux/magic.h) of a descriptor or path; -1 when it cannot be told. */
#if defined(__linux__)
#include <sys/vfs.h>
static inline long long cedgar_fs_magic_fd(int fd) {
    struct statfs info;
    return fstatfs(fd, &info) == 0 ? (long long)info.f_type : -1;
}
static inline long long cedgar_fs_magic_path(const char *path) {
    struct statfs info;
    return statfs(path, &info) == 0 ? (long long)info.f_type : -1;
}
#else
static inline long long cedgar_fs_magic_fd(int fd) { (void)fd; return -1; }
static inline long long cedgar_fs_magic_path(const char *path) { (void)path; return -1; }
#endif
#endif
