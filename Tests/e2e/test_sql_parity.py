"""`assess compile-sql` parity on DuckDB: the compiled query and `assess batch` give the
same row, cell for cell, for every record.

- Synthetic records (`assess synth`) of every shipped instrument and of the edge-case
  instrument in fixtures/, a few thousand per seed.
- Random cells for the edge-case instrument: valid answers of every kind (numbers with
  five decimals, options by code and by value), declined, don't know, empty, and some
  that batch rejects; the query must leave out exactly the records batch rejects.
- Hand-made records for the cases that matter most: prorated and capped scores, not
  assessed, everything declined, priorities that change a tie-break, joint lynch-pins,
  halves in the fifth decimal. Each asserts that batch's row really shows the case, so
  the comparison cannot pass vacuously.
"""
import csv
import io
import os
import random
import subprocess
import tempfile
import unittest

import duckdb

from sql_compare import compare, read_csv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ASSESS = os.environ.get("ASSESS_BIN", os.path.join(ROOT, ".build", "debug", "assess"))
EDGES = os.path.join(HERE, "fixtures", "sql-edges.yaml")
WOMENS_NEEDS = os.path.join(ROOT, "Instruments", "womens-needs.yaml")
SHIPPED = sorted(os.path.join(ROOT, "Instruments", name) for name in os.listdir(os.path.join(ROOT, "Instruments"))
                 if name.endswith(".yaml"))
COUNT = 3000
SEEDS = [1, 2]


def run(*args):
    return subprocess.run([ASSESS, *args], check=True, capture_output=True, text=True).stdout


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def duckdb_rows(instrument, records, rejects=False):
    """The compiled duckdb query's header and rows over the records CSV (every column VARCHAR)."""
    args = ["compile-sql", instrument, "--dialect", "duckdb", "--table", "records"]
    sql = run(*args, *(["--rejects"] if rejects else []))
    con = duckdb.connect()
    con.execute(f"CREATE VIEW records AS SELECT * FROM read_csv('{records}', header = true, all_varchar = true, "
                "delim = ',', quote = '\"', escape = '\"')")
    cursor = con.execute(sql)
    header = [d[0] for d in cursor.description]
    return header, [list(row) for row in cursor.fetchall()]


def batch_rows(instrument, records, folder):
    """Batch's header, rows and the record ids it rejects."""
    out, rejects = os.path.join(folder, "batch.csv"), os.path.join(folder, "rejects.csv")
    subprocess.run([ASSESS, "batch", instrument, records, "--out", out, "--rejects", rejects], check=True,
                   capture_output=True)
    header, rows = read_csv(out)
    _, rejected = read_csv(rejects)
    return header, rows, {row[1] for row in rejected}


class SQLParity(unittest.TestCase):
    def assert_parity(self, instrument, records, folder, expect_rejects=None):
        header, rows, batch_rejects = batch_rows(instrument, records, folder)
        sql_header, sql_rows = duckdb_rows(instrument, records)
        identical, different, problems = compare(header, rows, sql_header, sql_rows)
        name = os.path.basename(instrument)
        self.assertEqual(problems, [], f"{name}: {identical} identical, {different} different")
        self.assertEqual(different, 0)
        _, sql_rejects = duckdb_rows(instrument, records, rejects=True)
        self.assertEqual({row[0] for row in sql_rejects}, batch_rejects, f"{name}: the rejected records differ")
        if expect_rejects is not None:
            self.assertEqual(bool(batch_rejects), expect_rejects)
        return header, rows

    def test_synthetic_records_of_every_instrument(self):
        total = 0
        for instrument in SHIPPED + [EDGES]:
            for seed in SEEDS:
                with self.subTest(instrument=os.path.basename(instrument), seed=seed), \
                        tempfile.TemporaryDirectory() as folder:
                    records = os.path.join(folder, "records.csv")
                    run("synth", instrument, "--count", str(COUNT), "--seed", str(seed), "--out", records)
                    _, rows = self.assert_parity(instrument, records, folder, expect_rejects=False)
                    self.assertEqual(len(rows), COUNT)
                    total += len(rows)
        print(f"\nduckdb {duckdb.__version__} parity: {total} synthetic records, all identical")

    def test_random_cells_including_rejected_ones(self):
        rng = random.Random(20261201)
        header = ["record_id", "has_b", "amount", "ratio", "level_a", "kind", "reasons", "early", "late", "note",
                  "b1", "b2", "b3", "_priorities"]

        def number(low, high):
            value = rng.uniform(low, high)
            style = rng.randrange(5)
            if style == 0:
                return str(rng.randint(int(low), int(high)))
            if style == 1:
                return f"{value:.5f}"  # often a 5 in the fifth decimal
            if style == 2:
                return f"{round(value * 2) / 2:.1f}".rstrip("0")  # halves, and "3." forms
            if style == 3:
                return f"{value:.3e}"
            return repr(round(value, 9))

        choices = {
            "has_b": lambda: rng.choice(["yes", "no"]),
            "amount": lambda: number(-10, 100),
            "ratio": lambda: number(-50, 50),
            "level_a": lambda: rng.choice(["none", "some", "lots", "0", "1", "2.5"]),
            "kind": lambda: rng.choice(["x", "y", "z", "1", "2"]),
            "reasons": lambda: ";".join(rng.sample(["r1", "r2", "r3"], rng.randint(1, 3))),
            "early": lambda: rng.choice(["yes", "no"]),
            "late": lambda: rng.choice(["yes", "no"]),
            "note": lambda: rng.choice(["some words", "declined words", "a, comma"]),
            "b1": lambda: rng.choice(["none", "some", "lots"]),
            "b2": lambda: rng.choice(["yes", "no"]),
            "b3": lambda: number(0, 10),
        }
        invalid = {"has_b": "Yes", "amount": "101", "ratio": "1,5", "level_a": "3", "kind": "w",
                   "reasons": "r1;;r2", "early": "true", "late": "no ", "b1": "lots;some", "b2": "1", "b3": "-1"}
        needs = ["alpha", "beta", "gamma", "delta", "epsilon"]
        rows = []
        for n in range(4000):
            cells = {}
            for item, make in choices.items():
                roll = rng.random()
                cells[item] = ("" if roll < 0.15 else "declined" if roll < 0.2 else "dont_know" if roll < 0.23
                               else invalid.get(item, make()) if roll < 0.235 else make())
            # Mostly leave hidden questions empty, as an interview would; sometimes not (rejected).
            if rng.random() < 0.95:
                if cells["has_b"] == "yes" and cells["level_a"] not in ("lots", "2.5"):
                    cells["early"] = ""
                if cells["has_b"] == "no":
                    cells["b1"] = cells["b2"] = cells["b3"] = ""
                if cells["b1"] in ("none",):
                    cells["b2"] = ""
            priorities = ";".join(rng.sample(needs, rng.randint(0, 3)))
            if rng.random() < 0.02:
                priorities = rng.choice(["alpha;alpha", "omega", "alpha;beta;gamma;delta", ";alpha;;beta;"])
            rows.append([f"r{n}"] + [cells[item] for item in header[1:-1]] + [priorities])
        with tempfile.TemporaryDirectory() as folder:
            records = os.path.join(folder, "records.csv")
            write_csv(records, header, rows)
            out_header, scored = self.assert_parity(EDGES, records, folder, expect_rejects=True)

        # Enough of the interesting cases were compared for the test to mean something.
        def by_column(name):
            return [row[out_header.index(name)] for row in scored]
        self.assertGreater(len(scored), 1500)
        self.assertTrue(any("." in cell for cell in by_column("gamma_score")))
        self.assertTrue(any(cell == "not_assessed" for cell in by_column("alpha_status")))
        self.assertTrue(any(";" in cell for cell in by_column("lynchpins")))
        self.assertTrue(any(cell for cell in by_column("her_view_differs")))

    def test_hand_made_records(self):
        header = ["record_id", "has_b", "amount", "ratio", "level_a", "kind", "reasons", "early", "late", "note",
                  "b1", "b2", "b3", "_priorities"]
        records = [
            # alpha prorated (amount declined): level_a 2.5 × 2 applicable ÷ 1 answered = 5.
            ["prorated", "yes", "declined", "1", "lots", "x", "r1", "", "no", "", "lots", "yes", "4", "beta"],
            # alpha's two items both missing: beyond max_declined, not assessed.
            ["not_assessed", "no", "", "1", "", "y", "r2", "no", "yes", "n", "", "", "", ""],
            # Everything declined.
            ["all_declined", "declined", "declined", "declined", "declined", "declined", "declined", "declined",
             "declined", "declined", "declined", "declined", "declined", ""],
            # Nothing answered at all.
            ["all_empty", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            # Halves in the fifth decimal: resilience = 3 × 0 + ratio.
            ["half_up", "no", "0", "0.00005", "none", "x", "r3", "no", "no", "", "", "", "", ""],
            ["half_down", "no", "0", "-2.34565", "none", "x", "r3", "no", "no", "", "", "", "", ""],
            ["near_half", "no", "0", "1.00004999", "none", "x", "r3", "no", "no", "", "", "", "", ""],
            # A cap: prorated beta (b3 declined) above its max of 6.
            ["capped", "yes", "60", "1", "lots", "x", "r1;r2;r3", "", "yes", "", "lots", "yes", "declined", ""],
            # gamma (5 of 10) and epsilon (prorated: 1 × 4 ÷ 2 = 2 of 4) tie at severity 0.5 and reach
            # nothing: joint lynch-pins in instrument order, unless her priorities put epsilon first.
            ["tie", "no", "declined", "3", "none", "x", "", "no", "no", "", "", "", "", ""],
            ["tie_her_order", "no", "declined", "3", "none", "x", "", "no", "no", "", "", "", "", "epsilon"],
        ]
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "records.csv")
            write_csv(path, header, records)
            out_header, rows = self.assert_parity(EDGES, path, folder, expect_rejects=False)
        row = {r[0]: dict(zip(out_header, r)) for r in rows}
        self.assertEqual(row["prorated"]["alpha_score"], "5")
        self.assertEqual(row["not_assessed"]["alpha_status"], "not_assessed")
        self.assertEqual(row["not_assessed"]["alpha_score"], "")
        self.assertTrue(all(row["all_declined"][f"{n}_status"] == "not_assessed" for n in ["alpha", "beta", "gamma"]))
        self.assertEqual(row["half_up"]["resilience_score"], "0.0001")
        self.assertEqual(row["half_down"]["resilience_score"], "-2.3457")
        self.assertEqual(row["near_half"]["resilience_score"], "1")
        self.assertEqual(row["capped"]["beta_score"], "6")
        self.assertEqual(row["tie"]["lynchpins"], "gamma;epsilon")
        self.assertEqual(row["tie_her_order"]["lynchpins"], "epsilon;gamma")
        self.assertEqual(row["tie_her_order"]["her_view_differs"], "gamma")
        self.assertEqual(row["tie"]["her_view_differs"], "")

    def test_womens_needs_hand_made_records(self):
        header = read_header(WOMENS_NEEDS)
        everything = {name: "declined" for name in header[1:-1]}
        rows = [
            ["declined_everything"] + [everything[name] for name in header[1:-1]] + [""],
            ["nothing"] + ["" for _ in header[1:-1]] + ["substance_use;housing"],
        ]
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "records.csv")
            write_csv(path, header, rows)
            _, scored = self.assert_parity(WOMENS_NEEDS, path, folder, expect_rejects=False)
        self.assertEqual(len(scored), 2)

    def test_numbers_swift_reads_but_the_query_does_not_are_rejected_not_wrong(self):
        header = ["record_id", "has_b", "amount", "ratio", "level_a", "kind", "reasons", "early", "late", "note",
                  "b1", "b2", "b3", "_priorities"]
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "records.csv")
            write_csv(path, header, [["hex", "no", "1", "0x10", "none", "x", "r1", "no", "no", "", "", "", "", ""],
                                     ["plain", "no", "1", "16", "none", "x", "r1", "no", "no", "", "", "", "", ""]])
            _, _, batch_rejects = batch_rows(EDGES, path, folder)
            self.assertEqual(batch_rejects, set())
            _, sql_rows = duckdb_rows(EDGES, path)
            _, sql_rejects = duckdb_rows(EDGES, path, rejects=True)
        self.assertEqual([r[0] for r in sql_rows], ["plain"])
        self.assertEqual([r[0] for r in sql_rejects], ["hex"])
        self.assertIn("0x10", sql_rejects[0][1])


def read_header(instrument):
    """The batch input header synth writes for an instrument."""
    return next(csv.reader(io.StringIO(run("synth", instrument, "--count", "0"))))


if __name__ == "__main__":
    unittest.main()
