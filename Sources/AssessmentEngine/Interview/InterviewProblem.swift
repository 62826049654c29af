/// Why a command was not accepted: the state is unchanged and the same question stands.
///
/// Each problem has a gentle message to show as it is, so input mistakes never feel like
/// her fault.
public enum InterviewProblem: Error, Sendable, Hashable {
    /// The command does not apply at this point of the interview.
    case notNow(String)
    /// The answer is not one of the options.
    case notAnOption(String, count: Int)
    /// A number outside the item's bounds.
    case outOfRange(Double, min: Double?, max: Double?)
    /// An answer of the wrong kind, e.g. text for a yes/no question.
    case wrongKind(expected: String)
    /// An empty answer.
    case empty
    /// The item is required, so it cannot be left.
    case required(item: String)
    /// There is no earlier question to go back to.
    case nothingBefore
    /// Her priorities name something that is not a need.
    case unknownNeed(String)
    /// Her priorities name a need twice.
    case repeatedNeed(String)
    /// More priorities than are asked for.
    case tooManyPriorities(Int)
    /// No alert with that rule has been raised.
    case unknownAlert(String)
    /// Not a calendar date written `YYYY-MM-DD`.
    case notADate(String)

    /// The message to show, in plain words.
    public var message: String {
        switch self {
        case .notNow(let what):
            "\(what) is not available at this point."
        case .notAnOption(let text, let count):
            "'\(text)' is not one of the choices. Please pick a number from 1 to \(count)."
        case .outOfRange(let number, let min, let max):
            "\(NumberText.format(number)) is outside what this question expects"
                + Self.bounds(min: min, max: max) + ". Please try again."
        case .wrongKind(let expected):
            "That answer does not fit this question. Please give \(expected)."
        case .empty:
            "Nothing was entered. Please give an answer, or choose one of the other options."
        case .required(let item):
            "The question '\(item)' is needed to go on, so it cannot be left. "
                + "If she does not know, choose \"don't know\"."
        case .nothingBefore:
            "This is the first question, so there is nothing to go back to."
        case .unknownNeed(let id):
            "'\(id)' is not one of the areas listed. Please choose from the list."
        case .repeatedNeed(let id):
            "'\(id)' is already chosen."
        case .tooManyPriorities(let limit):
            "Please choose at most \(limit)."
        case .unknownAlert(let rule):
            "There is no alert '\(rule)' to acknowledge."
        case .notADate(let text):
            "'\(text)' is not a date. Please write it as year-month-day, for example 2027-01-31."
        }
    }

    private static func bounds(min: Double?, max: Double?) -> String {
        switch (min, max) {
        case (let min?, let max?): " (from \(NumberText.format(min)) to \(NumberText.format(max)))"
        case (let min?, nil): " (at least \(NumberText.format(min)))"
        case (nil, let max?): " (at most \(NumberText.format(max)))"
        case (nil, nil): ""
        }
    }
}
