/// How a scalar was written. The loader uses it to tell `yes` (a plain word that may be a
/// boolean where a boolean is expected) from `'yes'` (always the text "yes").
public enum ScalarStyle: String, Sendable, Codable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    /// True for the style whose words may stand for booleans, numbers or nothing.
    public var isPlain: Bool { self == .plain }
}

/// A node of a YAML document with the place it starts and ends.
public struct YAMLNode: Sendable {
    /// The three kinds of YAML node.
    public enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// What the node is.
    public var kind: Kind
    /// Where the node starts (for a quoted scalar, its opening quote).
    public var start: SourceLocation
    /// Where the node ends (just past its last character).
    public var end: SourceLocation
    /// An explicit tag such as `tag:yaml.org,2002:str`, when one was written.
    public var tag: String?

    /// Creates a node.
    public init(kind: Kind, start: SourceLocation, end: SourceLocation, tag: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.tag = tag
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The scalar's style, or nil for a sequence or mapping.
    public var style: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    /// True for an untagged plain scalar: the only kind whose words can mean booleans,
    /// numbers or null.
    public var isPlainScalar: Bool { style == .plain && tag == nil }

    /// True for `~`, `null` or an empty plain scalar: a key written with no value.
    public var isNull: Bool {
        guard isPlainScalar, let text = scalar else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A word for the node's kind, for messages: "text", "a list", "a mapping".
    public var kindDescription: String {
        switch kind {
        case .scalar: isNull ? "nothing" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A key and its value in a YAML mapping.
public struct YAMLPair: Sendable {
    /// The key node (always a scalar: other keys are refused by the reader).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// The key's text.
    public var name: String { key.scalar ?? "" }
}
