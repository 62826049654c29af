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
        // Each entry may be a phrase ("failed to engage"): matched word by word, the
        // longest first, and the designer's own entries before the built-in ones.
        let phrases = (input.instrument.avoidWords + Self.builtIn).map { entry in
            (words: Self.words(entry.word).map { $0.text.lowercased() }, instead: entry.instead)
        }.filter { !$0.words.isEmpty }.enumerated().sorted {
            ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset)
        }.map(\.element)
        var findings: [Diagnostic] = []
        for (owner, text) in input.instrument.visibleTexts {
            for translation in text.translations {
                let words = Self.words(translation.source.text)
                let lower = words.map { $0.text.lowercased() }
                for index in words.indices {
                    var match = phrases.first { phrase in
                        lower[index...].starts(with: phrase.words)
                    }.map { (length: $0.words.count, instead: $0.instead) }
                    if match == nil, lower[index] == "case" || lower[index] == "cases", index > 0,
                        Self.personalCase.contains(lower[index - 1]), lower.dropFirst(index + 1).first != "of"
                    {
                        match = (1, "the woman, or her support")
                    }
                    guard let match else { continue }
                    let phrase = words[index..<index + match.length].map(\.text).joined(separator: " ")
                    findings.append(
                        input.diagnostic(
                            code, "'\(phrase)' in \(owner) labels a person",
                            at: translation.source.location(ofOffset: words[index].offset, in: input.source),
                            hint: "say '\(match.instead)' instead"))
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
