"""`assess batch` through its two paths, with the real binary: the same records as CSV and
as JSON Lines, each in a form the byte-level fast path reads (plain CSV, CSV with every
cell quoted, plain JSON objects) and as JSON Lines it cannot (each record id written with
an escape, which sends every line to the general path), must all give the same rows and
the same rejects.

Records come from `assess synth` for every shipped instrument; about one in five has one
cell spoilt (an unknown code, a number out of range, an option given by its value,
non-ASCII text, a stray reserved word, a list where one code belongs), so both the fast
path's rows and its stepping aside for the general path's rejects are compared.
"""
import csv
import json
import os
import random
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ASSESS = os.environ.get("ASSESS_BIN", os.path.join(ROOT, ".build", "debug", "assess"))
SHIPPED = sorted(os.path.join(ROOT, "Instruments", name) for name in os.listdir(os.path.join(ROOT, "Instruments"))
                 if name.endswith(".yaml"))
COUNT = 3000
SPOILERS = ["zzz", "99999", "2.5", "-1", "yes;no", "declined", "dont_know", "often", "never", "caf\u00e9", ";",
            "3", "1e3", "relationships;relationships"]


def batch(instrument, records, folder, name):
    out, rejects = os.path.join(folder, name + ".out"), os.path.join(folder, name + ".rejects")
    done = subprocess.run([ASSESS, "batch", instrument, records, "--out", out, "--rejects", rejects],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8") as f:
        rows = f.read()
    with open(rejects, newline="", encoding="utf-8") as f:
        # The line column differs (JSON Lines have no header line); the record id and reason must not.
        reasons = [row[1:] for row in csv.reader(f)][1:]
    return rows, reasons, done.stderr


class BatchPathsTest(unittest.TestCase):
    def test_csv_and_json_lines_give_the_same_rows_and_rejects(self):
        generator = random.Random(11)
        for instrument in SHIPPED:
            with self.subTest(instrument=os.path.basename(instrument)), tempfile.TemporaryDirectory() as folder:
                synth = subprocess.run([ASSESS, "synth", instrument, "--count", str(COUNT), "--seed", "4"],
                                       check=True, capture_output=True, text=True).stdout
                rows = list(csv.reader(synth.splitlines()))
                header, records = rows[0], rows[1:]
                for record in records:
                    if generator.random() < 0.2:
                        record[generator.randrange(1, len(header))] = generator.choice(SPOILERS)
                as_csv, as_jsonl = os.path.join(folder, "in.csv"), os.path.join(folder, "in.jsonl")
                all_quoted = os.path.join(folder, "quoted.csv")
                with open(as_csv, "w", newline="", encoding="utf-8") as f:
                    csv.writer(f, lineterminator="\n").writerows([header] + records)
                with open(all_quoted, "w", newline="", encoding="utf-8") as f:
                    csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([header] + records)
                escaped = os.path.join(folder, "escaped.jsonl")
                with open(as_jsonl, "w", encoding="utf-8") as f, open(escaped, "w", encoding="utf-8") as g:
                    for record in records:
                        line = json.dumps({k: (v if v != "" else None) for k, v in zip(header, record)})
                        f.write(line + "\n")
                        # The same object, its record id's first letter as a \u escape.
                        g.write(line.replace('"record_id": "s', '"record_id": "\\u0073', 1) + "\n")

                fast_rows, fast_rejects, fast_counts = batch(instrument, as_csv, folder, "csv")
                general_rows, general_rejects, general_counts = batch(instrument, escaped, folder, "escaped")
                quoted_rows, quoted_rejects, _ = batch(instrument, all_quoted, folder, "quoted")
                jsonl_rows, jsonl_rejects, _ = batch(instrument, as_jsonl, folder, "jsonl")

                self.assertEqual(fast_rows, general_rows)
                self.assertEqual(fast_rejects, general_rejects)
                self.assertEqual(quoted_rows, general_rows)
                self.assertEqual(quoted_rejects, general_rejects)
                self.assertEqual(jsonl_rows, general_rows)
                self.assertEqual(jsonl_rejects, general_rejects)
                self.assertEqual(fast_counts.splitlines()[-1].split(" (")[0],
                                 general_counts.splitlines()[-1].split(" (")[0])
                scored = fast_rows.count("\n") - 1
                self.assertGreater(scored, COUNT // 2, "most records are scored")
                self.assertGreater(len(fast_rejects), COUNT // 50, "and some are rejected")


if __name__ == "__main__":
    unittest.main()
