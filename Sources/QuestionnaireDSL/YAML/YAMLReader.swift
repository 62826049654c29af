/// Reads one YAML document into ``YAMLNode``s with positions, turning every problem into a
/// ``Diagnostic``: libyaml's own errors, duplicate keys, extra documents, and the limits.
///
/// ```swift
/// let source = SourceFile(name: "phq-9.yaml", text: "instrument: {id: phq-9}")
/// let (node, diagnostics) = YAMLReader().read(source)
/// ```
///
/// Aliases are expanded (an alias shares the anchored node), and a document whose aliases
/// would expand past ``YAMLLimits/maxNodes`` is refused at once, so a "billion laughs"
/// file costs microseconds. Keys must be scalars; merge keys (`<<`) are ordinary keys.
public struct YAMLReader: Sendable {
    /// The limits applied to every read.
    public var limits: YAMLLimits

    /// Creates a reader.
    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Reads the single document in `source`; the node is nil when the YAML cannot be read.
    public func read(_ source: SourceFile) -> (YAMLNode?, [Diagnostic]) {
        let file = source.name
        guard source.bytes.count <= limits.maxBytes else {
            return (
                nil,
                [
                    Diagnostic(
                        .yamlTooLarge,
                        "the file is \(source.bytes.count) bytes; the most accepted is \(limits.maxBytes)",
                        file: file, at: nil,
                        hint: "an instrument is normally well under a megabyte; check this is the right file")
                ]
            )
        }
        var builder = NodeBuilder(file: file, limits: limits)
        if let error = LibYAMLParser.parse(source.bytes, { builder.consume($0) }) {
            builder.diagnostics.append(Self.diagnostic(for: error, file: file))
            return (nil, builder.diagnostics)
        }
        if builder.stopped { return (nil, builder.diagnostics) }
        guard let root = builder.root, !root.isNull else {
            builder.diagnostics.append(
                Diagnostic(
                    .yamlEmpty, "the file holds no instrument", file: file,
                    at: SourceLocation(line: 1, column: 1),
                    hint: "an instrument starts with 'instrument:'; see docs/tutorial.md"))
            return (nil, builder.diagnostics)
        }
        return (root, builder.diagnostics)
    }

    /// The raw event stream of `source`, for tools and tests that compare with other parsers.
    /// Multiple documents are allowed here; no limits other than size apply.
    public static func events(_ source: SourceFile) -> Result<[YAMLEvent], YAMLSyntaxError> {
        var events: [YAMLEvent] = []
        if let error = LibYAMLParser.parse(
            source.bytes,
            {
                events.append($0)
                return true
            })
        {
            return .failure(error)
        }
        return .success(events)
    }

    static func diagnostic(for error: YAMLSyntaxError, file: String) -> Diagnostic {
        var message = error.problem
        if let context = error.context { message = "\(context): \(message)" }
        var location = error.location
        var notes: [DiagnosticNote] = []
        if let contextLocation = error.contextLocation, contextLocation != error.location {
            if error.atEndOfInput {
                // libyaml notices an unclosed quote or bracket only when the file runs out;
                // the place to look at is where the unfinished value began.
                location = contextLocation
                notes.append(DiagnosticNote(message: "the file ends here", file: file, location: error.location))
            } else {
                notes.append(DiagnosticNote(message: "the value started here", file: file, location: contextLocation))
            }
        }
        return Diagnostic(
            .yamlSyntax, message, file: file, at: location,
            hint: hint(for: error), notes: notes)
    }

    private static func hint(for error: YAMLSyntaxError) -> String {
        let text = (error.problem + " " + (error.context ?? "")).lowercased()
        // libyaml calls a tab at the start of a line "character that cannot start any token".
        if error.found == "\t" || text.contains("tab") {
            return "indent with spaces; YAML does not allow tabs for indentation"
        }
        if text.contains("quoted scalar") {
            return "close the quote; to put a quote inside single quotes, write it twice ('')"
        }
        if text.contains("flow sequence") {
            return "close the list with ']', and separate its items with commas"
        }
        if text.contains("flow mapping") {
            return "close the mapping with '}', and separate its entries with commas"
        }
        if text.contains("mapping values are not allowed") {
            return "a ': ' inside a value starts a new key; put the whole value in quotes"
        }
        if text.contains("expected ':'") || text.contains("expected key") || text.contains("expected '-'")
            || text.contains("block end") || text.contains("indentation")
        {
            return "check the indentation of this line against the lines above it"
        }
        if text.contains("cannot start any token") {
            return "this character cannot begin a value; put the value in quotes"
        }
        if text.contains("control characters") {
            return "remove the invisible control character; text may hold tabs and line breaks only"
        }
        if text.contains("utf-8") || text.contains("invalid leading") || text.contains("invalid trailing") {
            return "save the file as UTF-8"
        }
        if error.atEndOfInput {
            return "the file ends before this value is complete; look above for an unclosed '[', '{' or quote"
        }
        return "check the YAML syntax near this point"
    }
}
