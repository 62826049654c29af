#!/usr/bin/env python3
"""Refreshes the command output quoted in README.md and docs/*.md.

Each `<!-- output: assess ARGS -->` marker is followed by a ```text block; this script runs
the built binary (.build/debug/assess) with ARGS from the repository root, with NO_COLOR
set, and puts what it printed (standard output, then standard error) in the block. The
test suite (DocumentedOutputTests) runs the same commands and fails when a block is stale.

Usage: python3 scripts/update-doc-outputs.py   (after `swift build`)
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "assess")
MARKER = re.compile(r"(<!-- output: assess (?P<args>[^>]*?) -->\n```text\n)(?P<body>.*?)(```)", re.S)


def run(args):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    done = subprocess.run([BINARY] + shlex.split(args), cwd=ROOT, env=env, capture_output=True, text=True)
    return done.stdout + done.stderr


def main():
    files = ["README.md"] + [os.path.join("docs", f) for f in sorted(os.listdir(os.path.join(ROOT, "docs"))) if f.endswith(".md")]
    for name in files:
        path = os.path.join(ROOT, name)
        text = open(path, encoding="utf-8").read()
        new = MARKER.sub(lambda m: m.group(1) + run(m.group("args")) + m.group(4), text)
        if new != text:
            open(path, "w", encoding="utf-8").write(new)
            print(f"updated {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
