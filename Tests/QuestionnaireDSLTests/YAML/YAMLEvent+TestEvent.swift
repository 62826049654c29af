@testable import QuestionnaireDSL

extension YAMLEvent {
    /// The event as one line of the YAML test suite's `test.event` format, the same form
    /// libyaml's own `run-parser-test-suite` prints: `+MAP {} &a <tag>`, `=VAL :text`, …
    var testEventLine: String {
        switch kind {
        case .streamStart: "+STR"
        case .streamEnd: "-STR"
        case .documentStart(let explicit): explicit ? "+DOC ---" : "+DOC"
        case .documentEnd(let explicit): explicit ? "-DOC ..." : "-DOC"
        case .alias(let name): "=ALI *\(name)"
        case .sequenceStart(let flow): "+SEQ" + (flow ? " []" : "") + properties
        case .sequenceEnd: "-SEQ"
        case .mappingStart(let flow): "+MAP" + (flow ? " {}" : "") + properties
        case .mappingEnd: "-MAP"
        case .scalar(let text, let style): "=VAL\(properties) \(style.testEventIndicator)\(Self.escaped(text))"
        }
    }

    /// ` &anchor <tag>`, each part only when present.
    private var properties: String {
        (anchor.map { " &\($0)" } ?? "") + (tag.map { " <\($0)>" } ?? "")
    }

    /// The suite writes a scalar on one line, escaping the backslash and control characters.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            case "\u{08}": out += "\\b"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension ScalarStyle {
    /// The character the suite puts before a scalar's text to show its style.
    fileprivate var testEventIndicator: String {
        switch self {
        case .plain: ":"
        case .singleQuoted: "'"
        case .doubleQuoted: "\""
        case .literal: "|"
        case .folded: ">"
        }
    }
}
