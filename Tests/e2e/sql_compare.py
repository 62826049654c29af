"""Compares `assess batch` output with the rows of a compiled SQL query, cell by cell.

Used by test_sql_parity.py and by scripts/sql-parity-{postgres,spark}.sh:

    python3 Tests/e2e/sql_compare.py batch.csv sql.csv [--label postgres]

Both files are CSV with a header. Rows are matched by record_id (the query's row order is
not defined); an empty cell and a NULL are the same. Prints a closing line
`LABEL parity: N records, N identical, N different` and exits 1 when anything differs.
"""
import csv
import sys


def read_csv(path):
    """The header and the rows (lists of cells) of a CSV file."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [row for row in reader]


def compare(header, batch_rows, sql_header, sql_rows):
    """(identical, different, problems): problems describe the first few differences."""
    problems = []
    if list(sql_header) != list(header):
        problems.append(f"the SQL columns differ from batch's:\n  batch: {header}\n  sql:   {list(sql_header)}")
        return 0, len(batch_rows), problems
    by_id = {}
    for row in sql_rows:
        cells = ["" if c is None else str(c) for c in row]
        if cells[0] in by_id:
            problems.append(f"the SQL gives record {cells[0]!r} twice")
        by_id[cells[0]] = cells
    identical = different = 0
    for row in batch_rows:
        got = by_id.pop(row[0], None)
        if got == row:
            identical += 1
            continue
        different += 1
        if len(problems) >= 5:
            continue
        if got is None:
            problems.append(f"record {row[0]!r}: batch scores it, the SQL gives no row")
        else:
            cells = [f"{name}: batch {a!r}, sql {b!r}" for name, a, b in zip(header, row, got) if a != b]
            problems.append(f"record {row[0]!r} differs in " + "; ".join(cells))
    for extra in list(by_id)[:5]:
        problems.append(f"record {extra!r}: the SQL gives a row batch does not")
    different += len(by_id)
    return identical, different, problems


def main(argv):
    label = "sql"
    if "--label" in argv:
        i = argv.index("--label")
        label = argv[i + 1]
        del argv[i:i + 2]
    batch_path, sql_path = argv
    header, batch_rows = read_csv(batch_path)
    sql_header, sql_rows = read_csv(sql_path)
    identical, different, problems = compare(header, batch_rows, sql_header, sql_rows)
    for problem in problems:
        print(problem)
    print(f"{label} parity: {identical + different} records, {identical} identical, {different} different")
    return 0 if different == 0 and not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
