/// A group of questions asked together, with an optional introduction.
public struct Section: Sendable, Hashable, Codable {
    /// The section's id.
    public var id: String
    /// Its heading.
    public var title: LocalizedText
    /// What is said before its first question.
    public var introduction: LocalizedText?
    /// Holds personal or painful questions: needs an introduction.
    public var sensitive: Bool
    /// When to ask the whole section; asked always when absent.
    public var showIf: ExpressionSource?
    /// Its questions in order.
    public var items: [Item]
    /// Where it was defined.
    public var location: SourceLocation
}
