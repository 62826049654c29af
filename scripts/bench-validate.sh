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

exec bash "$(dirname "$0")/run-benchmark.sh" validate-benchmark "$@"
