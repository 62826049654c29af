/// Compiling `sum`, `count`, `min` and `max`: any missing argument makes the result missing.
extension Evaluator {
    /// A numeric function over its arguments.
    static func call(_ function: ExpressionFunction, _ arguments: [TypedExpression]) -> NumberProgram {
        switch function {
        case .sum:
            return fold(arguments.map(number), from: 0, +)
        case .count:
            return fold(arguments.map(countOf), from: 0, +)
        case .min:
            return fold(arguments.map(number), from: .infinity, Swift.min)
        case .max:
            return fold(arguments.map(number), from: -.infinity, Swift.max)
        case .answered, .declined, .score, .band:
            preconditionFailure("\(function) is not a numeric call")
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

    /// Combines the arguments left to right; missing as soon as one is missing.
    private static func fold(
        _ programs: [NumberProgram], from initial: Double, _ combine: @escaping @Sendable (Double, Double) -> Double
    ) -> NumberProgram {
        { context in
            var result = initial
            for program in programs {
                guard let value = program(context) else { return nil }
                result = combine(result, value)
            }
            return result
        }
    }
}
