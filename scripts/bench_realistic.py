"""scripts/bench --realistic: edgar-etl on byte-realistic daily feeds (edgar-gen feed --mix realistic: ~0.5 MB
per submission, ~31% Forms 3/4/5 holding ~0.5% of the bytes, ~4.9:1 under gzip) against the limits of
decompression: `gzip -dc`, the zlib floor (scripts/zlib_floor.c: zlib's inflate into a reused buffer, nothing
else) and `igzip -dc` (ISA-L) when installed. edgar-etl reads 1, 4 and 16 archives (4 also with --readers 1,
the serial reader, for the ratio within one run). Rounds alternate the case order; tables report medians.
"""

import os
import shutil
import statistics
import subprocess
import sys

import bench


def floor_binary():
    """Compiles scripts/zlib_floor.c (cc -O2 -lz) into bench-out/ when missing or older than the source."""
    source = os.path.join(bench.ROOT, "scripts", "zlib_floor.c")
    binary = os.path.join(bench.OUT, "zlib_floor")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        bench.log("compiling %s..." % os.path.relpath(source, bench.ROOT))
        subprocess.run(["cc", "-O2", "-o", binary, source, "-lz"], check=True)
    return binary


def inputs(path, count):
    """`count` copies of the archive: distinct sources with the same bytes. Not hard links: a run reads one file
    once whatever its names (inputs are told apart by device and inode)."""
    folder = os.path.join(bench.OUT, "realistic-x%d" % count)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    names = []
    for i in range(count):
        name = os.path.join(folder, "2025%04d.nc.tar.gz" % (101 + i))
        shutil.copyfile(path, name)
        names.append(name)
    return names


def run(args):
    etl, gen = bench.build(args.no_build)
    os.makedirs(bench.OUT, exist_ok=True)
    count = args.realistic_count
    rounds = args.rounds or 3
    day = bench.archive(gen, count, args.seed, "realistic")
    size = os.path.getsize(day)
    floor = floor_binary()
    four, sixteen = inputs(day, 4), inputs(day, 16)
    tmp = os.path.join(bench.OUT, "run-tmp")

    def etl_case(name, label, paths, extra=()):
        return bench.Case(name, label, paths, [etl, "run", *paths, "--output", tmp, *extra], tmp)

    cases = [
        bench.Case("gunzip", "gzip -dc > /dev/null", [day], ["gzip", "-dc", day]),
        bench.Case("floor", "zlib floor (scripts/zlib_floor.c)", [day], [floor, day]),
    ]
    igzip = shutil.which("igzip")
    if igzip:
        cases.append(bench.Case("igzip", "igzip -dc > /dev/null", [day], [igzip, "-dc", day]))
    cases += [
        etl_case("etl1", "edgar-etl, 1 archive", [day]),
        etl_case("etl4_serial", "edgar-etl, 4 archives, --readers 1", four, ["--readers", "1"]),
        etl_case("etl4", "edgar-etl, 4 archives", four),
        etl_case("etl16", "edgar-etl, 16 archives", sixteen),
        etl_case("etl16_r8", "edgar-etl, 16 archives, --readers 8", sixteen, ["--readers", "8"]),
        etl_case("etl16_r16", "edgar-etl, 16 archives, --readers 16", sixteen, ["--readers", "16"]),
    ]
    bench.log("measuring: %d rounds over %s (%.1f MB, %d submissions)%s" % (
        rounds, os.path.basename(day), size / 1e6, count, "" if igzip else "; igzip not installed"))
    for r in range(rounds):
        for case in (cases if r % 2 == 0 else list(reversed(cases))):
            case.run_once()
        bench.log("  round %d/%d done" % (r + 1, rounds))

    by = {c.name: c for c in cases}
    print()
    print("Realistic feed: %s, %.1f MB compressed, %d submissions; %d rounds, medians; load %.1f at start" % (
        os.path.basename(day), size / 1e6, count, rounds, args.loadavg[0]))
    print()
    print("| case | archives | wall s | MB/s compressed | CPU s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for c in cases:
        n = len(c.archive)
        print("| %s | %d | %.2f | %.0f | %.2f | %.0f |" % (c.label, n, c.wall, n * size / 1e6 / c.wall,
                                                          statistics.median(c.cpus), max(c.rss)))
    print()
    ratios = [
        ("edgar-etl 1 archive / zlib floor (target <= 1.05)", by["etl1"].wall / by["floor"].wall, 1.05),
        ("edgar-etl 1 archive / gzip -dc", by["etl1"].wall / by["gunzip"].wall, None),
        ("edgar-etl 4 archives / 1 archive (target <= 2.2)", by["etl4"].wall / by["etl1"].wall, 2.2),
        ("edgar-etl 4 archives, --readers 1 / default readers", by["etl4_serial"].wall / by["etl4"].wall, None),
        ("edgar-etl 16 archives / 1 archive", by["etl16"].wall / by["etl1"].wall, None),
    ]
    if igzip:
        ratios.append(("edgar-etl 1 archive / igzip -dc", by["etl1"].wall / by["igzip"].wall, None))
    for label, value, target in ratios:
        print("- %s: %.2f%s" % (label, value, "" if target is None else " " + bench.verdict(value <= target)))
    rss16 = max(max(by[n].rss) for n in ("etl16", "etl16_r8", "etl16_r16"))
    print("- peak RSS, 16 archives (any --readers): %.0f MB %s (target <= 200 MB)" % (rss16, bench.verdict(rss16 <= 200)))
    shutil.rmtree(os.path.dirname(four[0]), ignore_errors=True)
    shutil.rmtree(os.path.dirname(sixteen[0]), ignore_errors=True)
