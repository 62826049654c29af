/// A sentence of a report with the words it stresses marked, so that each format can show
/// the stress its own way (`**…**` in Markdown, `<strong>` in HTML) and escape the rest.
/// Text typed during an interview (notes, what was done) is marked too: Markdown escapes it,
/// so that a note can never become a link or markup.
///
/// ```swift
/// let phrase: Phrase = "It drives \(strong: "Housing"), adding 0.4."
/// phrase.markdown   // It drives **Housing**, adding 0.4.
/// ```
struct Phrase: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// A run of words, stressed or not.
    enum Part: Sendable, Hashable {
        case plain(String)
        case strong(String)
        /// Typed by a person during the interview.
        case typed(String)
    }

    /// The runs, in order.
    var parts: [Part]

    init(parts: [Part]) {
        self.parts = parts
    }

    init(stringLiteral value: String) {
        parts = [.plain(value)]
    }

    init(stringInterpolation: Interpolation) {
        parts = stringInterpolation.parts
    }

    /// Builds a phrase from literal text, plain values and `\(strong: …)` runs.
    struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { parts.append(.plain(literal)) }
        }

        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            appendLiteral(value.description)
        }

        mutating func appendInterpolation(strong value: String) {
            parts.append(.strong(value))
        }

        mutating func appendInterpolation(typed value: String) {
            parts.append(.typed(value))
        }

        mutating func appendInterpolation(_ phrase: Phrase) {
            parts += phrase.parts
        }
    }

    /// The phrase with `other` after it.
    static func + (phrase: Phrase, other: Phrase) -> Phrase {
        Phrase(parts: phrase.parts + other.parts)
    }

    /// `phrases` with `separator` between them.
    static func joined(_ phrases: [Phrase], separator: String) -> Phrase {
        var parts: [Part] = []
        for (i, phrase) in phrases.enumerated() {
            if i > 0 { parts.append(.plain(separator)) }
            parts += phrase.parts
        }
        return Phrase(parts: parts)
    }

    /// True when the phrase has no words.
    var isEmpty: Bool {
        parts.allSatisfy {
            switch $0 {
            case .plain(let text), .strong(let text), .typed(let text): text.isEmpty
            }
        }
    }

    /// As Markdown: stressed runs between `**`.
    var markdown: String {
        parts.map {
            switch $0 {
            case .plain(let text): text
            case .strong(let text): "**\(text)**"
            case .typed(let text): Self.escapeMarkdown(text)
            }
        }.joined()
    }

    /// As HTML: every run escaped, stressed runs in `<strong>`.
    var html: String {
        parts.map {
            switch $0 {
            case .plain(let text), .typed(let text): HTML.escape(text)
            case .strong(let text): "<strong>\(HTML.escape(text))</strong>"
            }
        }.joined()
    }

    /// Typed text made inert in Markdown: every character with a meaning is escaped and line
    /// breaks become spaces, so it reads as written and stays on its line.
    static func escapeMarkdown(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~":
                escaped += "\\\(character)"
            case "\n", "\r":
                escaped += " "
            default:
                escaped.append(character)
            }
        }
        return escaped
    }
}
