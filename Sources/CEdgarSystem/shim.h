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
#endif
