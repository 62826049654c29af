import Foundation
import QuestionnaireDSL
import Testing

@testable import AssessmentEngine

@Suite struct BatchSlotCodecTests {
    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"])
    func fastResponsesEqualTheBuildersOrStepAside(_ name: String) throws {
        let compiled = try Fixture.shipped(name)
        var records = SyntheticRecords(compiled, seed: 5)
        let header = records.header
        let layout = try BatchLayout(header: header, instrument: compiled, carry: [], dropIdentifying: false, file: "t")
        let scorer = BatchRecordScorer(compiled, layout: layout, columns: BatchColumns(compiled.instrument))
        var random = SplitMix64(seed: 9)
        var fast = 0, stepped = 0
        for n in 0..<600 {
            var cells = records.next()
            if n % 3 == 0 {
                // Spoil one answer cell: an unknown code, a number too large, or a stray value.
                let column = 1 + random.below(header.count - 2)
                cells[column] = ["zzz", "99999", "yes;no", "3"][random.below(4)]
            }
            let priorities = cells[header.count - 1].split(separator: ";").map(String.init)
            let general = scorer.general(cells, line: n + 2, priorities: priorities)
            if let responses = scorer.codec.responses(cells, layout: layout, priorities: priorities) {
                fast += 1
                #expect(try general.get() == responses, "record \(cells[0])")
            } else {
                stepped += 1
            }
        }
        #expect(fast > 300, "most records take the fast path")
        #expect(stepped > 20, "spoilt records step aside: \(stepped)")
    }
}
