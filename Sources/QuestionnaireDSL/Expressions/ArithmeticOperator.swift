/// A binary arithmetic operator.
public enum ArithmeticOperator: String, Sendable, Equatable {
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `*`
    case multiply = "*"
    /// `/`: division by zero gives missing.
    case divide = "/"

    /// Applies the operator; nil when dividing by zero.
    @inline(__always)
    func apply(_ a: Double, _ b: Double) -> Double? {
        switch self {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: b == 0 ? nil : a / b
        }
    }
}
