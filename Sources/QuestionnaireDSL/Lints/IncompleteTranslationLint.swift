/// When some texts are translated into a language, every text a person sees should be,
/// or she meets a mix of languages mid-interview.
public struct IncompleteTranslationLint: Lint {
    public let code = DiagnosticCode.incompleteTranslation

    public func check(_ input: LintInput) -> [Diagnostic] {
        let instrument = input.instrument
        let texts = instrument.visibleTexts
        let own = instrument.language
        // The languages in use, besides the instrument's own.
        var languages: [String] = []
        for (_, text) in texts {
            for case let tag? in text.languages where !LanguageTag.serves(tag, own) && !languages.contains(tag) {
                languages.append(tag)
            }
        }
        var findings: [Diagnostic] = []
        for (owner, text) in texts {
            let missing = languages.filter { wanted in
                !text.languages.contains { $0 != nil && LanguageTag.serves($0, wanted) }
            }
            guard !missing.isEmpty, let first = text.translations.first else { continue }
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            findings.append(
                input.diagnostic(
                    code, "\(owner) has no \(list) text, though other texts do", at: first.source.start,
                    hint:
                        "add \(missing.map { "\($0): …" }.joined(separator: ", ")) so the whole interview can be given in that language"
                ))
        }
        return findings
    }
}
