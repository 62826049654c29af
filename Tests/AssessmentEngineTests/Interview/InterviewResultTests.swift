import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite("Interview results")
struct InterviewResultTests {
    /// Feeds a test's answers through an interview in the order asked; nil when a question
    /// shown has no answer in the test.
    static func interview(_ compiled: CompiledInstrument, _ test: InstrumentTest) throws -> InterviewSession? {
        let answers = Dictionary(test.answers.map { ($0.item, $0.value) }, uniquingKeysWith: { a, _ in a })
        var session = InterviewSession(compiled)
        try session.begin()
        try session.consent(true)
        while case .question(let question) = session.current.step {
            guard let value = answers[question.id] else { return nil }
            try session.answer(value)
        }
        try session.priorities(test.priorities)
        return session
    }

    @Test func theResultEqualsScoringTheSameAnswersWithTheAssessor() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        let time = Date(timeIntervalSince1970: 1_750_000_000)
        var compared = 0
        for test in compiled.instrument.tests {
            guard let session = try Self.interview(compiled, test) else { continue }
            let (expected, diagnostics) = Assessor(compiled).assess(test.answers, priorities: test.priorities, at: time)
            guard diagnostics.isEmpty else { continue }
            #expect(session.result(at: time) == expected, "\(test.name)")
            #expect(Set(session.alerts.map(\.rule)) == Set(expected.safeguarding.map(\.id)), "\(test.name)")
            #expect(InterviewSession.replay(compiled, events: session.events) == session)
            compared += 1
        }
        #expect(compared >= 1)
    }

    @Test func aSafeguardingAlertIsRaisedRightAfterTheTriggeringAnswer() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        var session = InterviewSession(compiled)
        try session.begin()
        try session.consent(true)
        while case .question(let question) = session.current.step, question.id != "safe_tonight" {
            if question.id == "setting" {
                try session.answer(.code("community"))
            } else {
                try session.dontKnow()
            }
        }
        let raised = try session.answer(.code("not_safe"))
        #expect(raised.map(\.rule) == ["nowhere_safe_tonight"])
        #expect(session.current.alerts.map(\.afterItem) == ["safe_tonight"])
    }
}
