#!/usr/bin/env bash
# Measures scoring one record of Instruments/womens-needs.yaml in a release build: the
# answers of each of the instrument's own test cases are placed in their slots once, then
# scored many times into one reused buffer (as batch scoring will). Prints the median time
# per record over the rounds, records per second on one core, and heap allocations per
# record (counted by interposing malloc, Linux with glibc only), and the same for the
# whole assessment that `assess score` does per person, for contrast.
# This is a measurement: it fails only when the build fails or the instrument has errors.
#
# Usage: scripts/bench-score.sh [INSTRUMENT] [--rounds N] [--round-seconds S] [--only score|assess]
#
# The benchmark is the separate package Benchmarks/ (so the main build stays lean), target
# score-benchmark in Benchmarks/Sources/ScoreBenchmark; it is built in release mode, as
# timings of a debug build mean little. Close other heavy work first: on 2 cores a build
# running beside it makes the figures slower and noisier.
set -euo pipefail

exec bash "$(dirname "$0")/run-benchmark.sh" score-benchmark "$@"
