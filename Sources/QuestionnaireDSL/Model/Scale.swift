/// A reusable set of options, named under `scales:` and used by `scale: name`.
public struct Scale: Sendable, Hashable, Codable {
    /// The scale's id.
    public var id: String
    /// Its options in order.
    public var options: [Option]
    /// Where it was defined.
    public var location: SourceLocation
}
