"""Drives the real `assess interview` binary in a pseudo-terminal, the way a worker would.

Answers are chosen from what the screen shows (numbered choices, number ranges, words),
deterministically from a seed and the question's own text, so that an interview that is
killed and resumed gives the same answers as one that is not.
"""
import hashlib
import json
import os
import random
import re
import subprocess
import tempfile
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ASSESS_BIN", str(ROOT / ".build" / "debug" / "assess"))
WOMENS_NEEDS = str(ROOT / "Instruments" / "womens-needs.yaml")

INTRO = r"Press Enter to go on \(p to pause\)\."
DONE = r"done> "
ACTIONS = r"actions> "
REVIEW = r"review date> "
NOTE = r"note> "
PROMPT = r"\n> "
PROMPTS = [INTRO, DONE, ACTIONS, REVIEW, NOTE, PROMPT, pexpect.EOF]


def new_store():
    """A store path in a fresh private temporary folder."""
    return str(Path(tempfile.mkdtemp(prefix="assess-e2e-")) / "sessions.sqlite")


def spawn(args, env=None, width=100):
    """Starts the binary in a pseudo-terminal."""
    environment = dict(os.environ)
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    child = pexpect.spawn(BINARY, args, env=environment, encoding="utf-8", timeout=30, dimensions=(50, width))
    child.delaybeforesend = None
    return child


def run(args):
    """Runs the binary without a terminal and returns (status, stdout, stderr)."""
    done = subprocess.run([BINARY] + args, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout, done.stderr


def flat(text):
    """Screen text with escape codes removed and white space runs as single spaces."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return " ".join(text.split())


def session_id(text):
    match = re.search(r"Session ([a-z0-9]{8})", text) or re.search(r"resume ([a-z0-9]{8})", text)
    return match.group(1) if match else None


def export(store, sid):
    status, out, err = run(["sessions", "export", sid, "--store", store, "--out", "-"])
    assert status == 0, err
    return json.loads(out)


def answered_count(store, sid):
    status, out, err = run(["sessions", "list", "--store", store, "--format", "json"])
    assert status == 0, err
    return next(s["answered"] for s in json.loads(out) if s["id"] == sid)


class Chooser:
    """Picks answers from the screen: the same question and seed always get the same answer."""

    def __init__(self, seed, decline_rate=0.05, dont_know_rate=0.05):
        self.seed = seed
        self.decline_rate = decline_rate
        self.dont_know_rate = dont_know_rate
        self.attempts = {}

    def rng(self, key):
        digest = hashlib.sha256(f"{self.seed}|{key}|{self.attempts.get(key, 0)}".encode()).digest()
        return random.Random(digest)

    def answer(self, screen):
        """The line to type at a `> ` prompt showing `screen`."""
        text = flat(screen)
        if "Are you happy to go ahead?" in text:
            return "1"
        if "Her priorities" in text:
            return "2 1"
        key = question_key(screen)
        question = text.split(" in this section ")[-1] if " in this section " in text else text
        self.attempts[key] = self.attempts.get(key, 0) + 1
        r = self.rng(key)
        left_before = "cannot be left" in text
        roll = r.random()
        if not left_before and self.attempts[key] == 1 and roll < self.decline_rate:
            return "d"
        if self.attempts[key] == 1 and roll < self.decline_rate + self.dont_know_rate:
            return "k"
        options = [int(n) for n in re.findall(r"(?:^|\s)(\d+)\. ", question)]
        if "(one or more numbers" in question and options:
            return " ".join(str(n) for n in r.sample(options, r.randint(1, min(3, len(options)))))
        if options:
            return str(r.choice(options))
        bounds = re.search(r"\(a number from (\d+) to (\d+)\)", question)
        if bounds:
            return str(r.randint(int(bounds.group(1)), int(bounds.group(2))))
        if "(a number" in question:
            return str(r.randint(0, 5))
        if "(a date" in question:
            return "2024-05-31"
        return "in her own words"


def question_key(screen):
    """The question a screen asks (its text, without the footer), or None for other prompts."""
    text = flat(screen)
    if " in this section " not in text:
        return None
    return text.split(" in this section ")[-1].split(" ? why we ask")[0]


def drive(child, chooser, stop_after=None, on_prompt=None):
    """Answers prompts until the interview ends, or until `stop_after` lines have been sent.

    Returns (lines sent, questions confirmed): a question is confirmed once a different
    prompt follows the line typed at it, by which time the interview has journalled it.
    """
    sent = 0
    confirmed = set()
    last_key = None
    while True:
        index = child.expect(PROMPTS)
        screen = child.before + (child.after if isinstance(child.after, str) else "")
        key = question_key(screen) if PROMPTS[index] == PROMPT else None
        if last_key is not None and key != last_key:
            confirmed.add(last_key)
        if PROMPTS[index] is pexpect.EOF:
            return sent, confirmed
        if stop_after is not None and sent >= stop_after:
            return sent, confirmed
        last_key = key
        if on_prompt:
            on_prompt(screen)
        pattern = PROMPTS[index]
        if pattern == INTRO:
            child.sendline("")
        elif pattern == DONE:
            child.sendline("Safety plan made with her; duty lead told")
        elif pattern == ACTIONS:
            child.sendline("She will call the council; I will refer her to the women's centre")
        elif pattern == REVIEW:
            child.sendline("2027-01-31")
        elif pattern == NOTE:
            child.sendline("a note")
        else:
            child.sendline(chooser.answer(screen))
        sent += 1


def finish(child):
    """Waits for the process to end and returns its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus
