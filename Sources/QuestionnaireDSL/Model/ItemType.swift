/// The kinds of question an item can be.
public enum ItemType: String, Sendable, Codable, CaseIterable {
    case yesNo = "yes_no"
    case choice
    case multiChoice = "multi_choice"
    case scale
    case number
    case text
    case date

    /// True for the types whose answers are picked from options.
    public var hasOptions: Bool { self == .choice || self == .multiChoice || self == .scale }
}
