/// Splits an expression's text into tokens, stopping at the first character it cannot read.
struct Lexer {
    /// The expression, as Unicode scalars so that offsets count scalars.
    let text: [Unicode.Scalar]

    /// Creates a lexer over the expression's scalars.
    init(_ text: [Unicode.Scalar]) {
        self.text = text
    }

    /// The tokens, ending with ``Token/Kind/end`` at the text's length.
    func tokens() throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < text.count {
            if text[i].properties.isWhitespace {
                i += 1
                continue
            }
            let token = try token(at: i)
            tokens.append(token)
            i += token.length
        }
        tokens.append(Token(kind: .end, offset: text.count, length: 0))
        return tokens
    }

    private func token(at start: Int) throws(SyntaxError) -> Token {
        let c = text[start]
        if Self.isDigit(c) { return try number(at: start) }
        if Self.isLetter(c) || c == "_" { return try word(at: start) }
        if c == "'" || c == "\"" { return try code(at: start) }
        let next = start + 1 < text.count ? text[start + 1] : nil
        func token(_ kind: Token.Kind, _ length: Int = 1) -> Token { Token(kind: kind, offset: start, length: length) }
        switch (c, next) {
        case ("+", _): return token(.plus)
        case ("-", _): return token(.minus)
        case ("*", _): return token(.star)
        case ("/", _): return token(.slash)
        case ("(", _): return token(.leftParenthesis)
        case (")", _): return token(.rightParenthesis)
        case ("[", _): return token(.leftBracket)
        case ("]", _): return token(.rightBracket)
        case (",", _): return token(.comma)
        case ("=", "="): return token(.equal, 2)
        case ("!", "="): return token(.notEqual, 2)
        case ("<", "="): return token(.lessOrEqual, 2)
        case ("<", _): return token(.less)
        case (">", "="): return token(.greaterOrEqual, 2)
        case (">", _): return token(.greater)
        case ("=", _): throw SyntaxError("unexpected '='", at: start, hint: "use '==' to compare")
        case ("!", _): throw SyntaxError("unexpected '!'", at: start, hint: "use 'not' to negate a condition")
        case ("&", "&"): throw SyntaxError("unexpected '&&'", at: start, hint: "use 'and'")
        case ("&", _): throw SyntaxError("unexpected '&'", at: start, hint: "use 'and'")
        case ("|", "|"): throw SyntaxError("unexpected '||'", at: start, hint: "use 'or'")
        case ("|", _): throw SyntaxError("unexpected '|'", at: start, hint: "use 'or'")
        default: throw SyntaxError("unexpected character '\(c)'", at: start)
        }
    }

    /// Digits with an optional fraction: `3`, `0.5`.
    private func number(at start: Int) throws(SyntaxError) -> Token {
        var end = scan(from: start, while: Self.isDigit)
        if end < text.count, text[end] == "." {
            let fractionEnd = scan(from: end + 1, while: Self.isDigit)
            guard fractionEnd > end + 1 else {
                throw SyntaxError("a number cannot end with '.'", at: end, hint: "write digits after it, e.g. 0.5")
            }
            end = fractionEnd
        }
        if end < text.count, Self.isLetter(text[end]) || text[end] == "_" {
            let wordEnd = scan(from: end) { Self.isLetter($0) || Self.isDigit($0) || $0 == "_" }
            throw SyntaxError(
                "'\(slice(start, wordEnd))' is neither a number nor a name", at: start,
                hint: "names start with a letter or '_'")
        }
        let spelling = slice(start, end)
        guard let value = Double(spelling) else {
            throw SyntaxError("'\(spelling)' is not a number", at: start)
        }
        return Token(kind: .number(value), offset: start, length: end - start)
    }

    /// A name or a keyword: `[a-z_][a-z0-9_]*`.
    private func word(at start: Int) throws(SyntaxError) -> Token {
        let end = scan(from: start) { Self.isLetter($0) || Self.isDigit($0) || $0 == "_" }
        let spelling = slice(start, end)
        if spelling.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) {
            throw SyntaxError(
                "'\(spelling)' is not a valid name; names are lower-case", at: start,
                hint: "write '\(spelling.lowercased())'")
        }
        return Token(kind: Token.keywords[spelling] ?? .name(spelling), offset: start, length: end - start)
    }

    /// A code in single or double quotes; there are no escapes.
    private func code(at start: Int) throws(SyntaxError) -> Token {
        let quote = text[start]
        let end = scan(from: start + 1) { $0 != quote }
        guard end < text.count else {
            throw SyntaxError("this code has no closing quote", at: start, hint: "add \(quote) after the code")
        }
        return Token(kind: .code(slice(start + 1, end)), offset: start, length: end + 1 - start)
    }

    private func scan(from start: Int, while accept: (Unicode.Scalar) -> Bool) -> Int {
        var end = start
        while end < text.count, accept(text[end]) { end += 1 }
        return end
    }

    private func slice(_ start: Int, _ end: Int) -> String {
        // Names and codes are nearly always ASCII: build those from bytes, which is far
        // cheaper than appending scalar by scalar.
        let scalars = text[start..<end]
        if scalars.allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (i, scalar) in scalars.enumerated() { buffer[i] = UInt8(truncatingIfNeeded: scalar.value) }
                return scalars.count
            }
        }
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        return string
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
}
