"""Crash safety: kill -9 the interview at random points, resume, and lose nothing; kill -9
a batch run half-way, and find the earlier output as it was and nothing half-written.

Each run answers the women's needs instrument with a seeded chooser, is killed with
SIGKILL after a random number of lines (sometimes the instant after a line is sent,
before the interview has shown anything more), then resumed to the end. Every answer
confirmed before the kill must be in the store, and the final result must equal that of
an uninterrupted interview with the same answers.
"""
import os
import random
import signal
import subprocess
import tempfile
import time
import unittest

from interview_driver import (BINARY, WOMENS_NEEDS, Chooser, answered_count, drive, export, finish, flat, new_store,
                              session_id, spawn)

RUNS = 20
SEEDS = [11, 12, 13, 14]
COMPARED = ["answers", "needs", "strengths", "tier0", "safeguarding", "flags", "ranking", "lynchpins",
            "her_priorities", "her_view_differs", "unevaluated"]


def interview(store, seed, stop_after=None, kill_delay=0.0):
    """Runs one interview; returns (session id, questions confirmed before stopping)."""
    child = spawn(["interview", WOMENS_NEEDS, "--store", store])
    screens = []
    _, confirmed = drive(child, Chooser(seed), stop_after=stop_after, on_prompt=screens.append)
    sid = session_id(flat("".join(screens)))
    if stop_after is None:
        assert finish(child) == 0
    else:
        if kill_delay:
            time.sleep(kill_delay)
        child.kill(signal.SIGKILL)
        child.close(force=True)
    return sid, confirmed


def comparable(result):
    return {key: result.get(key) for key in COMPARED}


class CrashSafety(unittest.TestCase):
    def test_killed_interviews_resume_with_nothing_lost(self):
        rng = random.Random(20261123)
        baselines = {}
        for seed in SEEDS:
            store = new_store()
            sid, _ = interview(store, seed)
            baselines[seed] = comparable(export(store, sid))

        for run in range(RUNS):
            seed = SEEDS[run % len(SEEDS)]
            stop_after = rng.randint(1, 75)
            kill_delay = rng.choice([0.0, 0.0, 0.002, 0.02])
            with self.subTest(run=run, seed=seed, stop_after=stop_after, kill_delay=kill_delay):
                store = new_store()
                sid, confirmed = interview(store, seed, stop_after=stop_after, kill_delay=kill_delay)
                self.assertIsNotNone(sid)
                # Every answer the interview had moved on from is there (the last one sent
                # may or may not be, depending on when the kill landed).
                self.assertGreaterEqual(answered_count(store, sid), len(confirmed))

                resumed = spawn(["resume", sid, "--store", store])
                drive(resumed, Chooser(seed))
                self.assertEqual(finish(resumed), 0)
                self.assertEqual(comparable(export(store, sid)), baselines[seed])


def staged_size(pid, folder):
    """Bytes in the nameless file process `pid` is writing in `folder`, or None."""
    fds = f"/proc/{pid}/fd"
    for fd in os.listdir(fds):
        try:
            target = os.readlink(os.path.join(fds, fd))
            if target.startswith(folder + "/") and target.endswith("(deleted)"):
                return os.stat(os.path.join(fds, fd)).st_size
        except OSError:
            continue
    return None


class KilledBatchRun(unittest.TestCase):
    def test_a_killed_batch_run_leaves_the_earlier_output_and_nothing_else(self):
        records = subprocess.run([BINARY, "synth", WOMENS_NEEDS, "--count", "40000", "--seed", "8"],
                                 check=True, capture_output=True).stdout
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "scores.csv")
            subprocess.run([BINARY, "batch", WOMENS_NEEDS, "-", "--out", out], input=records[:200_000],
                           check=True, capture_output=True)
            with open(out, "rb") as f:
                earlier = f.read()
            # All the records, through a pipe left open so that the run cannot finish.
            child = subprocess.Popen([BINARY, "batch", WOMENS_NEEDS, "-", "--out", out], stdin=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
            try:
                child.stdin.write(records)
                child.stdin.flush()
                deadline = time.monotonic() + 60
                while (staged_size(child.pid, folder) or 0) < 4_000_000:
                    self.assertLess(time.monotonic(), deadline, "the run never wrote its rows")
                    time.sleep(0.02)
            finally:
                child.kill()
                child.wait()
                child.stdin.close()
            with open(out, "rb") as f:
                self.assertEqual(f.read(), earlier)
            self.assertEqual(os.listdir(folder), ["scores.csv"])


if __name__ == "__main__":
    unittest.main()
