import Testing

@testable import QuestionnaireDSL

@Suite struct ExpressionParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("10 - 4 - 3", "(- (- 10 4) 3)"),
        ("12 / 4 / 3", "(/ (/ 12 4) 3)"),
        ("-n * 2", "(* (- n) 2)"),
        ("2 * -n", "(* 2 (- n))"),
        ("- -n", "(- (- n))"),
        ("not a and b", "(and (not a) b)"),
        ("not (a and b)", "(not (and a b))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not not a", "(not (not a))"),
        ("not n > 1", "(not (> n 1))"),
        ("n + 1 > m * 2", "(> (+ n 1) (* m 2))"),
        ("a and n >= 2 or c", "(or (and a (>= n 2)) c)"),
        ("not drug_use_reasons has 'grief' and a", "(and (not (has drug_use_reasons 'grief')) a)"),
        ("low_mood in ['never', 'often'] or b", "(or (in low_mood 'never' 'often') b)"),
        ("sum(n, m * 2, 3)", "(sum n (* m 2) 3)"),
        ("count(a, b or c)", "(count a (or b c))"),
        (
            "afraid_of_partner * 3 + count(controlling_behaviours)",
            "(+ (* afraid_of_partner 3) (count controlling_behaviours))"
        ),
    ])
    func precedence(text: String, shape: String) throws {
        // A number is expected so that conditions and numbers alike are accepted.
        let expression = try Fixture.compile(text, .number)
        #expect(expression.ast.lisp == shape)
    }

    @Test(arguments: [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("12 / 4 / 3", 1),
        ("2 * -3", -6),
        ("1 + 2 * 3 - 4 / 2", 5),
        ("0.5 * 3", 1.5),
    ])
    func arithmeticValues(text: String, value: Double) throws {
        #expect(try Fixture.compile(text, .number).number(Fixture.slots([:])) == value)
    }

    @Test(arguments: [
        ("not false and false", false),
        ("true or false and false", true),
        ("false and false or true", true),
        ("not 1 == 2", true),
        ("1 + 1 == 2 and 2 * 2 == 4", true),
    ])
    func logicalValues(text: String, value: Bool) throws {
        #expect(try Fixture.compile(text).boolean(Fixture.slots([:])) == value)
    }

    @Test func rangesCoverParentheses() throws {
        let expression = try Fixture.compile("(n + 1) * 2", .number)
        guard case .arithmetic(_, let left, _) = expression.ast.kind else {
            Issue.record("expected a product, got \(expression.ast.lisp)")
            return
        }
        #expect(left.range == 0..<7)
        #expect(expression.ast.range == 0..<11)
    }

    @Test(arguments: [
        ("(a and b", 0, "unclosed parenthesis '('", "add ')' to close it"),
        ("a and (b or (c)", 6, "unclosed parenthesis '('", "add ')' to close it"),
        ("count(a, b", 5, "unclosed parenthesis '('", "add ')' to close it"),
        ("low_mood in ['never', 'often'", 12, "unclosed bracket '['", "add ']' to close it"),
    ])
    func unclosed(text: String, offset: Int, message: String, hint: String) throws {
        let problem = try Fixture.problem(text)
        #expect(problem == ExpressionProblem(code: .expressionSyntax, message: message, offset: offset, hint: hint))
    }

    @Test(arguments: [
        ("", 0, "the expression is empty"),
        ("   ", 0, "the expression is empty"),
        ("a and", 5, "expected a value but the expression ends here"),
        ("a b", 2, "unexpected 'b'"),
        ("a)", 1, "unexpected ')'"),
        ("n < m < 3", 6, "comparisons cannot be chained"),
        ("low_mood == 'never' in ['often']", 20, "comparisons cannot be chained"),
        ("a == not b", 5, "unexpected 'not'"),
        ("low_mood in 'never'", 12, "expected a list of codes after 'in', e.g. ['a', 'b'], but found ''never''"),
        ("['a'] == low_mood", 0, "a list can only follow 'in'"),
        ("(a b)", 3, "expected ')' or ',' but found 'b'"),
        ("sum(n,)", 6, "expected a value but found ')'"),
        ("n * * m", 4, "expected a value but found '*'"),
    ])
    func syntaxErrors(text: String, offset: Int, message: String) throws {
        let problem = try Fixture.problem(text)
        #expect(problem.code == .expressionSyntax)
        #expect(problem.offset == offset)
        #expect(problem.message == message)
    }

    @Test func chainedComparisonHint() throws {
        #expect(try Fixture.problem("n < m < 3").hint == "combine them with 'and', e.g. a < b and b < c")
    }

    @Test func deepNestingIsRefused() throws {
        let depth = Parser.maxNesting + 1
        let text = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        let problem = try Fixture.problem(text)
        #expect(problem.code == .expressionSyntax)
        #expect(problem.offset == Parser.maxNesting)
        #expect(problem.message == "the expression is nested too deeply")
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = Parser.maxNesting
        let text = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(try Fixture.compile(text).boolean(Fixture.slots(["a": .boolean(true)])) == true)
    }

    @Test func overlongChainsAreRefused() throws {
        let text = Array(repeating: "n", count: Parser.maxHeight + 1).joined(separator: " + ")
        let problem = try Fixture.problem(text, .number)
        #expect(problem.code == .expressionSyntax)
        #expect(problem.message == "the expression is too long to check")
        #expect(problem.hint == "use sum(…) or count(…) instead of a long chain of operators")
    }
}
