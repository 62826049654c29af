"""Crash safety: kill -9 the interview at random points, resume, and lose nothing.

Each run answers the women's needs instrument with a seeded chooser, is killed with
SIGKILL after a random number of lines (sometimes the instant after a line is sent,
before the interview has shown anything more), then resumed to the end. Every answer
confirmed before the kill must be in the store, and the final result must equal that of
an uninterrupted interview with the same answers.
"""
import random
import signal
import time
import unittest

from interview_driver import (WOMENS_NEEDS, Chooser, answered_count, drive, export, finish, flat, new_store,
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


if __name__ == "__main__":
    unittest.main()
