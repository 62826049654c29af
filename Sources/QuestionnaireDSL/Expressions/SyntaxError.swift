/// A mistake that stops the lexer or the parser: the expression cannot be read any further.
struct SyntaxError: Error {
    /// The problem to report, always with the code ``DiagnosticCode/expressionSyntax``.
    let problem: ExpressionProblem

    /// Creates a syntax error at an offset.
    init(_ message: String, at offset: Int, hint: String? = nil) {
        problem = ExpressionProblem(code: .expressionSyntax, message: message, offset: offset, hint: hint)
    }
}
