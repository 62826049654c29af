@testable import QuestionnaireDSL

extension TypedExpression {
    /// The tree in prefix form, e.g. `(+ 1 (* 2 3))`, so tests can state its shape.
    var lisp: String {
        switch kind {
        case .number(let value): value == value.rounded() ? String(Int(value)) : String(value)
        case .boolean(let value): String(value)
        case .item(let id, _): id
        case .score(let id, _): "score(\(id))"
        case .band(let id, _): "band(\(id))"
        case .answered(let id, _): "answered(\(id))"
        case .declined(let id, _): "declined(\(id))"
        case .negate(let x): "(- \(x.lisp))"
        case .not(let x): "(not \(x.lisp))"
        case .and(let a, let b): "(and \(a.lisp) \(b.lisp))"
        case .or(let a, let b): "(or \(a.lisp) \(b.lisp))"
        case .arithmetic(let op, let a, let b): "(\(op.rawValue) \(a.lisp) \(b.lisp))"
        case .compare(let op, let a, let b): "(\(op.rawValue) \(a.lisp) \(b.lisp))"
        case .compareWithCode(let op, let x, let code): "(\(op.rawValue) \(x.lisp) '\(code.code)')"
        case .oneOf(let x, let codes): "(in \(x.lisp)\(codes.map { " '\($0.code)'" }.joined()))"
        case .has(let x, let code): "(has \(x.lisp) '\(code.code)')"
        case .call(let function, let arguments): "(\(function.rawValue)\(arguments.map { " " + $0.lisp }.joined()))"
        }
    }
}
