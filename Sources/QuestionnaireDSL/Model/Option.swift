/// One answer a person can pick for a choice, multi_choice or scale question.
public struct Option: Sendable, Hashable, Codable {
    /// The stable code stored in answers and used in expressions (`'partner'`).
    public var code: String
    /// What the person sees.
    public var label: LocalizedText
    /// The number the option counts as in arithmetic; its position (from 0) when not given.
    public var value: Double
    /// Where the option was written.
    public var location: SourceLocation

    /// Creates an option.
    public init(code: String, label: LocalizedText, value: Double, location: SourceLocation) {
        self.code = code
        self.label = label
        self.value = value
        self.location = location
    }
}
