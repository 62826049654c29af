/// A quoted code in an expression, resolved to its option or band index.
public struct CodeReference: Sendable, Equatable {
    /// The code as written, without quotes.
    public var code: String
    /// Its index among the item's options or the need's bands.
    public var index: Int
    /// The offset, in Unicode scalars, of its opening quote.
    public var offset: Int

    /// Creates a code reference.
    public init(code: String, index: Int, offset: Int) {
        self.code = code
        self.index = index
        self.offset = offset
    }
}
