/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, usually pointing at a related place.
public struct DiagnosticNote: Sendable, Codable, Hashable {
    /// What the note says.
    public var message: String
    /// The file the note points into.
    public var file: String
    /// Where in that file, when known.
    public var location: SourceLocation?

    /// Creates a note.
    public init(message: String, file: String, location: SourceLocation?) {
        self.message = message
        self.file = file
        self.location = location
    }
}

/// One problem found in an input file: what, where, and how to fix it.
///
/// Diagnostics are plain values. Producing them (the reader, loader, checker and lints)
/// is separate from rendering them (``DiagnosticFormatter``, JSON).
public struct Diagnostic: Sendable, Codable, Hashable {
    /// Error, warning or note.
    public var severity: Severity
    /// The stable code, documented in the diagnostic catalogue.
    public var code: DiagnosticCode
    /// The message, lower-case, with the user's own text in quotes.
    public var message: String
    /// The file the problem is in.
    public var file: String
    /// Where in the file, when known.
    public var location: SourceLocation?
    /// Related places.
    public var notes: [DiagnosticNote]
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic; the severity defaults to the code's own.
    public init(
        _ code: DiagnosticCode,
        _ message: String,
        file: String,
        at location: SourceLocation?,
        severity: Severity? = nil,
        hint: String? = nil,
        notes: [DiagnosticNote] = []
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.location = location
        self.severity = severity ?? code.defaultSeverity
        self.hint = hint
        self.notes = notes
    }
}

extension Diagnostic: CustomStringConvertible {
    /// A one-line form: `file:line:column: severity[code]: message`.
    public var description: String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(severity.rawValue)[\(code.rawValue)]: \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in file order (file, line, column), stable for equal positions.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return a.offset < b.offset }
            switch (x.location, y.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
