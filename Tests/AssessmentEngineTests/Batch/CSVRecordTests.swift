import Testing

@testable import AssessmentEngine

@Suite struct CSVRecordTests {
    func cells(_ bytes: [UInt8]) -> Result<[String], CSVRecord.Failure> {
        bytes.withUnsafeBufferPointer { CSVRecord.cells($0) }
    }

    func cells(_ text: String) -> Result<[String], CSVRecord.Failure> { cells(Array(text.utf8)) }

    @Test func cellsAreSplitAtCommasWithQuotingInsideTheLine() {
        #expect(cells("a,b,c") == .success(["a", "b", "c"]))
        #expect(cells("a,,c,") == .success(["a", "", "c", ""]))
        #expect(cells("") == .success([""]))
        #expect(cells("r1,\"x, y\",\"say \"\"hi\"\"\"\r") == .success(["r1", "x, y", "say \"hi\""]))
        #expect(cells("café,naïve") == .success(["café", "naïve"]))
    }

    @Test func brokenLinesSayWhy() {
        #expect(cells("a,\"open") == .failure(.unclosedQuote))
        #expect(cells("a,\"x\"y,b") == .failure(.textAfterQuote))
        #expect(cells([0x61, 0x2C, 0xFF]) == .failure(.invalidUTF8))
    }
}
