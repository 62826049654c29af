/// A responsivity rule: changes how and when support is given, with advice for the worker.
public struct ResponsivityRule: Sendable, Hashable, Codable {
    /// The rule's id, reported as a flag.
    public var id: String
    /// When it applies.
    public var when: ExpressionSource
    /// What to do.
    public var advice: LocalizedText
    /// The needs whose plan the advice belongs to.
    public var supports: [String]
    /// Where it was defined.
    public var location: SourceLocation
}

/// A safeguarding rule: raised the moment its condition is known, with the service's action.
public struct SafeguardingRule: Sendable, Hashable, Codable {
    /// The rule's id.
    public var id: String
    /// When it fires.
    public var when: ExpressionSource
    /// What the worker must do.
    public var action: LocalizedText
    /// Where it was defined.
    public var location: SourceLocation
}
