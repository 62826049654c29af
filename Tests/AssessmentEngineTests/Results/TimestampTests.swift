import AssessmentEngine
import Foundation
import Testing

@Suite struct TimestampTests {
    /// The hand-written formatting agrees with Foundation's over a spread of dates,
    /// including leap days, century years and times before 1970.
    @Test(arguments: [
        0.0, 1.5, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 1_795_469_040, -1, -86_401,
        -2_208_988_800, 253_402_300_799,
    ])
    func agreesWithFoundation(seconds: Double) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        let date = Date(timeIntervalSince1970: seconds)
        #expect(AssessmentResult.timestamp(date) == formatter.string(from: date))
    }
}
