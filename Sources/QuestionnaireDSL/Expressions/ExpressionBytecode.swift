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

/// What one bytecode instruction does. The program works on an accumulator (the value last
/// computed) and a stack under it: a load replaces the accumulator (``push`` saves it first),
/// and a binary operation combines the stack's top, on the left, with the accumulator.
public enum BytecodeOpcode: UInt8, Sendable {
    /// Saves the accumulator on the stack.
    case push
    /// Loads ``BytecodeInstruction/operand``: a number's bit pattern, or 1 or 0 for a condition.
    case constant
    /// Loads an item's number (0 when hidden).
    case itemNumber
    /// Loads a yes/no item as a condition: its number is non-zero (false when hidden).
    case itemFlag
    /// Loads a choice item's option index (-1 when hidden).
    case itemCode
    /// Loads a multi_choice item's set (empty when hidden).
    case itemSet
    /// Loads a score slot's number; missing unless scored.
    case scoreNumber
    /// Loads a score slot's band index; missing unless scored.
    case scoreCode
    /// Loads whether the item was answered (never missing).
    case answered
    /// Loads whether the item was declined or answered "don't know" (never missing).
    case declined
    /// Loads whether a choice item's code compares by ``BytecodeInstruction/modifier`` with the
    /// code in ``BytecodeInstruction/operand`` (``itemCode`` then ``compareCode``).
    case itemCodeCompare
    /// Loads whether a score slot's band compares with a code (``scoreCode`` then ``compareCode``).
    case scoreCodeCompare
    /// Loads whether a choice item's code is in the mask of codes 0 to 63 in
    /// ``BytecodeInstruction/operand`` (``itemCode`` then ``codeInMask`` for word 0).
    case itemCodeInMask
    /// Loads whether a multi_choice item's set meets the mask in ``BytecodeInstruction/operand``
    /// (``itemSet`` then ``setHas``).
    case itemSetHas
    /// Loads whether an item's number compares by ``BytecodeInstruction/modifier`` with the
    /// constant in ``BytecodeInstruction/operand`` (``itemNumber`` then ``compareConstant``).
    case itemCompareConstant
    /// Loads the constant in ``BytecodeInstruction/operand`` (on the left) and an item's
    /// number combined by the arithmetic in the low bits of ``BytecodeInstruction/modifier``
    /// (the item read as 1 or 0 when bit 7 is set, for a yes/no item).
    case constantArithmeticItem
    /// The accumulator combined, by the arithmetic in the low four bits of
    /// ``BytecodeInstruction/modifier``, with ``constantArithmeticItem`` of the arithmetic in
    /// its next three bits: `acc + 2 * x` in one step.
    case arithmeticConstantItem
    /// Negates the number.
    case negate
    /// Negates the condition, in three-valued logic.
    case not
    /// The stack's top `and` the accumulator, in three-valued logic.
    case and
    /// The stack's top `or` the accumulator, in three-valued logic.
    case or
    /// The stack's top and the accumulator combined by the arithmetic of
    /// ``BytecodeInstruction/modifier`` (see ``BytecodeInstruction/arithmetic(_:)``).
    case arithmetic
    /// The accumulator and the constant in ``BytecodeInstruction/operand`` (on the right)
    /// combined by the arithmetic of ``BytecodeInstruction/modifier``.
    case arithmeticConstant
    /// The constant in ``BytecodeInstruction/operand`` (on the left) and the accumulator
    /// combined by the arithmetic of ``BytecodeInstruction/modifier``.
    case constantArithmetic
    /// The accumulator and an item's number (on the right) combined by the arithmetic of
    /// ``BytecodeInstruction/modifier``.
    case arithmeticItem
    /// The accumulator and a yes/no item's 1 or 0 (on the right) combined by the arithmetic of
    /// ``BytecodeInstruction/modifier``.
    case arithmeticFlag
    /// The stack's top and the accumulator compared by ``BytecodeInstruction/modifier``.
    case compare
    /// The accumulator compared by ``BytecodeInstruction/modifier`` with the constant in
    /// ``BytecodeInstruction/operand``, on the right.
    case compareConstant
    /// The code in the accumulator compared by ``BytecodeInstruction/modifier`` with the code
    /// in ``BytecodeInstruction/operand``.
    case compareCode
    /// Whether the code in the accumulator is in the 64 codes from 64 × ``BytecodeInstruction/slot``
    /// whose bits ``BytecodeInstruction/operand`` sets.
    case codeInMask
    /// Whether the set in the accumulator meets the mask in ``BytecodeInstruction/operand``.
    case setHas
    /// The condition as 1 or 0.
    case conditionToNumber
    /// Whether the number is non-zero.
    case numberToCondition
    /// The set's size.
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

    /// The ``modifier`` that stands for arithmetic `op`; `sum`, `min` and `max` fold with
    /// add (0), 4 (`Swift.min`) and 5 (`Swift.max`).
    public static func arithmetic(_ op: ArithmeticOperator) -> UInt8 {
        switch op {
        case .add: 0
        case .subtract: 1
        case .multiply: 2
        case .divide: 3
        }
    }

    /// The ``modifier`` that stands for comparison `op`.
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
    @inlinable
    public func number(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Double? {
        let result = run(slots, missingAsZero)
        if result.missing { return nil }
        return isCondition ? (result.bits != 0 ? 1 : 0) : Double(bitPattern: result.bits)
    }

    /// The value as a condition (a number is true when non-zero); nil when missing.
    /// See ``CompiledExpression/boolean(_:missingAsZero:)``.
    @inlinable
    public func condition(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool = false) -> Bool? {
        let result = run(slots, missingAsZero)
        if result.missing { return nil }
        return isCondition ? result.bits != 0 : Double(bitPattern: result.bits) != 0
    }

    /// The value as a number; the same as ``number(_:missingAsZero:)``.
    @inlinable
    public func callAsFunction(_ slots: UnsafeBufferPointer<AnswerSlot>, missingAsZero: Bool) -> Double? {
        number(slots, missingAsZero: missingAsZero)
    }

    /// Runs the instructions, on a stack that lives for this call only: four values in place
    /// (most programs need none or one), or as many as the program needs.
    @usableFromInline
    func run(_ slots: UnsafeBufferPointer<AnswerSlot>, _ missingAsZero: Bool) -> BytecodeValue {
        precondition(slots.count >= requiredSlotCount, "the expression reads slot \(requiredSlotCount - 1)")
        let slots = slots.baseAddress!
        if stackDepth == 0 {
            // Nothing is pushed: the stack is never read.
            var none = BytecodeValue(bits: 0)
            return Self.interpret(instructions, count, &none, slots, missingAsZero)
        }
        if stackDepth <= 4 {
            var small = (BytecodeValue(bits: 0), BytecodeValue(bits: 0), BytecodeValue(bits: 0), BytecodeValue(bits: 0))
            return withUnsafeMutablePointer(to: &small) { small in
                let stack = UnsafeMutableRawPointer(small).assumingMemoryBound(to: BytecodeValue.self)
                return Self.interpret(instructions, count, stack, slots, missingAsZero)
            }
        }
        return withUnsafeTemporaryAllocation(of: BytecodeValue.self, capacity: stackDepth) { stack in
            Self.interpret(instructions, count, stack.baseAddress!, slots, missingAsZero)
        }
    }

    /// The interpreter: every operation as ``Evaluator`` does it.
    @inline(__always)
    private static func interpret(
        _ code: UnsafePointer<BytecodeInstruction>, _ count: Int, _ stack: UnsafeMutablePointer<BytecodeValue>,
        _ slots: UnsafePointer<AnswerSlot>, _ missingAsZero: Bool
    ) -> BytecodeValue {
        var top = stack - 1
        var acc = BytecodeValue(bits: 0)
        var pc = 0
        while pc < count {
            let instruction = code[pc]
            pc &+= 1
            switch instruction.opcode {
            case .push:
                top += 1
                top.pointee = acc
            case .constant:
                acc = BytecodeValue(bits: instruction.operand)
            case .itemNumber:
                acc = item(slots[Int(instruction.slot)], missingAsZero) { $0.number.bitPattern }
            case .itemFlag:
                acc = item(slots[Int(instruction.slot)], missingAsZero) { $0.number != 0 ? 1 : 0 }
            case .itemCode:
                acc = item(slots[Int(instruction.slot)], missingAsZero) { UInt64(bitPattern: Int64($0.code)) }
            case .itemSet:
                acc = item(slots[Int(instruction.slot)], missingAsZero) { $0.set }
            case .scoreNumber:
                let slot = slots[Int(instruction.slot)]
                acc = BytecodeValue(bits: slot.number.bitPattern, missing: slot.state != .answered)
            case .scoreCode:
                let slot = slots[Int(instruction.slot)]
                acc = BytecodeValue(bits: UInt64(bitPattern: Int64(slot.code)), missing: slot.state != .answered)
            case .answered:
                acc = BytecodeValue(bits: slots[Int(instruction.slot)].state == .answered ? 1 : 0)
            case .declined:
                let state = slots[Int(instruction.slot)].state
                acc = BytecodeValue(bits: state == .declined || state == .dontKnow ? 1 : 0)
            case .itemCodeCompare:
                acc = item(slots[Int(instruction.slot)], missingAsZero) {
                    holds(instruction.modifier, $0.code, Int32(truncatingIfNeeded: instruction.operand)) ? 1 : 0
                }
            case .scoreCodeCompare:
                let slot = slots[Int(instruction.slot)]
                let holds = holds(instruction.modifier, slot.code, Int32(truncatingIfNeeded: instruction.operand))
                acc = BytecodeValue(bits: holds ? 1 : 0, missing: slot.state != .answered)
            case .itemCodeInMask:
                acc = item(slots[Int(instruction.slot)], missingAsZero) {
                    inMask($0.code, word: 0, instruction.operand)
                }
            case .itemSetHas:
                acc = item(slots[Int(instruction.slot)], missingAsZero) { $0.set & instruction.operand != 0 ? 1 : 0 }
            case .itemCompareConstant:
                acc = item(slots[Int(instruction.slot)], missingAsZero) {
                    holds(instruction.modifier, $0.number, Double(bitPattern: instruction.operand)) ? 1 : 0
                }
            case .constantArithmeticItem:
                acc = arithmetic(
                    instruction.modifier & 0xF, BytecodeValue(bits: instruction.operand),
                    itemOperand(slots[Int(instruction.slot)], missingAsZero, flag: instruction.modifier & 0x80 != 0))
            case .arithmeticConstantItem:
                let b = arithmetic(
                    (instruction.modifier >> 4) & 0x7, BytecodeValue(bits: instruction.operand),
                    itemOperand(slots[Int(instruction.slot)], missingAsZero, flag: instruction.modifier & 0x80 != 0))
                acc = arithmetic(instruction.modifier & 0xF, acc, b)
            case .negate:
                acc.bits = (-Double(bitPattern: acc.bits)).bitPattern
            case .not:
                acc.bits ^= 1
            case .and:
                let a = top.pointee
                top -= 1
                if (!a.missing && a.bits == 0) || (!acc.missing && acc.bits == 0) {
                    acc = BytecodeValue(bits: 0)
                } else {
                    acc = BytecodeValue(bits: 1, missing: a.missing || acc.missing)
                }
            case .or:
                let a = top.pointee
                top -= 1
                if (!a.missing && a.bits != 0) || (!acc.missing && acc.bits != 0) {
                    acc = BytecodeValue(bits: 1)
                } else {
                    acc = BytecodeValue(bits: 0, missing: a.missing || acc.missing)
                }
            case .arithmetic:
                let a = top.pointee
                top -= 1
                acc = arithmetic(instruction.modifier, a, acc)
            case .arithmeticConstant:
                acc = arithmetic(instruction.modifier, acc, BytecodeValue(bits: instruction.operand))
            case .constantArithmetic:
                acc = arithmetic(instruction.modifier, BytecodeValue(bits: instruction.operand), acc)
            case .arithmeticItem:
                let b = item(slots[Int(instruction.slot)], missingAsZero) { $0.number.bitPattern }
                acc = arithmetic(instruction.modifier, acc, b)
            case .arithmeticFlag:
                let b = item(slots[Int(instruction.slot)], missingAsZero) { $0.number != 0 ? 1.0.bitPattern : 0 }
                acc = arithmetic(instruction.modifier, acc, b)
            case .compare:
                let a = top.pointee
                top -= 1
                let holds = holds(instruction.modifier, Double(bitPattern: a.bits), Double(bitPattern: acc.bits))
                acc = BytecodeValue(bits: holds ? 1 : 0, missing: a.missing || acc.missing)
            case .compareConstant:
                let holds = holds(
                    instruction.modifier, Double(bitPattern: acc.bits), Double(bitPattern: instruction.operand))
                acc.bits = holds ? 1 : 0
            case .compareCode:
                let holds = holds(
                    instruction.modifier, Int32(truncatingIfNeeded: acc.bits),
                    Int32(truncatingIfNeeded: instruction.operand))
                acc.bits = holds ? 1 : 0
            case .codeInMask:
                acc.bits = inMask(Int32(truncatingIfNeeded: acc.bits), word: instruction.slot, instruction.operand)
            case .setHas:
                acc.bits = acc.bits & instruction.operand != 0 ? 1 : 0
            case .conditionToNumber:
                acc.bits = acc.bits != 0 ? 1.0.bitPattern : 0
            case .numberToCondition:
                acc.bits = Double(bitPattern: acc.bits) != 0 ? 1 : 0
            case .setCount:
                acc.bits = Double(acc.bits.nonzeroBitCount).bitPattern
            }
        }
        return acc
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

    /// An item as an arithmetic operand: its number, or 1 or 0 for a yes/no item (`flag`).
    @inline(__always)
    private static func itemOperand(_ slot: AnswerSlot, _ missingAsZero: Bool, flag: Bool) -> BytecodeValue {
        item(slot, missingAsZero) { flag ? ($0.number != 0 ? 1.0.bitPattern : 0) : $0.number.bitPattern }
    }

    /// 1 when `code` is in the 64 codes from 64 × `word` that `mask` sets (never for -1), else 0.
    @inline(__always)
    private static func inMask(_ code: Int32, word: Int32, _ mask: UInt64) -> UInt64 {
        code >= 0 && code >> 6 == word && mask & (1 << UInt64(code & 63)) != 0 ? 1 : 0
    }

    /// `a op b` on numbers, `op` given as its ``BytecodeInstruction/arithmetic(_:)`` modifier;
    /// missing when either is, or when dividing by zero.
    @inline(__always)
    private static func arithmetic(_ op: UInt8, _ a: BytecodeValue, _ b: BytecodeValue) -> BytecodeValue {
        let (x, y) = (Double(bitPattern: a.bits), Double(bitPattern: b.bits))
        let missing = a.missing || b.missing
        switch op {
        case 0: return BytecodeValue(bits: (x + y).bitPattern, missing: missing)
        case 1: return BytecodeValue(bits: (x - y).bitPattern, missing: missing)
        case 2: return BytecodeValue(bits: (x * y).bitPattern, missing: missing)
        case 3: return BytecodeValue(bits: (x / y).bitPattern, missing: missing || y == 0)
        case 4: return BytecodeValue(bits: Swift.min(x, y).bitPattern, missing: missing)
        default: return BytecodeValue(bits: Swift.max(x, y).bitPattern, missing: missing)
        }
    }

    /// Whether `a op b` holds, `op` given as its ``BytecodeInstruction/comparison(_:)`` modifier.
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
@usableFromInline
struct BytecodeValue {
    @usableFromInline var bits: UInt64
    @usableFromInline var missing = false
}

/// Emits the instructions for a checked tree, mirroring ``Evaluator`` node for node: each
/// node leaves its value in the accumulator; a right operand that is a constant or an item
/// is read by the operation itself, and any other is computed after saving the left.
private struct BytecodeCompiler {
    var instructions: [BytecodeInstruction] = []
    var depth = 0
    var maxDepth = 0

    mutating func emit(_ instruction: BytecodeInstruction) {
        instructions.append(instruction)
        switch instruction.opcode {
        case .push:
            depth += 1
            maxDepth = max(maxDepth, depth)
        case .and, .or, .arithmetic, .compare:
            depth -= 1
        default:
            break
        }
    }

    /// As ``Evaluator/number(_:)``.
    mutating func number(_ e: TypedExpression) {
        if e.type == .boolean {
            condition(e)
            emit(BytecodeInstruction(.conditionToNumber))
            return
        }
        switch e.kind {
        case .number(let value):
            emit(BytecodeInstruction(.constant, operand: value.bitPattern))
        case .item(_, let slot):
            emit(BytecodeInstruction(.itemNumber, slot: Int32(slot)))
        case .score(_, let slot):
            emit(BytecodeInstruction(.scoreNumber, slot: Int32(slot)))
        case .negate(let operand):
            number(operand)
            emit(BytecodeInstruction(.negate))
        case .arithmetic(let op, let left, let right):
            combine(BytecodeInstruction.arithmetic(op), left, right)
        case .call(let function, let arguments):
            call(function, arguments)
        default:
            preconditionFailure("the checker gives no other numeric nodes")
        }
    }

    /// `left op right` on numbers, `op` an arithmetic modifier.
    mutating func combine(_ op: UInt8, _ left: TypedExpression, _ right: TypedExpression) {
        if let (constant, slot, flag) = Self.constantAndItem(left, right) {
            emit(
                BytecodeInstruction(
                    .constantArithmeticItem, modifier: op | (flag ? 0x80 : 0), slot: Int32(slot), operand: constant))
            return
        }
        if case .number(let value) = left.kind, left.type != .boolean {
            number(right)
            emit(BytecodeInstruction(.constantArithmetic, modifier: op, operand: value.bitPattern))
            return
        }
        number(left)
        combineRight(op, right)
    }

    /// The accumulator `op` `right`, `op` an arithmetic modifier.
    mutating func combineRight(_ op: UInt8, _ right: TypedExpression) {
        if case .arithmetic(let inner, let left, let item) = right.kind, right.type != .boolean,
            let (constant, slot, flag) = Self.constantAndItem(left, item)
        {
            let modifier = op | BytecodeInstruction.arithmetic(inner) << 4 | (flag ? 0x80 : 0)
            emit(BytecodeInstruction(.arithmeticConstantItem, modifier: modifier, slot: Int32(slot), operand: constant))
            return
        }
        switch right.kind {
        case .number(let value) where right.type != .boolean:
            emit(BytecodeInstruction(.arithmeticConstant, modifier: op, operand: value.bitPattern))
        case .item(_, let slot):
            emit(
                BytecodeInstruction(
                    right.type == .boolean ? .arithmeticFlag : .arithmeticItem, modifier: op, slot: Int32(slot))
            )
        default:
            emit(BytecodeInstruction(.push))
            number(right)
            emit(BytecodeInstruction(.arithmetic, modifier: op))
        }
    }

    /// The constant's bits, the item's slot and whether it is yes/no, when `left` is a number
    /// literal and `right` an item read as a number.
    static func constantAndItem(_ left: TypedExpression, _ right: TypedExpression) -> (UInt64, Int, Bool)? {
        guard case .number(let value) = left.kind, left.type != .boolean, case .item(_, let slot) = right.kind,
            right.type.isNumeric
        else { return nil }
        return (value.bitPattern, slot, right.type == .boolean)
    }

    /// As ``Evaluator/call(_:_:)``: the arguments folded left to right.
    mutating func call(_ function: ExpressionFunction, _ arguments: [TypedExpression]) {
        let op: UInt8
        switch function {
        case .sum, .count: op = 0
        case .min: op = 4
        case .max: op = 5
        case .answered, .declined, .score, .band: preconditionFailure("\(function) is not a numeric call")
        }
        if function == .count {
            for (i, argument) in arguments.enumerated() {
                if i > 0 { emit(BytecodeInstruction(.push)) }
                countOf(argument)
                if i > 0 { emit(BytecodeInstruction(.arithmetic, modifier: op)) }
            }
            return
        }
        number(arguments[0])
        for argument in arguments.dropFirst() { combineRight(op, argument) }
    }

    /// What one argument adds to `count`: 1 or 0 for a condition, the size of a set.
    mutating func countOf(_ e: TypedExpression) {
        guard case .set = e.type else {
            condition(e)
            emit(BytecodeInstruction(.conditionToNumber))
            return
        }
        set(e)
        emit(BytecodeInstruction(.setCount))
    }

    /// As ``Evaluator/condition(_:)``.
    mutating func condition(_ e: TypedExpression) {
        if e.type != .boolean {
            number(e)
            emit(BytecodeInstruction(.numberToCondition))
            return
        }
        switch e.kind {
        case .boolean(let value):
            emit(BytecodeInstruction(.constant, operand: value ? 1 : 0))
        case .item(_, let slot):
            emit(BytecodeInstruction(.itemFlag, slot: Int32(slot)))
        case .answered(_, let slot):
            emit(BytecodeInstruction(.answered, slot: Int32(slot)))
        case .declined(_, let slot):
            emit(BytecodeInstruction(.declined, slot: Int32(slot)))
        case .not(let operand):
            condition(operand)
            emit(BytecodeInstruction(.not))
        case .and(let left, let right):
            condition(left)
            emit(BytecodeInstruction(.push))
            condition(right)
            emit(BytecodeInstruction(.and))
        case .or(let left, let right):
            condition(left)
            emit(BytecodeInstruction(.push))
            condition(right)
            emit(BytecodeInstruction(.or))
        case .compare(let op, let left, let right):
            let modifier = BytecodeInstruction.comparison(op)
            if case .number(let value) = right.kind, right.type != .boolean, case .item(_, let slot) = left.kind,
                left.type != .boolean, left.type.isNumeric
            {
                emit(
                    BytecodeInstruction(
                        .itemCompareConstant, modifier: modifier, slot: Int32(slot), operand: value.bitPattern))
                return
            }
            number(left)
            if case .number(let value) = right.kind, right.type != .boolean {
                emit(BytecodeInstruction(.compareConstant, modifier: modifier, operand: value.bitPattern))
            } else {
                emit(BytecodeInstruction(.push))
                number(right)
                emit(BytecodeInstruction(.compare, modifier: modifier))
            }
        case .compareWithCode(let op, let operand, let reference):
            let modifier = BytecodeInstruction.comparison(op)
            let index = UInt64(bitPattern: Int64(Int32(reference.index)))
            switch operand.kind {
            case .item(_, let slot):
                emit(BytecodeInstruction(.itemCodeCompare, modifier: modifier, slot: Int32(slot), operand: index))
            case .band(_, let slot):
                emit(BytecodeInstruction(.scoreCodeCompare, modifier: modifier, slot: Int32(slot), operand: index))
            default:
                code(operand)
                emit(BytecodeInstruction(.compareCode, modifier: modifier, operand: index))
            }
        case .oneOf(let operand, let references):
            // As CodeMask: one 64-bit word per 64 codes, the words joined by `or` (a code is
            // in at most one word; a missing code leaves every word, and so the `or`, missing).
            let indexes = references.map(\.index)
            var words = [UInt64](repeating: 0, count: (indexes.max() ?? -1) / 64 + 1)
            for index in indexes { words[index >> 6] |= 1 << UInt64(index & 63) }
            if words.isEmpty { words = [0] }
            if words.count == 1, case .item(_, let slot) = operand.kind {
                emit(BytecodeInstruction(.itemCodeInMask, slot: Int32(slot), operand: words[0]))
                return
            }
            for (w, word) in words.enumerated() {
                if w > 0 { emit(BytecodeInstruction(.push)) }
                code(operand)
                emit(BytecodeInstruction(.codeInMask, slot: Int32(w), operand: word))
                if w > 0 { emit(BytecodeInstruction(.or)) }
            }
        case .has(let operand, let reference):
            let mask: UInt64 = 1 << UInt64(reference.index)
            if case .item(_, let slot) = operand.kind {
                emit(BytecodeInstruction(.itemSetHas, slot: Int32(slot), operand: mask))
            } else {
                set(operand)
                emit(BytecodeInstruction(.setHas, operand: mask))
            }
        default:
            preconditionFailure("the checker gives no other boolean nodes")
        }
    }

    /// As ``Evaluator/set(_:)``.
    mutating func set(_ e: TypedExpression) {
        guard case .item(_, let slot) = e.kind else { preconditionFailure("only items are sets") }
        emit(BytecodeInstruction(.itemSet, slot: Int32(slot)))
    }

    /// As ``Evaluator/code(_:)``.
    mutating func code(_ e: TypedExpression) {
        switch e.kind {
        case .item(_, let slot): emit(BytecodeInstruction(.itemCode, slot: Int32(slot)))
        case .band(_, let slot): emit(BytecodeInstruction(.scoreCode, slot: Int32(slot)))
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
