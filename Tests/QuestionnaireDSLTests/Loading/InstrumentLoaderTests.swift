import Testing

@testable import QuestionnaireDSL

@Suite struct InstrumentLoaderTests {
    @Test func loadsEveryPartOfAMinimalInstrument() throws {
        let (instrument, diagnostics) = InstrumentText.load(InstrumentText.minimal())
        #expect(diagnostics.isEmpty)
        let loaded = try #require(instrument)
        #expect(loaded.id == "example")
        #expect(loaded.items.map(\.id) == ["low_mood"])
        #expect(loaded.needs.first?.bands.map(\.name) == ["none", "present"])
        #expect(loaded.needs.first?.missing == MissingPolicy(maxDeclined: 0, method: .prorate))
    }

    @Test func plainNoIsACodeWhereACodeBelongs() throws {
        let items = """
                  - id: agree
                    prompt: Do you agree?
                    type: choice
                    options: [{code: yes, label: Yes}, {code: no, label: No}]
            """
        let (instrument, diagnostics) = InstrumentText.load(InstrumentText.minimal(items: items, needScore: "agree"))
        #expect(diagnostics.isEmpty)
        #expect(try #require(instrument).items[0].options.map(\.code) == ["yes", "no"])
    }

    @Test(arguments: [
        ("yes", true), ("No", false), ("TRUE", true), ("false", false),
    ])
    func plainBooleanWordsAreBooleansWhereABooleanBelongs(word: String, value: Bool) throws {
        let items = "      - {id: low_mood, prompt: Low?, type: yes_no, sensitive: \(word), purpose: To help.}"
        let (instrument, diagnostics) = InstrumentText.load(InstrumentText.minimal(items: items))
        #expect(diagnostics.isEmpty)
        #expect(try #require(instrument).items[0].sensitive == value)
    }

    @Test(arguments: ["'yes'", "on", "off", "y", "1"])
    func otherWordsAreNotGuessedToBeBooleans(word: String) throws {
        let items = "      - {id: low_mood, prompt: Low?, type: yes_no, sensitive: \(word)}"
        let (_, diagnostics) = InstrumentText.load(InstrumentText.minimal(items: items))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .wrongType)
        #expect(diagnostic.location == SourceLocation(line: 10, column: 63))
        if word == "'yes'" { #expect(diagnostic.hint?.contains("remove the quotes") == true) }
    }

    @Test func reportsAllProblemsTogetherInFileOrder() {
        let text = InstrumentText.minimal(
            items: "      - {id: Low_mood, promt: Low?, type: yes_no}",
            extra: "drivers:\n  - {from: mood, to: mood, weight: 2, because: x}")
        let diagnostics = InstrumentText.load(text).1
        #expect(diagnostics.map(\.code) == [.missingKey, .invalidID, .unknownKey, .driverSelfLoop, .driverWeight])
        #expect(diagnostics.map { $0.location?.line } == [10, 10, 10, 19, 19])
        #expect(diagnostics.map { $0.location?.column } == [9, 14, 24, 22, 36])
        #expect(diagnostics[2].hint == "did you mean 'prompt'?")
    }

    @Test func versionMustBeSemantic() {
        let text = InstrumentText.minimal().replacingOccurrences(of: "version: 1.0.0", with: "version: 1.2")
        let diagnostics = InstrumentText.load(text).1
        #expect(diagnostics.map(\.code) == [.invalidValue])
        #expect(diagnostics.first?.location == SourceLocation(line: 3, column: 12))
    }

    @Test func languageMapMayUseTheLanguageAlone() throws {
        let text = InstrumentText.minimal().replacingOccurrences(
            of: "title: Example", with: "title: {en: Example, cy: Enghraifft}")
        let (instrument, diagnostics) = InstrumentText.load(text)
        #expect(diagnostics.isEmpty)
        let title = try #require(instrument).title
        #expect(title.resolve("cy", fallback: "en-GB") == "Enghraifft")
        #expect(title.resolve("fr", fallback: "en-GB") == "Example")
    }

    @Test func scaleOptionsAreSharedAndValuesDefaultToPosition() throws {
        let text = InstrumentText.minimal(
            items: "      - {id: low_mood, prompt: Low?, type: scale, scale: often}",
            extra: "scales:\n  often: [{code: never, label: Never}, {code: always, label: Always}]")
        let (instrument, diagnostics) = InstrumentText.load(text)
        #expect(diagnostics.isEmpty)
        let options = try #require(instrument).items[0].options
        #expect(options.map(\.value) == [0, 1])
        #expect(options.map(\.code) == ["never", "always"])
    }

    @Test func answersInTestsAreReadAsTheirItemsExpect() throws {
        let extra = """
            tests:
              - name: reads answers
                answers: {low_mood: yes, _priorities: [mood]}
                expect: {bands: {mood: present}}
              - name: declined
                answers: {low_mood: declined}
                expect: {statuses: {mood: not_assessed}}
            """
        let (instrument, diagnostics) = InstrumentText.load(InstrumentText.minimal(extra: extra))
        #expect(diagnostics.isEmpty)
        let tests = try #require(instrument).tests
        #expect(tests[0].answers.map(\.value) == [.boolean(true)])
        #expect(tests[0].priorities == ["mood"])
        #expect(tests[0].expect.bands == ["mood": "present"])
        #expect(tests[1].answers.map(\.value) == [.declined])
    }

    @Test func unknownAnswerAndBandAreReportedWithSuggestions() {
        let extra = """
            tests:
              - name: typo
                answers: {low_mod: yes}
                expect: {bands: {mood: presnt}}
            """
        let diagnostics = InstrumentText.load(InstrumentText.minimal(extra: extra)).1
        #expect(diagnostics.map(\.code) == [.unknownReference, .unknownReference])
        #expect(diagnostics.map(\.hint) == ["did you mean 'low_mood'?", "did you mean 'present'?"])
    }
}

@Suite struct LintTests {
    @Test func avoidPhrasesAreMatchedWordByWord() throws {
        let text = InstrumentText.minimal(extra: "lint:\n  avoid: {failed to engage: not yet engaged}")
            .replacingOccurrences(of: "title: Mood", with: "title: Mood when she Failed to engage")
        let findings = InstrumentText.check(text).filter { $0.code == .stigmatisingWord }
        #expect(findings.map(\.message) == ["'Failed to engage' in the title of 'mood' labels a person"])
        #expect(findings.first?.hint == "say 'not yet engaged' instead")
        #expect(findings.first?.location == SourceLocation(line: 13, column: 26))
    }

    @Test(arguments: [("her case worker", true), ("in case of need", false), ("the case of", false)])
    func caseIsFlaggedOnlyForAPerson(phrase: String, flagged: Bool) {
        let text = InstrumentText.minimal().replacingOccurrences(of: "title: Mood", with: "title: Mood, \(phrase)")
        #expect(InstrumentText.check(text).contains { $0.code == .stigmatisingWord } == flagged)
    }

    @Test func keywordsCannotBeIds() {
        let text = InstrumentText.minimal(items: "      - {id: not, prompt: Low?, type: yes_no}", needScore: "1")
        #expect(InstrumentText.load(text).1.map(\.code) == [.invalidID])
    }
}
