import AssessmentEngine
import QuestionnaireDSL
import Testing

@Suite struct ResponseBuilderTests {
    static let text = Fixture.instrument(
        """
        scales:
          frequency:
            - {code: never, label: Never, value: 0}
            - {code: sometimes, label: Sometimes, value: 1}
            - {code: often, label: Often, value: 3}
        sections:
          - id: home
            title: Home
            items:
              - {id: has_partner, prompt: Do you have a partner?, type: yes_no}
              - {id: low_mood, prompt: How often do you feel low?, type: scale, scale: frequency}
              - {id: children, prompt: How many children?, type: number, min: 0, max: 20}
              - id: reasons
                prompt: What is behind it?
                type: multi_choice
                options: [{code: partner, label: Partner}, {code: grief, label: Grief}, {code: money, label: Money}]
              - {id: notes, prompt: Anything else?, type: text}
          - id: partner
            title: Your partner
            show_if: has_partner
            items:
              - {id: afraid, prompt: Are you afraid of your partner?, type: yes_no}
              - {id: threatened, prompt: Has your partner threatened you?, type: yes_no, show_if: afraid}
        needs:
          - id: mood
            title: Mood
            target: mental_health
            score: low_mood + afraid * 3
            max: 6
            bands: {none: 0, some: 1}
        """)

    @Test func everyItemGetsAnExplicitState() throws {
        let compiled = try Fixture.compile(Self.text)
        let answers = Fixture.answers([
            "has_partner": .boolean(true), "low_mood": .code("often"), "children": .number(2),
            "reasons": .codes(["partner", "money"]), "notes": .text("likes gardening"), "afraid": .declined,
        ])
        let (responses, diagnostics) = ResponseBuilder(compiled).build(answers)
        #expect(diagnostics.isEmpty)
        let slots = responses.slots
        #expect(slots.count == compiled.slotCount)
        #expect(slots[0] == .boolean(true))
        #expect(slots[1] == .choice(index: 2, value: 3), "a code gives the option's index and value")
        #expect(slots[2] == .number(2))
        #expect(slots[3] == .set(0b101), "bit i for option i")
        #expect(slots[4].state == .answered && responses.texts[4] == "likes gardening")
        #expect(slots[5] == .declined)
        #expect(slots[6].state == .unanswered, "a show_if that is missing shows the item; unanswered, it is missing")
        #expect(slots[compiled.needSlot(0)].state == .unanswered, "scores start unanswered")
    }

    @Test func hiddenSectionsAndItemsAreNotApplicable() throws {
        let compiled = try Fixture.compile(Self.text)
        let (responses, diagnostics) = ResponseBuilder(compiled).build(
            Fixture.answers(["has_partner": .boolean(false), "low_mood": .dontKnow]))
        #expect(diagnostics.isEmpty)
        #expect(responses.slots[1] == .dontKnow)
        #expect(responses.slots[5] == .notApplicable)
        #expect(responses.slots[6] == .notApplicable)

        let (second, _) = ResponseBuilder(compiled).build(
            Fixture.answers(["has_partner": .boolean(true), "afraid": .boolean(false)]))
        #expect(second.slots[5] == .boolean(false))
        #expect(second.slots[6] == .notApplicable, "its own show_if is false")
    }

    @Test func answeringAHiddenItemIsADiagnosticAtTheEntry() throws {
        let compiled = try Fixture.compile(Self.text)
        let answers = [
            AnswerEntry(item: "has_partner", value: .boolean(false), location: .init(line: 1, column: 14)),
            AnswerEntry(item: "afraid", value: .boolean(true), location: .init(line: 2, column: 9)),
        ]
        let (responses, diagnostics) = ResponseBuilder(compiled).build(answers, file: "a.yaml")
        #expect(responses.slots[5] == .notApplicable, "the answer is left out")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .invalidValue)
        #expect(
            diagnostic.message
                == "'afraid' is not asked when 'has_partner' is false (the show_if of the section 'partner')")
        #expect(diagnostic.file == "a.yaml")
        #expect(diagnostic.location == QuestionnaireDSL.SourceLocation(line: 2, column: 9))

        let (_, more) = ResponseBuilder(compiled).build(
            Fixture.answers(["has_partner": .boolean(true), "afraid": .boolean(false), "threatened": .boolean(true)]))
        #expect(more.map(\.message) == ["'threatened' is not asked when 'afraid' is false"])
    }

    @Test func badValuesAreDiagnosticsNeverCrashes() throws {
        let compiled = try Fixture.compile(Self.text)
        let answers = Fixture.answers([
            "low_mood": .code("always"), "children": .number(40), "reasons": .codes(["partner", "gref"]),
            "has_partner": .code("yes"), "nobody": .boolean(true), "notes": .text("x"), "notes": .text("y"),
        ])
        let (responses, diagnostics) = ResponseBuilder(compiled).build(answers, priorities: ["mood", "moood"])
        #expect(
            diagnostics.map(\.message) == [
                "the answers name the item 'nobody', which does not exist",
                "'notes' is answered twice",
                "the answer to 'has_partner' should be yes or no",
                "'always' is not one of the options of 'low_mood'",
                "the answer to 'children' is 40, above its maximum 20",
                "'gref' is not one of the options of 'reasons'",
                "her priorities name 'moood', which is not a need",
            ])
        #expect(diagnostics[5].hint == "did you mean 'grief'?")
        #expect(responses.slots[1].state == .unanswered)
        #expect(responses.priorities == ["mood"])
    }

    @Test func numbersPickOptionsByValue() throws {
        let compiled = try Fixture.compile(Self.text)
        let (responses, diagnostics) = ResponseBuilder(compiled).build(Fixture.answers(["low_mood": .number(3)]))
        #expect(diagnostics.isEmpty)
        #expect(responses.slots[1] == .choice(index: 2, value: 3))
    }

    @Test func answersReadFromAFileKeepTheirPriorities() throws {
        let compiled = try Fixture.compile(Self.text)
        let (answers, priorities) = Fixture.readAnswers(
            "{has_partner: yes, low_mood: sometimes, reasons: [grief], _priorities: [mood]}", for: compiled)
        let (responses, diagnostics) = ResponseBuilder(compiled).build(answers, priorities: priorities)
        #expect(diagnostics.isEmpty)
        #expect(responses.priorities == ["mood"])
        #expect(
            ItemAnswer(compiled.items[3], slot: 3, in: responses)
                == ItemAnswer(item: "reasons", state: "answered", value: "grief"))
        #expect(ItemAnswer(compiled.items[5], slot: 5, in: responses).state == "unanswered")
    }
}
