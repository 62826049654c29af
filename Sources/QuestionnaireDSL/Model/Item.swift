/// One question.
public struct Item: Sendable, Hashable, Codable {
    /// The item's id, unique among items.
    public var id: String
    /// The question as asked.
    public var prompt: LocalizedText
    /// Why the question is asked, shown on request; required for sensitive questions.
    public var purpose: LocalizedText?
    /// The kind of answer.
    public var type: ItemType
    /// The options (from `options:` or the named scale) for choice, multi_choice and scale.
    public var options: [Option]
    /// The scale the options came from, when `scale:` was used.
    public var scale: String?
    /// Bounds for a number answer.
    public var min: Double?
    /// Bounds for a number answer.
    public var max: Double?
    /// A personal or painful question: needs a purpose and may always be declined.
    public var sensitive: Bool
    /// Cannot be declined (never allowed on a sensitive question).
    public var required: Bool
    /// Identifies the person: kept out of batch output and summaries.
    public var identifying: Bool
    /// When to ask it; asked always when absent.
    public var showIf: ExpressionSource?
    /// The section the item belongs to.
    public var section: String
    /// Where the item was defined.
    public var location: SourceLocation
}
