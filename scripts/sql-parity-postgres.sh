#!/usr/bin/env bash
# PostgreSQL parity for `assess compile-sql`: scores synthetic records of every shipped
# instrument with `assess batch` and with the compiled postgres query on a throwaway
# cluster, and compares every cell. Not run in CI (it installs and starts a server).
#
#   scripts/sql-parity-postgres.sh            # 5,000 records × seeds 1 and 2 per instrument,
#                                             # and 5,000 random records for the corner-testing instrument
#   COUNT=100000 SEEDS=7 scripts/sql-parity-postgres.sh
#
# Installs the Debian package `postgresql` when initdb is missing. The server listens only
# on a Unix socket in a temporary folder (-k DIR -h ''), and is stopped and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
COUNT=${COUNT:-5000}
SEEDS=${SEEDS:-"1 2"}
BIN=${ASSESS_BIN:-$ROOT/.build/debug/assess}
[ -x "$BIN" ] || swift build

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}
if [ -z "$(pg_bin)" ]; then
  echo "installing postgresql" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG=$(pg_bin)

WORK=$(mktemp -d)
chmod 755 "$WORK"
mkdir "$WORK/data" "$WORK/socket"
# initdb and the server refuse to run as root: run them as the postgres user then. Some
# sandboxes make /dev/null root-only, which initdb cannot live with; there the server's
# commands get a private mount namespace with a null device of their own bound over it.
as_server() {
  if [ "$(id -u)" != 0 ]; then
    "$@"
  elif runuser -u postgres -- sh -c ': > /dev/null' 2>/dev/null; then
    runuser -u postgres -- "$@"
  else
    [ -e "$WORK/null" ] || mknod -m 666 "$WORK/null" c 1 3
    unshare -m sh -c 'mount --bind "$0" /dev/null && exec runuser -u postgres -- "$@"' "$WORK/null" "$@"
  fi
}
[ "$(id -u)" = 0 ] && chown postgres "$WORK/data" "$WORK/socket"
stop() {
  as_server "$PG/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT
as_server "$PG/initdb" -D "$WORK/data" -A trust -U assess --no-sync >/dev/null
as_server "$PG/pg_ctl" -D "$WORK/data" -l "$WORK/socket/server.log" -w \
  -o "-k $WORK/socket -h '' -F" start >/dev/null
PSQL=("$PG/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK/socket" -U assess -d postgres)
VERSION=$("${PSQL[@]}" -tAc 'SHOW server_version')
echo "PostgreSQL $VERSION" >&2

# Runs: synthetic records of every shipped instrument and of the corner-testing instrument,
# then random cells for the corner-testing instrument (some of which batch rejects: the query
# must leave out exactly those).
EDGES=Tests/e2e/fixtures/sql-edges.yaml
runs=()
for instrument in Instruments/*.yaml "$EDGES"; do
  for seed in $SEEDS; do
    name=$(basename "$instrument" .yaml)-seed$seed
    "$BIN" synth "$instrument" --count "$COUNT" --seed "$seed" --out "$WORK/$name.csv"
    runs+=("$instrument|$name")
  done
done
python3 Tests/e2e/sql_records.py "$WORK/edges-random.csv" --count "$COUNT"
runs+=("$EDGES|edges-random")

total=0 identical=0 different=0
for run in "${runs[@]}"; do
  instrument=${run%%|*} name=${run#*|}
  records=$WORK/$name.csv
  "$BIN" batch "$instrument" "$records" --out "$WORK/batch.csv" 2>/dev/null
  columns=$(head -1 "$records" | tr -d '\r' | sed 's/\([^,]*\)/"\1" TEXT/g')
  "${PSQL[@]}" -c "SET client_min_messages TO warning" -c "DROP TABLE IF EXISTS records" -c "CREATE TABLE records ($columns)" \
    -c "\\copy records FROM '$records' WITH (FORMAT csv, HEADER true)"
  { "$BIN" compile-sql "$instrument" --dialect postgres --table records; echo ";"; } > "$WORK/query.sql"
  "${PSQL[@]}" --csv -f "$WORK/query.sql" > "$WORK/sql.csv"
  out=$(python3 Tests/e2e/sql_compare.py "$WORK/batch.csv" "$WORK/sql.csv" --label "postgres $name") || true
  echo "$out"
  line=$(tail -1 <<< "$out")
  read -r n same diff < <(echo "$line" | sed -E 's/.*: ([0-9]+) records, ([0-9]+) identical, ([0-9]+) different/\1 \2 \3/')
  total=$((total + n)) identical=$((identical + same)) different=$((different + diff))
done
echo "postgres parity: $total records, $identical identical, $different different (PostgreSQL $VERSION)"
[ "$different" = 0 ]
