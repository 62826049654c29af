import AssessmentEngine
import QuestionnaireDSL
import Testing

@Suite struct ScorerTests {
    /// Four 0–3 items; the need prorates up to two missing, the strength tolerates none.
    static let text = Fixture.instrument(
        """
        scales:
          frequency:
            - {code: never, label: Never, value: 0}
            - {code: sometimes, label: Sometimes, value: 1}
            - {code: often, label: Often, value: 2}
            - {code: always, label: Always, value: 3}
        sections:
          - id: mood
            title: Mood
            items:
              - {id: has_partner, prompt: Do you have a partner?, type: yes_no}
              - {id: a, prompt: A, type: scale, scale: frequency}
              - {id: b, prompt: B, type: scale, scale: frequency}
              - {id: c, prompt: C, type: scale, scale: frequency}
              - {id: d, prompt: D, type: scale, scale: frequency, show_if: has_partner}
        needs:
          - id: low_mood
            title: Low mood
            target: mental_health
            score: a + b + c + d
            max: 12
            bands: {none: 0, mild: 3, high: 8}
            missing: {max_declined: 2, method: prorate}
          - id: strict
            title: Strict
            target: other
            score: a + b
            max: 6
            bands: {none: 0, some: 2}
          - id: derived
            title: Derived
            target: other
            score: score(low_mood) / 2
            max: 6
            bands: {none: 0, some: 1}
        strengths:
          - id: coping
            title: Coping
            supports: [low_mood]
            score: 3 - a
            bands: {none: 0, some: 1, strong: 3}
        """)

    func outcomes(_ answers: KeyValuePairs<String, AnswerValue>) throws -> (
        needs: [ScoreOutcome], strengths: [ScoreOutcome], slots: [AnswerSlot]
    ) {
        let compiled = try Fixture.compile(Self.text)
        let responses = Fixture.scored(compiled, Fixture.answers(answers))
        let (needs, strengths) = Scorer(compiled).outcomes(responses.slots)
        return (needs, strengths, responses.slots)
    }

    @Test func fullyAnsweredScoresAreTheExpression() throws {
        let r = try outcomes([
            "has_partner": .boolean(true), "a": .code("often"), "b": .code("always"), "c": .number(1),
            "d": .code("never"),
        ])
        #expect(r.needs[0] == ScoreOutcome(status: .assessed, score: 6, band: 1, prorated: false, missingItems: []))
        #expect(r.needs[0].isPresent)
        #expect(r.needs[1].score == 5 && r.needs[1].band == 1)
        #expect(r.needs[2].score == 3, "score() sees the score written into its slot")
        #expect(r.strengths[0].score == 1 && r.strengths[0].band == 1)
        let compiled = try Fixture.compile(Self.text)
        #expect(r.slots[compiled.needSlot(0)] == .score(6, band: 1), "the score slot holds the score and band index")
    }

    @Test func hiddenItemsReadAsZeroAndAreNotMissing() throws {
        let r = try outcomes([
            "has_partner": .boolean(false), "a": .code("always"), "b": .code("always"), "c": .code("often"),
        ])
        #expect(r.needs[0] == ScoreOutcome(status: .assessed, score: 8, band: 2, prorated: false, missingItems: []))
    }

    @Test func declinedIsNeverZeroWithinTheAllowanceItIsProrated() throws {
        // a + c + d = 1 + 2 + 3 = 6 over 3 answered of 4 applicable: 6 × 4 ÷ 3 = 8.
        let r = try outcomes([
            "has_partner": .boolean(true), "a": .number(1), "b": .declined, "c": .number(2), "d": .number(3),
        ])
        let need = r.needs[0]
        #expect(need.status == .assessed && need.prorated)
        #expect(need.score == 8 && need.band == 2, "read as 0 it would be 6, band mild")
        #expect(need.missingItems == ["b"])
        #expect(r.needs[1].status == .notAssessed, "max_declined defaults to 0")
        #expect(r.needs[1].missingItems == ["b"])
        #expect(r.needs[2].score == 4, "a prorated score is a score for score()")
    }

    @Test func prorationIsUnroundedAndCappedAtMax() throws {
        // Hidden d: 3 applicable. a + c = 1 + 2 over 2 answered: 3 × 3 ÷ 2 = 4.5, unrounded.
        let r = try outcomes(["has_partner": .boolean(false), "a": .number(1), "b": .dontKnow, "c": .number(2)])
        #expect(abs(r.needs[0].score! - 4.5) < 1e-12)
        // a = 3, b, c missing, d = 3 over 2 answered of 4: 6 × 4 ÷ 2 = 12: exactly max.
        let capped = try outcomes(["has_partner": .boolean(true), "a": .number(3), "d": .number(3)])
        #expect(capped.needs[0].score == 12)
        #expect(capped.needs[0].missingItems == ["b", "c"], "unanswered counts as missing")
    }

    @Test func beyondTheAllowanceItIsNotAssessedNeverZero() throws {
        let r = try outcomes(["has_partner": .boolean(true), "a": .declined, "b": .dontKnow, "c": .number(0)])
        let need = r.needs[0]
        #expect(need.status == .notAssessed)
        #expect(need.score == nil && need.band == nil && !need.isPresent)
        #expect(need.missingItems == ["a", "b", "d"])
        let compiled = try Fixture.compile(Self.text)
        #expect(r.slots[compiled.needSlot(0)].state == .unanswered, "left unanswered so score() is missing")
        #expect(r.needs[2].status == .notAssessed)
        #expect(r.needs[2].notAssessedScores == ["low_mood"])
        #expect(r.strengths[0].status == .notAssessed)
    }

    @Test func nothingAnsweredIsNotAssessed() throws {
        let compiled = try Fixture.compile(
            Fixture.instrument(
                """
                sections:
                  - id: s
                    title: S
                    items:
                      - {id: x, prompt: X, type: number}
                needs:
                  - {id: n, title: N, target: other, score: x, max: 1, bands: {no: 0, yes: 1}, missing: {max_declined: 1}}
                """))
        let responses = Fixture.scored(compiled, Fixture.answers(["x": .declined]))
        #expect(Scorer(compiled).outcomes(responses.slots).needs[0].status == .notAssessed)
    }

    @Test func theBufferCanBeReusedRecordAfterRecord() throws {
        let compiled = try Fixture.compile(Self.text)
        let scorer = Scorer(compiled)
        let first = Fixture.scored(
            compiled,
            Fixture.answers(["has_partner": .boolean(false), "a": .number(3), "b": .number(3), "c": .number(3)]))
        let second = Fixture.scored(compiled, Fixture.answers(["a": .declined, "b": .declined, "c": .declined]))
        var buffer = first.slots
        for i in compiled.items.indices { buffer[i] = second.slots[i] }
        scorer.score(&buffer)
        #expect(buffer == second.slots, "every score slot is rewritten, including not assessed ones")
    }
}
