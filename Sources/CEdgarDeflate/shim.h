#ifndef CEDGAR_DEFLATE_SHIM_H
#define CEDGAR_DEFLATE_SHIM_H
/* libdeflate (apt libdeflate-dev): whole-buffer DEFLATE/gzip compression and a CRC-32 that uses PCLMULQDQ,
   several times faster than zlib's for both (docs/PERFORMANCE.md, "Compression"). */
#include <libdeflate.h>
#endif
