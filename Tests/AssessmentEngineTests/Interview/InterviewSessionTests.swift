import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite("Interview session")
struct InterviewSessionTests {
    static let yaml = Fixture.instrument(
        """
          introduction: We talk about your life as a whole.
        sections:
          - id: about
            title: About you
            introduction: A few questions about you.
            items:
              - {id: name, prompt: What would you like us to call you?, type: text, required: true}
              - {id: has_partner, prompt: Do you have a partner?, type: yes_no}
              - id: afraid
                prompt: Are you afraid of your partner?
                purpose: So we can help you be safe.
                sensitive: true
                type: yes_no
                show_if: has_partner
              - {id: nights, prompt: Nights without a safe place this week, type: number, min: 0, max: 7}
          - id: home
            title: Home
            introduction: Now about your home.
            items:
              - id: housing
                prompt: Where are you living?
                type: choice
                options:
                  - {code: own, label: My own home}
                  - {code: nowhere, label: Nowhere arranged}
              - {id: worry, prompt: Do you worry about your home?, type: yes_no}
        needs:
          - id: relationships
            title: Relationships
            target: family_relationships
            score: afraid * 2
            max: 2
            bands: {low: 0, high: 1}
          - id: housing_need
            title: Housing
            target: resettlement
            score: nights + housing
            max: 8
            bands: {low: 0, high: 1}
        safeguarding:
          - id: afraid_now
            when: afraid
            action: Follow the domestic abuse procedure today.
        """)

    /// A session past consent, at the first question.
    static func started() throws -> InterviewSession {
        var session = InterviewSession(try Fixture.compile(yaml))
        try session.begin()
        try session.consent(true)
        return session
    }

    static func question(_ session: InterviewSession) throws -> InterviewQuestion {
        guard case .question(let question) = session.current.step else {
            Issue.record("expected a question, got \(session.current.step)")
            throw InterviewProblem.notNow("test")
        }
        return question
    }

    @Test func introductionThenConsentThenTheFirstQuestionWithItsSectionIntroduction() throws {
        var session = InterviewSession(try Fixture.compile(Self.yaml))
        #expect(session.current.step == .introduction("We talk about your life as a whole."))
        try session.begin()
        #expect(session.current.step == .consent(InterviewSession.consentQuestion))
        try session.consent(true)
        let question = try Self.question(session)
        #expect(question.id == "name")
        #expect(question.sectionIntroduction == "A few questions about you.")
        try session.answer(.text("Sam"))
        #expect(try Self.question(session).sectionIntroduction == nil)
    }

    @Test func consentRefusedEndsKindlyAndStoresNothing() throws {
        var session = InterviewSession(try Fixture.compile(Self.yaml))
        try session.begin()
        try session.consent(false)
        #expect(session.phase == .endedWithoutConsent)
        #expect(session.current.step == .endedWithoutConsent(InterviewSession.endedMessage))
        #expect(session.events == [.began, .consent(false)])
        #expect(session.answerEntries().isEmpty)
        #expect(session.responses().slots.allSatisfy { $0.state == .unanswered })
        #expect(throws: InterviewProblem.notNow("Answering")) { try session.answer(.text("Sam")) }
    }

    @Test func hiddenQuestionsAreSkipped() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        try session.answer(.boolean(false))
        #expect(try Self.question(session).id == "nights")
        #expect(session.responses().state(2) == .notApplicable)
    }

    @Test func progressCountsOnlyTheQuestionsShownNow() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        // has_partner is not answered yet, so the question about her partner still counts.
        #expect(
            try Self.question(session).progress == InterviewProgress(section: 1, sections: 2, question: 2, questions: 4)
        )
        try session.answer(.boolean(false))
        #expect(
            try Self.question(session).progress == InterviewProgress(section: 1, sections: 2, question: 3, questions: 3)
        )
        try session.answer(.number(0))
        let housing = try Self.question(session)
        #expect(housing.progress == InterviewProgress(section: 2, sections: 2, question: 1, questions: 2))
        #expect(housing.sectionIntroduction == "Now about your home.")
        #expect(housing.options.map(\.number) == [1, 2])
        #expect(housing.options.map(\.label) == ["My own home", "Nowhere arranged"])
    }

    @Test func backAndChangeHidesALaterQuestionWhoseAnswerIsKeptButNotScored() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        try session.answer(.boolean(true))
        try session.answer(.boolean(true))
        #expect(try Self.question(session).id == "nights")
        try session.back()
        #expect(try Self.question(session).id == "afraid")
        try session.back()
        let partner = try Self.question(session)
        #expect(partner.id == "has_partner")
        #expect(partner.previousAnswer == "yes")
        try session.answer(.boolean(false))
        #expect(try Self.question(session).id == "nights")

        #expect(session.responses().state(2) == .notApplicable)
        #expect(!session.answerEntries().map(\.item).contains("afraid"))
        let afraid = try #require(session.review().first { $0.item == "afraid" })
        #expect(afraid.value == "yes")
        #expect(!afraid.counted)
        #expect(afraid.state == "not_applicable")
        #expect(session.events.contains(.answered(item: "afraid", value: .boolean(true))))
        let result = session.result(at: Date(timeIntervalSince1970: 0))
        #expect(result.answers.first { $0.item == "afraid" }?.state == "not_applicable")
    }

    @Test func backFromTheFirstQuestionIsRefused() throws {
        var session = try Self.started()
        #expect(throws: InterviewProblem.nothingBefore) { try session.back() }
    }

    @Test func declineIsRefusedForARequiredQuestion() throws {
        var session = try Self.started()
        let before = session
        #expect(throws: InterviewProblem.required(item: "name")) { try session.decline() }
        #expect(throws: InterviewProblem.required(item: "name")) { try session.answer(.declined) }
        #expect(session == before)
        try session.answer(.text("Sam"))
        try session.decline()
        #expect(session.events.last == .declined(item: "has_partner"))
        #expect(session.responses().state(1) == .declined)
        // A declined has_partner may apply, so the question about her partner is asked.
        #expect(try Self.question(session).id == "afraid")
        try session.dontKnow()
        #expect(session.responses().state(2) == .dontKnow)
    }

    @Test(arguments: [
        (AnswerValue.number(9), InterviewProblem.outOfRange(9, min: 0, max: 7)),
        (.number(-1), .outOfRange(-1, min: 0, max: 7)),
        (.code("x"), .wrongKind(expected: "a number")),
        (.text(""), .empty),
    ])
    func invalidAnswersLeaveTheStateUnchanged(value: AnswerValue, problem: InterviewProblem) throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        try session.answer(.boolean(false))
        let before = session
        #expect(throws: problem) { try session.answer(value) }
        #expect(session == before)
        #expect(!problem.message.isEmpty)
    }

    @Test func anOptionThatDoesNotExistIsAGentleProblem() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        try session.answer(.boolean(false))
        try session.answer(.number(0))
        let before = session
        #expect(throws: InterviewProblem.notAnOption("house", count: 2)) { try session.answer(.code("house")) }
        #expect(InterviewProblem.notAnOption("9", count: 2).message.contains("from 1 to 2"))
        #expect(session == before)
    }

    @Test func whyShowsThePurposeOrAPlainDefault() throws {
        var session = try Self.started()
        #expect(try session.why() == InterviewSession.defaultPurpose)
        try session.answer(.text("Sam"))
        try session.answer(.boolean(true))
        #expect(try Self.question(session).hasPurpose)
        #expect(try session.why() == "So we can help you be safe.")
    }

    @Test func skipSectionLeavesTheRestUnansweredNotDeclined() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        try session.skipSection()
        #expect(try Self.question(session).id == "housing")
        #expect(session.events.last == .skipped(section: "about", items: ["has_partner", "afraid", "nights"]))
        let responses = session.responses()
        #expect(responses.state(1) == .unanswered)
        #expect(responses.state(3) == .unanswered)
        #expect(session.review().map(\.state) == ["answered", "unanswered", "unanswered", "unanswered"])
    }

    @Test func aSafeguardingAlertIsRaisedRightAfterTheAnswerAndAcknowledged() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        #expect(try session.answer(.boolean(true)).isEmpty)
        let raised = try session.answer(.boolean(true))
        let alert = InterviewAlert(
            rule: "afraid_now", action: "Follow the domestic abuse procedure today.", afterItem: "afraid")
        #expect(raised == [alert])
        #expect(session.current.alerts == [alert])
        #expect(session.events.suffix(2) == [.answered(item: "afraid", value: .boolean(true)), .alertRaised(alert)])

        try session.acknowledge(alert, actionTaken: "Safety plan made with her; IDVA referral offered.")
        #expect(session.current.alerts.isEmpty)
        // A rule that already fired is not raised again.
        try session.back()
        #expect(try session.answer(.boolean(true)).isEmpty)

        try session.answer(.number(0))
        try session.answer(.code("own"))
        try session.answer(.boolean(false))
        #expect(session.phase == .priorities)
        try session.priorities(["relationships"])
        guard case .summary(let alerts) = session.current.step else {
            Issue.record("expected the summary")
            return
        }
        #expect(alerts.map(\.actionTaken) == ["Safety plan made with her; IDVA referral offered."])
    }

    @Test func prioritiesAreValidated() throws {
        var session = try Self.started()
        try session.answer(.text("Sam"))
        try session.skipSection()
        try session.skipSection()
        #expect(session.phase == .priorities)
        guard case .priorities(_, let needs) = session.current.step else {
            Issue.record("expected her priorities")
            return
        }
        #expect(needs.map(\.id) == ["relationships", "housing_need"])
        #expect(throws: InterviewProblem.unknownNeed("housing")) { try session.priorities(["housing"]) }
        #expect(throws: InterviewProblem.repeatedNeed("relationships")) {
            try session.priorities(["relationships", "relationships"])
        }
        try session.priorities(["housing_need"])
        try session.finish()
        #expect(session.phase == .finished)
        #expect(session.current.step == .finished)
    }

    @Test func agreedActionsAndAReviewDateAreRecordedAfterTheSummary() throws {
        var session = try Self.started()
        #expect(throws: InterviewProblem.notNow("Agreeing actions")) {
            try session.agree(actions: "Call the housing team.", reviewDate: "2027-01-31")
        }
        try session.answer(.text("Sam"))
        try session.skipSection()
        try session.skipSection()
        try session.priorities([])
        #expect(throws: InterviewProblem.notADate("31/01/2027")) {
            try session.agree(actions: "Call the housing team.", reviewDate: "31/01/2027")
        }
        #expect(throws: InterviewProblem.notADate("2027-02-29")) {
            try session.agree(actions: "Call the housing team.", reviewDate: "2027-02-29")
        }
        #expect(throws: InterviewProblem.empty) { try session.agree(actions: " ", reviewDate: "2027-01-31") }
        try session.agree(actions: " Call the housing team together. ", reviewDate: "2028-02-29")
        try session.finish()
        #expect(session.agreement == Agreement(actions: "Call the housing team together.", reviewDate: "2028-02-29"))
        #expect(InterviewSession.replay(session.compiled, events: session.events).agreement == session.agreement)
    }

    @Test func notesAreKeptWithTheQuestion() throws {
        var session = try Self.started()
        try session.note("She asked to be called by her middle name.")
        #expect(throws: InterviewProblem.empty) { try session.note("  ") }
        #expect(try Self.question(session).notes == ["She asked to be called by her middle name."])
        try session.answer(.text("Sam"))
        #expect(session.review().first?.notes == ["She asked to be called by her middle name."])
    }

    @Test func replayingTheEventsGivesAnEqualSession() throws {
        var session = try Self.started()
        try session.note("Phone interview.")
        try session.answer(.text("Sam"))
        try session.answer(.boolean(true))
        let alerts = try session.answer(.boolean(true))
        try session.acknowledge(try #require(alerts.first), actionTaken: "Safety plan made.")
        try session.back()
        try session.back()
        try session.answer(.boolean(false))
        try session.dontKnow()
        try session.skipSection()
        #expect(session.phase == .priorities)
        try session.back()
        #expect(try Self.question(session).id == "housing")
        try session.answer(.code("nowhere"))
        try session.answer(.boolean(true))
        try session.priorities(["housing_need", "relationships"])

        for count in 0...session.events.count {
            let prefix = Array(session.events.prefix(count))
            let replayed = InterviewSession.replay(session.compiled, events: prefix)
            #expect(replayed.events == prefix)
            if count == session.events.count {
                #expect(replayed == session)
                #expect(replayed.current == session.current)
            }
        }
        let data = try JSONEncoder().encode(session.events)
        let decoded = try JSONDecoder().decode([InterviewEvent].self, from: data)
        #expect(InterviewSession.replay(session.compiled, events: decoded) == session)
    }
}
