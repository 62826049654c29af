import QuestionnaireDSL

/// Translates a checked expression into a SQL expression over the query's working columns,
/// with the engine's semantics: SQL NULL is missing, and SQL's `AND`/`OR`/`NOT` on NULL are
/// exactly the engine's three-valued logic.
///
/// ```swift
/// let sql = SQLExpressionTranslator(dialect: .duckdb, reading: .scored).number(compiled.needScores[0].ast)
/// ```
///
/// Numbers are DOUBLEs throughout (literals cast from their shortest exact text), and each
/// operation is written in the order the evaluator performs it, so IEEE arithmetic gives
/// the engine's bits: `sum` folds left to right, `x / 0` is NULL (`NULLIF`), a condition
/// counts 1 or 0 and a number is true when non-zero.
public struct SQLExpressionTranslator: Sendable {
    /// The dialect written.
    public let dialect: SQLDialect
    /// How names read.
    public let reading: SQLReading

    /// Creates a translator.
    public init(dialect: SQLDialect, reading: SQLReading) {
        self.dialect = dialect
        self.reading = reading
    }

    private var nullNumber: String { "CAST(NULL AS \(dialect.doubleType))" }

    /// The expression as a DOUBLE; NULL when missing.
    public func number(_ e: TypedExpression) -> String {
        if e.type == .boolean {
            // A yes/no item already holds 1 or 0.
            if case .item(_, let slot) = e.kind { return itemValue(slot) }
            return "CAST(CAST(\(condition(e)) AS INTEGER) AS \(dialect.doubleType))"
        }
        switch e.kind {
        case .number(let value):
            return dialect.double(value)
        case .item(_, let slot):
            return itemValue(slot)
        case .score(_, let slot):
            return reading.scoresKnown ? SQLNames.score(slot) : nullNumber
        case .negate(let operand):
            return "(- \(number(operand)))"
        case .arithmetic(let op, let left, let right):
            let (a, b) = (number(left), number(right))
            switch op {
            case .add: return "(\(a) + \(b))"
            case .subtract: return "(\(a) - \(b))"
            case .multiply: return "(\(a) * \(b))"
            case .divide: return "(\(a) / NULLIF(\(b), \(dialect.double(0))))"
            }
        case .call(let function, let arguments):
            return call(function, arguments)
        default:
            preconditionFailure("the checker gives no other numeric nodes")
        }
    }

    /// The expression as a condition (TRUE, FALSE or NULL for missing).
    public func condition(_ e: TypedExpression) -> String {
        if e.type != .boolean { return "(\(number(e)) <> \(dialect.double(0)))" }
        switch e.kind {
        case .boolean(let value):
            return value ? "TRUE" : "FALSE"
        case .item(_, let slot):
            return "(\(itemValue(slot)) <> \(dialect.double(0)))"
        case .answered(_, let slot):
            return reading.sees(slot) ? "(\(SQLNames.state(slot)) = 1)" : "FALSE"
        case .declined(_, let slot):
            return reading.sees(slot) ? "(\(SQLNames.state(slot)) = 2)" : "FALSE"
        case .not(let operand):
            return "(NOT \(condition(operand)))"
        case .and(let left, let right):
            return "(\(condition(left)) AND \(condition(right)))"
        case .or(let left, let right):
            return "(\(condition(left)) OR \(condition(right)))"
        case .compare(let op, let left, let right):
            return "(\(number(left)) \(Self.sql(op)) \(number(right)))"
        case .compareWithCode(let op, let operand, let reference):
            return "(\(code(operand)) \(Self.sql(op)) \(reference.index))"
        case .oneOf(let operand, let references):
            return "(\(code(operand)) IN (\(references.map { String($0.index) }.joined(separator: ", "))))"
        case .has(let operand, let reference):
            let set = setCodes(operand)
            let haystack = "(';' || \(set) || ';')"
            return "(\(dialect.position(of: dialect.string(";" + reference.code + ";"), in: haystack)) > 0)"
        default:
            preconditionFailure("the checker gives no other boolean nodes")
        }
    }

    /// A choice item's option index (-1 when hidden) or a band's index; NULL when missing.
    public func code(_ e: TypedExpression) -> String {
        switch e.kind {
        case .item(_, let slot): return item(slot, column: SQLNames.code(slot), hidden: "-1", type: "INTEGER")
        case .band(_, let slot): return reading.scoresKnown ? SQLNames.band(slot) : "CAST(NULL AS INTEGER)"
        default: preconditionFailure("only choice items and bands have codes")
        }
    }

    /// The SQL operator for a comparison.
    static func sql(_ op: ComparisonOperator) -> String {
        switch op {
        case .equal: "="
        case .notEqual: "<>"
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
    }

    private func call(_ function: ExpressionFunction, _ arguments: [TypedExpression]) -> String {
        switch function {
        case .sum:
            return fold(arguments.map(number))
        case .count:
            return fold(arguments.map(countOf))
        case .min, .max:
            let values = arguments.map(number)
            guard values.count > 1 else { return values[0] }
            // LEAST and GREATEST skip NULLs in some engines; the engine's min and max are missing instead.
            let anyMissing = values.map { "\($0) IS NULL" }.joined(separator: " OR ")
            let name = function == .min ? "LEAST" : "GREATEST"
            return "(CASE WHEN \(anyMissing) THEN \(nullNumber) ELSE \(name)(\(values.joined(separator: ", "))) END)"
        case .answered, .declined, .score, .band:
            preconditionFailure("\(function) is not a numeric call")
        }
    }

    /// Left to right, as the evaluator folds: `((a + b) + c)`.
    private func fold(_ values: [String]) -> String {
        values.dropFirst().reduce(values[0]) { "(\($0) + \($1))" }
    }

    /// What one argument adds to `count`: 1 or 0 for a condition, the size of a set.
    private func countOf(_ e: TypedExpression) -> String {
        guard case .set = e.type else { return "CAST(CAST(\(condition(e)) AS INTEGER) AS \(dialect.doubleType))" }
        guard case .item(_, let slot) = e.kind else { preconditionFailure("only items are sets") }
        return item(slot, column: SQLNames.setSize(slot), hidden: dialect.double(0), type: dialect.doubleType)
    }

    private func setCodes(_ e: TypedExpression) -> String {
        guard case .item(_, let slot) = e.kind else { preconditionFailure("only items are sets") }
        return item(slot, column: SQLNames.set(slot), hidden: "''", type: dialect.textType)
    }

    private func itemValue(_ slot: Int) -> String {
        item(slot, column: SQLNames.value(slot), hidden: dialect.double(0), type: dialect.doubleType)
    }

    /// An item's column as this reading sees it: NULL past the horizon (not yet answered),
    /// the not-applicable value for a missing answer when prorating.
    private func item(_ slot: Int, column: String, hidden: String, type: String) -> String {
        guard reading.sees(slot) else { return "CAST(NULL AS \(type))" }
        return reading.missingAsZero ? "COALESCE(\(column), \(hidden))" : column
    }
}
