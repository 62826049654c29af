import AssessmentEngine
import QuestionnaireDSL
import Testing

@Suite struct RuleEvaluatorTests {
    static let text = Fixture.instrument(
        """
        sections:
          - id: safety
            title: Safety
            items:
              - {id: has_partner, prompt: Do you have a partner?, type: yes_no}
              - {id: afraid, prompt: Are you afraid?, type: yes_no, show_if: has_partner}
              - {id: threatened, prompt: Threatened?, type: yes_no, show_if: has_partner}
              - {id: nights, prompt: Nights without a safe place, type: number}
        needs:
          - id: relationships
            title: Relationships
            target: family_relationships
            score: afraid * 2 + threatened * 2
            max: 4
            bands: {low: 0, high: 2}
            urgent_if: afraid and threatened
          - id: housing
            title: Housing
            target: resettlement
            score: nights
            max: 7
            bands: {low: 0, high: 1}
            urgent_if: nights >= 1
        responsivity:
          - id: trauma_first
            when: band(relationships) == 'high'
            advice: Offer one-to-one support first.
            supports: [relationships]
          - id: female_worker
            when: afraid or threatened
            advice: Offer a female worker.
            supports: [relationships, housing]
        safeguarding:
          - id: abuse_now
            when: afraid and threatened
            action: Follow the domestic abuse procedure today.
          - id: nowhere_tonight
            when: nights >= 1
            action: Find her somewhere safe to sleep tonight.
        """)

    func findings(_ answers: KeyValuePairs<String, AnswerValue>) throws -> RuleFindings {
        let compiled = try Fixture.compile(Self.text)
        return RuleEvaluator(compiled).evaluate(Fixture.scored(compiled, Fixture.answers(answers)).slots)
    }

    @Test func trueFiresWithItsActionAndAdvice() throws {
        let f = try findings([
            "has_partner": .boolean(true), "afraid": .boolean(true), "threatened": .boolean(true), "nights": .number(2),
        ])
        #expect(
            f.safeguarding == [
                SafeguardingAlert(id: "abuse_now", action: "Follow the domestic abuse procedure today."),
                SafeguardingAlert(id: "nowhere_tonight", action: "Find her somewhere safe to sleep tonight."),
            ])
        #expect(f.flags.map(\.id) == ["trauma_first", "female_worker"])
        #expect(f.flags[1].supports == ["relationships", "housing"])
        #expect(f.urgentNeeds == [0, 1])
        #expect(f.unevaluated.isEmpty)
    }

    @Test func falseIsSilentAndHiddenItemsReadAsFalse() throws {
        let f = try findings(["has_partner": .boolean(false), "nights": .number(0)])
        #expect(f == RuleFindings())
    }

    @Test func threeValuedLogicListsWhatIsMissing() throws {
        // afraid declined, threatened yes: `and` is unknown, `or` is true.
        let f = try findings([
            "has_partner": .boolean(true), "afraid": .declined, "threatened": .boolean(true), "nights": .dontKnow,
        ])
        #expect(f.safeguarding.isEmpty)
        #expect(f.flags.map(\.id) == ["female_worker"], "unknown or true is true")
        #expect(f.urgentNeeds.isEmpty)
        #expect(
            f.unevaluated == [
                UnevaluatedRule(id: "abuse_now", kind: .safeguarding, missingItems: ["afraid"], notAssessedScores: []),
                UnevaluatedRule(
                    id: "nowhere_tonight", kind: .safeguarding, missingItems: ["nights"], notAssessedScores: []),
                UnevaluatedRule(
                    id: "trauma_first", kind: .responsivity, missingItems: [], notAssessedScores: ["relationships"]),
                UnevaluatedRule(id: "relationships", kind: .urgentIf, missingItems: ["afraid"], notAssessedScores: []),
                UnevaluatedRule(id: "housing", kind: .urgentIf, missingItems: ["nights"], notAssessedScores: []),
            ])
    }

    @Test func aKnownFalseSideSettlesAnAnd() throws {
        let f = try findings([
            "has_partner": .boolean(true), "afraid": .boolean(false), "threatened": .dontKnow, "nights": .number(0),
        ])
        #expect(f.safeguarding.isEmpty)
        #expect(!f.unevaluated.map(\.id).contains("abuse_now"), "false and unknown is false")
        #expect(f.unevaluated.map(\.id) == ["trauma_first", "female_worker"])
    }
}
