/// A checked expression compiled to a flat list of plain-data instructions, for the batch
/// fast path: it gives exactly what ``CompiledExpression``'s closures give (the same IEEE
/// operations in the same order, the same three-valued logic), but it can be copied into raw
/// memory and run from there, so evaluating it costs no closure calls and no reference counting.
///
/// ```swift
/// let bytecode = compiled.bytecode
/// let risk = bytecode.withProgram { program in
///     slots.withUnsafeBufferPointer { program.number($0) }   // nil when missing
/// }
/// ```
///
/// The instructions run on a small stack of values (a number, a condition, a code or a set,
/// each with a missing flag); the program's last instruction leaves its result on top.
public struct ExpressionBytecode: Sendable, Equatable {
    /// The instructions, in the order they run.
    public let instructions: [BytecodeInstruction]
    /// The most values the stack holds while the program runs.
    public let stackDepth: Int
    /// True when the program leaves a condition (the expression is boolean), false for a number.
    public let isCondition: Bool
    /// The fewest slots an evaluation must be given: one past the highest slot used.
    public let requiredSlotCount: Int

    /// Compiles the checked tree of `expression`.
    public init(_ expression: CompiledExpression) {
        var compiler = BytecodeCompiler()
        isCondition = expression.ast.type == .boolean
        // In the expression's own type, as CompiledExpression builds its closures; the other
        // reading converts the result (see BytecodeProgram.number and .condition).
        if isCondition { compiler.condition(expression.ast) } else { compiler.number(expression.ast) }
        instructions = compiler.instructions
        stackDepth = compiler.maxDepth
        requiredSlotCount = expression.requiredSlotCount
    }

    /// Runs `body` with a program over this bytecode's instructions.
    public func withProgram<R>(_ body: (BytecodeProgram) throws -> R) rethrows -> R {
        try instructions.withUnsafeBufferPointer { buffer in
            try body(BytecodeProgram(self, instructions: buffer.baseAddress!))
        }
    }
}

extension CompiledExpression {
    /// The expression as bytecode (compiled on each call: keep the result).
    public var bytecode: ExpressionBytecode { ExpressionBytecode(self) }
}

/// What one bytecode instruction does.
public enum BytecodeOpcode: UInt8, Sendable {
    /// Pushes ``BytecodeInstruction/operand``: a number's bit pattern, or 1 or 0 for a condition.
    case constant
    /// Pushes an item's number (0 when hidden).
    case itemNumber
    /// Pushes a yes/no item as a condition: its number is non-zero (false when hidden).
    case itemFlag
    /// Pushes a choice item's option index (-1 when hidden).
    case itemCode
    /// Pushes a multi_choice item's set (empty when hidden).
    case itemSet
    /// Pushes a score slot's number; missing unless scored.
    case scoreNumber
    /// Pushes a score slot's band index; missing unless scored.
    case scoreCode
    /// Pushes whether the item was answered (never missing).
    case answered
    /// Pushes whether the item was declined or answered "don't know" (never missing).
    case declined
    /// Negates the number on top.
    case negate
    /// Negates the condition on top, in three-valued logic.
    case not
    /// Replaces the top two conditions with their `and`, in three-valued logic.
    case and
    /// Replaces the top two conditions with their `or`, in three-valued logic.
    case or
    /// Replaces the top two numbers with their sum.
    case add
    /// Replaces the top two numbers with their difference.
    case subtract
    /// Replaces the top two numbers with their product.
    case multiply
    /// Replaces the top two numbers with their quotient; missing when dividing by zero.
    case divide
    /// Replaces the top two numbers with `Swift.min` of them.
    case minimum
    /// Replaces the top two numbers with `Swift.max` of them.
    case maximum
    /// Replaces the top two numbers with their comparison by ``BytecodeInstruction/modifier``.
    case compare
    /// Replaces the code on top with its comparison by ``BytecodeInstruction/modifier`` with
    /// the code in ``BytecodeInstruction/operand``.
    case compareCode
    /// Replaces the code on top with whether it is in the 64 codes from
    /// 64 × ``BytecodeInstruction/slot`` whose bits ``BytecodeInstruction/operand`` sets.
    case codeInMask
    /// Replaces the set on top with whether it meets the mask in ``BytecodeInstruction/operand``.
    case setHas
    /// Replaces the condition on top with 1 or 0.
    case conditionToNumber
    /// Replaces the number on top with whether it is non-zero.
    case numberToCondition
    /// Replaces the set on top with its size.
    case setCount
}

/// One bytecode instruction: plain data, 16 bytes.
public struct BytecodeInstruction: Sendable, Hashable {
    /// What it does.
    public var opcode: BytecodeOpcode
    /// For ``BytecodeOpcode/compare`` and ``BytecodeOpcode/compareCode``: the operator
    /// (see ``BytecodeInstruction/comparison(_:)``).
    public var modifier: UInt8
    /// The slot read, or the mask's word for ``BytecodeOpcode/codeInMask``.
    public var slot: Int32
    /// A constant's bits, a mask or a code.
    public var operand: UInt64

    /// Creates an instruction.
    public init(_ opcode: BytecodeOpcode, modifier: UInt8 = 0, slot: Int32 = 0, operand: UInt64 = 0) {
        self.opcode = opcode
        self.modifier = modifier
        self.slot = slot
        self.operand = operand
    }

    /// The ``modifier`` that stands for `op`.
    public static func comparison(_ op: ComparisonOperator) -> UInt8 {
        switch op {
        case .equal: 0
        case .notEqual: 1
        case .less: 2
        case .lessOrEqual: 3
        case .greater: 4
        case .greaterOrEqual: 5
        }
    }
}

/// A view of bytecode instructions held elsewhere (in an array, or in raw memory that
/// outlives the view), ready to run: plain data, so reading one costs no reference counting.
public struct BytecodeProgram: @unchecked Sendable {
    /// The first of the instructions.
    public let instructions: UnsafePointer<BytecodeInstruction>
    /// How many instructions there are.
    public let count: Int
    /// The most values the stack holds.
    public let stackDepth: Int
    /// True when the program leaves a condition, false for a number.
    public let isCondition: Bool
    /// The fewest slots an evaluation must be given.
    public let requiredSlotCount: Int

    /// A view of `bytecode`'s instructions at `instructions` (the array's own storage or a copy of it).
    public init(_ bytecode: ExpressionBytecode, instructions: UnsafePointer<BytecodeInstruction>) {
        self.instructions = instructions
        count = bytecode.instructions.count
        stackDepth = bytecode.stackDepth
        isCondition = bytecode.isCondition
        requiredSlotCount = bytecode.requiredSlotCount
    }

    /// The value as a number (a condition gives 1 or 0); nil when missing.
    /// See ``CompiledExpression/number(_:missingAsZero:)``.
    @inline(__always)
    public func number(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Double? {
        let result = run(slots, missingAsZero: missingAsZero)
        if result.missing { return nil }
        return isCondition ? (result.bits != 0 ? 1 : 0) : Double(bitPattern: result.bits)
    }

    /// The value as a condition (a number is true when non-zero); nil when missing.
    /// See ``CompiledExpression/boolean(_:missingAsZero:)``.
    @inline(__always)
    public func condition(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Bool? {
        let result = run(slots, missingAsZero: missingAsZero)
        if result.missing { return nil }
        return isCondition ? result.bits != 0 : Double(bitPattern: result.bits) != 0
    }

    /// The value as a number; the same as ``number(_:missingAsZero:)``.
    @inline(__always)
    public func callAsFunction(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool) -> Double? {
        number(slots, missingAsZero: missingAsZero)
    }

    /// Runs the instructions on a stack that lives for this call only.
    private func run(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool) -> BytecodeValue {
        precondition(slots.count >= requiredSlotCount, "the expression reads slot \(requiredSlotCount - 1)")
        return withUnsafeTemporaryAllocation(of: BytecodeValue.self, capacity: stackDepth) { stack in
            Self.run(instructions, count, stack.baseAddress!, slots.baseAddress!, missingAsZero)
        }
    }

    /// The interpreter: every operation as ``Evaluator`` does it, on values of the stack.
    private static func run(
        _ code: UnsafePointer<BytecodeInstruction>, _ count: Int, _ stack: UnsafeMutablePointer<BytecodeValue>,
        _ slots: UnsafePointer<AnswerSlot>, _ missingAsZero: Bool
    ) -> BytecodeValue {
        var top = stack - 1
        for pc in 0..<count {
            let instruction = code[pc]
            switch instruction.opcode {
            case .constant:
                top += 1
                top.pointee = BytecodeValue(bits: instruction.operand)
            case .itemNumber:
                top += 1
                top.pointee = item(slots[Int(instruction.slot)], missingAsZero) { $0.number.bitPattern }
            case .itemFlag:
                top += 1
                top.pointee = item(slots[Int(instruction.slot)], missingAsZero) { $0.number != 0 ? 1 : 0 }
            case .itemCode:
                top += 1
                top.pointee = item(slots[Int(instruction.slot)], missingAsZero) { UInt64(bitPattern: Int64($0.code)) }
            case .itemSet:
                top += 1
                top.pointee = item(slots[Int(instruction.slot)], missingAsZero) { $0.set }
            case .scoreNumber:
                top += 1
                let slot = slots[Int(instruction.slot)]
                top.pointee = BytecodeValue(bits: slot.number.bitPattern, missing: slot.state != .answered)
            case .scoreCode:
                top += 1
                let slot = slots[Int(instruction.slot)]
                top.pointee = BytecodeValue(
                    bits: UInt64(bitPattern: Int64(slot.code)), missing: slot.state != .answered)
            case .answered:
                top += 1
                top.pointee = BytecodeValue(bits: slots[Int(instruction.slot)].state == .answered ? 1 : 0)
            case .declined:
                top += 1
                let state = slots[Int(instruction.slot)].state
                top.pointee = BytecodeValue(bits: state == .declined || state == .dontKnow ? 1 : 0)
            case .negate:
                top.pointee.bits = (-Double(bitPattern: top.pointee.bits)).bitPattern
            case .not:
                top.pointee.bits ^= 1
            case .and:
                let b = top.pointee
                top -= 1
                let a = top.pointee
                if (!a.missing && a.bits == 0) || (!b.missing && b.bits == 0) {
                    top.pointee = BytecodeValue(bits: 0)
                } else {
                    top.pointee = BytecodeValue(bits: 1, missing: a.missing || b.missing)
                }
            case .or:
                let b = top.pointee
                top -= 1
                let a = top.pointee
                if (!a.missing && a.bits != 0) || (!b.missing && b.bits != 0) {
                    top.pointee = BytecodeValue(bits: 1)
                } else {
                    top.pointee = BytecodeValue(bits: 0, missing: a.missing || b.missing)
                }
            case .add:
                top = arithmetic(top) { $0 + $1 }
            case .subtract:
                top = arithmetic(top) { $0 - $1 }
            case .multiply:
                top = arithmetic(top) { $0 * $1 }
            case .divide:
                let b = Double(bitPattern: top.pointee.bits)
                top = arithmetic(top) { $0 / $1 }
                if b == 0 { top.pointee.missing = true }
            case .minimum:
                top = arithmetic(top) { Swift.min($0, $1) }
            case .maximum:
                top = arithmetic(top) { Swift.max($0, $1) }
            case .compare:
                let b = top.pointee
                top -= 1
                let a = top.pointee
                let holds = holds(instruction.modifier, Double(bitPattern: a.bits), Double(bitPattern: b.bits))
                top.pointee = BytecodeValue(bits: holds ? 1 : 0, missing: a.missing || b.missing)
            case .compareCode:
                let code = Int32(truncatingIfNeeded: top.pointee.bits)
                let holds = holds(instruction.modifier, code, Int32(truncatingIfNeeded: instruction.operand))
                top.pointee.bits = holds ? 1 : 0
            case .codeInMask:
                let code = Int32(truncatingIfNeeded: top.pointee.bits)
                let inWord = code >= 0 && code >> 6 == instruction.slot
                top.pointee.bits = inWord && instruction.operand & (1 << UInt64(code & 63)) != 0 ? 1 : 0
            case .setHas:
                top.pointee.bits = top.pointee.bits & instruction.operand != 0 ? 1 : 0
            case .conditionToNumber:
                top.pointee.bits = (top.pointee.bits != 0 ? 1.0 : 0.0).bitPattern
            case .numberToCondition:
                top.pointee.bits = Double(bitPattern: top.pointee.bits) != 0 ? 1 : 0
            case .setCount:
                top.pointee.bits = Double(top.pointee.bits.nonzeroBitCount).bitPattern
            }
        }
        return top.pointee
    }

    /// An item's slot as ``EvaluationContext/item(_:)`` reads it: the answer when answered;
    /// a not-applicable slot when hidden (or missing, with `missingAsZero`); missing otherwise.
    @inline(__always)
    private static func item(
        _ slot: AnswerSlot, _ missingAsZero: Bool, _ read: (AnswerSlot) -> UInt64
    ) -> BytecodeValue {
        switch slot.state {
        case .answered: BytecodeValue(bits: read(slot))
        case .notApplicable: BytecodeValue(bits: read(.notApplicable))
        case .declined, .dontKnow, .unanswered:
            BytecodeValue(bits: read(.notApplicable), missing: !missingAsZero)
        }
    }

    /// Replaces the top two numbers with `combine` of them (missing when either is) and
    /// returns the new top.
    @inline(__always)
    private static func arithmetic(
        _ top: UnsafeMutablePointer<BytecodeValue>, _ combine: (Double, Double) -> Double
    ) -> UnsafeMutablePointer<BytecodeValue> {
        let b = top.pointee
        let a = top - 1
        a.pointee = BytecodeValue(
            bits: combine(Double(bitPattern: a.pointee.bits), Double(bitPattern: b.bits)).bitPattern,
            missing: a.pointee.missing || b.missing)
        return a
    }

    /// Whether `a op b` holds, `op` given as its ``BytecodeInstruction/modifier``.
    @inline(__always)
    private static func holds<T: Comparable>(_ op: UInt8, _ a: T, _ b: T) -> Bool {
        switch op {
        case 0: a == b
        case 1: a != b
        case 2: a < b
        case 3: a <= b
        case 4: a > b
        default: a >= b
        }
    }
}

/// One value on the interpreter's stack: a number's bit pattern, 1 or 0 for a condition, a
/// code (sign-extended) or a set; and whether it is missing.
struct BytecodeValue {
    var bits: UInt64
    var missing = false
}

/// Emits the instructions for a checked tree, mirroring ``Evaluator`` node for node.
private struct BytecodeCompiler {
    var instructions: [BytecodeInstruction] = []
    var depth = 0
    var maxDepth = 0

    /// Emits `instruction`, which changes the stack's height by `push` (1, 0 or -1).
    mutating func emit(_ instruction: BytecodeInstruction, push: Int) {
        instructions.append(instruction)
        depth += push
        maxDepth = max(maxDepth, depth)
    }

    /// As ``Evaluator/number(_:)``.
    mutating func number(_ e: TypedExpression) {
        if e.type == .boolean {
            condition(e)
            emit(BytecodeInstruction(.conditionToNumber), push: 0)
            return
        }
        switch e.kind {
        case .number(let value):
            emit(BytecodeInstruction(.constant, operand: value.bitPattern), push: 1)
        case .item(_, let slot):
            emit(BytecodeInstruction(.itemNumber, slot: Int32(slot)), push: 1)
        case .score(_, let slot):
            emit(BytecodeInstruction(.scoreNumber, slot: Int32(slot)), push: 1)
        case .negate(let operand):
            number(operand)
            emit(BytecodeInstruction(.negate), push: 0)
        case .arithmetic(let op, let left, let right):
            number(left)
            number(right)
            let opcode: BytecodeOpcode =
                switch op {
                case .add: .add
                case .subtract: .subtract
                case .multiply: .multiply
                case .divide: .divide
                }
            emit(BytecodeInstruction(opcode), push: -1)
        case .call(let function, let arguments):
            call(function, arguments)
        default:
            preconditionFailure("the checker gives no other numeric nodes")
        }
    }

    /// As ``Evaluator/call(_:_:)``: the arguments folded left to right.
    mutating func call(_ function: ExpressionFunction, _ arguments: [TypedExpression]) {
        let combine: BytecodeOpcode
        switch function {
        case .sum, .count: combine = .add
        case .min: combine = .minimum
        case .max: combine = .maximum
        case .answered, .declined, .score, .band: preconditionFailure("\(function) is not a numeric call")
        }
        for (i, argument) in arguments.enumerated() {
            if function == .count { countOf(argument) } else { number(argument) }
            if i > 0 { emit(BytecodeInstruction(combine), push: -1) }
        }
    }

    /// What one argument adds to `count`: 1 or 0 for a condition, the size of a set.
    mutating func countOf(_ e: TypedExpression) {
        guard case .set = e.type else {
            condition(e)
            emit(BytecodeInstruction(.conditionToNumber), push: 0)
            return
        }
        set(e)
        emit(BytecodeInstruction(.setCount), push: 0)
    }

    /// As ``Evaluator/condition(_:)``.
    mutating func condition(_ e: TypedExpression) {
        if e.type != .boolean {
            number(e)
            emit(BytecodeInstruction(.numberToCondition), push: 0)
            return
        }
        switch e.kind {
        case .boolean(let value):
            emit(BytecodeInstruction(.constant, operand: value ? 1 : 0), push: 1)
        case .item(_, let slot):
            emit(BytecodeInstruction(.itemFlag, slot: Int32(slot)), push: 1)
        case .answered(_, let slot):
            emit(BytecodeInstruction(.answered, slot: Int32(slot)), push: 1)
        case .declined(_, let slot):
            emit(BytecodeInstruction(.declined, slot: Int32(slot)), push: 1)
        case .not(let operand):
            condition(operand)
            emit(BytecodeInstruction(.not), push: 0)
        case .and(let left, let right):
            condition(left)
            condition(right)
            emit(BytecodeInstruction(.and), push: -1)
        case .or(let left, let right):
            condition(left)
            condition(right)
            emit(BytecodeInstruction(.or), push: -1)
        case .compare(let op, let left, let right):
            number(left)
            number(right)
            emit(BytecodeInstruction(.compare, modifier: BytecodeInstruction.comparison(op)), push: -1)
        case .compareWithCode(let op, let operand, let reference):
            code(operand)
            emit(
                BytecodeInstruction(
                    .compareCode, modifier: BytecodeInstruction.comparison(op),
                    operand: UInt64(bitPattern: Int64(Int32(reference.index)))),
                push: 0)
        case .oneOf(let operand, let references):
            // As CodeMask: one 64-bit word per 64 codes, the words joined by `or` (a code is
            // in at most one word; a missing code leaves every word, and so the `or`, missing).
            let indexes = references.map(\.index)
            var words = [UInt64](repeating: 0, count: (indexes.max() ?? -1) / 64 + 1)
            for index in indexes { words[index >> 6] |= 1 << UInt64(index & 63) }
            if words.isEmpty { words = [0] }
            for (w, word) in words.enumerated() {
                code(operand)
                emit(BytecodeInstruction(.codeInMask, slot: Int32(w), operand: word), push: 0)
                if w > 0 { emit(BytecodeInstruction(.or), push: -1) }
            }
        case .has(let operand, let reference):
            set(operand)
            emit(BytecodeInstruction(.setHas, operand: 1 << UInt64(reference.index)), push: 0)
        default:
            preconditionFailure("the checker gives no other boolean nodes")
        }
    }

    /// As ``Evaluator/set(_:)``.
    mutating func set(_ e: TypedExpression) {
        guard case .item(_, let slot) = e.kind else { preconditionFailure("only items are sets") }
        emit(BytecodeInstruction(.itemSet, slot: Int32(slot)), push: 1)
    }

    /// As ``Evaluator/code(_:)``.
    mutating func code(_ e: TypedExpression) {
        switch e.kind {
        case .item(_, let slot): emit(BytecodeInstruction(.itemCode, slot: Int32(slot)), push: 1)
        case .band(_, let slot): emit(BytecodeInstruction(.scoreCode, slot: Int32(slot)), push: 1)
        default: preconditionFailure("only choice items and bands have codes")
        }
    }
}

/// An expression evaluated as a number, by closures (``NumberEvaluator``) or by bytecode
/// (``BytecodeProgram``): what scoring needs, so one scoring function serves both.
public protocol NumberEvaluating {
    /// The value as a number; nil when missing. See ``CompiledExpression/number(_:missingAsZero:)``.
    func callAsFunction(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool) -> Double?
}

extension NumberEvaluator: NumberEvaluating {}

extension BytecodeProgram: NumberEvaluating {}
