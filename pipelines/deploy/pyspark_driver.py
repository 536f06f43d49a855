#!/usr/bin/env python3
"""edgar-etl on Spark: the input list becomes an RDD, each partition is piped through one edgar-etl process.

    spark-submit pipelines/deploy/pyspark_driver.py \\
        --edgar-etl /opt/edgar-etl/bin/edgar-etl --output /shared/edgar/out --slices 64 /shared/feed/2003

    python3 pipelines/deploy/pyspark_driver.py --master 'local[2]' \\
        --edgar-etl .build/release/edgar-etl --output out --inputs-from inputs.txt

Each partition's inputs are written to the stdin of `edgar-etl run --inputs-from - --output OUT`, which prints
one JSON line per committed input on stdout (logs go to stderr, i.e. the executor log). The driver collects those
lines, checks that every input of the list was reported committed, and only then runs `edgar-etl commit`, which
verifies every manifest, size and SHA-256 and writes OUT/_SUCCESS.

The binary and OUT must be at the same path on the driver and on every executor (a shared file system).
Retried and speculative tasks are safe: two attempts of one input write the same bytes (pipelines/deploy/README.md).
"""

import argparse  # the driver's own command line
import json  # the JSON lines edgar-etl prints per committed input
import os  # PATH for the child processes
import shlex  # RDD.pipe takes one command string; shlex.join quotes it safely
import subprocess  # list-inputs and commit run on the driver
import sys  # exit statuses
from collections import OrderedDict  # groups of inputs, in list order

# Runs in each task: turns edgar-etl's exit statuses into what Spark should do with the task.
#   0, 3 -> 0   committed (3: some filings rejected; they are data in OUT/_rejects)
#   4    -> 0   an input is damaged: retrying the same bytes cannot help, so the task does not fail; the input is
#               simply missing from the JSON lines and the driver names it (its reason is in the executor log)
#   else -> as is (75 output not writable, 130 killed, 5, 64): the task fails and Spark retries it
# "$1" is the binary, "$2" OUT, "$3" the transformer workers per task; stdin is the partition's inputs.
TASK_SCRIPT = (
    'edgar_etl="$1"; "$edgar_etl" run --inputs-from - --output "$2" --jobs "$3"; status=$?; '
    'case $status in 0|3|4) exit 0 ;; *) exit $status ;; esac'
)


def parse_arguments():
    parser = argparse.ArgumentParser(description="Run edgar-etl over an input list with Spark, then commit.")
    parser.add_argument("--edgar-etl", required=True,
                        help="path of the edgar-etl binary, the same on the driver and every executor")
    parser.add_argument("--output", required=True, help="OUT: the output folder every task writes to (shared)")
    parser.add_argument("--inputs-from", help="an input list (from `edgar-etl list-inputs`), one path per line")
    parser.add_argument("paths", nargs="*", help="archives or folders; listed with `edgar-etl list-inputs`")
    parser.add_argument("--slices", type=int, default=8,
                        help="number of partitions, i.e. edgar-etl processes (at most one per input group)")
    parser.add_argument("--jobs-per-task", type=int, default=1,
                        help="--jobs of each edgar-etl process; Spark's executor cores give the parallelism")
    parser.add_argument("--master", help="Spark master for a run without spark-submit, e.g. local[2]")
    arguments = parser.parse_args()
    if bool(arguments.inputs_from) == bool(arguments.paths):
        parser.error("give either --inputs-from LIST or PATHS")
    return arguments


def read_inputs(arguments):
    """The input list: the same rules as edgar-etl's (blank lines and # comments skipped)."""
    if arguments.inputs_from:
        with open(arguments.inputs_from, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    else:
        listed = subprocess.run([arguments.edgar_etl, "list-inputs", *arguments.paths],
                                check=True, capture_output=True, text=True)
        lines = listed.stdout.splitlines()
    stripped = (line.strip() for line in lines)
    return [line for line in stripped if line and not line.startswith("#")]


def source_key_base(path):
    """edgar-etl's source key before disambiguation: the file name made safe (Sources/EdgarWriters/OutputLayout.swift).

    A key depends on whether another input of the same run has the same file name. Keeping all inputs with the
    same base key in one partition makes every process derive exactly the keys a single run would.
    """
    parts = [part for part in path.split("/") if part not in ("", ".", "..")]
    name = parts[-1] if parts else ""
    safe = "".join(c if (c.isascii() and c.isalnum()) or c in "._-" else "_" for c in name).lstrip(".")
    return safe[:200] or "input"


def group_inputs(inputs):
    groups = OrderedDict()
    for path in inputs:
        groups.setdefault(source_key_base(path), []).append(path)
    return list(groups.values())


def main():
    arguments = parse_arguments()
    inputs = read_inputs(arguments)
    if not inputs:
        print("pyspark_driver: the input list is empty", file=sys.stderr)
        return 4
    groups = group_inputs(inputs)
    # Never more partitions than groups: an empty partition would start edgar-etl with no input (exit 4).
    slices = max(1, min(arguments.slices, len(groups)))

    from pyspark.sql import SparkSession  # imported late so --help works without Spark installed

    builder = SparkSession.builder.appName("edgar-etl")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.getOrCreate()
    try:
        command = shlex.join(["/bin/sh", "-c", TASK_SCRIPT, "edgar-etl-task",
                              arguments.edgar_etl, arguments.output, str(arguments.jobs_per_task)])
        # RDD.pipe starts the child with exactly this environment: PATH and locale only, and no
        # JOB_COMPLETION_INDEX & co., so edgar-etl never shards again inside a Spark task.
        environment = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"}
        lines = (spark.sparkContext
                 .parallelize(groups, numSlices=slices)   # groups, so inputs sharing a file name stay together
                 .flatMap(lambda group: group)            # one element per input: one line on edgar-etl's stdin
                 .pipe(command, env=environment, checkCode=True)
                 .collect())
    finally:
        spark.stop()

    reported = {}
    for line in lines:
        if line.strip():
            record = json.loads(line)
            reported[record["input"]] = record
    missing = [path for path in inputs if reported.get(path, {}).get("status") != "committed"]
    filings = sum(record["filings"] for record in reported.values())
    rejects = sum(sum(record["rejects"].values()) for record in reported.values())
    print(f"pyspark_driver: {len(reported)} of {len(inputs)} inputs committed by {slices} tasks; "
          f"{filings} filings, {rejects} rejects", file=sys.stderr)
    if missing:
        for path in missing:
            print(f"pyspark_driver: not committed: {path} (see the executor logs)", file=sys.stderr)
        print("pyspark_driver: _SUCCESS not written", file=sys.stderr)
        return 4

    # Every partition has a successful attempt (collect returned). A speculative duplicate Spark is still killing
    # can only rewrite the same bytes; commit verifies them all.
    commit = subprocess.run([arguments.edgar_etl, "commit", arguments.output, "--expect-inputs", "-"],
                            input="\n".join(inputs) + "\n", text=True)
    return commit.returncode


if __name__ == "__main__":
    sys.exit(main())
