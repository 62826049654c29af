#!/usr/bin/env bash
# Installs what the end-to-end tests need besides Swift: pexpect (to drive the real
# binary in a pseudo-terminal) and duckdb (to run the compiled SQL). Safe to run again;
# does nothing when they are there.
set -euo pipefail
if ! python3 -c "import pexpect" >/dev/null 2>&1; then
  echo "installing pexpect for the end-to-end tests" >&2
  python3 -m pip install --quiet --disable-pip-version-check pexpect </dev/null
fi
# duckdb runs the compiled SQL in the parity test (Tests/e2e/test_sql_parity.py).
if ! python3 -c "import duckdb" >/dev/null 2>&1; then
  echo "installing duckdb for the SQL parity test" >&2
  python3 -m pip install --quiet --disable-pip-version-check duckdb </dev/null
fi
