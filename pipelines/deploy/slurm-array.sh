#!/bin/bash
# edgar-etl on Slurm: a job array with one task per shard, then a commit job that runs only if every task exited 0.
#
#   edgar-etl list-inputs /shared/feed/2003 > /shared/edgar/inputs.txt      # once; every task reads the same list
#   JOB=$(sbatch --parsable pipelines/deploy/slurm-array.sh)                # the array: tasks 0..7, one shard each
#   sbatch --dependency=afterok:$JOB --job-name=edgar-etl-commit \
#     --wrap "edgar-etl commit /shared/edgar/out --expect-inputs /shared/edgar/inputs.txt"
#
# Or run this script directly (`bash pipelines/deploy/slurm-array.sh`, outside a job): it submits both for you.
# OUT and the input list must be on a file system every node sees (NFS, Lustre, GPFS, BeeGFS).
#
#SBATCH --job-name=edgar-etl-shard
#SBATCH --array=0-7
#   ^ N = 8 shards: tasks 0..7. Throttle with --array=0-7%4 (4 at once); the output is the same.
#SBATCH --cpus-per-task=2
#   ^ edgar-etl uses one transformer worker per CPU it is given (--jobs below).
#SBATCH --mem=4G
#SBATCH --time=06:00:00
#SBATCH --requeue
#   ^ lets the task requeue itself after a transient failure (exit 75, below) and lets Slurm requeue it after a
#     node failure. A requeued task starts from scratch; inputs it already committed are simply rewritten with the
#     same bytes.
#SBATCH --output=edgar-etl-%A_%a.log
#   ^ one log per task: %A is the array job id, %a the task (shard) index.

set -u                                               # an unset variable is a mistake, not an empty string

OUT=${EDGAR_OUT:-/shared/edgar/out}                  # OUT, shared by every task and by the commit job
LIST=${EDGAR_INPUTS:-/shared/edgar/inputs.txt}       # the input list from `edgar-etl list-inputs`
EDGAR_ETL=${EDGAR_ETL:-edgar-etl}                    # the binary; a full path if it is not on PATH
MAX_REQUEUES=${EDGAR_MAX_REQUEUES:-3}                # how many times a task requeues itself on exit 75

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then           # not inside an array task: submit the array and the commit
    JOB=$(sbatch --parsable --export=ALL "$0") || exit 1              # --parsable prints just the job id
    sbatch --dependency=afterok:"$JOB" --job-name=edgar-etl-commit --export=ALL \
        --wrap "\"$EDGAR_ETL\" commit \"$OUT\" --expect-inputs \"$LIST\""
    # afterok: the commit starts only when every task of the array exited 0; if one failed for good, the commit
    # never runs (squeue shows DependencyNeverSatisfied): fix the cause, resubmit that task, commit by hand.
    echo "submitted array job $JOB and its commit"
    exit 0
fi

# SLURM_ARRAY_TASK_COUNT (= 8) is the shard count, so it cannot drift from --array above. The shard index is not
# passed: with --shard-count and no --shard-index, edgar-etl reads SLURM_ARRAY_TASK_ID itself.
"$EDGAR_ETL" run --inputs-from "$LIST" --shard-count "$SLURM_ARRAY_TASK_COUNT" --output "$OUT" \
    --jobs "${SLURM_CPUS_PER_TASK:-1}"
status=$?

case $status in
    0 | 3)                                           # committed; 3 = some filings rejected, kept in OUT/_rejects
        exit 0 ;;                                    # afterok needs 0 from every task, so 3 counts as success
    75)                                              # the output could not be written (disk full, NFS): transient
        if [ "${SLURM_RESTART_COUNT:-0}" -lt "$MAX_REQUEUES" ]; then
            echo "edgar-etl exited 75; requeueing shard $SLURM_ARRAY_TASK_ID (restart ${SLURM_RESTART_COUNT:-0})" >&2
            scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"   # back to PENDING, same index
        fi
        exit 75 ;;
    *)                                               # 4: damaged input, 5: too many rejects, 64: usage, 73: OUT refuses, 130: cancelled.
        exit "$status" ;;                            # Retrying the same bytes would fail the same way: fail the task
esac
