import AssessmentEngine
import QuestionnaireDSL
import Testing

@Suite struct InterviewInputTests {
    static func question(_ type: ItemType, options: [String] = []) -> InterviewQuestion {
        InterviewQuestion(
            id: "q", prompt: "Q?", type: type,
            options: options.enumerated().map { NumberedOption(number: $0 + 1, code: $1, label: $1.uppercased()) },
            hasPurpose: true, required: false, min: 0, max: 7, sectionTitle: "S", sectionIntroduction: nil,
            progress: InterviewProgress(section: 1, sections: 1, question: 1, questions: 1), previousAnswer: nil,
            notes: [])
    }

    @Test(arguments: [
        ("?", InterviewInput.why), ("d", .decline), ("K", .dontKnow), (" b ", .back), ("s", .skipSection),
        ("r", .review), ("n", .note), ("p", .pause),
    ])
    func footerKeysAreCommandsAtEveryKindOfQuestion(line: String, expected: InterviewInput) throws {
        for type in [ItemType.choice, .number, .text, .yesNo] {
            #expect(try InterviewInput.parse(line, at: Self.question(type, options: ["a", "b"])) == expected)
        }
    }

    @Test func choicesAreReadByNumberOrCode() throws {
        let q = Self.question(.choice, options: ["own_home", "sofa", "street"])
        #expect(try InterviewInput.parse("2", at: q) == .answer(.code("sofa")))
        #expect(try InterviewInput.parse("street", at: q) == .answer(.code("street")))
        #expect(throws: InterviewProblem.notAnOption("9", count: 3)) { try InterviewInput.parse("9", at: q) }
        #expect(throws: InterviewProblem.notAnOption("0", count: 3)) { try InterviewInput.parse("0", at: q) }
        #expect(throws: InterviewProblem.notAnOption("abc", count: 3)) { try InterviewInput.parse("abc", at: q) }
        #expect(throws: InterviewProblem.empty) { try InterviewInput.parse("   ", at: q) }
    }

    @Test func severalChoicesAreSeparatedByCommasOrSpaces() throws {
        let q = Self.question(.multiChoice, options: ["a", "b", "c"])
        #expect(try InterviewInput.parse("3, 1", at: q) == .answer(.codes(["c", "a"])))
        #expect(try InterviewInput.parse("1 1 2", at: q) == .answer(.codes(["a", "b"])))
        #expect(throws: InterviewProblem.notAnOption("4", count: 3)) { try InterviewInput.parse("1,4", at: q) }
    }

    @Test func yesNoNumbersAndWords() throws {
        let yesNo = Self.question(.yesNo)
        #expect(try InterviewInput.parse("1", at: yesNo) == .answer(.boolean(true)))
        #expect(try InterviewInput.parse("no", at: yesNo) == .answer(.boolean(false)))
        #expect(throws: InterviewProblem.wrongKind(expected: "1 for yes or 2 for no")) {
            try InterviewInput.parse("maybe", at: yesNo)
        }
        let number = Self.question(.number)
        #expect(try InterviewInput.parse("3.5", at: number) == .answer(.number(3.5)))
        #expect(throws: InterviewProblem.wrongKind(expected: "a number")) {
            try InterviewInput.parse("three", at: number)
        }
        let text = try InterviewInput.parse("  staying with my sister ", at: Self.question(.text))
        #expect(text == .answer(.text("staying with my sister")))
    }
}
