#!/usr/bin/env bash
# The reliability campaign (docs/RELIABILITY.md): every campaign at full size with one seed, one line each.
# Replay a run with: make reliability RELIABILITY_SEED=<the seed it printed>
set -uo pipefail
cd "$(dirname "$0")/.."
seed="${RELIABILITY_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
report="$PWD/.build/reliability-report.txt"
log="$PWD/.build/reliability.log"
rm -f "$report"
echo "reliability campaign, seed $seed (replay: make reliability RELIABILITY_SEED=$seed)"
started=$(date +%s)
RELIABILITY_SIZE=full RELIABILITY_SEED="$seed" RELIABILITY_REPORT="$report" FUZZ_COUNT=2000 FUZZ_SEED="$seed" \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 ${SWIFT:-swift} test --skip-build \
    --filter 'ReliabilityCampaignTests|HostileReplyCampaignTests|FileFuzzTests' >"$log" 2>&1
status=$?
[ -f "$report" ] && sed 's/^reliability: /  /; s/ (seed [0-9]*)$//' "$report" | sort
echo "took $(( $(date +%s) - started )) s; full output in $log"
if [ "$status" -ne 0 ]; then
    grep -E '✘|Expectation failed|recorded an issue' "$log" | head -20
    echo "FAILED: replay with make reliability RELIABILITY_SEED=$seed" >&2
fi
exit "$status"
