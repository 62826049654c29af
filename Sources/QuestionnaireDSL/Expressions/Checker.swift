/// Resolves names to slots and quoted codes to indexes, and checks types, collecting every
/// problem it can find rather than stopping at the first.
///
/// A node with a problem checks as nil; the nodes above it then stay quiet, so one mistake
/// gives one problem, while independent mistakes (say, both operands unknown) give one each.
struct Checker {
    /// The names the expression may use.
    let scope: ExpressionScope
    /// The expression, so messages can quote the user's own text.
    let text: [Unicode.Scalar]
    /// Every problem found so far, in the order found.
    private(set) var problems: [ExpressionProblem] = []

    /// Creates a checker for one expression.
    init(scope: ExpressionScope, text: [Unicode.Scalar]) {
        self.scope = scope
        self.text = text
    }

    /// Checks a whole expression written where `expected` is needed.
    mutating func check(_ node: SyntaxNode, expecting expected: ExpectedType) -> TypedExpression? {
        guard let typed = value(node) else { return nil }
        switch expected {
        case .number: return requireNumber(typed)
        case .boolean: return requireCondition(typed)
        }
    }

    /// Checks a node used as a value of any type.
    mutating func value(_ node: SyntaxNode) -> TypedExpression? {
        switch node.kind {
        case .number(let value):
            return TypedExpression(.number(value), type: .number, range: node.range)
        case .boolean(let value):
            return TypedExpression(.boolean(value), type: .boolean, range: node.range)
        case .code(let code):
            report(
                .typeMismatch, "a quoted code like '\(code)' can only be compared with a choice or a band",
                at: node.range.lowerBound, hint: "e.g. x == '\(code)' or x in ['\(code)']")
            return nil
        case .name(let name):
            return self.name(name, node)
        case .call(let name, let arguments):
            return call(name, arguments, node)
        case .negate(let operand):
            guard let operand = number(operand) else { return nil }
            return TypedExpression(.negate(operand), type: .number, range: node.range)
        case .not(let operand):
            guard let operand = condition(operand) else { return nil }
            return TypedExpression(.not(operand), type: .boolean, range: node.range)
        case .and(let left, let right):
            let (a, b) = (condition(left), condition(right))
            guard let a, let b else { return nil }
            return TypedExpression(.and(a, b), type: .boolean, range: node.range)
        case .or(let left, let right):
            let (a, b) = (condition(left), condition(right))
            guard let a, let b else { return nil }
            return TypedExpression(.or(a, b), type: .boolean, range: node.range)
        case .arithmetic(let op, let left, let right):
            let (a, b) = (number(left), number(right))
            guard let a, let b else { return nil }
            return TypedExpression(.arithmetic(op, a, b), type: .number, range: node.range)
        case .compare(let op, let left, let right):
            return comparison(op, left, right, node)
        case .has(let left, let right):
            return has(left, right, node)
        case .oneOf(let left, let elements):
            return oneOf(left, elements, node)
        }
    }

    /// Records a problem.
    mutating func report(_ code: DiagnosticCode, _ message: String, at offset: Int, hint: String? = nil) {
        problems.append(ExpressionProblem(code: code, message: message, offset: offset, hint: hint))
    }

    /// The user's text for a range of the expression.
    func spelling(_ range: Range<Int>) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: text[range])
        return string
    }

    /// The user's text for a node, in quotes, for messages.
    func quoted(_ node: TypedExpression) -> String { "'\(spelling(node.range))'" }
}
