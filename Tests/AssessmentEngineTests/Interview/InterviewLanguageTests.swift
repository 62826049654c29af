import AssessmentEngine
import QuestionnaireDSL
import Testing

@Suite("Interview language")
struct InterviewLanguageTests {
    static let yaml = Fixture.instrument(
        """
        sections:
          - id: about
            title: {en-GB: About you, cy: Amdanoch chi}
            items:
              - id: has_partner
                prompt: {en-GB: Do you have a partner?, cy: Oes gennych chi bartner?}
                type: yes_no
        needs: []
        """)

    @Test(arguments: [("cy", "Oes gennych chi bartner?"), ("fr", "Do you have a partner?")])
    func promptsAreShownInTheChosenLanguageOrTheInstruments(language: String, prompt: String) throws {
        var session = InterviewSession(try Fixture.compile(Self.yaml), language: language)
        try session.begin()
        try session.consent(true)
        guard case .question(let question) = session.current.step else {
            Issue.record("expected a question")
            return
        }
        #expect(question.prompt == prompt)
        #expect(question.progress == InterviewProgress(section: 1, sections: 1, question: 1, questions: 1))
    }
}
