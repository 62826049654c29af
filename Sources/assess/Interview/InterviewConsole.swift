import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

/// Runs an interview at the terminal: shows the session's current step, reads a line,
/// hands it to the session, and writes every new event to the journal before showing
/// the next step, so that stopping at any moment loses nothing.
struct InterviewConsole {
    var session: InterviewSession
    let journal: SessionJournal
    let id: String
    let out: ConsoleText
    /// How to carry on later, said when pausing.
    let resumeHint: String
    /// How many of the session's events are already in the journal.
    var written: Int
    private var lastSection: String?

    init(session: InterviewSession, journal: SessionJournal, id: String, out: ConsoleText, resumeHint: String) {
        self.session = session
        self.journal = journal
        self.id = id
        self.out = out
        self.resumeHint = resumeHint
        self.written = session.events.count
    }

    /// Runs until the interview is finished, ended or paused.
    mutating func run() throws -> ExitCode {
        InterruptGuard.install(message: pauseMessage)
        while true {
            let screen = session.current
            if !screen.alerts.isEmpty {
                guard try acknowledge(screen.alerts) else { return pause() }
                continue
            }
            switch screen.step {
            case .introduction(let text):
                guard try introduce(text) else { return pause() }
            case .consent(let question):
                guard try askConsent(question) else { return pause() }
            case .question(let question):
                guard try ask(question) else { return pause() }
            case .priorities(let question, let needs):
                guard try askPriorities(question, needs) else { return pause() }
            case .summary:
                guard try summarise() else { return pause() }
            case .finished:
                out.gap()
                out.say(out.bold("Finished, and saved as session \(id)."))
                out.say("For a report to go through with her: assess report \(id) --format html --out report.html")
                return ExitCodes.success
            case .endedWithoutConsent(let message):
                out.gap()
                out.say(message)
                return ExitCodes.success
            }
        }
    }

    // MARK: - Steps

    private mutating func introduce(_ text: String) throws -> Bool {
        out.gap()
        if !text.isEmpty { out.say(text) }
        out.gap()
        out.say("Press Enter to go on (p to pause).")
        while true {
            guard let line = out.read() else { return false }
            if line.trimmingCharacters(in: .whitespaces).lowercased() == "p" { return false }
            return try carryOn { s throws(InterviewProblem) in try s.begin() }
        }
    }

    private mutating func askConsent(_ question: String) throws -> Bool {
        out.gap()
        out.say(out.bold(question))
        out.say("1. Yes, go ahead", indent: 2)
        out.say("2. No, not today", indent: 2)
        while true {
            out.prompt()
            guard let line = out.read() else { return false }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "1", "y", "yes": return try carryOn { s throws(InterviewProblem) in try s.consent(true) }
            case "2", "n", "no": return try carryOn { s throws(InterviewProblem) in try s.consent(false) }
            case "p": return false
            default: gently("Please type 1 to go ahead or 2 to stop here.")
            }
        }
    }

    private mutating func ask(_ question: InterviewQuestion) throws -> Bool {
        QuestionView(question: question, out: out).show(newSection: question.sectionTitle != lastSection)
        lastSection = question.sectionTitle
        while true {
            out.prompt()
            guard let line = out.read() else { return false }
            let input: InterviewInput
            do {
                input = try InterviewInput.parse(line, at: question)
            } catch {
                gently(error.message)
                return true
            }
            switch input {
            case .why:
                let purpose = (try? session.why()) ?? InterviewSession.defaultPurpose
                out.say(out.dim("Why we ask: ") + purpose, indent: 2)
            case .review:
                showReview()
            case .note:
                guard let saved = try addNote() else { return false }
                if saved { out.say("Note saved.", indent: 2) }
            case .pause:
                return false
            case .decline:
                return try carryOn { s throws(InterviewProblem) in try s.decline() }
            case .dontKnow:
                return try carryOn { s throws(InterviewProblem) in try s.dontKnow() }
            case .back:
                return try carryOn { s throws(InterviewProblem) in try s.back() }
            case .skipSection:
                return try carryOn { s throws(InterviewProblem) in try s.skipSection() }
            case .answer(let value):
                return try carryOn { s throws(InterviewProblem) in try s.answer(value) }
            }
        }
    }

    /// Asks for a note; nil at end of input, false when nothing was written.
    private mutating func addNote() throws -> Bool? {
        out.say("Type the note (her own words in quotes if you like), then Enter:", indent: 2)
        out.prompt("note> ")
        guard let text = out.read() else { return nil }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            out.say("No note added.", indent: 2)
            return false
        }
        return try perform { s throws(InterviewProblem) in try s.note(text) }
    }

    private mutating func askPriorities(_ question: String, _ needs: [NeedChoice]) throws -> Bool {
        out.gap()
        out.say(out.bold("Her priorities"))
        out.say(question)
        for need in needs {
            out.say("\(need.number). \(need.title)" + (need.found ? "  (came up today)" : ""), indent: 2)
        }
        out.say(
            out.dim(
                "Type up to three numbers, most important first (for example: 3 1), or 0 for none. b back · p pause"))
        while true {
            out.prompt()
            guard let line = out.read() else { return false }
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            switch text {
            case "p": return false
            case "b": return try carryOn { s throws(InterviewProblem) in try s.back() }
            case "0", "none": return try carryOn { s throws(InterviewProblem) in try s.priorities([]) }
            case "": gently("Nothing was entered. Type the numbers she chooses, or 0 if she would rather not choose.")
            default:
                let numbers = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { Int($0) }
                let chosen = numbers.map { number in needs.first { $0.number == number }?.id }
                guard !chosen.isEmpty, chosen.allSatisfy({ $0 != nil }) else {
                    gently("Please use the numbers in the list, from 1 to \(needs.count).")
                    continue
                }
                return try carryOn { s throws(InterviewProblem) in try s.priorities(chosen.compactMap { $0 }) }
            }
        }
    }

    private mutating func summarise() throws -> Bool {
        let result = session.result(at: Date())
        out.gap()
        out.say(out.bold("Summary to talk through with her"))
        out.gap()
        out.write(out.wrapLines(TextReport(Report(result, instrument: session.compiled.instrument)).render()))
        if !session.alerts.isEmpty {
            out.gap()
            out.say(out.bold("Safeguarding raised today"))
            for alert in session.alerts {
                out.say("- \(alert.action) Done: \(alert.actionTaken ?? "not yet recorded").", indent: 2)
            }
        }
        out.gap()
        out.say(out.bold("What you agree to do next") + " (one line; both of your actions), then Enter:")
        var actions: String
        repeat {
            out.prompt("actions> ")
            guard let line = out.read() else { return false }
            actions = line.trimmingCharacters(in: .whitespaces)
            if actions.isEmpty { gently("Please write at least one agreed action, even \"none for now\".") }
        } while actions.isEmpty
        while true {
            out.say("When will you look at this again together? A date as year-month-day, for example 2027-01-31:")
            out.prompt("review date> ")
            guard let date = out.read() else { return false }
            let agreed = try perform { s throws(InterviewProblem) in try s.agree(actions: actions, reviewDate: date) }
            if agreed { return try carryOn { s throws(InterviewProblem) in try s.finish() } }
        }
    }

    // MARK: - Safeguarding

    /// Shows each alert not yet acknowledged and records what the worker did; false at end of input.
    private mutating func acknowledge(_ alerts: [InterviewAlert]) throws -> Bool {
        for alert in alerts {
            out.gap()
            out.say(out.alert("!!! SAFEGUARDING: for the worker, now"))
            out.say(out.alert(alert.action), indent: 2)
            out.say("Raised by the answer just given. Deal with this before going on; you decide whether to stop.")
            while true {
                out.say("What was done? This is recorded with the time. Type it, then Enter:")
                out.prompt("done> ")
                guard let line = out.read() else { return false }
                if try perform({ s throws(InterviewProblem) in try s.acknowledge(rule: alert.rule, actionTaken: line) })
                {
                    out.say("Recorded.", indent: 2)
                    break
                }
            }
        }
        return true
    }

    // MARK: - Helpers

    private func showReview() {
        let entries = session.review()
        out.gap()
        out.say(out.bold("Answers so far"))
        if entries.isEmpty { out.say("None yet.", indent: 2) }
        for entry in entries {
            let answer = entry.value ?? entry.state
            out.say(
                "- \(entry.prompt): \(answer)" + (entry.counted ? "" : " (no longer asked, not counted)"), indent: 2)
            for note in entry.notes { out.say("note: \(note)", indent: 6) }
        }
        out.gap()
    }

    /// Applies a command to the session and journals what it recorded; a problem with the
    /// input is shown gently and changes nothing (false).
    private mutating func perform(
        _ command: (inout InterviewSession) throws(InterviewProblem) -> Void
    ) throws -> Bool {
        do {
            try command(&session)
        } catch {
            gently(error.message)
            return false
        }
        try journalNewEvents()
        return true
    }

    /// ``perform(_:)``, then carry on whether or not the input was accepted: the loop shows
    /// the same step again after a gentle message, or the next one.
    private mutating func carryOn(
        _ command: (inout InterviewSession) throws(InterviewProblem) -> Void
    ) throws -> Bool {
        _ = try perform(command)
        return true
    }

    private mutating func journalNewEvents() throws {
        while written < session.events.count {
            let event = session.events[written]
            var failure: (any Error)?
            InterruptGuard.whileWriting {
                do {
                    try journal.append(event, to: id, at: Date())
                } catch {
                    failure = error
                }
            }
            if let failure {
                Terminal.error("error: \(failure)\nThe last answer was not saved. \(resumeHint)")
                throw ExitCodes.storeUnavailable
            }
            written += 1
        }
    }

    private func gently(_ message: String) {
        out.say(out.dim(message), indent: 2)
    }

    private var pauseMessage: String {
        "Paused. Everything so far is saved.\n\n\(resumeHint)"
    }

    private func pause() -> ExitCode {
        out.gap()
        out.say(pauseMessage)
        return ExitCodes.paused
    }
}
