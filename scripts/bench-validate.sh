#!/usr/bin/env bash
# Measures `assess validate` on a generated 300-question instrument, side by side with
# libyaml alone parsing the same bytes (events only), and prints a table with the ratio.
# The aim is validate ≤ 3× libyaml; this is a measurement, so a missed aim does not fail.
# It fails only when the build fails or the generated instrument does not validate.
#
# Usage: scripts/bench-validate.sh [validate-benchmark options]
#   e.g. scripts/bench-validate.sh --write /tmp/benchmark-300.yaml   (keep the instrument)
#        scripts/bench-validate.sh --rounds 11 --min-seconds 0.5
#
# The benchmark is the separate package Benchmarks/ (so the main build stays lean); it is
# built in release mode, as timings of a debug build mean little.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"

echo "building Benchmarks (release)…" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build -c release --package-path "$root/Benchmarks" --product validate-benchmark >"$log" 2>&1 || {
  cat "$log" >&2
  exit 1
}
bin=$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)
"$bin/validate-benchmark" "$@"
