/// Collects diagnostics while nodes are read into the model, and offers typed readers that
/// report a wrong kind of value instead of failing. Every reader returns nil after
/// reporting, so loading goes on and all problems in a file are found in one pass.
final class LoadContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func report(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil,
        notes: [DiagnosticNote] = [], severity: Severity? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                code, message, file: file, at: location, severity: severity, hint: hint, notes: notes))
    }

    func note(_ message: String, at location: SourceLocation) -> DiagnosticNote {
        DiagnosticNote(message: message, file: file, location: location)
    }

    // MARK: Mappings

    /// The fields of a mapping, after reporting unknown keys (with a suggestion) and
    /// missing required keys. Nil, after a report, when the node is not a mapping.
    func fields(_ node: YAMLNode, _ what: @autoclosure () -> String, allowed: [String], required: [String] = [])
        -> Fields?
    {
        guard case .mapping(let pairs) = node.kind else {
            wrongType(node, what(), expected: "a mapping of keys to values")
            return nil
        }
        for pair in pairs where pair.key.scalar != nil {  // other keys were reported by the reader
            if !allowed.contains(pair.name) {
                let hint =
                    Suggestion.didYouMean(pair.name, among: allowed)
                    ?? "the keys allowed in \(what()) are: \(allowed.joined(separator: ", "))"
                report(.unknownKey, "unknown key '\(pair.name)' in \(what())", at: pair.key.start, hint: hint)
            }
        }
        for key in required where !pairs.contains(where: { $0.name == key }) {
            report(
                .missingKey, "\(what()) has no '\(key)'", at: node.start,
                hint: "add '\(key): …' to \(what())")
        }
        return Fields(node: node, pairs: pairs)
    }

    func wrongType(_ node: YAMLNode, _ what: @autoclosure () -> String, expected: String, hint: String? = nil) {
        let found: String
        if let text = node.scalar, !node.isNull {
            found = "'\(text)'"
        } else {
            found = node.kindDescription
        }
        report(.wrongType, "\(what()) should be \(expected), not \(found)", at: node.start, hint: hint)
    }

    // MARK: Scalars

    /// Any non-empty scalar, as written.
    func scalar(_ node: YAMLNode, _ what: @autoclosure () -> String) -> ScalarSource? {
        guard let text = node.scalar, !node.isNull else {
            wrongType(node, what(), expected: "text")
            return nil
        }
        return ScalarSource(text: text, start: node.start, end: node.end, style: node.style ?? .plain)
    }

    func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        scalar(node, what())?.text
    }

    /// A boolean: the plain words `true`/`false`/`yes`/`no` in any case. Quoted words are
    /// text, and `on`/`off`/`y`/`n` are refused rather than guessed at.
    func bool(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Bool? {
        if let value = Self.booleanWord(node) { return value }
        let hint: String
        if let text = node.scalar, let style = node.style, !style.isPlain, Self.booleanWord(text) != nil {
            hint = "remove the quotes: quoted '\(text)' is text, not yes or no"
        } else {
            hint = "write yes or no (or true or false)"
        }
        wrongType(node, what(), expected: "yes or no", hint: hint)
        return nil
    }

    /// The boolean a plain scalar stands for where a boolean is expected, if any.
    static func booleanWord(_ node: YAMLNode) -> Bool? {
        let taggedBoolean = node.tag == "tag:yaml.org,2002:bool" && node.style == .plain
        guard node.isPlainScalar || taggedBoolean, let text = node.scalar else { return nil }
        return booleanWord(text)
    }

    static func booleanWord(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes": true
        case "false", "no": false
        default: nil
        }
    }

    /// A finite number written plainly (`3`, `0.5`, `-2`).
    func number(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Double? {
        if let value = Self.numberWord(node) { return value }
        let hint =
            node.scalar.flatMap { node.isPlainScalar ? nil : Double($0) } != nil
            ? "remove the quotes: a quoted number is text" : nil
        wrongType(node, what(), expected: "a number", hint: hint)
        return nil
    }

    static func numberWord(_ node: YAMLNode) -> Double? {
        guard node.isPlainScalar, let text = node.scalar, let value = Double(text), value.isFinite,
            text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
        else { return nil }
        return value
    }

    func nonNegativeInteger(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Int? {
        guard let value = number(node, what()) else { return nil }
        guard value >= 0, value == value.rounded(), value < 1e9 else {
            report(
                .invalidValue, "\(what()) should be a whole number of 0 or more, not \(Self.format(value))",
                at: node.start)
            return nil
        }
        return Int(value)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// One of a fixed set of words (an item type, a target, a method), reported with a
    /// suggestion or the full list when it is none of them.
    func word<Word: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ what: @autoclosure () -> String, as _: Word.Type, code: DiagnosticCode = .invalidValue
    ) -> Word? where Word.RawValue == String {
        guard let text = string(node, what()) else { return nil }
        if let word = Word(rawValue: text) { return word }
        let names = Word.allCases.map(\.rawValue)
        report(
            code, "'\(text)' is not \(what())", at: node.start,
            hint: Suggestion.didYouMean(text, among: names) ?? "it is one of: \(names.joined(separator: ", "))")
        return nil
    }

    // MARK: Lists

    /// A list's elements; a missing value reads as an empty list only when `emptyIfNull`.
    func list(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [YAMLNode]? {
        guard case .sequence(let elements) = node.kind else {
            wrongType(node, what(), expected: "a list", hint: "start each entry on its own line with '- '")
            return nil
        }
        return elements
    }

    /// A list of ids (`supports: [trauma, housing]`); a single id is accepted as a list of one.
    func idList(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [(String, SourceLocation)] {
        let elements: [YAMLNode]
        if node.scalar != nil, !node.isNull {
            elements = [node]
        } else {
            elements = list(node, what()) ?? []
        }
        return elements.compactMap { element in string(element, "each entry of \(what())").map { ($0, element.start) } }
    }

    // MARK: Ids

    /// An id: `[a-z][a-z0-9_]*` (with `-` too for the instrument's own id).
    func id(_ node: YAMLNode, _ what: @autoclosure () -> String, allowHyphen: Bool = false) -> String? {
        guard let text = string(node, what()) else { return nil }
        if text.hasPrefix("_") {
            report(
                .invalidID, "\(what()) '\(text)' starts with '_', which is reserved", at: node.start,
                hint: "remove the leading underscore")
            return nil
        }
        if !allowHyphen, Token.keywords[text] != nil {
            report(
                .invalidID, "\(what()) '\(text)' is a word of the expression language", at: node.start,
                hint: "expressions could not name it; choose another id, e.g. '\(text)_answer'")
            return nil
        }
        guard Identifier.isValid(text, allowHyphen: allowHyphen) else {
            let pattern = allowHyphen ? "[a-z][a-z0-9_-]*" : "[a-z][a-z0-9_]*"
            report(
                .invalidID, "\(what()) '\(text)' is not a valid id", at: node.start,
                hint: "ids use lower-case letters, digits and '_' (\(pattern)); try '\(Identifier.suggest(from: text))'"
            )
            return nil
        }
        return text
    }
}

/// The values of a mapping by key, after its keys were checked: the mapping's own pairs,
/// searched in place (instrument mappings have a dozen keys at most, and building a
/// dictionary or a copy cost more than the search). Ask only for allowed keys.
struct Fields {
    let node: YAMLNode
    let pairs: [YAMLPair]

    /// The value of `key`; the last one when the YAML repeated it (reported by the reader).
    subscript(_ key: String) -> YAMLNode? {
        pairs.last { $0.name == key }?.value
    }
}
