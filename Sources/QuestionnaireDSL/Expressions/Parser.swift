/// Builds a syntax tree from tokens by recursive descent, stopping at the first mistake.
///
/// Precedence, lowest first: `or`; `and`; prefix `not`; one comparison (`== != < <= > >=`,
/// `in [..]`, `has`), which does not chain; `+ -`; `* /`; unary `-`; then literals, names,
/// calls and parentheses.
struct Parser {
    /// How deeply parentheses, calls and prefix operators may nest.
    static let maxNesting = 64
    /// The tallest tree accepted, so that checking and evaluating never recurse too far.
    static let maxHeight = 256

    private let text: [Unicode.Scalar]
    private let tokens: [Token]
    private var position = 0
    private var nesting = 0

    /// Creates a parser over the expression's scalars and their tokens (ending with `.end`).
    init(text: [Unicode.Scalar], tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }

    /// Parses the whole expression.
    mutating func parse() throws(SyntaxError) -> SyntaxNode {
        if current.kind == .end { throw SyntaxError("the expression is empty", at: 0) }
        let node = try parseOr()
        guard current.kind == .end else { throw trailing(current) }
        return node
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        defer { position += 1 }
        return tokens[position]
    }

    private mutating func parseOr() throws(SyntaxError) -> SyntaxNode {
        var left = try parseAnd()
        while current.kind == .or {
            _ = advance()
            let right = try parseAnd()
            left = try make(.or(left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseAnd() throws(SyntaxError) -> SyntaxNode {
        var left = try parseNot()
        while current.kind == .and {
            _ = advance()
            let right = try parseNot()
            left = try make(.and(left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseNot() throws(SyntaxError) -> SyntaxNode {
        guard current.kind == .not else { return try parseComparison() }
        let keyword = advance()
        try enter(at: keyword.offset)
        defer { nesting -= 1 }
        let operand = try parseNot()
        return try make(.not(operand), keyword.offset..<operand.range.upperBound)
    }

    private mutating func parseComparison() throws(SyntaxError) -> SyntaxNode {
        let left = try parseAdditive()
        let node: SyntaxNode
        if let op = current.comparison {
            _ = advance()
            let right = try parseAdditive()
            node = try make(.compare(op, left, right), left.range.lowerBound..<right.range.upperBound)
        } else if current.kind == .in {
            _ = advance()
            let (elements, end) = try parseList()
            node = try make(.oneOf(left, elements), left.range.lowerBound..<end)
        } else if current.kind == .has {
            _ = advance()
            let right = try parseAdditive()
            node = try make(.has(left, right), left.range.lowerBound..<right.range.upperBound)
        } else {
            return left
        }
        if current.comparison != nil || current.kind == .in || current.kind == .has {
            throw SyntaxError(
                "comparisons cannot be chained", at: current.offset,
                hint: "combine them with 'and', e.g. a < b and b < c")
        }
        return node
    }

    private mutating func parseAdditive() throws(SyntaxError) -> SyntaxNode {
        var left = try parseMultiplicative()
        while current.kind == .plus || current.kind == .minus {
            let op: ArithmeticOperator = advance().kind == .plus ? .add : .subtract
            let right = try parseMultiplicative()
            left = try make(.arithmetic(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(SyntaxError) -> SyntaxNode {
        var left = try parseUnary()
        while current.kind == .star || current.kind == .slash {
            let op: ArithmeticOperator = advance().kind == .star ? .multiply : .divide
            let right = try parseUnary()
            left = try make(.arithmetic(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseUnary() throws(SyntaxError) -> SyntaxNode {
        guard current.kind == .minus else { return try parsePrimary() }
        let minus = advance()
        try enter(at: minus.offset)
        defer { nesting -= 1 }
        let operand = try parseUnary()
        return try make(.negate(operand), minus.offset..<operand.range.upperBound)
    }

    private mutating func parsePrimary() throws(SyntaxError) -> SyntaxNode {
        let token = current
        let range = token.offset..<token.offset + token.length
        switch token.kind {
        case .number(let value):
            _ = advance()
            return SyntaxNode(.number(value), range)
        case .true, .false:
            _ = advance()
            return SyntaxNode(.boolean(token.kind == .true), range)
        case .code(let code):
            _ = advance()
            return SyntaxNode(.code(code), range)
        case .name(let name):
            _ = advance()
            guard current.kind == .leftParenthesis else { return SyntaxNode(.name(name), range) }
            return try parseCall(name, at: token.offset)
        case .leftParenthesis:
            _ = advance()
            try enter(at: token.offset)
            defer { nesting -= 1 }
            var inner = try parseOr()
            let close = try expectClosing(.rightParenthesis, openedAt: token.offset)
            inner.range = token.offset..<close.offset + 1
            return inner
        case .leftBracket:
            throw SyntaxError("a list can only follow 'in'", at: token.offset, hint: "write x in ['a', 'b']")
        case .not:
            throw SyntaxError(
                "unexpected 'not'", at: token.offset, hint: "put the 'not …' condition in parentheses")
        default:
            throw expected("a value", found: token)
        }
    }

    /// `name(arguments…)`, with the name already consumed and the current token `(`.
    private mutating func parseCall(_ name: String, at start: Int) throws(SyntaxError) -> SyntaxNode {
        let open = advance()
        try enter(at: open.offset)
        defer { nesting -= 1 }
        var arguments: [SyntaxNode] = []
        if current.kind != .rightParenthesis {
            arguments.append(try parseOr())
            while current.kind == .comma {
                _ = advance()
                arguments.append(try parseOr())
            }
        }
        let close = try expectClosing(.rightParenthesis, openedAt: open.offset)
        return try make(.call(name: name, arguments: arguments), start..<close.offset + 1)
    }

    /// `[element, …]` after `in`; returns the elements and the offset just past `]`.
    private mutating func parseList() throws(SyntaxError) -> ([SyntaxNode], Int) {
        guard current.kind == .leftBracket else {
            throw expected("a list of codes after 'in', e.g. ['a', 'b'],", found: current)
        }
        let open = advance()
        var elements: [SyntaxNode] = []
        if current.kind != .rightBracket {
            elements.append(try parseAdditive())
            while current.kind == .comma {
                _ = advance()
                elements.append(try parseAdditive())
            }
        }
        let close = try expectClosing(.rightBracket, openedAt: open.offset)
        return (elements, close.offset + 1)
    }

    /// Consumes the closing `)` or `]`; at the end of the text, points back at the opening one.
    private mutating func expectClosing(_ kind: Token.Kind, openedAt offset: Int) throws(SyntaxError) -> Token {
        let (closing, opening, what) = kind == .rightParenthesis ? (")", "(", "parenthesis") : ("]", "[", "bracket")
        if current.kind == kind { return advance() }
        if current.kind == .end {
            throw SyntaxError("unclosed \(what) '\(opening)'", at: offset, hint: "add '\(closing)' to close it")
        }
        throw expected("'\(closing)' or ','", found: current)
    }

    private mutating func enter(at offset: Int) throws(SyntaxError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw SyntaxError("the expression is nested too deeply", at: offset, hint: "split it into simpler parts")
        }
    }

    private func make(_ kind: SyntaxNode.Kind, _ range: Range<Int>) throws(SyntaxError) -> SyntaxNode {
        let node = SyntaxNode(kind, range)
        if node.height > Self.maxHeight {
            throw SyntaxError(
                "the expression is too long to check", at: range.lowerBound,
                hint: "use sum(…) or count(…) instead of a long chain of operators")
        }
        return node
    }

    private func expected(_ what: String, found token: Token) -> SyntaxError {
        if token.kind == .end {
            return SyntaxError("expected \(what) but the expression ends here", at: token.offset)
        }
        return SyntaxError("expected \(what) but found '\(spelling(token))'", at: token.offset)
    }

    /// A token left over after a complete expression.
    private func trailing(_ token: Token) -> SyntaxError {
        let hint: String =
            switch token.kind {
            case .rightParenthesis: "this ')' has no matching '('"
            case .rightBracket: "this ']' has no matching '['"
            case .comma: "commas separate the arguments of a function or the codes of a list"
            default: "join the parts with an operator such as 'and', 'or' or '+'"
            }
        return SyntaxError("unexpected '\(spelling(token))'", at: token.offset, hint: hint)
    }

    private func spelling(_ token: Token) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: text[token.offset..<token.offset + token.length])
        return string
    }
}
