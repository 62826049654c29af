/// The entry point of the expression language: text in, a compiled expression or every problem out.
///
/// ```swift
/// let scope = ExpressionScope(
///     items: ["afraid_of_partner": .init(slot: 0, kind: .boolean)], scores: [:])
/// switch ExpressionCompiler.compile("afraid_of_partner * 3", expecting: .number, in: scope) {
/// case .success(let expression): print(expression.referencedItems)   // ["afraid_of_partner"]
/// case .failure(let failure): print(failure.problems.map(\.message))
/// }
/// ```
public enum ExpressionCompiler {
    /// Lexes, parses, checks and compiles one expression written where `expecting` is needed.
    ///
    /// A syntax error stops at the first mistake; name, type and code problems are all collected.
    public static func compile(
        _ text: String, expecting: ExpectedType, in scope: ExpressionScope
    ) -> Result<CompiledExpression, ExpressionProblems> {
        let scalars = Array(text.unicodeScalars)
        let syntax: SyntaxNode
        do throws(SyntaxError) {
            var parser = Parser(text: scalars, tokens: try Lexer(scalars).tokens())
            syntax = try parser.parse()
        } catch {
            return .failure(ExpressionProblems([error.problem]))
        }
        var checker = Checker(scope: scope, text: scalars)
        guard let typed = checker.check(syntax, expecting: expecting) else {
            assert(!checker.problems.isEmpty, "the checker rejects only after reporting a problem")
            return .failure(ExpressionProblems(checker.problems))
        }
        return .success(CompiledExpression(source: text, ast: typed))
    }
}
