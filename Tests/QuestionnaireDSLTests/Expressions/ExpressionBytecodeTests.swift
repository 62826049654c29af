import Foundation
import Testing

@testable import QuestionnaireDSL

/// The bytecode gives exactly what the closures give: for every expression of every shipped
/// instrument and of the expression fixtures, over random answers, the same number (bit for
/// bit, with and without `missingAsZero`) and the same condition, missing included.
@Suite struct ExpressionBytecodeTests {
    static let instrumentFiles = Paths.yamlFiles(in: Paths.root.appendingPathComponent("Instruments"))

    static let vectorsPerExpression = 300

    @Test func everyShippedInstrumentIsCovered() {
        #expect(Self.instrumentFiles.count >= 3)
    }

    @Test(arguments: instrumentFiles)
    func bytecodeMatchesClosuresOnShippedInstrument(_ file: URL) throws {
        let bytes = try #require(FileManager.default.contents(atPath: file.path))
        let (compiled, diagnostics) = InstrumentLoader().compile(
            SourceFile(name: file.lastPathComponent, bytes: [UInt8](bytes)))
        let instrument = try #require(compiled, "\(diagnostics)")
        let uses = instrument.expressionUses
        #expect(uses.count == Self.expressionCount(instrument))
        let kinds = instrument.items.map { instrument.scope.items[$0.id]!.kind }
        let values = instrument.items.map { $0.options.map(\.value) }
        let bandCounts =
            instrument.instrument.needs.map(\.bands.count) + instrument.instrument.strengths.map(\.bands.count)
        var rng = SeededGenerator(seed: 0xB17E_C0DE &+ UInt64(file.lastPathComponent.utf8.count))
        for (u, use) in uses.enumerated() {
            let slots = (0..<Self.vectorsPerExpression).map { _ in
                kinds.indices.map { Self.randomItemSlot(kinds[$0], values: values[$0], using: &rng) }
                    + bandCounts.map { Self.randomScoreSlot(bands: $0, using: &rng) }
            }
            Self.expectSame(use.expression, over: slots, "\(file.lastPathComponent) #\(u) \(use.owner)")
        }
    }

    /// Expressions over ``Fixture``'s scope, one of each kind of node and the odd corners
    /// (division by zero, a code of -1, `in` over many codes, nested three-valued logic).
    static let fixtureExpressions: [(String, ExpectedType)] = [
        ("a", .boolean), ("not a", .boolean), ("a and b", .boolean), ("a or b and not c", .boolean),
        ("n", .number), ("-n", .number), ("n + m * 2 - 1", .number), ("n / m", .number), ("(n - m) / (m - n)", .number),
        ("a + b * 2", .number), ("n > 3 or m <= 1", .boolean), ("n == m", .boolean), ("n != 0", .boolean),
        ("low_mood == 'often'", .boolean), ("low_mood != 'never'", .boolean),
        ("low_mood in ['never', 'often']", .boolean), ("low_mood in []", .boolean), ("low_mood", .number),
        ("drug_use_reasons has 'grief'", .boolean), ("count(drug_use_reasons)", .number),
        ("count(a, b, c, drug_use_reasons, controlling_behaviours)", .number), ("sum(n, m, a)", .number),
        ("min(n, m, 3)", .number), ("max(n, -m, a)", .number), ("score(trauma)", .number),
        ("score(trauma) / score(relationships)", .number), ("band(trauma) >= 'moderate'", .boolean),
        ("band(relationships) == 'high'", .boolean), ("band(trauma) in ['low', 'high']", .boolean),
        ("answered(a) and declined(b)", .boolean), ("answered(low_mood) or not declined(n)", .boolean),
        ("n > 0 and a", .boolean), ("not (n > m)", .boolean), ("(a or b) and (n > 1 or m < 1)", .boolean),
        ("sum(count(drug_use_reasons), low_mood * 2, -score(trauma))", .number),
        ("a and (b or (c and (n > m or (m > n and low_mood == 'sometimes'))))", .boolean),
    ]

    @Test func bytecodeMatchesClosuresOnFixtureExpressions() throws {
        var rng = SeededGenerator(seed: 0xF1C7_0E5)
        let kinds = Fixture.itemKinds.map(\.1)
        for (text, expecting) in Self.fixtureExpressions {
            let compiled: CompiledExpression
            do {
                compiled = try Fixture.compile(text, expecting)
            } catch {
                Issue.record("\(text) does not compile: \(error)")
                continue
            }
            let slots = (0..<1000).map { _ in
                kinds.map { Self.randomItemSlot($0, values: [0, 1, 2.5], using: &rng) }
                    + Fixture.scoreIDs.map { _ in Self.randomScoreSlot(bands: Fixture.bandNames.count, using: &rng) }
            }
            Self.expectSame(compiled, over: slots, text)
        }
    }

    /// The `in` test across mask words (codes 64 and up), held to the closures' ``CodeMask``.
    @Test func oneOfOverManyCodes() throws {
        let codes = (0..<150).map { "c\($0)" }
        let scope = ExpressionScope(items: ["x": .init(slot: 0, kind: .choice(codes: codes))], scores: [:])
        let compiled = try ExpressionCompiler.compile(
            "x in ['c1', 'c63', 'c64', 'c100', 'c149']", expecting: .boolean, in: scope
        ).get()
        #expect(compiled.bytecode.instructions.count > 2)
        let slots = (-1..<150).map { [AnswerSlot.choice(index: $0, value: 0)] } + [[.notApplicable], [.declined]]
        Self.expectSame(compiled, over: slots, "x in [...]")
    }

    /// Asserts the bytecode and the closures agree on every slot vector.
    static func expectSame(
        _ compiled: CompiledExpression, over vectors: [[AnswerSlot]], _ label: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let bytecode = compiled.bytecode
        var mismatches: [String] = []
        bytecode.withProgram { program in
            for slots in vectors {
                slots.withUnsafeBufferPointer { slots in
                    for missingAsZero in [false, true] {
                        let closure = compiled.number(slots, missingAsZero: missingAsZero)
                        let byte = program.number(slots, missingAsZero: missingAsZero)
                        if closure?.bitPattern != byte?.bitPattern {
                            mismatches.append(
                                "number(\(missingAsZero)): \(String(describing: closure)) vs \(String(describing: byte))"
                            )
                        }
                        let closureCondition = compiled.boolean(slots, missingAsZero: missingAsZero)
                        let byteCondition = program.condition(slots, missingAsZero: missingAsZero)
                        if closureCondition != byteCondition {
                            mismatches.append(
                                "condition(\(missingAsZero)): \(String(describing: closureCondition)) vs \(String(describing: byteCondition))"
                            )
                        }
                    }
                    // The evaluator the scorer keeps, as well as the expression's own methods.
                    if compiled.numberEvaluator(slots, missingAsZero: true)?.bitPattern
                        != program(slots, missingAsZero: true)?.bitPattern
                    {
                        mismatches.append("evaluators differ")
                    }
                }
            }
        }
        #expect(
            mismatches.isEmpty, "\(label) (\(compiled.source)): \(mismatches.prefix(3))", sourceLocation: sourceLocation
        )
    }

    /// How many expressions an instrument has, counted from the model (so none is skipped).
    static func expressionCount(_ compiled: CompiledInstrument) -> Int {
        let i = compiled.instrument
        return compiled.sectionShowIf.compactMap { $0 }.count + compiled.itemShowIf.compactMap { $0 }.count
            + i.needs.count + compiled.urgentIf.compactMap { $0 }.count + i.strengths.count
            + compiled.drivers.compactMap { $0 }.count + i.responsivity.count + i.safeguarding.count
    }

    /// Numbers that test IEEE corners as well as ordinary answers.
    static let oddNumbers: [Double] = [
        0, -0.0, 1, -1, 0.1, 2.5, 3, 7, 100, 1e300, -1e300, .infinity, -.infinity, .nan, .leastNonzeroMagnitude,
    ]

    static func randomState(using rng: inout SeededGenerator) -> AnswerState {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<5: .answered
        case 5: .declined
        case 6: .dontKnow
        case 7: .unanswered
        default: .notApplicable
        }
    }

    /// A random item slot: a random state and, when answered, a value its kind can hold.
    static func randomItemSlot(
        _ kind: ItemValueKind, values: [Double], using rng: inout SeededGenerator
    ) -> AnswerSlot {
        let state = randomState(using: &rng)
        guard state == .answered else { return AnswerSlot(state: state) }
        switch kind {
        case .boolean:
            return .boolean(Bool.random(using: &rng))
        case .choice(let codes):
            guard !codes.isEmpty else { return AnswerSlot(state: .answered) }
            let index = Int.random(in: 0..<codes.count, using: &rng)
            let value = values.indices.contains(index) ? values[index] : Double(index)
            return .choice(index: index, value: value)
        case .multiChoice(let codes):
            let all: UInt64 = codes.count >= 64 ? ~0 : (1 << UInt64(codes.count)) - 1
            return .set(UInt64.random(in: 0...UInt64.max, using: &rng) & all)
        case .number:
            return .number(
                Bool.random(using: &rng)
                    ? oddNumbers.randomElement(using: &rng)! : Double(Int.random(in: -5...40, using: &rng)))
        case .text:
            return AnswerSlot(state: .answered)
        }
    }

    /// A random score slot: scored (with a band) or not.
    static func randomScoreSlot(bands: Int, using rng: inout SeededGenerator) -> AnswerSlot {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .unanswered
        case 1: return .notApplicable
        default:
            let value =
                Bool.random(using: &rng)
                ? oddNumbers.randomElement(using: &rng)! : Double.random(in: 0...30, using: &rng)
            return .score(value, band: Int.random(in: 0..<max(bands, 1), using: &rng))
        }
    }
}
