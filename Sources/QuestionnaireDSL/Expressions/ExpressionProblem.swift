/// One mistake in an expression's text: what, where (an offset into the expression) and how to fix it.
///
/// The loader turns these into ``Diagnostic``s by adding the YAML position of the expression.
public struct ExpressionProblem: Sendable, Equatable {
    /// The stable diagnostic code.
    public var code: DiagnosticCode
    /// The message, lower-case, with the user's own text in quotes.
    public var message: String
    /// The 0-based offset, in Unicode scalars, of where the offending token or operand starts.
    public var offset: Int
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a problem.
    public init(code: DiagnosticCode, message: String, offset: Int, hint: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.hint = hint
    }
}

/// Every problem found in one expression, as the failure of ``ExpressionCompiler/compile(_:expecting:in:)``.
public struct ExpressionProblems: Error, Sendable, Equatable {
    /// The problems, in the order found.
    public var problems: [ExpressionProblem]

    /// Wraps a list of problems.
    public init(_ problems: [ExpressionProblem]) {
        self.problems = problems
    }
}
