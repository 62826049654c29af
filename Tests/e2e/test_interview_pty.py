"""End-to-end tests of `assess interview` in a real pseudo-terminal."""
import unittest

import pexpect

from interview_driver import (WOMENS_NEEDS, Chooser, PROMPT, drive, export, finish, flat, new_store, run,
                              session_id, spawn)


def start(store, env=None):
    child = spawn(["interview", WOMENS_NEEDS, "--store", store, "--worker", "Sam"], env=env)
    child.expect(r"Press Enter to go on")
    sid = session_id(child.before)
    child.sendline("")
    child.expect("Are you happy to go ahead")
    child.expect(PROMPT)
    child.sendline("1")
    child.expect("What would you like us to call you")
    child.expect(PROMPT)
    return child, sid


class InterviewInATerminal(unittest.TestCase):
    def test_a_whole_interview_finishes_and_its_result_is_stored(self):
        store = new_store()
        child = spawn(["interview", WOMENS_NEEDS, "--store", store, "--setting", "community"])
        screens = []
        drive(child, Chooser(seed=1), on_prompt=screens.append)
        self.assertEqual(finish(child), 0)
        text = flat("".join(screens))
        self.assertIn("Summary to talk through with her", text)
        sid = session_id(text)
        result = export(store, sid)
        self.assertEqual(result["instrument"]["id"], "womens-needs")
        self.assertGreater(len([a for a in result["answers"] if a["state"] == "answered"]), 20)
        self.assertTrue(result["lynchpins"] or all(not n["present"] for n in result["needs"]))

    def test_question_mark_shows_why_we_ask(self):
        child, _ = start(new_store())
        child.sendline("Sam")
        child.expect(PROMPT)
        child.sendline("1")
        child.expect("Would it help if I read the questions out")
        child.expect(PROMPT)
        child.sendline("?")
        child.expect(PROMPT)
        self.assertIn("Why we ask: So we can go through everything in the way that suits you best.",
                      flat(child.before))
        child.sendline("p")
        self.assertEqual(finish(child), 75)

    def test_decline_and_dont_know_are_recorded_as_such(self):
        store = new_store()
        child, sid = start(store)
        child.sendline("Sam")
        child.expect(PROMPT)
        child.sendline("k")
        child.expect("Is this the first time you have been in prison")  # unknown setting: asked
        child.expect(PROMPT)
        child.sendline("d")
        child.expect("Would it help if I read the questions out")
        child.expect(PROMPT)
        child.sendline("p")
        self.assertEqual(finish(child), 75)
        status, shown, _ = run(["sessions", "show", sid, "--store", store])
        self.assertEqual(status, 0)
        self.assertIn("setting: does not know", shown)
        self.assertIn("first_time_custody: prefers not to say", shown)

    def test_going_back_and_changing_an_answer_hides_a_later_question_again(self):
        child, _ = start(new_store())
        child.sendline("Sam")
        child.expect(PROMPT)
        child.sendline("2")  # in prison
        child.expect("Is this the first time you have been in prison")
        child.expect(PROMPT)
        child.sendline("1")
        child.expect("Would it help if I read")
        child.expect(PROMPT)
        child.sendline("b")
        child.expect("Is this the first time")
        child.expect(PROMPT)
        child.sendline("b")
        child.expect("Are you living in the community")
        child.expect(PROMPT)
        self.assertIn("Answer so far: In prison", flat(child.before))
        child.sendline("1")  # in the community
        index = child.expect(["Is this the first time", "Would it help if I read"])
        self.assertEqual(index, 1, "the prison question is hidden again")
        child.expect(PROMPT)
        child.sendline("r")
        child.expect(PROMPT)
        self.assertIn("Is this the first time you have been in prison?: yes (no longer asked, not counted)",
                      flat(child.before))
        child.sendline("p")
        self.assertEqual(finish(child), 75)

    def test_a_safeguarding_banner_appears_right_after_the_answer_that_raises_it(self):
        child = spawn(["interview", WOMENS_NEEDS, "--store", new_store()])
        chooser = Chooser(seed=7, decline_rate=0, dont_know_rate=0)
        while True:
            index = child.expect([r"Press Enter to go on", r"\n> ", r"done> "])
            screen = flat(child.before)
            if index == 0:
                child.sendline("")
            elif index == 2:
                self.fail("a banner before the question that raises it")
            elif "Are you happy to go ahead" in screen:
                child.sendline("1")
            elif "Do you have a partner" in screen or "Are you ever afraid of your partner" in screen:
                child.sendline("1")
            elif "has your partner or ex-partner hurt you" in screen:
                child.sendline("1")
                break
            else:
                child.sendline(chooser.answer(child.before))
        child.expect(r"done> ")
        between = flat(child.before)
        self.assertIn("SAFEGUARDING: for the worker, now", between)
        self.assertIn("domestic abuse procedure", between)
        self.assertNotIn("Question ", between, "no question comes between the answer and the banner")
        child.sendline("")
        child.expect(r"done> ")
        self.assertIn("Nothing was entered", flat(child.before))
        child.sendline("Risk assessment done with her; IDVA referral offered")
        child.expect("Recorded.")
        child.expect(PROMPT)
        child.sendline("p")
        self.assertEqual(finish(child), 75)

    def test_invalid_input_gets_a_gentle_message_and_the_same_question(self):
        child, _ = start(new_store())
        child.sendline("Sam")
        child.expect(PROMPT)
        for typed, message in [("9", "'9' is not one of the choices. Please pick a number from 1 to 2."),
                               ("abc", "'abc' is not one of the choices."),
                               ("", "Nothing was entered.")]:
            child.sendline(typed)
            child.expect(PROMPT)
            screen = flat(child.before)
            self.assertIn(message, screen)
            self.assertIn("Are you living in the community at the moment, or are you in prison?", screen)
        child.sendline("p")
        self.assertEqual(finish(child), 75)

    def test_ctrl_c_pauses_and_resume_finishes(self):
        store = new_store()
        child, sid = start(store)
        child.sendline("Sam")
        child.expect(PROMPT)
        child.sendline("1")
        child.expect("Would it help if I read")
        child.expect(PROMPT)
        child.sendintr()
        child.expect(pexpect.EOF)
        self.assertIn(f"To carry on: assess resume {sid} --store {store}", flat(child.before))
        child.close()
        self.assertEqual(child.exitstatus, 75)

        resumed = spawn(["resume", sid, "--store", store])
        resumed.expect("Carrying on session")
        resumed.expect("Would it help if I read")
        drive(resumed, Chooser(seed=3))
        self.assertEqual(finish(resumed), 0)
        result = export(store, sid)
        setting = next(a for a in result["answers"] if a["item"] == "setting")
        self.assertEqual(setting["value"], "community")

    def test_colour_in_a_terminal_and_none_with_no_color(self):
        coloured = spawn(["interview", WOMENS_NEEDS, "--store", new_store()])
        coloured.expect(r"Press Enter to go on")
        self.assertIn("\x1b[1m", coloured.before)
        coloured.sendline("p")
        finish(coloured)
        plain = spawn(["interview", WOMENS_NEEDS, "--store", new_store()], env={"NO_COLOR": "1"})
        plain.expect(r"Press Enter to go on")
        self.assertNotIn("\x1b[", plain.before)
        plain.sendline("p")
        finish(plain)

    def test_text_wraps_to_the_terminal_width(self):
        child = spawn(["interview", WOMENS_NEEDS, "--store", new_store()], width=50)
        child.expect(r"Press Enter to go on")
        lines = child.before.replace("\r", "").split("\n")
        self.assertTrue(all(len(line) <= 50 for line in lines), max(lines, key=len))
        child.sendline("p")
        finish(child)


if __name__ == "__main__":
    unittest.main()
