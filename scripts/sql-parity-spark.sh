#!/usr/bin/env bash
# Spark SQL parity for `assess compile-sql`: scores synthetic records of every shipped
# instrument with `assess batch` and with the compiled spark query on a local Spark
# (local[2], bound to loopback), and compares every cell. Not run in CI: pyspark is big.
#
#   scripts/sql-parity-spark.sh               # 5,000 records × seeds 1 and 2 per instrument,
#                                             # and 5,000 random records for the corner-testing instrument
#   COUNT=20000 SEEDS=3 SPARK_VENV=/opt/spark-venv scripts/sql-parity-spark.sh
#
# pyspark 3.5.x goes into a virtual environment (SPARK_VENV, default .build/spark-venv),
# installed on first use (an sdist of about 300 MB); it needs Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
COUNT=${COUNT:-5000}
SEEDS=${SEEDS:-"1 2"}
BIN=${ASSESS_BIN:-$ROOT/.build/debug/assess}
VENV=${SPARK_VENV:-$ROOT/.build/spark-venv}
[ -x "$BIN" ] || swift build
if ! "$VENV/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  echo "installing pyspark 3.5 into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5,<3.6" </dev/null
fi
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$VENV/bin/python"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
jobs_file=$WORK/jobs.txt
# Runs: synthetic records of every shipped instrument and of the corner-testing instrument,
# then random cells for the corner-testing instrument (some of which batch rejects: the query
# must leave out exactly those).
EDGES=Tests/e2e/fixtures/sql-edges.yaml
job() {  # instrument, name: batch and compile for $WORK/$name.records.csv
  "$BIN" batch "$1" "$WORK/$2.records.csv" --out "$WORK/$2.batch.csv" 2>/dev/null
  "$BIN" compile-sql "$1" --dialect spark --table records --out "$WORK/$2.sql"
  echo "$WORK/$2" >> "$jobs_file"
}
for instrument in Instruments/*.yaml "$EDGES"; do
  for seed in $SEEDS; do
    name=$(basename "$instrument" .yaml)-seed$seed
    "$BIN" synth "$instrument" --count "$COUNT" --seed "$seed" --out "$WORK/$name.records.csv"
    job "$instrument" "$name"
  done
done
python3 Tests/e2e/sql_records.py "$WORK/edges-random.records.csv" --count "$COUNT"
job "$EDGES" edges-random

# One Spark session for every run (a session takes seconds to start).
"$VENV/bin/python" - "$jobs_file" <<'PY'
import csv, sys
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[2]").appName("assess-sql-parity")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
print(f"Spark {spark.version}", file=sys.stderr)
for base in open(sys.argv[1]).read().split():
    # Every column as a string, empty cells as NULL: the table compile-sql expects.
    frame = spark.read.csv(base + ".records.csv", header=True, inferSchema=False)
    frame.createOrReplaceTempView("records")
    result = spark.sql(open(base + ".sql").read())
    with open(base + ".spark.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(result.columns)
        for row in result.toLocalIterator():
            writer.writerow(["" if c is None else c for c in row])
with open(sys.argv[1] + ".version", "w") as f:
    f.write(spark.version)
spark.stop()
PY

total=0 identical=0 different=0
while read -r base; do
  out=$(python3 Tests/e2e/sql_compare.py "$base.batch.csv" "$base.spark.csv" \
    --label "spark $(basename "$base")") || true
  echo "$out"
  line=$(tail -1 <<< "$out")
  read -r n same diff < <(echo "$line" | sed -E 's/.*: ([0-9]+) records, ([0-9]+) identical, ([0-9]+) different/\1 \2 \3/')
  total=$((total + n)) identical=$((identical + same)) different=$((different + diff))
done < "$jobs_file"
echo "spark parity: $total records, $identical identical, $different different (Spark $(cat "$jobs_file.version"))"
[ "$different" = 0 ]
