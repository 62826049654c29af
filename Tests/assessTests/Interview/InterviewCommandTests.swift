import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct InterviewCommandTests {
    typealias Script = InterviewScript

    /// Output with line wrapping undone: every run of white space as one space.
    func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func aPipedInterviewRunsToTheEndAndIsStored() throws {
        let store = Script.store()
        let run = try CLI.run(
            ["interview", Script.instrument, "--store", store, "--worker", "Sam", "--setting", "probation"],
            environment: ["NO_COLOR": "1", "COLUMNS": "60"], stdin: Script.opening + Script.dontKnowToTheEnd)
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(run.stdout.components(separatedBy: "Summary to talk through with her").last)
        for line in summary.split(separator: "\n") where !line.contains("/") {
            #expect(line.count <= 60, "the summary wraps to the terminal's width: \(line)")
        }
        #expect(flat(run.stdout).contains("Section 1 of"))
        #expect(flat(run.stdout).contains("Her priorities"))
        #expect(flat(run.stdout).contains("Summary to talk through with her"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour without a terminal")
        let id = try Script.sessionID(in: run.stdout)
        let stored = try SessionJournal(path: store).session(id)
        #expect(stored.status == .finished)
        #expect(stored.start.worker == "Sam" && stored.start.setting == "probation")
        #expect(stored.events.contains { $0.event == .dontKnow(item: "preferred_name") })
        #expect(
            stored.events.contains {
                $0.event == .agreed(actions: "Call the housing team together", reviewDate: "2027-01-31")
            })
        #expect(stored.start.instrumentText == (try String(contentsOfFile: Script.instrument, encoding: .utf8)))
    }

    @Test func withoutConsentTheInterviewEndsKindlyAndStoresNoAnswers() throws {
        let store = Script.store()
        let run = try CLI.run(["interview", Script.instrument, "--store", store], stdin: "\n2\n")
        #expect(run.status == 0)
        #expect(flat(run.stdout).contains(InterviewSession.endedMessage))
        let sessions = try SessionJournal(path: store).sessions()
        #expect(sessions.map(\.status) == [.endedWithoutConsent])
        #expect(sessions.map(\.answered) == [0])
    }

    @Test func invalidInputGetsAGentleMessageAndTheSameQuestionAgain() throws {
        let run = try CLI.run(
            ["interview", Script.instrument, "--store", Script.store()], stdin: Script.opening + "Sam\n9\nabc\n\n")
        #expect(run.status == 75)
        #expect(flat(run.stdout).contains("'9' is not one of the choices. Please pick a number from 1 to 2."))
        #expect(flat(run.stdout).contains("'abc' is not one of the choices."))
        #expect(flat(run.stdout).contains("Nothing was entered."))
        let question = "Are you living in the community at the moment, or are you in"
        #expect(flat(run.stdout).components(separatedBy: question).count - 1 == 4, "asked once, then again after each")
    }

    @Test func endOfInputPausesAndResumeFinishes() throws {
        let store = Script.store()
        let first = try CLI.run(["interview", Script.instrument, "--store", store], stdin: Script.opening + "Sam\n1\n")
        #expect(first.status == 75)
        #expect(flat(first.stdout).contains("Paused. Everything so far is saved."))
        let id = try Script.sessionID(in: first.stdout)
        #expect(flat(first.stdout).contains("To carry on: assess resume \(id) --store \(store)"))

        let second = try CLI.run(["resume", String(id.prefix(5)), "--store", store], stdin: Script.dontKnowToTheEnd)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(flat(second.stdout).contains("Carrying on session \(id): 2 questions answered so far."))
        let events = try SessionJournal(path: store).session(id).events.map(\.event)
        #expect(events.contains(.answered(item: "preferred_name", value: .text("Sam"))))
        #expect(events.contains(.answered(item: "setting", value: .code("community"))))
        #expect(events.last == .finished)

        let again = try CLI.run(["resume", id, "--store", store])
        #expect(again.status == 0)
        #expect(flat(again.stdout).contains("is already finished"))
    }

    @Test func resumeSaysWhenTheInstrumentFileChangedAndUsesTheStoredCopy() throws {
        let text = try String(contentsOfFile: Script.instrument, encoding: .utf8)
        let path = try CLI.temporaryFile(text)
        let store = Script.store()
        let first = try CLI.run(["interview", path, "--store", store], stdin: Script.opening)
        let id = try Script.sessionID(in: first.stdout)
        try (text + "\n# edited later\n").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try CLI.run(["resume", id, "--store", store], stdin: "")
        #expect(flat(changed.stdout).contains("has changed since this session began"))
        try FileManager.default.removeItem(atPath: path)
        let gone = try CLI.run(["resume", id, "--store", store], stdin: "")
        #expect(flat(gone.stdout).contains("is no longer there; carrying on with the copy stored"))
        #expect(gone.status == 75)
    }

    @Test func anUnknownSessionIsAPlainError() throws {
        let run = try CLI.run(["resume", "zzzzzzzz", "--store", Script.store()])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no session has the id 'zzzzzzzz'"))
        #expect(run.stderr.contains("hint: 'assess sessions list'"))
    }
}
