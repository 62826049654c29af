import Foundation

/// Diagnostics in machine-readable form, for editors and CI (`--format json`).
///
/// ```json
/// {"diagnostics": [{"file": "a.yaml", "line": 3, "column": 5, "severity": "error",
///   "code": "unknown-key", "message": "…", "hint": "…",
///   "notes": [{"file": "a.yaml", "line": 2, "column": 5, "message": "…"}]}],
///  "errors": 1, "warnings": 0}
/// ```
public struct DiagnosticReport: Codable, Sendable {
    /// One diagnostic, flattened.
    public struct Entry: Codable, Sendable {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var severity: Severity
        public var code: String
        public var message: String
        public var hint: String?
        public var notes: [Note]
    }

    /// A note, flattened like its diagnostic.
    public struct Note: Codable, Sendable {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var message: String
    }

    /// The diagnostics, in file order.
    public var diagnostics: [Entry]
    /// How many are errors.
    public var errors: Int
    /// How many are warnings.
    public var warnings: Int

    /// Builds the report for `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.map {
            Entry(
                file: $0.file, line: $0.location?.line, column: $0.location?.column, severity: $0.severity,
                code: $0.code.rawValue, message: $0.message, hint: $0.hint,
                notes: $0.notes.map {
                    Note(file: $0.file, line: $0.location?.line, column: $0.location?.column, message: $0.message)
                })
        }
        self.errors = diagnostics.count { $0.severity == .error }
        self.warnings = diagnostics.count { $0.severity == .warning }
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
