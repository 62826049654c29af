/// A scalar value as written in the instrument file, with where it was written, so that
/// later stages (the expression checker, lints) can point inside it.
public struct ScalarSource: Sendable, Hashable, Codable {
    /// The scalar's value (after YAML unquoting and folding).
    public var text: String
    /// Where the scalar starts (its opening quote, if quoted).
    public var start: SourceLocation
    /// Where the scalar ends.
    public var end: SourceLocation
    /// How it was written.
    public var style: ScalarStyle

    /// Creates a scalar source.
    public init(text: String, start: SourceLocation, end: SourceLocation, style: ScalarStyle) {
        self.text = text
        self.start = start
        self.end = end
        self.style = style
    }

    /// A source with no place in a file, for values built in code.
    public init(_ text: String) {
        self.init(
            text: text, start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1),
            style: .plain)
    }
}

/// An expression as written in the instrument file (`score`, `when`, `show_if`, …).
public typealias ExpressionSource = ScalarSource
