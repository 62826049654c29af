#!/usr/bin/env bash
# Counts the instructions `assess batch` spends on one record, under valgrind's callgrind:
# a portable release build (ASSESS_PORTABLE=1, as valgrind cannot run AVX-512) scores two
# files made by `assess synth` (SMALL and twice SMALL records, one core, rows to a file),
# and the difference of the two totals over SMALL is the cost of a record without the cost
# of starting (loading the instrument, building the tables). With --functions it lists the
# functions that difference is made of, most first.
# Unlike a timing, the count is the same from run to run however busy the machine is, so
# it can tell a change of 1% on this shared machine, where times wander by a quarter; it
# does not see cache misses or mispredicted branches, so confirm a change with
# scripts/bench-batch.sh. This is a measurement: it fails only when a build or run fails.
#
# Usage: scripts/bench-instructions.sh [--records SMALL] [--functions N] [INSTRUMENT]
#   --records SMALL  records in the smaller file (default 10000)
#   --functions N    list the N functions that cost most per record (default 0: none)
set -euo pipefail
cd "$(dirname "$0")/.."

records=10000
functions=0
instrument=Instruments/womens-needs.yaml
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --functions) functions="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) instrument="$1"; shift ;;
  esac
done
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }

scratch=.build/portable
build_log=$(ASSESS_PORTABLE=1 swift build -c release --product assess --scratch-path "$scratch" 2>&1) \
  || { echo "$build_log"; exit 1; }
bin="$scratch/release/assess"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the instructions callgrind counted for scoring FILE; its profile is left in FILE.cg.
count() {
  valgrind --tool=callgrind --callgrind-out-file="$1.cg" "$bin" batch "$instrument" "$1" \
    --out "$work/out.csv" --jobs 1 2>&1 | awk '/Collected/ { print $4 }'
}
"$bin" synth "$instrument" --count "$records" --seed 1 --out "$work/small.csv"
"$bin" synth "$instrument" --count $((2 * records)) --seed 1 --out "$work/large.csv"
small=$(count "$work/small.csv")
large=$(count "$work/large.csv")
echo "instructions per record: $(( (large - small) / records )) ($instrument, portable build, one core)"

if [ "$functions" -gt 0 ]; then
  python3 - "$work/small.csv.cg" "$work/large.csv.cg" "$records" "$functions" <<'PY'
import re, subprocess, sys
def self_costs(profile):
    listing = subprocess.run(["callgrind_annotate", "--threshold=100", "--show-percs=no", profile],
                             capture_output=True, text=True, check=True).stdout
    costs = {}
    for line in listing.splitlines():
        match = re.match(r"\s*([\d,]+)\s+(\S.*)", line)
        if not match or "=>" in line or "PROGRAM TOTALS" in line or "events annotated" in line:
            continue
        name = re.sub(r" \[.*\]$", "", match.group(2)).split(":", 1)[-1]
        costs[name] = costs.get(name, 0) + int(match.group(1).replace(",", ""))
    return costs
small, large = self_costs(sys.argv[1]), self_costs(sys.argv[2])
rows = sorted(((large[k] - small.get(k, 0)) / int(sys.argv[3]), k) for k in large)
for cost, name in reversed(rows[-int(sys.argv[4]):]):
    print(f"{cost:8.0f}  {name[:120]}")
PY
fi
