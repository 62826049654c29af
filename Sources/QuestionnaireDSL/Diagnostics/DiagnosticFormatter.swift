/// Renders diagnostics for people: the message, the source line it points at with a caret
/// under the column, then notes and the hint. Colour is a decoration added only when asked.
///
/// ```
/// womens-needs.yaml:48:23: error[type-mismatch]: 'drug_use_reasons' is a set of codes; use 'has' to test membership
///    48 |     when: drug_use_reasons == 'partner'
///       |           ^
///       = hint: write drug_use_reasons has 'partner'
/// ```
public struct DiagnosticFormatter: Sendable {
    /// Whether to add ANSI colour (only on a terminal, and never when `NO_COLOR` is set).
    public var colour: Bool

    /// Creates a formatter.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// Renders one diagnostic; `sources` maps file names to their text for the snippet.
    public func format(_ diagnostic: Diagnostic, sources: [String: SourceFile]) -> String {
        var out = paint(headline(diagnostic), diagnostic.severity)
        if let location = diagnostic.location, let source = sources[diagnostic.file] {
            out += "\n" + snippet(source, location)
        }
        for note in diagnostic.notes {
            let place = note.location.map { "\(note.file):\($0)" } ?? note.file
            out += "\n      = note: \(note.message) (\(place))"
        }
        if let hint = diagnostic.hint {
            out += "\n      = hint: \(hint)"
        }
        return out
    }

    /// Renders a list of diagnostics, each followed by a blank line.
    public func format(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        diagnostics.map { format($0, sources: sources) + "\n" }.joined(separator: "\n")
    }

    /// The closing line, e.g. `2 errors, 1 warning`.
    public static func summary(errors: Int, warnings: Int) -> String {
        "\(count(errors, "error")), \(count(warnings, "warning"))"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func headline(_ d: Diagnostic) -> String {
        let place = d.location.map { "\(d.file):\($0.line):\($0.column)" } ?? d.file
        return "\(place): \(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message)"
    }

    private func snippet(_ source: SourceFile, _ location: SourceLocation) -> String {
        guard let line = source.line(location.line) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: max(5 - number.count, 1))
        let text = line.replacingTabs()
        // The caret sits under the column; tabs were widened to one space each, so a
        // character count of the prefix gives the caret's offset.
        let offset = max(0, min(location.column - 1, text.unicodeScalars.count))
        let caret = String(repeating: " ", count: offset) + paint("^", nil)
        return "\(gutter)\(number) | \(text)\n\(String(repeating: " ", count: gutter.count + number.count)) | \(caret)"
    }

    private func paint(_ text: String, _ severity: Severity?) -> String {
        guard colour else { return text }
        let code: String
        switch severity {
        case .error?: code = "1;31"
        case .warning?: code = "1;33"
        case .note?: code = "1;36"
        case nil: code = "1;32"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
