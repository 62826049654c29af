/// A checked expression: every name resolved to its slot, every quoted code to its index,
/// every node typed. The evaluator, the SQL compiler and the `explain` trace walk it.
///
/// Operands of arithmetic, of ``Kind/compare(_:_:_:)`` and of `sum`, `min` and `max` have a
/// numeric type (``ExpressionType/isNumeric``): a boolean reads as 1 or 0, a choice as its value.
public struct TypedExpression: Sendable, Equatable {
    /// What a node does.
    public indirect enum Kind: Sendable, Equatable {
        /// A number literal.
        case number(Double)
        /// `true` or `false`.
        case boolean(Bool)
        /// An item's answer; the node's type says how it reads (boolean, choice, set or number).
        case item(id: String, slot: Int)
        /// `score(id)`: the score of a need or strength.
        case score(id: String, slot: Int)
        /// `band(id)`: the band index of a need or strength.
        case band(id: String, slot: Int)
        /// `answered(id)`: the item was answered.
        case answered(id: String, slot: Int)
        /// `declined(id)`: the item was declined or answered "don't know".
        case declined(id: String, slot: Int)
        /// Unary minus.
        case negate(TypedExpression)
        /// `not`, in three-valued logic.
        case not(TypedExpression)
        /// `and`, in three-valued logic.
        case and(TypedExpression, TypedExpression)
        /// `or`, in three-valued logic.
        case or(TypedExpression, TypedExpression)
        /// `+ - * /` on numbers.
        case arithmetic(ArithmeticOperator, TypedExpression, TypedExpression)
        /// A comparison of two numbers.
        case compare(ComparisonOperator, TypedExpression, TypedExpression)
        /// A choice compared with a code (`==`, `!=`), or a band with a band name (any operator, by band order).
        case compareWithCode(ComparisonOperator, TypedExpression, CodeReference)
        /// `x in ['a', 'b']` for a choice or a band.
        case oneOf(TypedExpression, [CodeReference])
        /// `set has 'code'`.
        case has(TypedExpression, CodeReference)
        /// `sum`, `count`, `min` or `max` with their arguments.
        case call(ExpressionFunction, [TypedExpression])
    }

    /// What the node does.
    public var kind: Kind
    /// Its type.
    public var type: ExpressionType
    /// Where it is in the expression's text, in Unicode scalar offsets.
    public var range: Range<Int>

    /// Creates a node.
    public init(_ kind: Kind, type: ExpressionType, range: Range<Int>) {
        self.kind = kind
        self.type = type
        self.range = range
    }

    /// The node's operands, left to right as written.
    public var children: [TypedExpression] {
        switch kind {
        case .number, .boolean, .item, .score, .band, .answered, .declined: []
        case .negate(let x), .not(let x), .compareWithCode(_, let x, _), .oneOf(let x, _), .has(let x, _): [x]
        case .and(let a, let b), .or(let a, let b), .arithmetic(_, let a, let b), .compare(_, let a, let b): [a, b]
        case .call(_, let arguments): arguments
        }
    }
}
