#!/usr/bin/env bash
# Measures `assess batch` throughput and peak memory in a release build, on records made
# by `assess synth` (womens-needs.yaml by default), with one thread and with every core,
# and beside it DuckDB merely reading the same CSV (select count(*)), when the duckdb
# Python package is installed. Then checks that memory stays flat: a small run from a file
# and a large one piped straight from `assess synth` (no disk needed).
# This is a measurement, not a test: it fails only when a build or a run fails.
#
# Usage: scripts/bench-batch.sh [--records N] [--large N] [INSTRUMENT]
set -euo pipefail
cd "$(dirname "$0")/.."

records=1000000
large=10000000
instrument=Instruments/womens-needs.yaml
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    *) instrument="$1"; shift ;;
  esac
done

swift build -c release --product assess >/dev/null
bin=.build/release/assess
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" synth "$instrument" --count "$records" --seed 1 --out "$work/records.csv"
size=$(du -h "$work/records.csv" | cut -f1)
cores=$(nproc)
echo "input: $records records of $instrument ($size), $cores cores"

# Runs a command under /usr/bin/time; prints seconds and peak RSS in MB.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
  read -r seconds kb < "$work/time"
  echo "$seconds $((kb / 1024))"
}

row() { # name seconds rss
  awk -v n="$1" -v s="$2" -v m="$3" -v r="$records" 'BEGIN { printf "%-34s %8.2f s %12.0f records/s %6d MB\n", n, s, r / s, m }'
}

read -r s1 m1 < <(measure "$bin" batch "$instrument" "$work/records.csv" --out "$work/out.csv" --jobs 1)
row "assess batch --jobs 1" "$s1" "$m1"
read -r sn mn < <(measure "$bin" batch "$instrument" "$work/records.csv" --out "$work/out.csv" --jobs "$cores")
row "assess batch --jobs $cores" "$sn" "$mn"

if python3 -c "import duckdb" 2>/dev/null; then
  cat > "$work/count.py" <<PY
import duckdb, sys
con = duckdb.connect()
con.execute("SET threads TO $cores")
print(con.execute("SELECT count(*) FROM read_csv('$work/records.csv', all_varchar=true)").fetchone()[0])
PY
  read -r sd md < <(measure python3 "$work/count.py")
  row "duckdb: read only, count(*)" "$sd" "$md"
  awk -v a="$sn" -v d="$sd" 'BEGIN { printf "ratio, assess batch to DuckDB reading the file: %.2fx\n", d / a }'
else
  echo "(duckdb is not installed: pip install duckdb for the read-only baseline)"
fi

echo "memory with input size (peak RSS, every core):"
small=10000
"$bin" synth "$instrument" --count "$small" --seed 2 --out "$work/small.csv"
read -r _ ms < <(measure "$bin" batch "$instrument" "$work/small.csv" --out /dev/null)
echo "  $small records from a file: $ms MB"
echo "  $records records from a file: $mn MB"
/usr/bin/time -f "%M" -o "$work/time" bash -c \
  "'$bin' synth '$instrument' --count $large --seed 3 | '$bin' batch '$instrument' - --out /dev/null 2>/dev/null"
echo "  $large records piped from assess synth: $(( $(cat "$work/time") / 1024 )) MB (the larger of the two processes)"
