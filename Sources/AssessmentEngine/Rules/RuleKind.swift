/// The kinds of rule an instrument can hold.
public enum RuleKind: String, Sendable, Hashable, Codable {
    /// A safeguarding rule: action needed today (tier 0).
    case safeguarding
    /// A responsivity rule: changes how and when support is given.
    case responsivity
    /// A need's `urgent_if`: puts the need in tier 0.
    case urgentIf = "urgent_if"
}
