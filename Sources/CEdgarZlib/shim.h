#ifndef CEDGAR_ZLIB_SHIM_H
#define CEDGAR_ZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 / deflateInit2 are macros Swift cannot call; wrap them once here. */
static inline int cedgar_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
static inline int cedgar_deflateInit2(z_streamp strm, int level, int windowBits, int memLevel) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY);
}
#endif
