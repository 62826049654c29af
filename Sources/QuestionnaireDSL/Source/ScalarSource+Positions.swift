extension ScalarSource {
    /// The place in `file` of the character at `offset` (in Unicode scalars) of the value.
    ///
    /// The value and the raw text differ by quotes, escapes, folded line breaks and
    /// indentation, so the value's characters are matched in order against the raw text
    /// from the scalar's start; for a one-line plain or quoted scalar this is exact, and
    /// an opening quote is counted, so a column names what the user sees in the editor.
    public func location(ofOffset offset: Int, in file: SourceFile) -> SourceLocation {
        let value = Array(text.unicodeScalars)
        var line = start.line
        var raw = file.line(line).map { Array($0.unicodeScalars) } ?? []
        var column = start.column - 1  // 0-based index into `raw`
        switch style {
        case .singleQuoted, .doubleQuoted:
            column += 1
        case .literal, .folded:
            line += 1
            raw = file.line(line).map { Array($0.unicodeScalars) } ?? []
            column = 0
        case .plain:
            break
        }
        guard offset < value.count else {
            return offset == 0
                ? position(line, column, raw) : location(ofOffset: value.count - 1, in: file).advanced(by: 1)
        }
        for index in 0...offset {
            // Find the value's character in the raw text, moving across lines as needed.
            while true {
                if column < raw.count {
                    if raw[column] == value[index] || (value[index] == " " && raw[column] == "\t") { break }
                    column += 1
                } else {
                    if value[index] == "\n" || line >= end.line { break }
                    line += 1
                    raw = file.line(line).map { Array($0.unicodeScalars) } ?? []
                    column = 0
                    if value[index] == " " { break }  // a folded line break
                }
            }
            if index == offset { break }
            column += 1
        }
        return position(line, column, raw)
    }

    private func position(_ line: Int, _ column: Int, _ raw: [Unicode.Scalar]) -> SourceLocation {
        SourceLocation(line: line, column: column + 1)
    }
}
