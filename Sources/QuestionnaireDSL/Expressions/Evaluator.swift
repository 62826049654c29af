/// Compiles a checked expression, once, into nested closures over the answer slots.
///
/// Everything a closure needs (slot indexes, operators, masks, the closures below it) is
/// captured when it is built, so evaluating allocates nothing: no arrays, strings,
/// existentials or boxes, only values on the stack.
enum Evaluator {
    /// The expression read as a number: a condition gives 1 or 0, a choice its option value.
    static func number(_ e: TypedExpression) -> NumberProgram {
        if e.type == .boolean {
            let condition = condition(e)
            return { context in condition(context).map { $0 ? 1 : 0 } }
        }
        switch e.kind {
        case .number(let value):
            return { _ in value }
        case .item(_, let slot):
            return { context in context.item(slot)?.number }
        case .score(_, let slot):
            return { context in context.score(slot)?.number }
        case .negate(let operand):
            let operand = number(operand)
            return { context in operand(context).map { -$0 } }
        case .arithmetic(let op, let left, let right):
            return arithmetic(op, left, right)
        case .call(let function, let arguments):
            return call(function, arguments)
        default:
            preconditionFailure("the checker gives no other numeric nodes")
        }
    }

    /// `left op right`, with operands that are leaves read in place (see ``NumberLeaf``).
    private static func arithmetic(_ op: ArithmeticOperator, _ left: TypedExpression, _ right: TypedExpression)
        -> NumberProgram
    {
        let leftLeaf = NumberLeaf(left)
        let rightLeaf = NumberLeaf(right)
        if let l = leftLeaf, let r = rightLeaf {
            return { context in
                guard let a = l.read(context), let b = r.read(context) else { return nil }
                return op.apply(a, b)
            }
        }
        if let l = leftLeaf {
            let rightProgram = number(right)
            return { context in
                guard let a = l.read(context), let b = rightProgram(context) else { return nil }
                return op.apply(a, b)
            }
        }
        let leftProgram = number(left)
        if let r = rightLeaf {
            return { context in
                guard let a = leftProgram(context), let b = r.read(context) else { return nil }
                return op.apply(a, b)
            }
        }
        let rightProgram = number(right)
        return { context in
            guard let a = leftProgram(context), let b = rightProgram(context) else { return nil }
            return op.apply(a, b)
        }
    }

    /// The expression read as a condition, in three-valued logic; a number is true when non-zero.
    static func condition(_ e: TypedExpression) -> ConditionProgram {
        if e.type != .boolean {
            let number = number(e)
            return { context in number(context).map { $0 != 0 } }
        }
        switch e.kind {
        case .boolean(let value):
            return { _ in value }
        case .item(_, let slot):
            return { context in context.item(slot).map { $0.number != 0 } }
        case .answered(_, let slot):
            return { context in context.slots[slot].state == .answered }
        case .declined(_, let slot):
            return { context in
                let state = context.slots[slot].state
                return state == .declined || state == .dontKnow
            }
        case .not(let operand):
            let operand = condition(operand)
            return { context in operand(context).map { !$0 } }
        case .and(let left, let right):
            let (left, right) = (condition(left), condition(right))
            return { context in
                let a = left(context)
                if a == false { return false }
                let b = right(context)
                if b == false { return false }
                return a == true && b == true ? true : nil
            }
        case .or(let left, let right):
            let (left, right) = (condition(left), condition(right))
            return { context in
                let a = left(context)
                if a == true { return true }
                let b = right(context)
                if b == true { return true }
                return a == false && b == false ? false : nil
            }
        case .compare(let op, let left, let right):
            let (left, right) = (number(left), number(right))
            return { context in
                guard let a = left(context), let b = right(context) else { return nil }
                return op.holds(a, b)
            }
        case .compareWithCode(let op, let operand, let reference):
            let operand = code(operand)
            let index = Int32(reference.index)
            return { context in operand(context).map { op.holds($0, index) } }
        case .oneOf(let operand, let references):
            let operand = code(operand)
            let mask = CodeMask(references.map(\.index))
            return { context in operand(context).map { mask.contains($0) } }
        case .has(let operand, let reference):
            let operand = set(operand)
            let mask: UInt64 = 1 << UInt64(reference.index)
            return { context in operand(context).map { $0 & mask != 0 } }
        default:
            preconditionFailure("the checker gives no other boolean nodes")
        }
    }

    /// A multi_choice item's set of codes.
    static func set(_ e: TypedExpression) -> SetProgram {
        guard case .item(_, let slot) = e.kind else { preconditionFailure("only items are sets") }
        return { context in context.item(slot)?.set }
    }

    /// A choice item's option index (-1 when hidden) or a need's band index.
    static func code(_ e: TypedExpression) -> CodeProgram {
        switch e.kind {
        case .item(_, let slot): return { context in context.item(slot)?.code }
        case .band(_, let slot): return { context in context.score(slot)?.code }
        default: preconditionFailure("only choice items and bands have codes")
        }
    }
}
