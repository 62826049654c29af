/// The bounds the reader enforces, so that no input can make it hang or exhaust memory.
public struct YAMLLimits: Sendable {
    /// The largest input accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of lists and mappings accepted.
    public var maxDepth: Int
    /// The most nodes a document may have once its aliases are expanded.
    public var maxNodes: Int

    /// Creates limits.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxNodes: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The limits used by every command: 8 MiB, depth 64, a million nodes.
    public static let standard = YAMLLimits()
}
