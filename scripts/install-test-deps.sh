#!/usr/bin/env bash
# Installs what the end-to-end tests need besides Swift: pexpect (to drive the real
# binary in a pseudo-terminal). Safe to run again; does nothing when it is there.
set -euo pipefail
if ! python3 -c "import pexpect" >/dev/null 2>&1; then
  echo "installing pexpect for the end-to-end tests" >&2
  python3 -m pip install --quiet --disable-pip-version-check pexpect </dev/null
fi
