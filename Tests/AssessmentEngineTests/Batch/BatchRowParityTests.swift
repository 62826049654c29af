import Foundation
import QuestionnaireDSL
import Testing

@testable import AssessmentEngine

@Suite struct BatchRowParityTests {
    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"])
    func rowsScoredStraightFromResponsesEqualRowsFromTheWholeResult(_ name: String) throws {
        let compiled = try Fixture.shipped(name)
        let assessor = Assessor(compiled)
        let builder = ResponseBuilder(compiled)
        let columns = BatchColumns(compiled.instrument, carrying: ["site"])
        var records = SyntheticRecords(compiled, seed: 77)
        let header = records.header
        var withRanking = 0
        for n in 0..<400 {
            let cells = records.next()
            var entries: [AnswerEntry] = []
            var priorities: [String] = []
            for (column, cell) in zip(header, cells) where !cell.isEmpty && column != "record_id" {
                if column == "_priorities" {
                    priorities = cell.split(separator: ";").map(String.init)
                    continue
                }
                let item = try #require(compiled.items.first { $0.id == column })
                let value = try BatchRecordScorer.value(cell, for: item).get()
                entries.append(AnswerEntry(item: column, value: value, location: .init(line: n + 2, column: 1)))
            }
            let (responses, diagnostics) = builder.build(entries, priorities: priorities)
            #expect(diagnostics.isEmpty)
            let reference = columns.cells(
                recordID: cells[0], carriedValues: ["north"], result: assessor.assess(responses, at: Date()))
            let lean = columns.cells(
                recordID: cells[0], carriedValues: ["north"], responses: responses, assessor: assessor)
            #expect(lean == reference, "record \(cells[0])")
            if !(reference[reference.count - 5].isEmpty) { withRanking += 1 }
        }
        #expect(withRanking > 100, "the records exercise the ranking")
    }
}
