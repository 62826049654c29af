import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct AssessmentResultTests {
    static let text = Fixture.instrument(
        """
        sections:
          - id: life
            title: Life
            items:
              - {id: name, prompt: Your name, type: text, identifying: true}
              - {id: afraid, prompt: Are you afraid of your partner?, type: yes_no}
              - id: use_reasons
                prompt: What is behind your drug use?
                type: multi_choice
                options: [{code: partner, label: My relationship}, {code: grief, label: Grief}]
              - {id: use_days, prompt: Days using in the last week, type: number, min: 0, max: 7}
              - {id: nights_unsafe, prompt: Nights with nowhere safe to sleep, type: number, min: 0, max: 7}
              - {id: family_help, prompt: Can family help you?, type: yes_no}
        needs:
          - id: relationships
            title: Relationships
            target: family_relationships
            score: afraid * 4
            max: 4
            bands: {low: 0, high: 2}
          - id: substance_use
            title: Drug and alcohol use
            target: substance_misuse
            score: use_days
            max: 7
            bands: {low: 0, some: 1, high: 4}
          - id: housing
            title: Housing
            target: resettlement
            score: nights_unsafe
            max: 7
            bands: {low: 0, high: 1}
            urgent_if: nights_unsafe >= 1
        strengths:
          - {id: family, title: Family support, supports: [relationships], score: family_help, max: 1, bands: {none: 0, some: 1}}
        drivers:
          - from: relationships
            to: substance_use
            weight: 0.8
            when: use_reasons has 'partner'
            because: She links her drug use to her relationship.
        responsivity:
          - {id: trauma_first, when: afraid, advice: Offer one-to-one support first., supports: [relationships]}
        safeguarding:
          - {id: nowhere_tonight, when: nights_unsafe >= 1, action: Find somewhere safe tonight.}
        tests:
          - name: her relationship drives her drug use
            answers: {name: Ann, afraid: yes, use_reasons: [partner], use_days: 6, nights_unsafe: 0, family_help: yes, _priorities: [substance_use]}
            expect:
              lynchpin: [relationships]
              ranking: [relationships, substance_use]
              bands: {relationships: high, substance_use: high, family: some}
              scores: {substance_use: 6}
              statuses: {housing: assessed}
              flags: [trauma_first]
              safeguarding: []
              unevaluated: []
              her_view_differs: [relationships]
          - name: every key wrong
            answers: {afraid: no, use_days: declined, nights_unsafe: 2}
            expect:
              lynchpin: [relationships]
              ranking: [relationships]
              bands: {relationships: high, substance_use: low}
              scores: {housing: 3.5, substance_use: 0}
              statuses: {substance_use: assessed}
              flags: [trauma_first]
              safeguarding: []
              unevaluated: []
              her_view_differs: [housing]
        """)

    func assess(_ answers: KeyValuePairs<String, AnswerValue>, priorities: [String] = []) throws -> AssessmentResult {
        let compiled = try Fixture.compile(Self.text)
        let (result, diagnostics) = Assessor(compiled).assess(
            Fixture.answers(answers), priorities: priorities, at: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(diagnostics.isEmpty)
        return result
    }

    @Test func theResultNamesItsInstrumentEngineAndTime() throws {
        let result = try assess(["afraid": .boolean(false)])
        #expect(result.schemaVersion == 1)
        #expect(result.instrument.id == "example" && result.instrument.version == "1.0.0")
        #expect(result.instrument.sha256 == SHA256.hex(Array(Self.text.utf8)))
        #expect(result.engineVersion == AssessmentEngineVersion.current)
        #expect(result.assessedAt == "2026-01-01T00:00:00Z")
    }

    @Test func theWholePipelineInOneValue() throws {
        let result = try assess(
            [
                "name": .text("Ann"), "afraid": .boolean(true), "use_reasons": .codes(["partner"]),
                "use_days": .number(6),
                "nights_unsafe": .number(1), "family_help": .declined,
            ],
            priorities: ["substance_use"])
        #expect(!result.answers.map(\.item).contains("name"), "identifying items never leave the interview")
        #expect(result.answers.first == ItemAnswer(item: "afraid", state: "answered", value: "yes"))
        #expect(result.tier0 == ["housing"])
        #expect(result.safeguarding.map(\.id) == ["nowhere_tonight"])
        #expect(result.flags.map(\.id) == ["trauma_first"])
        #expect(result.ranking.map(\.need) == ["relationships", "substance_use", "housing"])
        #expect(result.lynchpins == ["relationships"])
        let reason = try #require(result.ranking.first?.reasons.first)
        #expect(reason.path.first?.because == "She links her drug use to her relationship.")
        #expect(reason.path.first?.answers == [ItemAnswer(item: "use_reasons", state: "answered", value: "partner")])
        #expect(result.herPriorities == ["substance_use"])
        #expect(result.herViewDiffers == ["relationships"])
        let relationships = try #require(result.need("relationships"))
        #expect(relationships.strengths == ["family"] && relationships.flags == ["trauma_first"])
        #expect(result.need("housing")?.tier0 == true)
        #expect(result.strength("family")?.status == .notAssessed)
    }

    @Test func jsonRoundTripsAndIsDeterministic() throws {
        let result = try assess(
            [
                "afraid": .boolean(true), "use_reasons": .codes(["partner", "grief"]), "use_days": .number(3),
                "nights_unsafe": .dontKnow, "family_help": .boolean(true),
            ],
            priorities: ["housing"])
        let data = try result.jsonData()
        #expect(try AssessmentResult(json: data) == result)
        let again = try assess(
            [
                "afraid": .boolean(true), "use_reasons": .codes(["partner", "grief"]), "use_days": .number(3),
                "nights_unsafe": .dontKnow, "family_help": .boolean(true),
            ],
            priorities: ["housing"])
        #expect(try again.jsonData() == data, "the same inputs give the same bytes")
        let json = try result.jsonString()
        #expect(json.contains("\"schema_version\" : 1"))
        #expect(json.contains("\"her_view_differs\""))
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys.sorted()
        #expect(
            keys == [
                "answers", "assessed_at", "engine_version", "flags", "her_priorities", "her_view_differs", "instrument",
                "lynchpins", "needs", "ranking", "safeguarding", "schema_version", "strengths", "tier0", "unevaluated",
            ])
        let first = try #require(json.firstRange(of: "\"answers\""))
        let second = try #require(json.firstRange(of: "\"assessed_at\""))
        #expect(first.lowerBound < second.lowerBound, "keys are sorted")
    }

    @Test func theRunnerPassesAMatchingCase() throws {
        let runner = InstrumentTestRunner(try Fixture.compile(Self.text))
        let results = runner.runAll()
        #expect(results.count == 2)
        #expect(results[0].passed, "\(results[0].mismatches)")
    }

    @Test func theRunnerReportsEveryKeyThatDoesNotHold() throws {
        let runner = InstrumentTestRunner(try Fixture.compile(Self.text))
        let failed = runner.runAll()[1]
        #expect(!failed.passed)
        #expect(
            failed.mismatches == [
                ExpectationMismatch(key: "bands.relationships", expected: "high", actual: "low"),
                ExpectationMismatch(key: "bands.substance_use", expected: "low", actual: "none (not assessed)"),
                ExpectationMismatch(key: "statuses.substance_use", expected: "assessed", actual: "not_assessed"),
                ExpectationMismatch(key: "scores.housing", expected: "3.5", actual: "2"),
                ExpectationMismatch(key: "scores.substance_use", expected: "0", actual: "none (not assessed)"),
                ExpectationMismatch(key: "lynchpin", expected: "[relationships]", actual: "[housing]"),
                ExpectationMismatch(key: "ranking", expected: "[relationships]", actual: "[housing]"),
                ExpectationMismatch(key: "flags", expected: "[trauma_first]", actual: "[]"),
                ExpectationMismatch(key: "safeguarding", expected: "[]", actual: "[nowhere_tonight]"),
                ExpectationMismatch(key: "her_view_differs", expected: "[housing]", actual: "[]"),
            ])
    }

    @Test func scoresMatchWithinATolerance() {
        var expect = Expectation()
        expect.scores = ["n": 1.0005]
        let result = AssessmentResult(
            instrument: .init(id: "x", version: "1", sha256: ""), engineVersion: "0", assessedAt: "", answers: [],
            needs: [], strengths: [], tier0: [], safeguarding: [], flags: [], unevaluated: [], ranking: [],
            lynchpins: [], herPriorities: [], herViewDiffers: [])
        #expect(InstrumentTestRunner.compare(expect, with: result).map(\.key) == ["scores.n"])
    }

    @Test func answersWithErrorsFailTheCase() throws {
        let compiled = try Fixture.compile(
            Fixture.instrument(
                """
                sections:
                  - id: s
                    title: S
                    items:
                      - {id: partner, prompt: Do you have a partner?, type: yes_no}
                      - {id: afraid, prompt: Are you afraid of them?, type: yes_no, show_if: partner}
                needs:
                  - {id: n, title: N, target: other, score: afraid, max: 1, bands: {no: 0, yes: 1}}
                tests:
                  - name: answers a question that is not asked
                    answers: {partner: no, afraid: yes}
                    expect: {}
                """))
        let result = try #require(InstrumentTestRunner(compiled).runAll().first)
        #expect(result.mismatches.isEmpty)
        #expect(result.diagnostics.map(\.message) == ["'afraid' is not asked when 'partner' is false"])
        #expect(result.diagnostics.first?.location?.line == 16)
        #expect(!result.passed)
    }
}
