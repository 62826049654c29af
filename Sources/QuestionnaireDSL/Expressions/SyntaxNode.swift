/// An expression as written, before names and types are checked.
struct SyntaxNode {
    /// What the node is.
    indirect enum Kind {
        case number(Double)
        case boolean(Bool)
        /// A quoted code, without its quotes.
        case code(String)
        case name(String)
        case call(name: String, arguments: [SyntaxNode])
        case negate(SyntaxNode)
        case not(SyntaxNode)
        case and(SyntaxNode, SyntaxNode)
        case or(SyntaxNode, SyntaxNode)
        case arithmetic(ArithmeticOperator, SyntaxNode, SyntaxNode)
        case compare(ComparisonOperator, SyntaxNode, SyntaxNode)
        case has(SyntaxNode, SyntaxNode)
        /// `x in [a, b]`: the value and the list's elements.
        case oneOf(SyntaxNode, [SyntaxNode])
    }

    /// What the node is.
    var kind: Kind
    /// Where it is, in Unicode scalar offsets (including any parentheses around it).
    var range: Range<Int>
    /// The number of nodes on the longest path down from this one, which bounds recursion later.
    let height: Int

    /// Creates a node and works out its height.
    init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
        let children: [SyntaxNode] =
            switch kind {
            case .number, .boolean, .code, .name: []
            case .negate(let x), .not(let x): [x]
            case .and(let a, let b), .or(let a, let b), .arithmetic(_, let a, let b), .compare(_, let a, let b),
                .has(let a, let b):
                [a, b]
            case .call(_, let arguments): arguments
            case .oneOf(let x, let list): [x] + list
            }
        height = 1 + (children.map(\.height).max() ?? 0)
    }
}
