import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct BatchColumnsTests {
    static let text = Fixture.instrument(
        """
        sections:
          - id: s
            title: S
            items:
              - id: a
                prompt: A?
                type: number
                min: 0
                max: 3
        needs:
          - id: housing
            title: Housing
            target: resettlement
            score: a
            max: 3
            bands: {none: 0, some: 1}
        """
    )

    @Test func headerNamesEveryNeedThenTheListColumns() throws {
        let compiled = try Fixture.compile(Self.text)
        let columns = BatchColumns(compiled.instrument, carrying: ["site"])
        #expect(
            columns.header == [
                "record_id", "site", "instrument", "version", "housing_score", "housing_band", "housing_status",
                "lynchpins", "tier0", "safeguarding", "flags", "her_view_differs",
            ])
    }

    @Test func cellsFormatNumbersAndLeaveNotAssessedEmpty() throws {
        let compiled = try Fixture.compile(Self.text)
        let columns = BatchColumns(compiled.instrument)
        let assessor = Assessor(compiled)
        let (scored, _) = assessor.assess(Fixture.answers(["a": .number(2.5)]), at: Date(timeIntervalSince1970: 0))
        #expect(
            columns.cells(recordID: "r1", carriedValues: [], result: scored)
                == ["r1", "example", "1.0.0", "2.5", "some", "assessed", "housing", "", "", "", ""])
        let (declined, _) = assessor.assess(Fixture.answers(["a": .declined]), at: Date(timeIntervalSince1970: 0))
        #expect(
            columns.cells(recordID: "r2", carriedValues: [], result: declined)
                == ["r2", "example", "1.0.0", "", "", "not_assessed", "", "", "", "", ""])
    }

    @Test func csvQuotesOnlyCellsThatNeedIt() {
        #expect(BatchColumns.csvLine(["a", "b,c", "say \"hi\"", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",")
    }
}
