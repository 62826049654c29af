import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct AssessorDetailsTests {
    @Test func withoutDetailsTheRankingAndEveryScoreAreTheSame() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        let assessor = Assessor(compiled)
        let builder = ResponseBuilder(compiled)
        let time = Date(timeIntervalSince1970: 0)
        var withReasons = 0
        for test in compiled.instrument.tests {
            let (responses, _) = builder.build(test.answers, priorities: test.priorities)
            let full = assessor.assess(responses, at: time)
            let lean = assessor.assess(responses, at: time, details: false)
            #expect(lean.answers.isEmpty && !full.answers.isEmpty)
            #expect(lean.ranking.allSatisfy { $0.reasons.isEmpty })
            if full.ranking.contains(where: { !$0.reasons.isEmpty }) { withReasons += 1 }
            #expect(lean.needs == full.needs && lean.strengths == full.strengths, "\(test.name)")
            #expect(lean.lynchpins == full.lynchpins && lean.herViewDiffers == full.herViewDiffers, "\(test.name)")
            #expect(lean.ranking.map(\.need) == full.ranking.map(\.need), "\(test.name)")
            #expect(lean.ranking.map(\.noDriverEvidence) == full.ranking.map(\.noDriverEvidence), "\(test.name)")
            #expect(lean.ranking.map(\.influence) == full.ranking.map(\.influence), "\(test.name)")
        }
        #expect(withReasons >= 5, "the comparison covers rankings that have reasons")
    }
}
