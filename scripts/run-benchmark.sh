#!/usr/bin/env bash
# Builds one product of the Benchmarks/ package in release mode (quietly, showing the log
# only if the build fails) and runs it from the repository's root with the given options.
# Usage: scripts/run-benchmark.sh PRODUCT [options…]   (used by scripts/bench-*.sh)
set -euo pipefail

product=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"

echo "building Benchmarks (release)…" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build -c release --package-path "$root/Benchmarks" --product "$product" >"$log" 2>&1 || {
  cat "$log" >&2
  exit 1
}
bin=$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)
cd "$root"
"$bin/$product" "$@"
