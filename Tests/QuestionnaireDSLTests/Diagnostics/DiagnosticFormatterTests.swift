import Testing

@testable import QuestionnaireDSL

@Suite struct DiagnosticFormatterTests {
    static let diagnostic = Diagnostic(
        .unknownKey, "unknown key 'promt' in an item", file: "a.yaml", at: SourceLocation(line: 2, column: 5),
        hint: "did you mean 'prompt'?")

    @Test(arguments: ["\n", "\r\n"])
    func quotesTheLineWithACaretWhateverTheLineEnds(ending: String) {
        let source = SourceFile(name: "a.yaml", text: ["items:", "  - promt: x", ""].joined(separator: ending))
        let text = DiagnosticFormatter().format(Self.diagnostic, sources: ["a.yaml": source])
        #expect(
            text == """
                a.yaml:2:5: error[unknown-key]: unknown key 'promt' in an item
                    2 |   - promt: x
                      |     ^
                      = hint: did you mean 'prompt'?
                """)
    }

    @Test func colourOnlyWhenAsked() {
        let source = SourceFile(name: "a.yaml", text: "items:\n  - promt: x\n")
        #expect(
            !DiagnosticFormatter(colour: false).format(Self.diagnostic, sources: ["a.yaml": source]).contains("\u{1B}[")
        )
        #expect(
            DiagnosticFormatter(colour: true).format(Self.diagnostic, sources: ["a.yaml": source]).contains(
                "\u{1B}[1;31m"))
    }

    @Test func summaryCountsWithPlurals() {
        #expect(DiagnosticFormatter.summary(errors: 1, warnings: 0) == "1 error, 0 warnings")
        #expect(DiagnosticFormatter.summary(errors: 2, warnings: 1) == "2 errors, 1 warning")
    }
}
