/// Words that label a person rather than describe her situation or support ("offender",
/// "non-compliant", "case" for a person) are flagged with a kinder alternative. The
/// built-in list is extended by the instrument's `lint: {avoid: …}`.
public struct StigmatisingWordLint: Lint {
    public let code = DiagnosticCode.stigmatisingWord

    /// The built-in words to avoid and what to say instead.
    public static let builtIn: [AvoidWord] = [
        AvoidWord(word: "offender", instead: "the woman, or the person you are working with"),
        AvoidWord(word: "offenders", instead: "women, or the people you work with"),
        AvoidWord(word: "ex-offender", instead: "a person with a conviction"),
        AvoidWord(word: "non-compliant", instead: "not yet engaged"),
        AvoidWord(word: "noncompliant", instead: "not yet engaged"),
        AvoidWord(word: "non-compliance", instead: "not yet engaging"),
        AvoidWord(word: "failed", instead: "did not yet manage, or was not able to"),
        AvoidWord(word: "inmate", instead: "woman in prison"),
        AvoidWord(word: "prisoner", instead: "woman in prison"),
        AvoidWord(word: "addict", instead: "person who uses drugs or alcohol"),
        AvoidWord(word: "junkie", instead: "person who uses drugs"),
        AvoidWord(word: "alcoholic", instead: "person who drinks heavily"),
        AvoidWord(word: "prostitute", instead: "woman who sells or exchanges sex"),
        AvoidWord(word: "manipulative", instead: "a description of what she did and why"),
        AvoidWord(word: "attention-seeking", instead: "seeking support"),
        AvoidWord(word: "caseload", instead: "the women you support"),
    ]

    /// Words before "case" that make it refer to a person ("the case", "her case").
    static let personalCase: Set<String> = ["the", "this", "a", "her", "my", "your", "each", "every", "our", "their"]

    public func check(_ input: LintInput) -> [Diagnostic] {
        let avoid = Self.builtIn + input.instrument.avoidWords
        var findings: [Diagnostic] = []
        for (owner, text) in input.instrument.visibleTexts {
            for translation in text.translations {
                let words = Self.words(translation.source.text)
                for (index, word) in words.enumerated() {
                    let lower = word.text.lowercased()
                    var instead = avoid.first { $0.word.lowercased() == lower }?.instead
                    if instead == nil, lower == "case" || lower == "cases", index > 0,
                        Self.personalCase.contains(words[index - 1].text.lowercased()),
                        index + 1 == words.count || words[index + 1].text.lowercased() != "of"
                    {
                        instead = "the woman, or her support"
                    }
                    guard let instead else { continue }
                    findings.append(
                        input.diagnostic(
                            code, "'\(word.text)' in \(owner) labels a person",
                            at: translation.source.location(ofOffset: word.offset, in: input.source),
                            hint: "say '\(instead)' instead"))
                }
            }
        }
        return findings
    }

    /// The words of `text` with their offsets: letters and digits, joined by inner
    /// hyphens and apostrophes ("non-compliant", "she's").
    static func words(_ text: String) -> [(text: String, offset: Int)] {
        var words: [(String, Int)] = []
        var current = ""
        var start = 0
        func finish() {
            while let last = current.last, last == "-" || last == "'" { current.removeLast() }
            if !current.isEmpty { words.append((current, start)) }
            current = ""
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let isWordCharacter = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isWordCharacter {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty, scalar == "-" || scalar == "'" || scalar == "\u{2019}" {
                current.unicodeScalars.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return words
    }
}
