import Testing

@testable import QuestionnaireDSL

/// One expected problem: the code and where it points.
struct ExpectedProblem: Sendable, CustomTestStringConvertible {
    var text: String
    var expecting: ExpectedType = .boolean
    var code: DiagnosticCode
    var offset: Int
    var testDescription: String { "\(text) → \(code.rawValue)@\(offset)" }
}

@Suite struct ExpressionTypeCheckTests {
    @Test func setComparedWithCodeSaysUseHas() throws {
        let problem = try Fixture.problem("drug_use_reasons == 'partner'")
        #expect(
            problem
                == ExpressionProblem(
                    code: .typeMismatch, message: "'drug_use_reasons' is a set of codes; use 'has' to test membership",
                    offset: 0, hint: "write drug_use_reasons has 'partner'"))
    }

    @Test func setComparedWithCodeOnTheLeft() throws {
        let problem = try Fixture.problem("'partner' != drug_use_reasons")
        #expect(problem.code == .typeMismatch)
        #expect(problem.offset == 13)
        #expect(problem.hint == "write not drug_use_reasons has 'partner'")
    }

    @Test func textOutsideAnsweredOrDeclined() throws {
        let problem = try Fixture.problem("a and name == 'x'")
        #expect(
            problem
                == ExpressionProblem(
                    code: .typeMismatch,
                    message: "'name' is a text answer; only answered(name) or declined(name) can use it", offset: 6))
    }

    @Test func numberWhereAConditionIsExpected() throws {
        let problem = try Fixture.problem("children_under_16")
        #expect(
            problem
                == ExpressionProblem(
                    code: .typeMismatch,
                    message: "expected a yes/no condition but this is a number; compare it, e.g. x > 0", offset: 0))
    }

    @Test(arguments: [
        // a set where a number is needed
        ExpectedProblem(text: "drug_use_reasons + 1", expecting: .number, code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "1 + drug_use_reasons", expecting: .number, code: .typeMismatch, offset: 4),
        ExpectedProblem(text: "-drug_use_reasons", expecting: .number, code: .typeMismatch, offset: 1),
        ExpectedProblem(text: "drug_use_reasons", expecting: .number, code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "drug_use_reasons > 2", code: .typeMismatch, offset: 0),
        // a band where a number is needed
        ExpectedProblem(text: "band(trauma) * 2", expecting: .number, code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "n < band(trauma)", code: .typeMismatch, offset: 4),
        // something other than a condition where one is needed
        ExpectedProblem(text: "a and n", code: .typeMismatch, offset: 6),
        ExpectedProblem(text: "not (n + 1)", code: .typeMismatch, offset: 4),
        ExpectedProblem(text: "low_mood or a", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "drug_use_reasons", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "band(trauma)", code: .typeMismatch, offset: 0),
        // has on something that is not a set, or without a code
        ExpectedProblem(text: "n has 'x'", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "low_mood has 'often'", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "drug_use_reasons has n", code: .typeMismatch, offset: 21),
        // codes where they do not belong
        ExpectedProblem(text: "n == 'often'", code: .typeMismatch, offset: 5),
        ExpectedProblem(text: "a == 'yes'", code: .typeMismatch, offset: 5),
        ExpectedProblem(text: "low_mood < 'often'", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "'a' == 'b'", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "'often'", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "n + 'often'", expecting: .number, code: .typeMismatch, offset: 4),
        // in on the wrong kind of value, or with something other than codes
        ExpectedProblem(text: "drug_use_reasons in ['partner']", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "n in ['a']", code: .typeMismatch, offset: 0),
        ExpectedProblem(text: "low_mood in ['often', 2]", code: .typeMismatch, offset: 22),
        ExpectedProblem(text: "low_mood in [a]", code: .typeMismatch, offset: 13),
    ])
    func typeMismatches(_ expected: ExpectedProblem) throws {
        let problem = try Fixture.problem(expected.text, expected.expecting)
        #expect(problem.code == expected.code)
        #expect(problem.offset == expected.offset)
        // Messages start in lower case, or with the user's own text in quotes.
        #expect(problem.message.first.map { $0 == "'" || $0.isLowercase } == true)
    }

    @Test(arguments: [
        ExpectedProblem(text: "afraid_of_partnr", code: .unknownName, offset: 0),
        ExpectedProblem(text: "a and (n + nobody_here) > 1", code: .unknownName, offset: 11),
        ExpectedProblem(text: "trauma > 1", code: .unknownName, offset: 0),
        ExpectedProblem(text: "count > 1", code: .unknownName, offset: 0),
        ExpectedProblem(text: "cuont(a) > 1", code: .unknownName, offset: 0),
        ExpectedProblem(text: "score(truama) > 1", code: .unknownName, offset: 6),
        ExpectedProblem(text: "band(nobody) == 'high'", code: .unknownName, offset: 5),
        ExpectedProblem(text: "answered(nmae)", code: .unknownName, offset: 9),
        // unknown codes
        ExpectedProblem(text: "drug_use_reasons has 'partnr'", code: .unknownCode, offset: 21),
        ExpectedProblem(text: "low_mood == 'oftn'", code: .unknownCode, offset: 12),
        ExpectedProblem(text: "'oftn' != low_mood", code: .unknownCode, offset: 0),
        ExpectedProblem(text: "band(trauma) == 'hihg'", code: .unknownCode, offset: 16),
        ExpectedProblem(text: "band(trauma) in ['low', 'severe']", code: .unknownCode, offset: 24),
        // wrong arguments
        ExpectedProblem(text: "sum()", expecting: .number, code: .wrongArguments, offset: 0),
        ExpectedProblem(text: "sum(n, drug_use_reasons)", expecting: .number, code: .wrongArguments, offset: 7),
        ExpectedProblem(text: "min(band(trauma))", expecting: .number, code: .wrongArguments, offset: 4),
        ExpectedProblem(text: "count()", expecting: .number, code: .wrongArguments, offset: 0),
        ExpectedProblem(text: "count(n)", expecting: .number, code: .wrongArguments, offset: 6),
        ExpectedProblem(text: "count(a, low_mood)", expecting: .number, code: .wrongArguments, offset: 9),
        ExpectedProblem(text: "answered(a, b)", code: .wrongArguments, offset: 0),
        ExpectedProblem(text: "declined()", code: .wrongArguments, offset: 0),
        ExpectedProblem(text: "answered(n + 1)", code: .wrongArguments, offset: 9),
        ExpectedProblem(text: "answered(trauma)", code: .wrongArguments, offset: 9),
        ExpectedProblem(text: "score(a) > 1", code: .wrongArguments, offset: 6),
        ExpectedProblem(text: "band() == 'high'", code: .wrongArguments, offset: 0),
        ExpectedProblem(text: "score(trauma, relationships) > 1", code: .wrongArguments, offset: 0),
    ])
    func namesCodesAndArguments(_ expected: ExpectedProblem) throws {
        let problem = try Fixture.problem(expected.text, expected.expecting)
        #expect(problem.code == expected.code)
        #expect(problem.offset == expected.offset)
    }

    @Test(arguments: [
        ("afraid_of_partnr", "did you mean 'afraid_of_partner'?"),
        ("cout(a) > 1", "did you mean 'count'?"),
        ("score(truama) > 1", "did you mean 'trauma'?"),
        ("drug_use_reasons has 'partnr'", "did you mean 'partner'?"),
        ("band(trauma) == 'hgh'", "did you mean 'high'?"),
        ("low_mood in ['never', 'zzz']", "the options are 'never', 'sometimes', 'often'"),
        ("band(trauma) >= 'severe'", "the bands are 'low', 'moderate', 'high'"),
        ("frobnicate(a)", "the functions are sum, count, min, max, answered, declined, score and band"),
        ("trauma > 1", "use score(trauma) for its score or band(trauma) for its band"),
        ("low_mood has 'often'", "write low_mood == 'often'"),
    ])
    func hints(text: String, hint: String) throws {
        #expect(try Fixture.problem(text).hint == hint)
    }

    @Test func unknownCodeMessages() throws {
        #expect(try Fixture.problem("low_mood == 'oftn'").message == "'oftn' is not an option of 'low_mood'")
        #expect(try Fixture.problem("band(trauma) == 'hihg'").message == "'hihg' is not a band of 'trauma'")
    }

    @Test func everyIndependentProblemIsReported() {
        let problems = Fixture.problems("foo + bar > 1 and drug_use_reasons == 'x' or low_mood in ['oftn', 'nevr']")
        #expect(problems.map(\.code) == [.unknownName, .unknownName, .typeMismatch, .unknownCode, .unknownCode])
        #expect(problems.map(\.offset) == [0, 6, 18, 58, 66])
    }

    @Test func eachWrongOperandIsReported() {
        let problems = Fixture.problems("band(trauma) == band(relationships)")
        #expect(problems.map(\.code) == [.typeMismatch, .typeMismatch])
        #expect(problems.map(\.offset) == [0, 16])
    }

    @Test func argumentsAreAllChecked() {
        let problems = Fixture.problems("sum(nobody, drug_use_reasons, band(trauma))", .number)
        #expect(problems.map(\.code) == [.unknownName, .wrongArguments, .wrongArguments])
        #expect(problems.map(\.offset) == [4, 12, 30])
    }

    @Test func oneMistakeGivesOneProblem() {
        // The unknown name makes the sum, the comparison and the 'and' unknown too, but only it is reported.
        #expect(Fixture.problems("sum(nobody, 1) > 2 and a").count == 1)
    }

    @Test(arguments: [
        "answered(name)", "declined(first_contact)", "answered(drug_use_reasons) and declined(low_mood)",
        "drug_use_reasons has 'partner'", "'often' == low_mood", "low_mood in ['never', \"often\"]",
        "band(trauma) >= 'moderate'", "'high' > band(trauma)", "band(relationships) in ['high']",
        "count(controlling_behaviours, a, b) >= 2", "score(trauma) > 3 or n == m", "low_mood > 1",
        "low_mood == m", "a == true", "a != b",
    ])
    func wellTypedConditions(text: String) throws {
        let expression = try Fixture.compile(text)
        #expect(expression.ast.type == .boolean)
    }

    @Test(arguments: [
        ("afraid_of_partner * 3 + count(controlling_behaviours)", ExpressionType.number),
        ("a and b", .boolean),
        ("low_mood", .choice(codes: Fixture.lowMoodCodes)),
        ("max(score(trauma), n, low_mood)", .number),
    ])
    func scoresAcceptNumbersConditionsAndChoices(text: String, type: ExpressionType) throws {
        #expect(try Fixture.compile(text, .number).ast.type == type)
    }
}
