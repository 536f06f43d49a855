/* The zlib floor of the realistic benchmark (scripts/bench --realistic): inflate a gzip file (every member)
 * into one reused 256 KiB buffer and throw the bytes away. No tar walk, no copy, no parse: no reader built on
 * zlib's inflate can be faster than this. Built by scripts/bench with `cc -O2 -o ... zlib_floor.c -lz`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int main(int argc, char **argv) {
    static unsigned char in[1 << 18], out[1 << 18];
    unsigned long long total = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return 2;
        int status = Z_OK;
        size_t got;
        while ((got = fread(in, 1, sizeof in, f)) > 0) {
            z.next_in = in;
            z.avail_in = (uInt)got;
            while (z.avail_in > 0) {
                z.next_out = out;
                z.avail_out = sizeof out;
                status = inflate(&z, Z_NO_FLUSH);
                if (status != Z_OK && status != Z_STREAM_END) { fprintf(stderr, "%s: inflate %d\n", argv[i], status); return 1; }
                total += sizeof out - z.avail_out;
                /* Concatenated gzip members, as gzip -dc reads them. */
                if (status == Z_STREAM_END && inflateReset(&z) != Z_OK) return 2;
            }
        }
        inflateEnd(&z);
        fclose(f);
    }
    printf("%llu\n", total);
    return 0;
}
