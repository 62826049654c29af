/// One event of libyaml's event stream, converted to Swift values with 1-based marks.
public struct YAMLEvent: Sendable, Equatable {
    /// The kinds of event.
    public enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        /// `explicit` is true when the document starts with `---`.
        case documentStart(explicit: Bool)
        /// `explicit` is true when the document ends with `...`.
        case documentEnd(explicit: Bool)
        case alias(String)
        case scalar(String, ScalarStyle)
        /// `flow` is true for `[a, b]`.
        case sequenceStart(flow: Bool)
        case sequenceEnd
        /// `flow` is true for `{a: b}`.
        case mappingStart(flow: Bool)
        case mappingEnd
    }

    /// What happened.
    public var kind: Kind
    /// The anchor (`&name`) on a node, if any.
    public var anchor: String?
    /// The resolved tag on a node, if any.
    public var tag: String?
    /// Where the event starts.
    public var start: SourceLocation
    /// Where the event ends.
    public var end: SourceLocation
}

/// A failure reported by libyaml itself, converted to a location and plain words.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    /// What went wrong, in libyaml's words.
    public var problem: String
    /// Where it went wrong.
    public var location: SourceLocation
    /// What libyaml was reading at the time, and where that started.
    public var context: String?
    /// Where the context started.
    public var contextLocation: SourceLocation?
    /// The character libyaml stopped at, when it stopped at a readable one.
    public var found: Unicode.Scalar?
    /// True when libyaml met the problem only at the end of the input, as it does with an
    /// unclosed quote or bracket.
    public var atEndOfInput = false
}
