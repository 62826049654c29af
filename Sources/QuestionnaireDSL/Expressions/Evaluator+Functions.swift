/// Compiling `sum`, `count`, `min` and `max`: any missing argument makes the result missing.
extension Evaluator {
    /// A numeric function over its arguments.
    static func call(_ function: ExpressionFunction, _ arguments: [TypedExpression]) -> NumberProgram {
        switch function {
        case .sum: fold(arguments.map(number), +)
        case .count: fold(arguments.map(countOf), +)
        case .min: fold(arguments.map(number), Swift.min)
        case .max: fold(arguments.map(number), Swift.max)
        case .answered, .declined, .score, .band: preconditionFailure("\(function) is not a numeric call")
        }
    }

    /// What one argument adds to `count`: 1 or 0 for a condition, the size of a set.
    private static func countOf(_ e: TypedExpression) -> NumberProgram {
        guard case .set = e.type else {
            let condition = condition(e)
            return { context in condition(context).map { $0 ? 1 : 0 } }
        }
        let set = set(e)
        return { context in set(context).map { Double($0.nonzeroBitCount) } }
    }

    /// Combines the (one or more) arguments left to right; missing as soon as one is missing.
    ///
    /// The programs are chained pairwise into closures rather than kept in an array: a closure
    /// read back out of an array is re-wrapped (reabstracted) on every read, which allocates.
    private static func fold(
        _ programs: [NumberProgram], _ combine: @escaping @Sendable (Double, Double) -> Double
    ) -> NumberProgram {
        programs.dropFirst().reduce(programs[0]) { left, right in
            { context in
                guard let a = left(context), let b = right(context) else { return nil }
                return combine(a, b)
            }
        }
    }
}
