#!/usr/bin/env python3
"""A vectorised pandas/numpy baseline for `assess batch`: the same scoring, column by column.

    python3 Benchmarks/pandas/score_pandas.py INSTRUMENT.yaml RECORDS.csv --out SCORES.csv

Generic: it reads the instrument YAML itself and compiles every expression (show_if, need
and strength scores, urgent_if, driver `when`, responsivity and safeguarding rules) of the
small language in DESIGN.md into numpy operations over whole columns, with a "missing"
mask beside every value. So it cannot drift from the instrument, and it does the same work
as the Swift engine: the show_if walk, the missing-answer policy with prorating, bands,
three-valued rules, the driver graph with strongest paths, the lynch-pin ranking and where
her view differs. Nothing loops over records in Python; loops run over items, needs,
drivers and the distinct values of a column (each distinct cell is parsed once, each
distinct score formatted once, each distinct list joined once).

It streams like `assess batch`: pandas reads the CSV in chunks (--chunk, 100,000 records
by default), each chunk is scored and its lines written before the next is read, so
memory depends on the chunk, not on the input. Output lines are put together from those
distinct texts with numpy, not with DataFrame.to_csv, which alone took longer than all
the scoring at 1,000,000 records.

Not covered (assess batch has them): JSON Lines input, --carry, --format jsonl, and the
rejects file: rejected records are only counted.

The output is byte-for-byte what `assess batch INSTRUMENT RECORDS.csv --out SCORES.csv`
writes (check_parity.py proves it on `assess synth` records, and on records with problems).
Records that `assess batch` would reject (a code that is not an option, an answer to a
hidden question, an empty or repeated record_id, bad priorities) are left out and counted
on standard error, but without the reasons the Swift tool gives.

Floating point follows the Swift code operation by operation: sums fold left to right,
prorating is (value × applicable) ÷ answered, min/max pick operands as Swift.min/max do,
rounding is half away from zero, and numbers are written as NumberText.format writes them.

This is a benchmark baseline, not part of the product: pandas is not needed to build or
test `assess`.
"""

import argparse
import csv
import math
import sys
import time

import numpy as np
import pandas as pd
import yaml

# Answer slot states, as in AnswerState.swift.
UNANSWERED, ANSWERED, DECLINED, DONT_KNOW, NOT_APPLICABLE = 0, 1, 2, 3, 4


# --------------------------------------------------------------------------------------
# The instrument


def swift_double(text):
    """Swift's Double(String) for the cells and YAML numbers we meet; None when it fails.

    Python's float() also accepts spaces, '_' and words Swift refuses, so those go first."""
    if not text or text != text.strip() or "_" in text:
        return None
    try:
        if text.lower().lstrip("+-").startswith("0x"):
            return float.fromhex(text)
        return float(text)
    except ValueError:
        return None


def yaml_number(text):
    """A YAML number as the Swift loader reads it (a plain scalar starting with a digit or sign)."""
    value = swift_double(text)
    if value is None or not math.isfinite(value) or text[0] not in "0123456789+-.":
        raise SystemExit(f"not a number in the instrument: {text!r}")
    return value


class Item:
    def __init__(self, node, scales, section):
        self.id = node["id"]
        self.type = node["type"]
        self.section = section
        self.identifying = node.get("identifying") == "true"
        self.show_if = node.get("show_if")
        self.min = yaml_number(node["min"]) if "min" in node else None
        self.max = yaml_number(node["max"]) if "max" in node else None
        options = node.get("options")
        if options is None and "scale" in node:
            options = scales[node["scale"]]
        # An option's value defaults to its index (InstrumentLoading+Sections.swift).
        self.codes = [o["code"] for o in options or []]
        self.values = [yaml_number(o["value"]) if "value" in o else float(i) for i, o in enumerate(options or [])]


class Scored:
    """A need or a strength."""

    def __init__(self, node, is_need):
        self.id = node["id"]
        self.is_need = is_need
        self.score = node["score"]
        self.max = yaml_number(node["max"]) if "max" in node else math.inf
        self.band_names = list(node["bands"].keys())
        self.band_bounds = [yaml_number(v) for v in node["bands"].values()]
        self.max_declined = int(yaml_number(node.get("missing", {}).get("max_declined", "0")))
        self.urgent_if = node.get("urgent_if") if is_need else None


class Instrument:
    def __init__(self, path):
        # BaseLoader keeps every scalar as text, as the Swift loader does: `code: no` is the
        # code "no", not False, and `version: 1.10` stays "1.10".
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
        self.id = doc["instrument"]["id"]
        self.version = doc["instrument"]["version"]
        scales = doc.get("scales") or {}
        self.sections = []  # (show_if, first item index)
        self.items = []
        for s, section in enumerate(doc.get("sections") or []):
            self.sections.append((section.get("show_if"), len(self.items)))
            for node in section.get("items") or []:
                self.items.append(Item(node, scales, s))
        self.needs = [Scored(n, True) for n in doc.get("needs") or []]
        self.strengths = [Scored(n, False) for n in doc.get("strengths") or []]
        self.drivers = [
            (d["from"], d["to"], yaml_number(d["weight"]), d.get("when")) for d in doc.get("drivers") or []
        ]
        self.responsivity = [(r["id"], r["when"]) for r in doc.get("responsivity") or []]
        self.safeguarding = [(r["id"], r["when"]) for r in doc.get("safeguarding") or []]
        # Slots as in InstrumentCompiler.swift: items, then needs, then strengths.
        self.item_slot = {item.id: i for i, item in enumerate(self.items)}
        self.scored = self.needs + self.strengths
        self.score_slot = {s.id: len(self.items) + k for k, s in enumerate(self.scored)}


# --------------------------------------------------------------------------------------
# The expression language: lexer and parser (precedence as Parser.swift), then types.

KEYWORDS = {"and", "or", "not", "in", "has", "true", "false"}
COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}
MIRRORED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


def tokens(text):
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            if j < len(text) and text[j] == ".":
                j += 1
                while j < len(text) and text[j].isdigit():
                    j += 1
            out.append(("num", float(text[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            out.append((word, word) if word in KEYWORDS else ("name", word))
            i = j
        elif c in "'\"":
            j = text.index(c, i + 1)
            out.append(("code", text[i + 1 : j]))
            i = j + 1
        elif text[i : i + 2] in COMPARISONS:
            out.append((text[i : i + 2], None))
            i += 2
        elif c in "+-*/()[],<>":
            out.append((c, None))
            i += 1
        else:
            raise SystemExit(f"cannot read the expression {text!r} at {c!r}")
    out.append(("end", None))
    return out


class Parser:
    """Builds nested tuples: ('num', v), ('bool', b), ('code', c), ('name', n),
    ('call', f, [args]), ('neg', x), ('not', x), ('and', a, b), ('or', a, b),
    ('arith', op, a, b), ('cmp', op, a, b), ('has', a, b), ('in', a, [codes])."""

    def __init__(self, text):
        self.toks, self.pos = tokens(text), 0

    def peek(self):
        return self.toks[self.pos][0]

    def take(self):
        self.pos += 1
        return self.toks[self.pos - 1]

    def parse(self):
        node = self.or_()
        assert self.peek() == "end", "trailing tokens"
        return node

    def or_(self):
        left = self.and_()
        while self.peek() == "or":
            self.take()
            left = ("or", left, self.and_())
        return left

    def and_(self):
        left = self.not_()
        while self.peek() == "and":
            self.take()
            left = ("and", left, self.not_())
        return left

    def not_(self):
        if self.peek() == "not":
            self.take()
            return ("not", self.not_())
        return self.comparison()

    def comparison(self):
        left = self.additive()
        kind = self.peek()
        if kind in COMPARISONS:
            self.take()
            return ("cmp", kind, left, self.additive())
        if kind == "in":
            self.take()
            assert self.take()[0] == "["
            elements = []
            if self.peek() != "]":
                elements.append(self.additive())
                while self.peek() == ",":
                    self.take()
                    elements.append(self.additive())
            assert self.take()[0] == "]"
            return ("in", left, elements)
        if kind == "has":
            self.take()
            return ("has", left, self.additive())
        return left

    def additive(self):
        left = self.multiplicative()
        while self.peek() in ("+", "-"):
            op = self.take()[0]
            left = ("arith", op, left, self.multiplicative())
        return left

    def multiplicative(self):
        left = self.unary()
        while self.peek() in ("*", "/"):
            op = self.take()[0]
            left = ("arith", op, left, self.unary())
        return left

    def unary(self):
        if self.peek() == "-":
            self.take()
            return ("neg", self.unary())
        return self.primary()

    def primary(self):
        kind, value = self.take()
        if kind == "num":
            return ("num", value)
        if kind in ("true", "false"):
            return ("bool", kind == "true")
        if kind == "code":
            return ("code", value)
        if kind == "name":
            if self.peek() != "(":
                return ("name", value)
            self.take()
            args = []
            if self.peek() != ")":
                args.append(self.or_())
                while self.peek() == ",":
                    self.take()
                    args.append(self.or_())
            assert self.take()[0] == ")"
            return ("call", value, args)
        if kind == "(":
            inner = self.or_()
            assert self.take()[0] == ")"
            return inner
        raise SystemExit(f"unexpected token {kind!r}")


class Typed:
    """A checked node (as TypedExpression.swift): kind, type, and its parts."""

    def __init__(self, kind, type_, *parts, codes=None):
        self.kind, self.type, self.parts, self.codes = kind, type_, parts, codes


ITEM_TYPES = {"yes_no": "boolean", "choice": "choice", "scale": "choice", "multi_choice": "set", "number": "number"}


class Compiled:
    """One expression, checked, with the items it refers to (each once, in order of first
    appearance, as CompiledExpression.referencedItemSlots)."""

    def __init__(self, text, instrument):
        self.ins = instrument
        self.items = []
        self.root = self.check(Parser(text).parse())

    def ref(self, slot):
        if slot not in self.items:
            self.items.append(slot)

    def check(self, n):
        ins, k = self.ins, n[0]
        if k == "num":
            return Typed("num", "number", n[1])
        if k == "bool":
            return Typed("bool", "boolean", n[1])
        if k == "name":
            slot = ins.item_slot[n[1]]
            self.ref(slot)
            item = ins.items[slot]
            return Typed("item", ITEM_TYPES[item.type], slot, codes=item.codes)
        if k == "call":
            name, args = n[1], n[2]
            if name in ("answered", "declined"):
                slot = ins.item_slot[args[0][1]]
                self.ref(slot)
                return Typed(name, "boolean", slot)
            if name in ("score", "band"):
                sid = args[0][1]
                slot = ins.score_slot[sid]
                bands = ins.scored[slot - len(ins.items)].band_names
                return Typed(name, "number" if name == "score" else "band", slot, codes=bands)
            return Typed("call", "number", name, [self.check(a) for a in args])
        if k == "neg":
            return Typed("neg", "number", self.check(n[1]))
        if k == "not":
            return Typed("not", "boolean", self.check(n[1]))
        if k in ("and", "or"):
            return Typed(k, "boolean", self.check(n[1]), self.check(n[2]))
        if k == "arith":
            return Typed("arith", "number", n[1], self.check(n[2]), self.check(n[3]))
        if k == "cmp":
            op, left, right = n[1], n[2], n[3]
            if left[0] == "code":  # 'code' == x is x == 'code'
                op, left, right = MIRRORED[op], right, left
            if right[0] == "code":
                value = self.check(left)
                return Typed("cmpcode", "boolean", op, value, value.codes.index(right[1]))
            return Typed("cmp", "boolean", op, self.check(left), self.check(right))
        if k == "has":
            value = self.check(n[1])
            return Typed("has", "boolean", value, value.codes.index(n[2][1]))
        if k == "in":
            value = self.check(n[1])
            return Typed("in", "boolean", value, [value.codes.index(e[1]) for e in n[2]])
        raise SystemExit(f"cannot check {n!r}")


# --------------------------------------------------------------------------------------
# Vectorised evaluation. Every value is a pair (values, missing): numpy arrays (or scalars,
# which broadcast) with a boolean mask of the records where the value is missing.


class Slots:
    """The answer slots of every record, one array per slot (EvaluationContext.swift):
    state, number (0 unless answered), code (-1 unless answered) and set bits (0 unless answered)."""

    def __init__(self, count, n):
        self.state = [None] * count
        self.number = [None] * count
        self.code = [None] * count
        self.bits = [None] * count
        self.n = n

    def set(self, slot, state, number, code, bits):
        answered = state == ANSWERED
        self.state[slot] = state
        self.number[slot] = np.where(answered, number, 0.0)
        self.code[slot] = np.where(answered, code, -1).astype(np.int32)
        self.bits[slot] = np.where(answered, bits, np.uint64(0)).astype(np.uint64)


def item_missing(slots, slot, missing_as_zero):
    """An item reads as missing when declined, don't know or unanswered, unless prorating
    reads those as not applicable; a hidden item is never missing."""
    if missing_as_zero:
        return np.False_
    s = slots.state[slot]
    return (s != ANSWERED) & (s != NOT_APPLICABLE)


def number(e, slots, mz):
    """The expression read as a number (Evaluator.number): a condition gives 1 or 0."""
    if e.type == "boolean":
        v, m = condition(e, slots, mz)
        return v.astype(np.float64) if isinstance(v, np.ndarray) else np.float64(v), m
    k = e.kind
    if k == "num":
        return np.float64(e.parts[0]), np.False_
    if k == "item":
        return slots.number[e.parts[0]], item_missing(slots, e.parts[0], mz)
    if k == "score":
        slot = e.parts[0]
        return slots.number[slot], slots.state[slot] != ANSWERED
    if k == "neg":
        v, m = number(e.parts[0], slots, mz)
        return -v, m
    if k == "arith":
        op, left, right = e.parts
        a, am = number(left, slots, mz)
        b, bm = number(right, slots, mz)
        if op == "+":
            return a + b, am | bm
        if op == "-":
            return a - b, am | bm
        if op == "*":
            return a * b, am | bm
        # x / 0 is missing.
        return a / np.where(b == 0, 1.0, b), am | bm | (b == 0)
    if k == "call":
        name, args = e.parts
        if name == "count":
            parts = [count_of(a, slots, mz) for a in args]
        else:
            parts = [number(a, slots, mz) for a in args]
        v, m = parts[0]
        for b, bm in parts[1:]:  # left to right, as Evaluator.fold
            if name in ("sum", "count"):
                v = v + b
            elif name == "min":  # Swift.min(x, y) is y < x ? y : x
                v = np.where(b < v, b, v)
            else:  # Swift.max(x, y) is y >= x ? y : x
                v = np.where(b >= v, b, v)
            m = m | bm
        return v, m
    raise SystemExit(f"not a number: {k}")


def count_of(e, slots, mz):
    """What one argument adds to count(): 1 or 0 for a condition, the size of a set."""
    if e.type == "set":
        bits, m = set_of(e, slots, mz)
        return np.bitwise_count(bits).astype(np.float64), m
    v, m = condition(e, slots, mz)
    return np.asarray(v).astype(np.float64), m


def set_of(e, slots, mz):
    slot = e.parts[0]
    return slots.bits[slot], item_missing(slots, slot, mz)


def code_of(e, slots, mz):
    """A choice's option index (-1 when hidden) or a band's index."""
    slot = e.parts[0]
    if e.kind == "band":
        return slots.code[slot], slots.state[slot] != ANSWERED
    return slots.code[slot], item_missing(slots, slot, mz)


CMP = {
    "==": np.equal,
    "!=": np.not_equal,
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
}


def condition(e, slots, mz):
    """The expression read as a condition in three-valued logic (Evaluator.condition)."""
    if e.type != "boolean":
        v, m = number(e, slots, mz)
        return v != 0, m
    k = e.kind
    if k == "bool":
        return np.bool_(e.parts[0]), np.False_
    if k == "item":
        slot = e.parts[0]
        return slots.number[slot] != 0, item_missing(slots, slot, mz)
    if k == "answered":
        return slots.state[e.parts[0]] == ANSWERED, np.False_
    if k == "declined":
        s = slots.state[e.parts[0]]
        return (s == DECLINED) | (s == DONT_KNOW), np.False_
    if k == "not":
        v, m = condition(e.parts[0], slots, mz)
        return ~v, m
    if k in ("and", "or"):
        a, am = condition(e.parts[0], slots, mz)
        b, bm = condition(e.parts[1], slots, mz)
        a_true, b_true = a & ~am, b & ~bm
        a_false, b_false = ~a & ~am, ~b & ~bm
        if k == "and":  # false wins, then both true; anything else is missing
            value = a_true & b_true
            return value, ~(a_false | b_false) & ~value
        value = a_true | b_true
        return value, ~(a_false & b_false) & ~value
    if k == "cmp":
        op, left, right = e.parts
        a, am = number(left, slots, mz)
        b, bm = number(right, slots, mz)
        return CMP[op](a, b), am | bm
    if k == "cmpcode":
        op, value, index = e.parts
        c, m = code_of(value, slots, mz)
        return CMP[op](c, np.int32(index)), m
    if k == "in":
        value, indexes = e.parts
        c, m = code_of(value, slots, mz)
        return np.isin(c, indexes), m
    if k == "has":
        value, index = e.parts
        bits, m = set_of(value, slots, mz)
        return (bits & np.uint64(1 << index)) != 0, m
    raise SystemExit(f"not a condition: {k}")


def full(pair, n):
    v, m = pair
    return np.broadcast_to(v, (n,)), np.broadcast_to(m, (n,))


# --------------------------------------------------------------------------------------
# Reading records


def parse_cell(text, item):
    """One distinct cell value of an item's column: (state, number, code, bits) or None when
    `assess batch` would reject it (BatchRecordScorer.value and SlotEncoder)."""
    if text == "":
        return (UNANSWERED, 0.0, -1, 0)
    if text == "declined":
        return (DECLINED, 0.0, -1, 0)
    if text == "dont_know":
        return (DONT_KNOW, 0.0, -1, 0)
    t = item.type
    if t == "yes_no":
        return {"yes": (ANSWERED, 1.0, -1, 0), "no": (ANSWERED, 0.0, -1, 0)}.get(text)
    if t in ("choice", "scale"):
        if text in item.codes:
            i = item.codes.index(text)
            return (ANSWERED, item.values[i], i, 0)
        value = swift_double(text)  # an option may be given by its value
        if value is not None and value in item.values:
            i = item.values.index(value)
            return (ANSWERED, value, i, 0)
        return None
    if t == "multi_choice":
        bits = 0
        for code in text.split(";"):
            if code not in item.codes or item.codes.index(code) >= 64:
                return None
            bits |= 1 << item.codes.index(code)
        return (ANSWERED, 0.0, -1, bits)
    if t == "number":
        value = swift_double(text)
        if value is None or not math.isfinite(value):
            return None
        if (item.min is not None and value < item.min) or (item.max is not None and value > item.max):
            return None
        return (ANSWERED, value, -1, 0)
    return (ANSWERED, 0.0, -1, 0)  # text and date: answered, never read as a value


def check_header(path, ins):
    """The input's header, checked as assess batch checks it."""
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader([f.readline()]))
    if "record_id" not in header:
        raise SystemExit("the input has no record_id column")
    for name in header:
        if name in ("record_id", "_priorities", "_version"):
            continue
        if name not in ins.item_slot:
            raise SystemExit(f"the column '{name}' is not an item of {ins.id}")
        if ins.items[ins.item_slot[name]].identifying:
            raise SystemExit(f"the column '{name}' is identifying; leave it out of batch input")
    return header


def distinct(column):
    """A column's distinct cells and, for each record, the index of its cell among them, so
    that every distinct cell is parsed once, not once per record."""
    codes, uniques = pd.factorize(column, sort=False)
    return [str(u) for u in uniques], codes


def take(lookup, codes, dtype):
    return np.asarray(lookup, dtype=dtype)[codes]


class Program:
    """Every expression of the instrument, checked once, and the order to compute scores in."""

    def __init__(self, ins):
        compile_ = lambda text: Compiled(text, ins) if text is not None else None  # noqa: E731
        self.section_show_if = [compile_(text) for text, _ in ins.sections]
        self.item_show_if = [compile_(item.show_if) for item in ins.items]
        self.scores = [Compiled(s.score, ins) for s in ins.scored]
        self.urgent_if = [compile_(need.urgent_if) for need in ins.needs]
        self.safeguarding = [compile_(w) for _, w in ins.safeguarding]
        self.responsivity = [compile_(w) for _, w in ins.responsivity]
        self.drivers = [compile_(d[3]) for d in ins.drivers]
        # A topological order by score()/band() uses (InstrumentCompiler.scoreOrder).
        refs = [_score_refs(e.root, ins) for e in self.scores]
        self.order, state = [], [0] * len(ins.scored)

        def visit(k):
            if state[k]:
                return
            state[k] = 1
            for r in refs[k]:
                visit(r)
            state[k] = 2
            self.order.append(k)

        for k in range(len(ins.scored)):
            visit(k)


DUPLICATE_WINDOW = 250_000  # BatchRunner.duplicateWindow


class Seen:
    """The record ids scored so far among the first 250,000 records read (as assess batch,
    which keeps memory flat this way)."""

    def __init__(self):
        self.ids = pd.Index([], dtype=object)
        self.read = 0


# --------------------------------------------------------------------------------------
# Scoring


def swift_rounded(x):
    """Double.rounded(): to nearest, halves away from zero (numpy's round is half to even).
    x - floor(x) is exact, so halves are found exactly."""
    a = np.abs(x)
    f = np.floor(a)
    r = np.where(a - f >= 0.5, f + 1.0, f)
    return np.copysign(r, x)


def rounded9(x):
    """LynchpinRanker.rounded: (x × 1e9).rounded() ÷ 1e9."""
    return swift_rounded(x * 1e9) / 1e9


def format_number(value):
    """NumberText.format(_:): whole numbers without a point, others with at most 4 decimals."""
    if not math.isfinite(value):
        return "inf" if value > 0 else "-inf" if value < 0 else "nan"
    whole_value = float(swift_rounded(np.float64(value)))
    if value == whole_value and abs(value) < 1e15:
        return str(int(value))
    scale = 10000.0
    if abs(value) * scale >= 9e18:
        return repr(value)
    scaled = float(swift_rounded(np.float64(value * scale)))
    magnitude = int(abs(scaled))
    whole, fraction = divmod(magnitude, 10000)
    text = ("-" if scaled < 0 else "") + f"{whole}.{fraction:04d}"
    return text.rstrip("0").rstrip(".")


def join_sequences(matrix, names, prefix=""):
    """Each row's entries (indexes into `names`, -1 for none) joined by ';', skipping -1, as
    a piece (see join_pieces): each distinct row is joined once."""
    n, width = matrix.shape
    if width == 0:
        return np.zeros(n, dtype=np.int64), np.array([prefix], dtype=object)
    base = len(names) + 1
    if width * math.log2(base) < 62:
        key = np.zeros(n, dtype=np.int64)
        for column in range(width):
            key = key * base + (matrix[:, column].astype(np.int64) + 1)
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    else:
        _, first, inverse = np.unique(matrix, axis=0, return_index=True, return_inverse=True)
    texts = np.array([prefix + ";".join(names[i] for i in matrix[r] if i >= 0) for r in first], dtype=object)
    return inverse.reshape(-1), texts


def join_pieces(pieces, n):
    """The output lines from pieces of text, each a pair (for each record the index of its
    text, the distinct texts). Pieces are joined pairwise in a balanced tree: where two
    pieces have few combinations each combination is joined once; otherwise record by
    record (numpy's loop), and the tree keeps that from copying long lines over and over."""

    def merge(a, b):
        (ca, ta), (cb, tb) = a, b
        if len(ta) * len(tb) <= n:
            key = ca * len(tb) + cb
            _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
            return inverse.reshape(-1), np.array([ta[ca[f]] + tb[cb[f]] for f in first], dtype=object)
        return np.arange(n), ta[ca] + tb[cb]

    while len(pieces) > 1:
        pieces = [merge(pieces[i], pieces[i + 1]) if i + 1 < len(pieces) else pieces[i] for i in range(0, len(pieces), 2)]
    codes, texts = pieces[0]
    return texts[codes]


def score_chunk(ins, program, frame, seen):
    """The output rows of one chunk of records (each a line without its line break), and how
    many records were rejected."""
    n = len(frame)
    slots = Slots(len(ins.items) + len(ins.scored), n)
    valid = np.ones(n, dtype=bool)

    # Cells to slots, one distinct value at a time.
    given = {}
    for slot, item in enumerate(ins.items):
        if item.id in frame.columns:
            cells, codes = distinct(frame[item.id])
            parsed = [parse_cell(c, item) for c in cells]
            ok = np.array([p is not None for p in parsed] or [True])
            parsed = [p or (UNANSWERED, 0.0, -1, 0) for p in parsed] or [(UNANSWERED, 0.0, -1, 0)]
            valid &= ok[codes]
            given[slot] = (
                take([p[0] for p in parsed], codes, np.uint8),
                take([p[1] for p in parsed], codes, np.float64),
                take([p[2] for p in parsed], codes, np.int32),
                take([p[3] for p in parsed], codes, np.uint64),
            )
        else:
            given[slot] = (
                np.zeros(n, dtype=np.uint8), np.zeros(n), np.full(n, -1, np.int32), np.zeros(n, np.uint64)
            )

    # The show_if walk (ShowIfWalk.swift): items in the order asked; a section's show_if is
    # read when its first item comes; false hides, missing shows. An answer to a hidden
    # question is a reject.
    section_hidden = np.zeros(n, dtype=bool)
    current_section = -1
    for slot, item in enumerate(ins.items):
        if item.section != current_section:
            current_section = item.section
            c = program.section_show_if[item.section]
            if c is None:
                section_hidden = np.zeros(n, dtype=bool)
            else:
                v, m = full(condition(c.root, slots, False), n)
                section_hidden = ~v & ~m
        hidden = section_hidden
        if program.item_show_if[slot] is not None:
            v, m = full(condition(program.item_show_if[slot].root, slots, False), n)
            hidden = hidden | (~v & ~m)
        state, num, code, bits = given[slot]
        valid &= ~(hidden & (state != UNANSWERED))
        # Parsed cells are already in slot form (0, -1 and no bits unless answered), and a
        # hidden item has an empty cell or is rejected, so only the state changes.
        slots.state[slot] = np.where(hidden, np.uint8(NOT_APPLICABLE), state)
        slots.number[slot], slots.code[slot], slots.bits[slot] = num, code, bits

    # Her priorities: need ids joined by ';' (empty parts dropped), at most three, each once.
    need_index = {need.id: j for j, need in enumerate(ins.needs)}
    priorities = np.full((n, 3), -1, dtype=np.int64)
    if "_priorities" in frame.columns:
        cells, codes = distinct(frame["_priorities"])
        lists = [[p for p in c.split(";") if p] for c in cells]
        ok = [len(l) <= 3 and len(set(l)) == len(l) and all(p in need_index for p in l) for l in lists]
        table = np.full((max(len(lists), 1), 3), -1, dtype=np.int64)
        for r, l in enumerate(lists):
            if ok[r]:
                table[r, : len(l)] = [need_index[p] for p in l]
        valid &= np.array(ok or [True])[codes]
        priorities = table[codes]

    ids = frame["record_id"]
    valid &= (ids != "").to_numpy()

    # Scores, in an order where score(x) is known before it is used.
    base = len(ins.items)
    assessed = [None] * len(ins.scored)
    score_value = [None] * len(ins.scored)
    band_index = [None] * len(ins.scored)
    for k in program.order:
        s, e = ins.scored[k], program.scores[k]
        applicable = np.zeros(n, dtype=np.int64)
        missing = np.zeros(n, dtype=np.int64)
        for slot in e.items:
            st = slots.state[slot]
            applicable += st != NOT_APPLICABLE
            missing += (st != ANSWERED) & (st != NOT_APPLICABLE)
        v, m = full(number(e.root, slots, False), n)
        value = np.array(v, dtype=np.float64)
        ok = (missing == 0) & ~m
        some_missing = missing > 0
        if some_missing.any():
            # Prorated: (expression with missing items read as 0) × applicable ÷ answered, capped at max.
            vz, mz = full(number(e.root, slots, True), n)
            answered = applicable - missing
            with np.errstate(all="ignore"):
                prorated = vz * applicable.astype(np.float64) / np.where(answered > 0, answered, 1).astype(np.float64)
            capped = np.where(s.max < prorated, s.max, prorated)  # Swift.min(prorated, max)
            use = some_missing & (missing <= s.max_declined) & (answered > 0) & ~mz
            value = np.where(use, capped, value)
            ok = ok | use
        ok &= np.isfinite(value)
        band = np.zeros(n, dtype=np.int32)
        for i, bound in enumerate(s.band_bounds):  # the last band whose lower bound it reaches
            band = np.where(value >= bound, np.int32(i), band)
        assessed[k], score_value[k], band_index[k] = ok, value, band
        slots.set(base + k, np.where(ok, np.uint8(ANSWERED), np.uint8(UNANSWERED)), value, band, np.uint64(0))

    # Rules, in three-valued logic: only true fires.
    def fires(compiled):
        if compiled is None:
            return np.zeros(n, dtype=bool)
        v, m = full(condition(compiled.root, slots, False), n)
        return v & ~m

    def stack(columns):
        return np.stack(columns, axis=1) if columns else np.zeros((n, 0), dtype=bool)

    safeguarding = stack([fires(c) for c in program.safeguarding])
    flags = stack([fires(c) for c in program.responsivity])
    urgent = stack([fires(c) for c in program.urgent_if])
    lynchpins, her_view = rank(ins, program, slots, assessed, score_value, band_index, priorities, urgent)

    # A record_id repeated among the first 250,000 records read is a reject (after the
    # other checks, as in BatchRunner).
    window = min(max(DUPLICATE_WINDOW - seen.read, 0), n)
    if window:
        head = ids.iloc[:window][valid[:window]]
        repeated = head.duplicated(keep="first").to_numpy() | head.isin(seen.ids).to_numpy()
        positions = np.flatnonzero(valid[:window])
        valid[positions[repeated]] = False
        seen.ids = seen.ids.append(pd.Index(head[~repeated].to_numpy(dtype=object)))
    seen.read += n

    # The output row (BatchColumns.swift): each group of cells is one piece of text,
    # starting with its comma, made once per distinct value and spread to the records.
    keep = valid
    kept = int(keep.sum())
    pieces = [(np.arange(kept), quote_cells(ids.to_numpy(dtype=object)[keep]))]
    pieces.append((np.zeros(kept, dtype=np.int64), np.array(["," + quote_cell(ins.id) + "," + quote_cell(ins.version)], dtype=object)))
    for k, s in enumerate(ins.scored):
        pieces.append(score_cells(score_value[k][keep], assessed[k][keep], s))
    need_ids = [need.id for need in ins.needs]
    lists = [
        (lynchpins, need_ids),
        (np.where(urgent, np.arange(len(ins.needs)), -1), need_ids),
        (np.where(safeguarding, np.arange(len(ins.safeguarding)), -1), [r for r, _ in ins.safeguarding]),
        (np.where(flags, np.arange(len(ins.responsivity)), -1), [r for r, _ in ins.responsivity]),
        (her_view, need_ids),
    ]
    for matrix, names in lists:
        pieces.append(join_sequences(matrix[keep], names, prefix=","))
    return join_pieces(pieces, kept), int((~valid).sum())


def quote_cell(cell):
    """BatchColumns.csvCell: quoted when it holds a comma, a quote or a line break."""
    if any(c in cell for c in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def quote_cells(cells):
    """quote_cell over a column; only record ids that need it are touched."""
    series = pd.Series(cells, dtype=object)
    needs = series.str.contains('[,"\\n\\r]', regex=True).to_numpy(dtype=bool)
    if needs.any():
        cells = cells.copy()
        cells[needs] = np.array([quote_cell(c) for c in cells[needs]], dtype=object)
    return cells


def score_cells(values, assessed, s):
    """',score,band,status' for one need or strength, as a piece (see join_pieces): the band
    follows from the score, so each distinct score is formatted once; not assessed is
    ',,,not_assessed'."""
    codes = np.zeros(len(values), dtype=np.int64)
    texts = [",,,not_assessed"]
    if assessed.any():
        unique, inverse = np.unique(values[assessed], return_inverse=True)
        codes[assessed] = inverse.reshape(-1) + 1
        for v in unique:
            band = 0
            for i, bound in enumerate(s.band_bounds):
                if v >= bound:
                    band = i
            texts.append(f",{format_number(float(v))},{s.band_names[band]},assessed")
    return codes, np.array(texts, dtype=object)


def _score_refs(e, ins):
    """The scores an expression uses through score()/band(), each once, in order."""
    out = []

    def walk(node):
        if node.kind in ("score", "band"):
            k = node.parts[0] - len(ins.items)
            if k not in out:
                out.append(k)
        for part in node.parts:
            if isinstance(part, Typed):
                walk(part)
            elif isinstance(part, list):
                for p in part:
                    if isinstance(p, Typed):
                        walk(p)

    walk(e)
    return out


def rank(ins, program, slots, assessed, score_value, band_index, priorities, urgent):
    """The lynch-pin ranking (LynchpinRanker.swift, DriverGraph.swift, StrongestPaths.swift)
    and where her view differs (HerView.swift), for every record at once."""
    need_count = len(ins.needs)
    n = slots.n
    if need_count == 0:
        return np.zeros((n, 0), np.int64), np.zeros((n, 0), np.int64)
    present = [assessed[j] & (band_index[j] > 0) for j in range(need_count)]
    severity = [
        np.where(present[j], score_value[j] / ins.needs[j].max, 0.0) if ins.needs[j].max > 0 else np.zeros(n)
        for j in range(need_count)
    ]

    # Active driver edges among present needs; parallel edges keep the largest weight.
    index = {need.id: j for j, need in enumerate(ins.needs)}
    weights = {}
    for (source, target, weight, _), when in zip(ins.drivers, program.drivers):
        if source not in index or target not in index or index[source] == index[target]:
            continue
        u, v = index[source], index[target]
        active = present[u] & present[v]
        if when is not None:
            c, m = full(condition(when.root, slots, False), n)
            active = active & c & ~m
        best = weights.get((u, v), np.zeros(n))
        weights[(u, v)] = np.where(active & (weight > best), weight, best)
    edges = sorted(weights.items())  # by source, then target, as DriverGraph sorts them

    # Strongest paths from each need: rounds of relaxation, in edge order, strict
    # improvements only. Extra rounds change nothing once a record has settled, so all
    # records share the rounds and stop when no record changes.
    present_count = np.sum(present, axis=0)
    rounds = int(max(present_count.max() - 1, 0))
    influence = []
    for j in range(need_count):
        product = [np.zeros(n) for _ in range(need_count)]
        product[j] = np.ones(n)
        for _ in range(rounds):
            changed = False
            for (u, v), w in edges:
                if v == j:
                    continue
                candidate = product[u] * w
                better = candidate > product[v]
                if better.any():
                    product[v] = np.where(better, candidate, product[v])
                    changed = True
            if not changed:
                break
        total = severity[j].copy()
        for t in range(need_count):  # the needs reached, in index order
            if t != j:
                reached = product[t] > 0
                total = np.where(reached, total + severity[t] * product[t], total)
        influence.append(total)

    # Order: influence (rounded to 9 decimals) highest first, then her priority order, then
    # severity (rounded), then instrument order; needs that are not present go last.
    present_m = np.stack(present, axis=1)
    influence_m = np.stack(influence, axis=1)
    severity_m = np.stack(severity, axis=1)
    priority_m = np.full((n, need_count), 99, dtype=np.int64)
    rows = np.arange(n)
    for p in (2, 1, 0):  # the first mention wins
        named = priorities[:, p] >= 0
        priority_m[rows[named], priorities[named, p]] = p
    order = np.lexsort(
        (
            np.broadcast_to(np.arange(need_count), (n, need_count)),
            -rounded9(severity_m),
            priority_m,
            -rounded9(influence_m),
            ~present_m,
        ),
        axis=-1,
    )
    ranked_present = np.take_along_axis(present_m, order, axis=1)
    ranked_influence = rounded9(np.take_along_axis(influence_m, order, axis=1))
    threshold = rounded9(ranked_influence[:, 0] * 0.95)
    is_lynchpin = ranked_present & (ranked_influence >= threshold[:, None])
    is_lynchpin[:, 0] = ranked_present[:, 0]
    lynchpins = np.where(is_lynchpin, order, -1)

    # Her view differs: each need she names that is neither tier 0 nor in the top three, in
    # her order; then each lynch-pin she does not name. Nothing when she names none.
    top3 = np.where(ranked_present[:, :3], order[:, :3], -1)
    her = []
    for p in range(3):
        need = priorities[:, p]
        named = need >= 0
        safe = np.where(named, need, 0)
        in_tier0 = urgent[rows, safe]
        in_top = (top3 == need[:, None]).any(axis=1)
        her.append(np.where(named & ~in_tier0 & ~in_top, need, -1))
    has_priorities = priorities[:, 0] >= 0
    for pos in range(need_count):
        need = order[:, pos]
        named = (priorities == need[:, None]).any(axis=1)
        her.append(np.where(has_priorities & is_lynchpin[:, pos] & ~named, need, -1))
    return lynchpins, np.stack(her, axis=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instrument")
    parser.add_argument("input")
    parser.add_argument("--out", required=True)
    parser.add_argument(
        "--chunk", type=int, default=100_000,
        help="records scored at a time (memory grows with it; the output does not change)")
    args = parser.parse_args()
    started = time.perf_counter()
    ins = Instrument(args.instrument)
    program = Program(ins)
    check_header(args.input, ins)
    seen = Seen()
    read = scored = rejected = 0
    timings = {"read": 0.0, "score": 0.0, "write": 0.0}
    columns = output_header(ins)
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(quote_cell(c) for c in columns) + "\n")
        # Every cell as text (no NA guessing); in chunks, so memory stays flat.
        reader = pd.read_csv(
            args.input, dtype=str, keep_default_na=False, na_filter=False, engine="c", chunksize=args.chunk
        )
        clock = time.perf_counter()
        for frame in reader:
            now = time.perf_counter()
            timings["read"] += now - clock
            lines, bad = score_chunk(ins, program, frame, seen)
            clock = time.perf_counter()
            timings["score"] += clock - now
            if len(lines):
                out.write("\n".join(lines.tolist()) + "\n")
            now = time.perf_counter()
            timings["write"] += now - clock
            clock = now
            read += len(frame)
            rejected += bad
            scored += len(lines)
    print(
        f"{read} records read: {scored} scored, {rejected} rejected in {time.perf_counter() - started:.2f} s "
        f"(reading {timings['read']:.2f} s, scoring {timings['score']:.2f} s, writing {timings['write']:.2f} s)",
        file=sys.stderr,
    )


def output_header(ins):
    """The header cells (BatchColumns.header)."""
    header = ["record_id", "instrument", "version"]
    for s in ins.scored:
        header += [f"{s.id}_score", f"{s.id}_band", f"{s.id}_status"]
    return header + ["lynchpins", "tier0", "safeguarding", "flags", "her_view_differs"]


if __name__ == "__main__":
    main()
