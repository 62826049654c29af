import Foundation

/// What she and the worker agreed at the end of the interview.
public struct Agreement: Sendable, Hashable, Codable {
    /// The actions, in the worker's words.
    public var actions: String
    /// When to look at them again, `YYYY-MM-DD`.
    public var reviewDate: String

    /// Creates an agreement.
    public init(actions: String, reviewDate: String) {
        self.actions = actions
        self.reviewDate = reviewDate
    }

    /// True for a real calendar date written `YYYY-MM-DD` (so not 2027-02-30).
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
