import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite("Interview results")
struct InterviewResultTests {
    /// Feeds a test's answers through an interview in the order asked, with "don't know" for
    /// a question shown that the test does not answer; returns the session and the answers given.
    static func interview(_ compiled: CompiledInstrument, _ test: InstrumentTest) throws
        -> (InterviewSession, [AnswerEntry])
    {
        let answers = Dictionary(test.answers.map { ($0.item, $0.value) }, uniquingKeysWith: { a, _ in a })
        var session = InterviewSession(compiled)
        var given: [AnswerEntry] = []
        try session.begin()
        try session.consent(true)
        while case .question(let question) = session.current.step {
            let value = answers[question.id] ?? .dontKnow
            given.append(
                AnswerEntry(item: question.id, value: value, location: .init(line: given.count + 1, column: 1)))
            try session.answer(value)
        }
        try session.priorities(test.priorities)
        return (session, given)
    }

    @Test func theResultEqualsScoringTheSameAnswersWithTheAssessor() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        let time = Date(timeIntervalSince1970: 1_750_000_000)
        var compared = 0
        for test in compiled.instrument.tests {
            let (session, given) = try Self.interview(compiled, test)
            let (expected, diagnostics) = Assessor(compiled).assess(given, priorities: test.priorities, at: time)
            #expect(diagnostics.isEmpty, "\(test.name): \(diagnostics)")
            if given.count == test.answers.count {
                // Every question shown was answered by the test: the same result as the test's own answers.
                #expect(Assessor(compiled).assess(test.answers, priorities: test.priorities, at: time).0 == expected)
            }
            #expect(session.result(at: time) == expected, "\(test.name)")
            #expect(Set(session.alerts.map(\.rule)) == Set(expected.safeguarding.map(\.id)), "\(test.name)")
            #expect(InterviewSession.replay(compiled, events: session.events) == session)
            compared += 1
        }
        #expect(compared == compiled.instrument.tests.count)
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
