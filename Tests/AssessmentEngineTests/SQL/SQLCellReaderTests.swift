import Foundation
import Testing

@testable import AssessmentEngine

@Suite struct SQLCellReaderTests {
    /// Whether all of `text` matches `pattern`, with ICU's regular expressions (which read
    /// the pattern's constructs as RE2, PostgreSQL and Java do).
    static func fullyMatches(_ text: String, _ pattern: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: "^(?:" + pattern + ")$")
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range)?.range == range
    }

    @Test(arguments: ["0", "12", "-3", "+4", "2.5", "3.", ".5", "-0.00005", "1e5", "1E+05", "2.5e-3", "007"])
    func plainDecimalNumbersAreRecognisedAndSwiftReadsThemTheSame(_ cell: String) throws {
        #expect(try Self.fullyMatches(cell, SQLCellReader.numberPattern))
        let value = try #require(Double(cell))
        #expect(value.isFinite)
    }

    @Test(arguments: ["", " 1", "1 ", "1,5", "1_0", "e5", ".", "-", "1e", "1e400", "0x10", "inf", "nan", "1.2.3"])
    func anythingElseIsNot(_ cell: String) throws {
        #expect(try !Self.fullyMatches(cell, SQLCellReader.numberPattern))
    }

    @Test func codesAreMatchedLiterally() throws {
        let pattern = SQLCellReader.literalPattern("a.b(c)")
        #expect(pattern == "a\\.b\\(c\\)")
        #expect(try Self.fullyMatches("a.b(c)", pattern))
        #expect(try !Self.fullyMatches("aXb(c)", pattern))
    }
}
