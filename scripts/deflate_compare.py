#!/usr/bin/env python3
"""zlib against libdeflate on the bytes edgar-etl writes (docs/PERFORMANCE.md, "Compression").

    scripts/deflate_compare.py OUT            # every *.ndjson.gz under OUT (the output of an edgar-etl run)

The part files are decompressed into one NDJSON text, then, in 1 MiB slices as StagedPartFile writes them:
gzip compression at level 1 (zlib through Python's zlib module, libdeflate through ctypes), CRC-32, and gzip
decompression of the result. Both libraries are called from C through thin bindings, so the timing is theirs;
each figure is the best of 5 rounds (CPU time of this process), in MB/s of NDJSON.
"""

import ctypes
import ctypes.util
import gzip
import os
import sys
import time
import zlib

SLICE = 1 << 20
ROUNDS = 5


def ndjson(root):
    data = bytearray()
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(".ndjson.gz"):
                with gzip.open(os.path.join(folder, name)) as f:
                    data += f.read()
    return bytes(data)


def best(work):
    times = []
    for _ in range(ROUNDS):
        started = time.process_time()
        result = work()
        times.append(time.process_time() - started)
    return min(times), result


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    text = ndjson(sys.argv[1])
    if not text:
        sys.exit("no *.ndjson.gz under %s" % sys.argv[1])
    slices = [text[i:i + SLICE] for i in range(0, len(text), SLICE)]
    lib = ctypes.CDLL(ctypes.util.find_library("deflate") or "libdeflate.so.0")
    lib.libdeflate_alloc_compressor.restype = ctypes.c_void_p
    lib.libdeflate_alloc_decompressor.restype = ctypes.c_void_p
    lib.libdeflate_gzip_compress_bound.restype = ctypes.c_size_t
    lib.libdeflate_gzip_compress_bound.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    lib.libdeflate_gzip_compress.restype = ctypes.c_size_t
    lib.libdeflate_gzip_compress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p,
                                             ctypes.c_size_t]
    lib.libdeflate_gzip_decompress.restype = ctypes.c_int
    lib.libdeflate_gzip_decompress.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p,
                                               ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]
    lib.libdeflate_crc32.restype = ctypes.c_uint32
    lib.libdeflate_crc32.argtypes = [ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t]
    compressor = lib.libdeflate_alloc_compressor(1)
    decompressor = lib.libdeflate_alloc_decompressor()
    bound = lib.libdeflate_gzip_compress_bound(compressor, SLICE)
    out = ctypes.create_string_buffer(max(bound, SLICE))

    def zlib_compress():
        members = []
        for s in slices:
            c = zlib.compressobj(1, zlib.DEFLATED, 31)
            members.append(c.compress(s) + c.flush())
        return members

    def deflate_compress():
        members = []
        for s in slices:
            n = lib.libdeflate_gzip_compress(compressor, s, len(s), out, bound)
            members.append(out.raw[:n])
        return members

    def zlib_inflate(members):
        return lambda: [zlib.decompress(m, 31) for m in members]

    def deflate_inflate(members):
        def work():
            got = ctypes.c_size_t()
            for m in members:
                if lib.libdeflate_gzip_decompress(decompressor, m, len(m), out, SLICE, ctypes.byref(got)) != 0:
                    sys.exit("libdeflate could not decompress a member")
        return work

    mb = len(text) / 1e6
    rows = []
    t, zmembers = best(zlib_compress)
    rows.append(("gzip level 1, zlib", t, sum(map(len, zmembers))))
    t, dmembers = best(deflate_compress)
    rows.append(("gzip level 1, libdeflate", t, sum(map(len, dmembers))))
    t, _ = best(lambda: [zlib.crc32(s) for s in slices])
    rows.append(("CRC-32, zlib", t, None))
    t, _ = best(lambda: [lib.libdeflate_crc32(0, s, len(s)) for s in slices])
    rows.append(("CRC-32, libdeflate", t, None))
    t, _ = best(zlib_inflate(zmembers))
    rows.append(("gunzip, zlib", t, None))
    t, _ = best(deflate_inflate(dmembers))
    rows.append(("gunzip, libdeflate", t, None))
    print("%.1f MB of NDJSON from %s, %d slices of 1 MiB, best of %d rounds" % (mb, sys.argv[1], len(slices), ROUNDS))
    print("| what | MB/s | compressed |")
    print("|---|---:|---:|")
    for label, seconds, size in rows:
        ratio = "" if size is None else "%.1f%%" % (100.0 * size / len(text))
        print("| %s | %s | %s |" % (label, format(int(mb / max(seconds, 1e-9)), ","), ratio))


if __name__ == "__main__":
    main()
