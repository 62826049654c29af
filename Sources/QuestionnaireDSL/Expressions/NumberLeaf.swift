/// A numeric operand that is read straight from the slots (a literal, an item, a score),
/// so an arithmetic node over leaves reads them itself instead of calling a closure for
/// each: most score expressions are sums and products of answers and constants, and a
/// closure call per leaf was most of their cost.
enum NumberLeaf: Sendable {
    case constant(Double)
    /// A choice, scale or number item: its number.
    case item(Int)
    /// A yes/no item: 1 or 0.
    case flag(Int)
    case score(Int)

    /// The leaf `e` is, if it is one; it reads exactly what ``Evaluator/number(_:)`` would.
    init?(_ e: TypedExpression) {
        switch e.kind {
        case .number(let value): self = .constant(value)
        case .item(_, let slot): self = e.type == .boolean ? .flag(slot) : .item(slot)
        case .score(_, let slot) where e.type != .boolean: self = .score(slot)
        default: return nil
        }
    }

    /// The operand's value; nil when missing.
    @inline(__always)
    func read(_ context: EvaluationContext) -> Double? {
        switch self {
        case .constant(let value): value
        case .item(let slot): context.item(slot)?.number
        case .flag(let slot): context.item(slot).map { $0.number != 0 ? 1 : 0 }
        case .score(let slot): context.score(slot)?.number
        }
    }
}
