import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

/// The plan a worker goes through with her: safety and basic needs now, then the
/// lynch-pin, then the other present needs by influence, each with the strengths and
/// advice whose `supports` name it.
@Suite struct PlanOrderTests {
    static let instrument = Fixture.instrument(
        """
        sections:
          - id: s
            title: S
            items:
              - {id: no_bed, prompt: Nowhere to sleep tonight?, type: yes_no}
              - {id: partner, prompt: Controlling partner?, type: yes_no}
              - {id: drugs, prompt: Using drugs?, type: yes_no}
              - {id: low, prompt: Feeling low?, type: yes_no}
              - {id: friend, prompt: Someone to turn to?, type: yes_no}
        needs:
          - {id: housing, title: Housing, target: resettlement, score: no_bed, max: 1, bands: {no: 0, yes: 1}, urgent_if: no_bed}
          - {id: relationships, title: Relationships, target: family_relationships, score: partner, max: 1, bands: {no: 0, yes: 1}}
          - {id: substance_use, title: Drugs, target: substance_misuse, score: drugs, max: 1, bands: {no: 0, yes: 1}}
          - {id: mood, title: Mood, target: mental_health, score: low, max: 1, bands: {no: 0, yes: 1}}
        strengths:
          - {id: support, title: Support, supports: [mood], score: friend, bands: {none: 0, some: 1}}
        drivers:
          - {from: relationships, to: substance_use, weight: 0.8, because: Her partner pushes her to use.}
          - {from: relationships, to: mood, weight: 0.5, because: The relationship wears her down.}
        responsivity:
          - {id: female_worker, when: partner, advice: Offer a woman worker., supports: [relationships]}
        """)

    @Test func safetyFirstThenTheLynchpinThenTheRestByInfluence() throws {
        let compiled = try Fixture.compile(Self.instrument)
        let answers = Fixture.answers([
            "no_bed": .boolean(true), "partner": .boolean(true), "drugs": .boolean(true), "low": .boolean(true),
            "friend": .boolean(true),
        ])
        let (result, diagnostics) = Assessor(compiled).assess(answers, at: Date(timeIntervalSince1970: 0))
        #expect(diagnostics.isEmpty)
        let report = Report(result, instrument: compiled.instrument)
        #expect(report.tier0.map(\.name.id) == ["housing"])
        // relationships: 1 + 0.8 + 0.5 = 2.3 leads; the others (1 each) follow in instrument order.
        #expect(report.lynchpins.map(\.name.id) == ["relationships"])
        #expect(report.otherNeeds.map(\.name.id) == ["housing", "substance_use", "mood"])
        #expect(report.lynchpins.first?.advice.map(\.id) == ["female_worker"])
        #expect(report.otherNeeds.last?.strengths.map(\.name.id) == ["support"])
        #expect(report.otherNeeds.first?.strengths.isEmpty == true)
    }
}
