/// A text a person sees, in one language or several: `prompt: Hello` or
/// `prompt: {en: Hello, cy: Helo}`.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The translations in the order written: language tag and text.
    public var translations: [Translation]

    /// One language's text.
    public struct Translation: Sendable, Hashable, Codable {
        /// The language tag, e.g. `en-GB`; nil for a plain string (the instrument's language).
        public var language: String?
        /// The text and where it was written.
        public var source: ScalarSource
    }

    /// Creates a text from its translations.
    public init(translations: [Translation]) {
        self.translations = translations
    }

    /// A single-language text built in code.
    public init(_ text: String) {
        self.translations = [Translation(language: nil, source: ScalarSource(text))]
    }

    /// The languages this text is written in (nil stands for the instrument's language).
    public var languages: [String?] { translations.map(\.language) }

    /// The text for `language`, falling back to `fallback` and then to the first
    /// translation. `en` serves `en-GB` (a tag matches its own prefix).
    public func resolve(_ language: String, fallback: String) -> String {
        for wanted in [language, fallback] {
            if let match = translations.first(where: { LanguageTag.serves($0.language, wanted) }) {
                return match.source.text
            }
        }
        return translations.first?.source.text ?? ""
    }

    /// The text in the instrument's own language.
    public func text(in language: String) -> String { resolve(language, fallback: language) }
}

/// Matching of BCP 47 language tags, as far as instruments need it.
public enum LanguageTag {
    /// True when a translation written for `tag` serves a reader asking for `wanted`:
    /// the same tag, a prefix of it (`en` serves `en-GB`), or nil (a plain string).
    public static func serves(_ tag: String?, _ wanted: String) -> Bool {
        guard let tag else { return true }
        let t = tag.lowercased(), w = wanted.lowercased()
        return t == w || w.hasPrefix(t + "-")
    }

    /// True for a well-formed tag such as `en`, `en-GB`, `cy`, `pa-Guru-IN`.
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isLetter) else {
            return false
        }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isLetter || $0.isNumber }
        }
    }
}
