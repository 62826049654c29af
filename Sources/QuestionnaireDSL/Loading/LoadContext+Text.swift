extension LoadContext {
    /// A text a person sees: a string, or a map of language tag to string that must hold
    /// `language` (the instrument's own; `en` serves `en-GB`).
    func text(_ node: YAMLNode, _ what: @autoclosure () -> String, language: String?) -> LocalizedText? {
        if node.scalar != nil {
            guard let source = scalar(node, what()) else { return nil }
            return LocalizedText(translations: [.init(language: nil, source: source)])
        }
        guard case .mapping(let pairs) = node.kind else {
            wrongType(node, what(), expected: "text, or a map of language to text such as {en: …, cy: …}")
            return nil
        }
        var translations: [LocalizedText.Translation] = []
        for pair in pairs {
            let tag = pair.name
            if !LanguageTag.isWellFormed(tag) {
                report(
                    .invalidValue, "'\(tag)' in \(what()) is not a language tag", at: pair.key.start,
                    hint: "use a tag such as en, en-GB or cy")
                continue
            }
            if let source = scalar(pair.value, "the '\(tag)' text of \(what())") {
                translations.append(.init(language: tag, source: source))
            }
        }
        if let language, !translations.isEmpty,
            !translations.contains(where: { LanguageTag.serves($0.language, language) })
        {
            report(
                .missingLanguage, "\(what()) has no text in the instrument's language '\(language)'",
                at: node.start,
                hint: "add '\(language): …' (or its language alone, e.g. '\(language.prefix { $0 != "-" })')")
        }
        return translations.isEmpty ? nil : LocalizedText(translations: translations)
    }
}
