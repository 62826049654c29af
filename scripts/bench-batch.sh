#!/usr/bin/env bash
# Batch scoring, side by side, on one file of records made by `assess synth`
# (womens-needs.yaml by default, 1,000,000 records). For each way of scoring it measures
# wall time, records per second and peak memory (/usr/bin/time, peak RSS), the fastest of
# --repeat runs (the machine is shared and its speed wanders, so the scorers take turns,
# one run each per round, and a slow spell falls on them all alike):
#   - `assess batch` in a release build, on every core and with --jobs 1, and on every
#     core writing to /dev/null (the scoring without the cost of handing 500 MB of rows
#     to the kernel's page cache);
#   - DuckDB running the SQL of `assess compile-sql INSTRUMENT --dialect duckdb --table records`
#     over the same CSV (read as VARCHAR) and writing CSV, on the same number of threads;
#   - DuckDB only reading the file (select count(*)): the floor for any SQL engine here;
#   - the vectorised pandas baseline, Benchmarks/pandas/score_pandas.py.
# DuckDB runs through its Python package, so its rows include starting Python (a fraction
# of a second), as the pandas row does.
# Each scorer's output is compared byte for byte with `assess batch`'s, so a fast row that
# does different work shows up as such. Then the ratios, and a check that `assess batch`
# keeps memory flat: a small file, the large file, and a larger run piped from `assess synth`.
# Rows whose tools are missing (duckdb or pandas not installed, no `assess compile-sql` yet)
# are skipped with a note. This is a measurement, not a test: it fails only when a build or
# a run fails. The machine is shared: run it when nothing else is busy.
#
# Usage: scripts/bench-batch.sh [--records N] [--repeat N] [--large N] [--skip-pandas] [--sql FILE] [INSTRUMENT]
#   --records N    records in the file every scorer reads (default 1000000)
#   --repeat N     runs of each scorer, the fastest reported (default 3)
#   --large N      records piped from assess synth for the memory check (default 10000000; 0 skips it)
#   --skip-pandas  leave out the pandas row (about 35 s at 1,000,000 records on 2 cores)
#   --sql FILE     run this DuckDB query (reading the table `records`) instead of asking
#                  `assess compile-sql` for one
set -euo pipefail
cd "$(dirname "$0")/.."

records=1000000
repeat=3
large=10000000
instrument=Instruments/womens-needs.yaml
skip_pandas=0
sql_file=
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --skip-pandas) skip_pandas=1; shift ;;
    --sql) sql_file="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) instrument="$1"; shift ;;
  esac
done

build_log=$(swift build -c release --product assess 2>&1) || { echo "$build_log"; exit 1; }
bin=.build/release/assess
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" synth "$instrument" --count "$records" --seed 1 --out "$work/records.csv"
size=$(du -h "$work/records.csv" | cut -f1)
cores=$(nproc)
echo "input: $records records of $instrument ($size), $cores cores"
echo

# The scorers: NAME COMMAND NOTE [OUTPUT]. The command line runs under bash -c (which runs
# a single command in its own place, so /usr/bin/time sees the scorer itself); the row
# says NOTE, or, given the OUTPUT file the scorer writes (other than the reference's own),
# whether it is assess batch's bytes.
names=() commands=() notes=() outputs=()
scorer() { names+=("$1"); commands+=("$2"); notes+=("$3"); outputs+=("${4:-}"); }
skipped=()
skip() { skipped+=("$(printf "%-36s %s" "$1" "skipped: $2")"); }

scorer "assess batch --jobs $cores" "'$bin' batch '$instrument' '$work/records.csv' --out '$work/assess.csv' --jobs $cores" \
  "(the reference)" "$work/assess.csv"
scorer "assess batch --jobs 1" "'$bin' batch '$instrument' '$work/records.csv' --out '$work/jobs1.csv' --jobs 1" "" \
  "$work/jobs1.csv"
scorer "assess batch --jobs $cores, to /dev/null" \
  "'$bin' batch '$instrument' '$work/records.csv' --out /dev/null --jobs $cores" "(scoring without writing a file)"

if python3 -c "import duckdb" 2>/dev/null; then
  # The compiled query reads the table `records`: a view over the CSV, every column VARCHAR.
  if [ -n "$sql_file" ]; then
    cp "$sql_file" "$work/query.sql"
  elif "$bin" compile-sql --help 2>/dev/null | grep -q "USAGE: assess compile-sql"; then
    # (An unknown subcommand with --help prints the top-level help and exits 0, so the
    # test is for compile-sql's own usage line.)
    "$bin" compile-sql "$instrument" --dialect duckdb --table records > "$work/query.sql"
  fi
  if [ -f "$work/query.sql" ]; then
    cat > "$work/score.py" <<PY
import duckdb
query = open("$work/query.sql").read().strip().rstrip(";")
con = duckdb.connect()
con.execute("SET threads TO $cores")
con.execute("CREATE VIEW records AS SELECT * FROM read_csv('$work/records.csv', header=true, all_varchar=true)")
con.execute(f"COPY ({query}) TO '$work/duckdb.csv' (FORMAT csv, HEADER)")
PY
    scorer "duckdb: compiled SQL, CSV out" "python3 '$work/score.py'" "" "$work/duckdb.csv"
  else
    skip "duckdb: compiled SQL, CSV out" "'assess compile-sql' is not available in this build (or pass --sql FILE)"
  fi
  cat > "$work/count.py" <<PY
import duckdb
con = duckdb.connect()
con.execute("SET threads TO $cores")
print(con.execute("SELECT count(*) FROM read_csv('$work/records.csv', header=true, all_varchar=true)").fetchone()[0])
PY
  scorer "duckdb: read only, count(*)" "python3 '$work/count.py'" "(no output)"
else
  skip "duckdb" "the duckdb Python package is not installed (pip install duckdb)"
fi

if [ "$skip_pandas" = 1 ]; then
  skip "pandas: score_pandas.py" "--skip-pandas"
elif python3 -c "import pandas, numpy, yaml" 2>/dev/null; then
  scorer "pandas: score_pandas.py" \
    "python3 Benchmarks/pandas/score_pandas.py '$instrument' '$work/records.csv' --out '$work/pandas.csv'" "" \
    "$work/pandas.csv"
else
  skip "pandas: score_pandas.py" "pandas is not installed (python3 -m pip install pandas)"
fi

# --repeat rounds, each running every scorer once in turn, so that a slow spell of the
# machine falls on all of them alike rather than on one scorer's runs; each scorer's
# fastest run and largest peak RSS are kept. Before each run, untimed, the scorer's output
# from the round before is removed and the disk is synced: each run starts from a quiet
# disk (not one still writing back another scorer's output) and writes a new file (on a
# file system mounted with online discard, deleting a 500 MB file that has reached the
# disk takes a few tenths of a second, which replacing it in place would add to the run).
best=() peak=()
for _ in $(seq "$repeat"); do
  for k in "${!names[@]}"; do
    [ -n "${outputs[k]}" ] && rm -f "${outputs[k]}"
    sync
    /usr/bin/time -f "%e %M" -o "$work/time" bash -c "${commands[$k]}" >/dev/null 2>"$work/stderr" \
      || { cat "$work/stderr"; exit 1; }
    read -r seconds kb < "$work/time"
    best[k]=$(awk -v a="${best[k]:-$seconds}" -v b="$seconds" 'BEGIN { print (b < a ? b : a) }')
    peak[k]=$(( kb / 1024 > ${peak[k]:-0} ? kb / 1024 : ${peak[k]:-0} ))
  done
done

# Whether a scorer's output is the same bytes as assess batch's.
same() { cmp -s "$work/assess.csv" "$1" && echo "same output" || echo "OUTPUT DIFFERS"; }

printf "%-36s %9s %14s %8s  %s\n" "scorer" "time" "records/s" "peak" "output vs assess batch"
for k in "${!names[@]}"; do
  note=${notes[k]}
  case "${outputs[k]}" in "" | "$work/assess.csv") ;; *) note=$(same "${outputs[k]}") ;; esac
  awk -v n="${names[k]}" -v s="${best[k]}" -v m="${peak[k]}" -v r="$records" -v note="$note" \
    'BEGIN { printf "%-36s %7.2f s %14.0f %5d MB  %s\n", n, s, r / s, m, note }'
done
for line in "${skipped[@]}"; do echo "$line"; done

# Each scorer's fastest time by name, for the ratios.
seconds_of() {
  for k in "${!names[@]}"; do [ "${names[k]}" = "$1" ] && echo "${best[k]}"; done
  return 0
}
sn=$(seconds_of "assess batch --jobs $cores")
s1=$(seconds_of "assess batch --jobs 1")
s0=$(seconds_of "assess batch --jobs $cores, to /dev/null")
sq=$(seconds_of "duckdb: compiled SQL, CSV out")
sd=$(seconds_of "duckdb: read only, count(*)")
sp=$(seconds_of "pandas: score_pandas.py")
mn=${peak[0]}

echo
echo "ratios: time of each ÷ time of assess batch --jobs $cores (above 1: assess batch is faster)"
ratio() { # name seconds
  [ -n "$2" ] && awk -v n="$1" -v a="$sn" -v o="$2" 'BEGIN { printf "  %-32s %6.2f\n", n, o / a }'
  return 0
}
ratio "assess batch --jobs 1" "$s1"
ratio "assess batch, to /dev/null" "$s0"
ratio "DuckDB running the scoring SQL" "$sq"
ratio "DuckDB only reading the file" "$sd"
ratio "pandas" "$sp"

echo
echo "memory with input size (assess batch, peak RSS, every core):"
small=10000
"$bin" synth "$instrument" --count "$small" --seed 2 --out "$work/small.csv"
/usr/bin/time -f "%M" -o "$work/time" "$bin" batch "$instrument" "$work/small.csv" --out /dev/null 2>/dev/null
echo "  $small records from a file: $(( $(cat "$work/time") / 1024 )) MB"
echo "  $records records from a file: $mn MB"
if [ "$large" -gt 0 ]; then
  /usr/bin/time -f "%M" -o "$work/time" bash -c \
    "'$bin' synth '$instrument' --count $large --seed 3 | '$bin' batch '$instrument' - --out /dev/null 2>/dev/null"
  echo "  $large records piped from assess synth: $(( $(cat "$work/time") / 1024 )) MB (the larger of the two processes)"
fi
