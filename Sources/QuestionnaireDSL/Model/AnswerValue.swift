/// An answer as given in an answers file or an instrument test, before it is placed in
/// the slots the engine scores.
public enum AnswerValue: Sendable, Hashable, Codable {
    /// A yes_no answer.
    case boolean(Bool)
    /// A choice or scale answer: the option's code.
    case code(String)
    /// A multi_choice answer: the chosen codes.
    case codes([String])
    /// A number answer.
    case number(Double)
    /// A text or date answer.
    case text(String)
    /// "Prefer not to say".
    case declined
    /// "Don't know".
    case dontKnow

    /// The reserved word for a declined answer.
    public static let declinedWord = "declined"
    /// The reserved word for a don't-know answer.
    public static let dontKnowWord = "dont_know"
}

/// An answer with the item it belongs to and where it was written.
public struct AnswerEntry: Sendable, Hashable, Codable {
    /// The item's id.
    public var item: String
    /// The answer.
    public var value: AnswerValue
    /// Where it was written.
    public var location: SourceLocation

    /// Creates an entry.
    public init(item: String, value: AnswerValue, location: SourceLocation) {
        self.item = item
        self.value = value
        self.location = location
    }
}
