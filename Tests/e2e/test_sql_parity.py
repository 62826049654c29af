"""`assess compile-sql` parity on DuckDB: the compiled query and `assess batch` give the
same row, cell for cell, for every record.

- Synthetic records (`assess synth`) of every shipped instrument and of the corner-testing
  instrument in fixtures/, a few thousand per seed.
- Random cells for the corner-testing instrument: valid answers of every kind (numbers with
  five decimals, options by code and by value), declined, don't know, empty, and some
  that batch rejects; the query must leave out exactly the records batch rejects.
- Hand-made records for what matters most: prorated and capped scores, not
  assessed, everything declined, priorities that change a tie-break, joint lynch-pins,
  halves in the fifth decimal. Each asserts that batch's row really shows it, so
  the comparison cannot pass vacuously.
"""
import csv
import io
import os
import subprocess
import tempfile
import unittest

import duckdb

from sql_compare import compare, read_csv
from sql_records import random_edge_records

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


def duckdb_rows(instrument, records, rejects=False, carry=None):
    """The compiled duckdb query's header and rows over the records CSV (every column VARCHAR)."""
    args = ["compile-sql", instrument, "--dialect", "duckdb", "--table", "records"]
    sql = run(*args, *(["--rejects"] if rejects else []), *(["--carry", carry] if carry else []))
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
        header, rows = random_edge_records(seed=20261201, count=4000)
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

    def test_carried_columns_pass_through_as_batch_carries_them(self):
        with tempfile.TemporaryDirectory() as folder:
            header, rows = read_csv_text(run("synth", WOMENS_NEEDS, "--count", "300", "--seed", "4"))
            sites = ["north", "", "south, east", "west"]
            path = os.path.join(folder, "records.csv")
            write_csv(path, header + ["site"], [row + [sites[i % len(sites)]] for i, row in enumerate(rows)])
            out = os.path.join(folder, "batch.csv")
            subprocess.run([ASSESS, "batch", WOMENS_NEEDS, path, "--out", out, "--carry", "site"], check=True,
                           capture_output=True)
            batch_header, batch = read_csv(out)
            sql_header, sql = duckdb_rows(WOMENS_NEEDS, path, carry="site")
        self.assertEqual(batch_header[:2], ["record_id", "site"])
        identical, different, problems = compare(batch_header, batch, sql_header, sql)
        self.assertEqual((problems, different, identical), ([], 0, 300))

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


def read_csv_text(text):
    """The header and rows of CSV text."""
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def read_header(instrument):
    """The batch input header synth writes for an instrument."""
    return next(csv.reader(io.StringIO(run("synth", instrument, "--count", "0"))))


if __name__ == "__main__":
    unittest.main()
