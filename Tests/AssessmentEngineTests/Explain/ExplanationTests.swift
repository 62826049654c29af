import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct ExplanationTests {
    /// One need over three items with a missing policy, one with a hidden item, and rules
    /// over each kind of answer.
    static let text = Fixture.instrument(
        """
        sections:
          - id: s
            title: S
            items:
              - {id: a, prompt: A, type: number, min: 0, max: 5}
              - {id: b, prompt: B, type: number, min: 0, max: 5}
              - {id: c, prompt: C, type: number, min: 0, max: 5}
              - {id: partner, prompt: Partner?, type: yes_no}
              - {id: afraid, prompt: Afraid?, type: yes_no, show_if: partner}
        needs:
          - id: total
            title: Total
            target: other
            score: a + b + c
            max: 10
            bands: {low: 0, moderate: 3, high: 7}
            missing: {max_declined: 1, method: prorate}
          - id: fear
            title: Fear
            target: other
            score: afraid * 2
            max: 2
            bands: {no: 0, yes: 1}
            urgent_if: afraid
        strengths:
          - {id: steady, title: Steady, supports: [total], score: 5 - a, bands: {little: 0, some: 2}}
        drivers:
          - {from: total, to: fear, weight: 0.5, when: a >= 1, because: Total drives fear.}
          - {from: total, to: fear, weight: 0.25, because: A weaker reason.}
          - {from: fear, to: total, weight: 0.5, when: b >= 1, because: Fear drives total.}
        responsivity:
          - {id: go_gently, when: band(total) == 'high', advice: Go gently., supports: [total]}
          - {id: unrelated, when: partner, advice: Ask about her partner., supports: [fear]}
        safeguarding:
          - {id: act_now, when: afraid and a >= 5, action: Act now.}
        """)

    func explain(_ answers: KeyValuePairs<String, AnswerValue>, priorities: [String] = []) throws -> Explanation {
        let compiled = try Fixture.compile(Self.text)
        let (explanation, diagnostics) = Explainer(compiled).explain(Fixture.answers(answers), priorities: priorities)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return explanation
    }

    func score(_ explanation: Explanation, _ id: String) throws -> ScoreTrace {
        try #require(explanation.scores.first { $0.id == id })
    }

    @Test func proratingShowsItsArithmeticAndMatchesTheResult() throws {
        let explanation = try explain(["a": .number(2), "b": .declined, "c": .number(1), "partner": .boolean(false)])
        let total = try score(explanation, "total")
        #expect(total.items.map(\.state) == ["answered", "declined", "answered"])
        #expect(total.items.map(\.number) == [2, nil, 1])
        #expect((total.applicable, total.answered, total.missing, total.maxDeclined) == (3, 2, 1, 1))
        let proration = try #require(total.proration)
        #expect(proration.readAsZero == 3 && proration.prorated == 4.5 && proration.cap == 10 && !proration.capped)
        #expect(total.score == 4.5 && total.band == "moderate" && total.present == true && total.severity == 0.45)
        let fear = try score(explanation, "fear")
        #expect(fear.items.first?.state == "not_applicable" && fear.applicable == 0 && fear.missing == 0)
        #expect(fear.score == 0 && fear.proration == nil && fear.present == false, "hidden reads as 0, not missing")
    }

    @Test func aProratedScoreIsCappedAtItsMax() throws {
        let explanation = try explain(["a": .number(5), "b": .number(5), "c": .dontKnow, "partner": .boolean(false)])
        let proration = try #require(try score(explanation, "total").proration)
        #expect(proration.prorated == 15 && proration.capped)
        #expect(try score(explanation, "total").score == 10)
    }

    @Test func tooManyMissingIsNotAssessedNeverZero() throws {
        let explanation = try explain(["a": .declined, "b": .declined, "c": .number(1), "partner": .boolean(false)])
        let total = try score(explanation, "total")
        #expect(total.status == .notAssessed && total.notAssessedBecause == .tooManyMissing)
        #expect(total.score == nil && total.band == nil && total.proration == nil)
        let steady = try score(explanation, "steady")
        #expect(steady.notAssessedBecause == .tooManyMissing, "its max_declined is 0")
        let goGently = try #require(explanation.rules.first { $0.id == "go_gently" })
        #expect(goGently.outcome == .unevaluated)
        #expect(goGently.scoresUsed == [ScoreUse(id: "total", status: .notAssessed, score: nil, band: nil)])
        #expect(explanation.ranking.unranked.first { $0.need == "total" }?.reason == .notAssessed)
    }

    @Test func everyScoreRuleAndRankAgreesWithTheResult() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        let source = try SourceFile.read(
            path: Fixture.root.appendingPathComponent("Instruments/examples/relationship-drives-drug-use.yaml").path)
        let (answers, priorities, _) = AnswerReader(instrument: compiled.instrument).read(source)
        let (explanation, diagnostics) = Explainer(compiled).explain(answers, priorities: priorities)
        let (result, _) = Assessor(compiled).assess(answers, priorities: priorities, at: Date())
        #expect(diagnostics.isEmpty)

        try Self.expectAgreement(explanation, result, "example")
        let inGraph = explanation.drivers.filter { $0.status == .inGraph }
        #expect(inGraph.map { "\($0.from)→\($0.to)" } == ["relationships→substance_use"])
        #expect(explanation.ranking.top == "relationships" && explanation.ranking.topInfluence == 1.06)
        #expect(explanation.ranking.threshold == 1.007)
    }

    /// Checks that every score, rule, edge and rank in `explanation` is the one in `result`.
    static func expectAgreement(
        _ explanation: Explanation, _ result: AssessmentResult, _ label: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        func score(_ id: String) throws -> ScoreTrace {
            try #require(explanation.scores.first { $0.id == id }, sourceLocation: sourceLocation)
        }
        for need in result.needs {
            let trace = try score(need.id)
            #expect(
                trace.score == need.score && trace.band == need.band && trace.present == need.present
                    && trace.severity == need.severity, "\(label): \(need.id)", sourceLocation: sourceLocation)
            #expect(
                trace.status == need.status && (trace.proration != nil) == need.prorated, "\(label): \(need.id)",
                sourceLocation: sourceLocation)
        }
        for strength in result.strengths {
            let trace = try score(strength.id)
            #expect(
                trace.score == strength.score && trace.band == strength.band, "\(label): \(strength.id)",
                sourceLocation: sourceLocation)
        }
        let fired = explanation.rules.filter { $0.outcome == .fired }
        #expect(
            fired.filter { $0.kind == .safeguarding }.map(\.id) == result.safeguarding.map(\.id), "\(label)",
            sourceLocation: sourceLocation)
        #expect(
            fired.filter { $0.kind == .responsivity }.map(\.id) == result.flags.map(\.id), "\(label)",
            sourceLocation: sourceLocation)
        #expect(
            fired.filter { $0.kind == .urgentIf }.map(\.id) == result.tier0, "\(label)", sourceLocation: sourceLocation)
        #expect(
            explanation.rules.filter { $0.outcome == .unevaluated }.map(\.id) == result.unevaluated.map(\.id),
            "\(label)", sourceLocation: sourceLocation)

        #expect(
            explanation.ranking.entries.map(\.need) == result.ranking.map(\.need), "\(label)",
            sourceLocation: sourceLocation)
        for (entry, ranked) in zip(explanation.ranking.entries, result.ranking) {
            let sum = entry.contributions.reduce(entry.severity) { $0 + $1.contribution }
            #expect(
                sum == entry.influence && entry.influence == ranked.influence && entry.lynchpin == ranked.lynchpin,
                "\(label): \(entry.need)", sourceLocation: sourceLocation)
        }
        let edges = Set(explanation.drivers.filter { $0.status == .inGraph }.map { "\($0.from)→\($0.to)" })
        for step in result.ranking.flatMap(\.reasons).flatMap(\.path) {
            #expect(
                edges.contains("\(step.from)→\(step.to)"), "\(label): every step is an edge in the graph",
                sourceLocation: sourceLocation)
        }
        #expect(
            explanation.ranking.entries.filter(\.lynchpin).map(\.need) == result.lynchpins, "\(label)",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: ["phq-9.yaml", "gad-7.yaml", "womens-needs.yaml"])
    func theTraceAgreesWithTheResultForEveryShippedTestCase(file: String) throws {
        let compiled = try Fixture.shipped(file)
        let explainer = Explainer(compiled), assessor = Assessor(compiled)
        for test in compiled.instrument.tests {
            let (explanation, _) = explainer.explain(test.answers, priorities: test.priorities)
            let (result, _) = assessor.assess(test.answers, priorities: test.priorities, at: Date())
            try Self.expectAgreement(explanation, result, "\(file) '\(test.name)'")
        }
    }

    @Test func driversSayWhyTheyAreOrAreNotInTheGraph() throws {
        let present = try explain([
            "a": .number(4), "b": .number(0), "c": .number(0), "partner": .boolean(true), "afraid": .boolean(true),
        ])
        #expect(present.drivers.map(\.status) == [.inGraph, .parallelEdgeUsed, .conditionFalse])
        #expect(present.drivers[1].usedInstead == 0 && present.drivers[1].conditionValue == .always)
        let absent = try explain(["a": .number(4), "b": .dontKnow, "c": .number(0), "partner": .boolean(false)])
        #expect(absent.drivers.map(\.status) == [.needNotPresent, .needNotPresent, .conditionUnknown])
        #expect(!absent.drivers[0].toPresent && absent.drivers[0].fromPresent)
    }

    @Test func rulesRecordTheirAnswersAndTheNeedsTheyName() throws {
        let explanation = try explain([
            "a": .number(5), "b": .number(5), "c": .number(0), "partner": .boolean(true), "afraid": .boolean(true),
        ])
        let act = try #require(explanation.rules.first { $0.id == "act_now" })
        #expect(act.kind == .safeguarding && act.outcome == .fired && act.text == "Act now.")
        #expect(act.items.map(\.item) == ["afraid", "a"] && act.needs.isEmpty)
        #expect(explanation.rules.map(\.id) == ["act_now", "go_gently", "unrelated", "fear"])
        #expect(explanation.rules.map(\.needs) == [[], ["total"], ["fear"], ["fear"]])
        #expect(explanation.rules.last?.kind == .urgentIf && explanation.rules.last?.outcome == .fired)
    }

    @Test func focusingKeepsOnlyWhatConcernsTheNeed() throws {
        let explanation = try explain([
            "a": .number(4), "b": .number(1), "c": .number(0), "partner": .boolean(true), "afraid": .boolean(true),
        ])
        let fear = explanation.focused(on: "fear")
        #expect(fear.focus == "fear")
        #expect(fear.scores.map(\.id) == ["fear"])
        #expect(fear.rules.map(\.id) == ["unrelated", "fear"])
        #expect(fear.drivers.count == 3, "every driver touches fear")
        #expect(fear.ranking.entries.map(\.need) == ["fear"])
        #expect(fear.ranking.top == explanation.ranking.top && fear.ranking.threshold == explanation.ranking.threshold)
        let total = explanation.focused(on: "total")
        #expect(total.scores.map(\.id) == ["total"], "strengths are not the need's score")
        #expect(total.rules.map(\.id) == ["go_gently"])
        #expect(explanation.needIDs == ["total", "fear"])
    }

    @Test func tiesRecordTheRuleThatBrokeThem() throws {
        let compiled = try Fixture.compile(RankingFixture.text(drivers: ""))
        func ranking(_ priorities: [String]) -> RankingTrace {
            let answers = ["sa": 5.0, "sb": 5, "sc": 0, "sd": 4].map {
                AnswerEntry(item: $0.key, value: .number($0.value), location: .init(line: 1, column: 1))
            }
            return Explainer(compiled).explain(answers, priorities: priorities).0.ranking
        }
        let plain = ranking([])
        #expect(plain.entries.map(\.need) == ["a", "b", "d"])
        #expect(plain.entries[0].tieBreaks == [TieBreak(other: "b", otherFirst: false, decidedBy: .instrumentOrder)])
        #expect(plain.entries[1].tieBreaks == [TieBreak(other: "a", otherFirst: true, decidedBy: .instrumentOrder)])
        #expect(plain.entries[2].tieBreaks.isEmpty)
        #expect(plain.entries.map(\.lynchpin) == [true, true, false], "b ties, so it is a joint lynch-pin")
        #expect(plain.threshold == 0.475)
        let hers = ranking(["b"])
        #expect(hers.entries.map(\.need) == ["b", "a", "d"])
        #expect(hers.entries[0].tieBreaks.first?.decidedBy == .herPriority)
    }

    @Test func theReportShowsTheArithmetic() throws {
        let explanation = try explain(["a": .number(2), "b": .declined, "c": .number(1), "partner": .boolean(false)])
        let text = ExplanationReport(explanation.focused(on: "total")).render()
        #expect(
            text.contains(
                """
                  need total — Total
                    score = a + b + c
                      a  2
                      b  declined: missing
                      c  1
                    missing: 1 of 3 applicable items; at most 1 allowed (max_declined)
                    prorated: with b read as 0 the expression gives 3;
                      3 × 3 applicable ÷ 2 answered = 4.5
                      not above the max, 10, so not capped
                    score: 4.5
                    bands: low from 0, moderate from 3, high from 7
                    band: moderate, as 3 ≤ 4.5 < 7
                    present: yes, its band is above the first ('low'); severity = 4.5 ÷ 10 = 0.45

                """))
        #expect(text.contains("  fear → total, weight 0.5: not active, its condition could not be evaluated\n"))
        #expect(
            ExplanationReport(explanation).render().contains("    fear: not present, its band is the first (no)\n"))
        #expect(text.hasPrefix("How example 1.0.0 (Example) reached its result\nLimited to the need 'total'"))
    }

    @Test func theTraceIsJSON() throws {
        let explanation = try explain(["a": .number(2), "b": .number(1), "c": .number(1), "partner": .boolean(false)])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(explanation.jsonString().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["instrument", "title", "scores", "rules", "drivers", "ranking"])
        let decoded = try AssessmentResult.decoder().decode(Explanation.self, from: Data(explanation.jsonString().utf8))
        #expect(decoded == explanation)
    }
}
