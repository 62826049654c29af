import Testing

@testable import QuestionnaireDSL

@Suite struct ExpressionLexerTests {
    private func lex(_ text: String) throws -> [Token] {
        try Lexer(Array(text.unicodeScalars)).tokens()
    }

    private func lexError(_ text: String) -> ExpressionProblem? {
        do {
            _ = try Lexer(Array(text.unicodeScalars)).tokens()
            return nil
        } catch {
            return error.problem
        }
    }

    @Test func tokensCarryKindOffsetAndLength() throws {
        let tokens = try lex("score(trauma) >= 2.5 and x != 'a b'")
        let expected: [Token] = [
            Token(kind: .name("score"), offset: 0, length: 5),
            Token(kind: .leftParenthesis, offset: 5, length: 1),
            Token(kind: .name("trauma"), offset: 6, length: 6),
            Token(kind: .rightParenthesis, offset: 12, length: 1),
            Token(kind: .greaterOrEqual, offset: 14, length: 2),
            Token(kind: .number(2.5), offset: 17, length: 3),
            Token(kind: .and, offset: 21, length: 3),
            Token(kind: .name("x"), offset: 25, length: 1),
            Token(kind: .notEqual, offset: 27, length: 2),
            Token(kind: .code("a b"), offset: 30, length: 5),
            Token(kind: .end, offset: 35, length: 0),
        ]
        #expect(tokens == expected)
    }

    @Test func everyOperatorAndPunctuation() throws {
        let kinds = try lex("+ - * / == != < <= > >= ( ) [ ] ,").map(\.kind)
        #expect(
            kinds == [
                .plus, .minus, .star, .slash, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
                .leftParenthesis, .rightParenthesis, .leftBracket, .rightBracket, .comma, .end,
            ])
    }

    @Test func keywordsAreNotNames() throws {
        let kinds = try lex("and or not in has true false and_more notes").map(\.kind)
        #expect(kinds == [.and, .or, .not, .in, .has, .true, .false, .name("and_more"), .name("notes"), .end])
    }

    @Test func doubleQuotedCodes() throws {
        #expect(try lex("\"partner\"").map(\.kind) == [.code("partner"), .end])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        // "é" written as e + combining acute: one character, two scalars.
        let tokens = try lex("'cafe\u{301}' == x")
        #expect(tokens[0] == Token(kind: .code("cafe\u{301}"), offset: 0, length: 7))
        #expect(tokens[2].offset == 11)
    }

    @Test func numbersWithAndWithoutFractions() throws {
        #expect(try lex("3 0.5 12.25").map(\.kind) == [.number(3), .number(0.5), .number(12.25), .end])
    }

    @Test func newlinesAndTabsAreSpace() throws {
        #expect(try lex("a\n\tand b").map(\.offset) == [0, 3, 7, 8])
    }

    @Test(arguments: [
        ("a = b", 2, "unexpected '='", "use '==' to compare"),
        ("a && b", 2, "unexpected '&&'", "use 'and'"),
        ("a || b", 2, "unexpected '||'", "use 'or'"),
        ("a & b", 2, "unexpected '&'", "use 'and'"),
        ("!a", 0, "unexpected '!'", "use 'not' to negate a condition"),
        ("x == 'open", 5, "this code has no closing quote", "add ' after the code"),
        ("Afraid", 0, "'Afraid' is not a valid name; names are lower-case", "write 'afraid'"),
        ("3. + 1", 1, "a number cannot end with '.'", "write digits after it, e.g. 0.5"),
        ("2nd > 1", 0, "'2nd' is neither a number nor a name", "names start with a letter or '_'"),
    ])
    func mistakes(text: String, offset: Int, message: String, hint: String) throws {
        let problem = try #require(lexError(text))
        #expect(problem.code == .expressionSyntax)
        #expect(problem.offset == offset)
        #expect(problem.message == message)
        #expect(problem.hint == hint)
    }

    @Test func unexpectedCharacter() throws {
        let problem = try #require(lexError("a # b"))
        #expect(problem.offset == 2)
        #expect(problem.message == "unexpected character '#'")
    }
}
