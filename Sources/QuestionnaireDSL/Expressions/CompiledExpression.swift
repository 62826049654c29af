/// A checked expression compiled to closures over the answer slots, ready to evaluate
/// millions of times without allocating.
///
/// ```swift
/// let slots: [AnswerSlot] = [.boolean(true), .set(0b101)]
/// let risk = slots.withUnsafeBufferPointer { compiled.number($0) }   // nil when missing
/// ```
public struct CompiledExpression: Sendable {
    /// The expression as written.
    public let source: String
    /// The checked, typed tree.
    public let ast: TypedExpression
    /// The item ids used, each once, in order of first appearance (including in `answered()`/`declined()`).
    public let referencedItems: [String]
    /// The slots of ``referencedItems``, in the same order.
    public let referencedItemSlots: [Int]
    /// The need and strength ids used through `score()` or `band()`, each once, in order of first appearance.
    public let referencedScores: [String]
    /// The slots of ``referencedScores``, in the same order.
    public let referencedScoreSlots: [Int]
    /// Every slot an evaluation reads: ``referencedItemSlots``, then ``referencedScoreSlots``.
    public var referencedSlots: [Int] { referencedItemSlots + referencedScoreSlots }
    /// The fewest slots an evaluation must be given: one past the highest slot used.
    public let requiredSlotCount: Int

    private let numberProgram: NumberProgram
    private let conditionProgram: ConditionProgram

    /// Compiles a checked tree.
    init(source: String, ast: TypedExpression) {
        self.source = source
        self.ast = ast
        var items: [(id: String, slot: Int)] = []
        var scores: [(id: String, slot: Int)] = []
        Self.collectReferences(ast, items: &items, scores: &scores)
        referencedItems = items.map(\.id)
        referencedItemSlots = items.map(\.slot)
        referencedScores = scores.map(\.id)
        referencedScoreSlots = scores.map(\.slot)
        requiredSlotCount = ((items + scores).map(\.slot).max() ?? -1) + 1
        // One tree of closures, in the expression's own type; the other reading wraps it, as
        // the evaluator itself does (a condition counts 1 or 0, a number is true when non-zero).
        if ast.type == .boolean {
            let condition = Evaluator.condition(ast)
            conditionProgram = condition
            numberProgram = { context in condition(context).map { $0 ? 1 : 0 } }
        } else {
            let number = Evaluator.number(ast)
            numberProgram = number
            conditionProgram = { context in number(context).map { $0 != 0 } }
        }
    }

    /// The value as a number (a condition gives 1 or 0); nil when missing.
    ///
    /// With `missingAsZero`, declined, don't-know and unanswered items read as not applicable
    /// (0, false, no code, the empty set), as when prorating a score; score slots are unaffected,
    /// and `answered(x)` and `declined(x)` still test the item's real state.
    public func number(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Double? {
        precondition(slots.count >= requiredSlotCount, "the expression reads slot \(requiredSlotCount - 1)")
        return numberProgram(EvaluationContext(slots: slots, missingAsZero: missingAsZero))
    }

    /// The numeric evaluation alone, for loops over many expressions: it holds one closure
    /// and nothing else, so keeping it in an array and calling it costs no reference counting
    /// for the expression's other parts (source, tree, reference lists).
    public var numberEvaluator: NumberEvaluator {
        NumberEvaluator(program: numberProgram, requiredSlotCount: requiredSlotCount)
    }

    /// The value as a condition (a number is true when non-zero); nil when missing.
    ///
    /// `missingAsZero` works as in ``number(_:missingAsZero:)``.
    public func boolean(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Bool? {
        precondition(slots.count >= requiredSlotCount, "the expression reads slot \(requiredSlotCount - 1)")
        return conditionProgram(EvaluationContext(slots: slots, missingAsZero: missingAsZero))
    }

    private static func collectReferences(
        _ e: TypedExpression, items: inout [(id: String, slot: Int)], scores: inout [(id: String, slot: Int)]
    ) {
        switch e.kind {
        case .item(let id, let slot), .answered(let id, let slot), .declined(let id, let slot):
            if !items.contains(where: { $0.id == id }) { items.append((id, slot)) }
        case .score(let id, let slot), .band(let id, let slot):
            if !scores.contains(where: { $0.id == id }) { scores.append((id, slot)) }
        default:
            break
        }
        for child in e.children { collectReferences(child, items: &items, scores: &scores) }
    }
}

/// The numeric evaluation of a ``CompiledExpression``, on its own.
public struct NumberEvaluator: Sendable {
    let program: NumberProgram
    let requiredSlotCount: Int

    /// The value as a number; nil when missing. See ``CompiledExpression/number(_:missingAsZero:)``.
    @inline(__always)
    public func callAsFunction(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Double? {
        precondition(slots.count >= requiredSlotCount, "the expression reads slot \(requiredSlotCount - 1)")
        return program(EvaluationContext(slots: slots, missingAsZero: missingAsZero))
    }
}
