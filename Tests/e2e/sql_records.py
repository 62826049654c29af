"""Random records for the corner-testing instrument fixtures/sql-edges.yaml, for the SQL parity
checks: valid answers of every kind (numbers in several notations, many with a 5 in the
fifth decimal; options by code and by value), declined, don't know and empty cells, and a
few that `assess batch` rejects (a bad cell, an answer to a hidden question, priorities
that are not distinct need ids).

    python3 Tests/e2e/sql_records.py OUT.csv [--count N] [--seed S]
"""
import csv
import random
import sys

HEADER = ["record_id", "has_b", "amount", "ratio", "level_a", "kind", "reasons", "early", "late", "note",
          "b1", "b2", "b3", "_priorities"]
NEEDS = ["alpha", "beta", "gamma", "delta", "epsilon"]
# One cell per item that batch rejects.
INVALID = {"has_b": "Yes", "amount": "101", "ratio": "1,5", "level_a": "3", "kind": "w", "reasons": "r1;;r2",
           "early": "true", "late": "no ", "b1": "lots;some", "b2": "1", "b3": "-1"}


def random_edge_records(seed, count):
    """The header and `count` rows, the same for the same seed."""
    rng = random.Random(seed)

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

    answers = {
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
    rows = []
    for n in range(count):
        cells = {}
        for item, make in answers.items():
            roll = rng.random()
            cells[item] = ("" if roll < 0.15 else "declined" if roll < 0.2 else "dont_know" if roll < 0.23
                           else INVALID.get(item, make()) if roll < 0.235 else make())
        # Mostly leave hidden questions empty, as an interview would; sometimes not (rejected).
        if rng.random() < 0.95:
            if cells["has_b"] == "yes" and cells["level_a"] not in ("lots", "2.5"):
                cells["early"] = ""
            if cells["has_b"] == "no":
                cells["b1"] = cells["b2"] = cells["b3"] = ""
            if cells["b1"] == "none":
                cells["b2"] = ""
        priorities = ";".join(rng.sample(NEEDS, rng.randint(0, 3)))
        if rng.random() < 0.02:
            priorities = rng.choice(["alpha;alpha", "omega", "alpha;beta;gamma;delta", ";alpha;;beta;"])
        rows.append([f"r{n}"] + [cells[item] for item in HEADER[1:-1]] + [priorities])
    return HEADER, rows


def main(argv):
    out, count, seed = argv[0], 4000, 20261201
    if "--count" in argv:
        count = int(argv[argv.index("--count") + 1])
    if "--seed" in argv:
        seed = int(argv[argv.index("--seed") + 1])
    header, rows = random_edge_records(seed, count)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
