#!/usr/bin/env bash
# CI smoke for bench/ (called from .ci/run): proves the benchmarks still build and run. No timing assertions.
#  1. Release build of the load generator (which builds both hosts) and the micro-benchmarks.
#  2. ~5 s of load at concurrency 8 against the echo floor (in-memory and SQLite) and AwarenessBot, no extra
#     start-ups: prints the table; fails on any error
#     (non-2xx, empty reply, failed request) or when a host served no turns.
#  3. Every micro-benchmark once (BenchmarkDotNet Dry job, in process; the growth benchmarks at 1× content only);
#     fails if one throws.
# Env: MICRO_FILTER (e.g. '*Analysis*') to run a subset of the micro-benchmarks; SMOKE_OUT for the table's path.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir="${TMPDIR:-/tmp}/awarenessbot-bench-smoke"
mkdir -p "$out_dir"

echo "== build (Release)"
dotnet build bench/LoadGenerator -c Release --nologo -v q -clp:ErrorsOnly
dotnet build bench/Micro -c Release --nologo -v q -clp:ErrorsOnly

echo "== load: echo-memory, echo-sqlite and AwarenessBot, concurrency 8, 5 s each"
dotnet bench/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll \
  --compare --concurrency 8 --duration 5s --rounds 1 --warmup 1s --startups 0 --fail-on-errors \
  --out "${SMOKE_OUT:-$out_dir/smoke.md}"

echo "== micro-benchmarks: Dry job"
filter=()
if [[ -n "${MICRO_FILTER:-}" ]]; then filter=(--filter "$MICRO_FILTER"); fi
AWARENESSBOT_BENCH_SMOKE=1 timeout 600 dotnet bench/Micro/bin/Release/net10.0/Micro.dll --dry --artifacts "$out_dir/micro" "${filter[@]}"

echo "== bench smoke passed"
