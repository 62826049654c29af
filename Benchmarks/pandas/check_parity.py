#!/usr/bin/env python3
"""Checks that score_pandas.py writes exactly what `assess batch` writes.

    python3 Benchmarks/pandas/check_parity.py [--assess .build/release/assess]
        [--records 20000] [--seeds 1 2] [INSTRUMENT ...]

For each instrument (by default the three shipped ones and
parity-language.yaml, which uses every part of the expression language) and each seed: `assess synth`
makes the records, `assess batch` and the pandas script score them, and every cell of
every row is compared (the header too). Any difference is printed with its record and
column; the exit code is 1 when anything differs. One more run per instrument gives a few
records problems that `assess batch` rejects, to check that both leave out the same ones. A benchmark is only fair when both
sides do the same work, and this is how we know they do.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_INSTRUMENTS = [
    "Instruments/womens-needs.yaml",
    "Instruments/phq-9.yaml",
    "Instruments/gad-7.yaml",
    "Benchmarks/pandas/parity-language.yaml",  # every part of the expression language
]


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def compare(swift_path, pandas_path, limit=10):
    """(rows compared, cells compared, differences as text)."""
    expected, actual = rows(swift_path), rows(pandas_path)
    problems = []
    if expected[:1] != actual[:1]:
        problems.append(f"headers differ:\n  assess: {expected[:1]}\n  pandas: {actual[:1]}")
        return 0, 0, problems
    header = expected[0]
    if len(expected) != len(actual):
        problems.append(f"assess wrote {len(expected) - 1} rows, pandas {len(actual) - 1}")
    cells = 0
    for e, a in zip(expected[1:], actual[1:]):
        cells += len(e)
        if e != a:
            for column, (x, y) in enumerate(zip(e, a)):
                if x != y and len(problems) < limit:
                    problems.append(f"record {e[0]}, {header[column]}: assess {x!r}, pandas {y!r}")
            if len(e) != len(a) and len(problems) < limit:
                problems.append(f"record {e[0]}: {len(e)} cells from assess, {len(a)} from pandas")
    return min(len(expected), len(actual)) - 1, cells, problems


def damage(path):
    """Gives some records problems assess batch rejects (a cell that is no answer, an empty
    and a repeated record_id, unknown and repeated priorities, too many of them) and one
    that must be quoted, so the check covers which records are scored, not only how."""
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    header = table[0]
    first_item = 1  # every synth file has record_id, then the items, then _priorities
    problems = [
        (1, first_item, "not_an_answer"),
        (2, 0, ""),
        (3, 0, table[5][0]),  # record 5 repeats record 3's id, and is the one rejected
        (6, header.index("_priorities"), "x_unknown_need"),
        (8, 0, 'a,"quoted" id'),
    ]
    for row, column, cell in problems:
        if row < len(table):
            table[row][column] = cell
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(table)


def main():
    parser = argparse.ArgumentParser(description="score_pandas.py against assess batch, cell by cell")
    parser.add_argument("instruments", nargs="*", default=DEFAULT_INSTRUMENTS)
    parser.add_argument("--assess", default=os.path.join(ROOT, ".build/release/assess"))
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--no-damage", action="store_true", help="leave out the extra run with records assess batch rejects")
    args = parser.parse_args()

    failed = False
    with tempfile.TemporaryDirectory() as work:
        records, swift, pandas_out = (os.path.join(work, name) for name in ("records.csv", "swift.csv", "pandas.csv"))
        for instrument in args.instruments:
            runs = [(seed, False) for seed in args.seeds] + ([] if args.no_damage else [(args.seeds[0], True)])
            for seed, damaged in runs:
                subprocess.run(
                    [args.assess, "synth", instrument, "--count", str(args.records), "--seed", str(seed),
                     "--out", records], check=True)
                if damaged:
                    damage(records)
                subprocess.run(
                    [args.assess, "batch", instrument, records, "--out", swift], check=True,
                    stderr=subprocess.DEVNULL)
                subprocess.run(
                    [sys.executable, os.path.join(HERE, "score_pandas.py"), instrument, records, "--out", pandas_out],
                    check=True, stderr=subprocess.DEVNULL)
                compared, cells, problems = compare(swift, pandas_out)
                same_bytes = open(swift, "rb").read() == open(pandas_out, "rb").read()
                verdict = "identical" if not problems and same_bytes else "DIFFERENT"
                what = " with rejected records" if damaged else ""
                print(f"{instrument} seed {seed}{what}: {compared} records, {cells} cells compared: {verdict}"
                      + ("" if same_bytes or problems else " (cells equal, bytes differ: quoting?)"))
                for problem in problems:
                    print("  " + problem)
                failed |= verdict != "identical"
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
