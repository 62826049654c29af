import Testing

@testable import QuestionnaireDSL

/// A small instrument's scope, and helpers to compile expressions over it and to evaluate them.
enum Fixture {
    static let lowMoodCodes = ["never", "sometimes", "often"]
    static let reasonCodes = ["partner", "grief", "pain", "other"]
    static let bandNames = ["low", "moderate", "high"]

    /// Item ids with their kinds; the slot of each is its position here.
    static let itemKinds: [(String, ItemValueKind)] = [
        ("a", .boolean),
        ("b", .boolean),
        ("c", .boolean),
        ("n", .number),
        ("m", .number),
        ("afraid_of_partner", .boolean),
        ("partner_threatened_to_kill", .boolean),
        ("low_mood", .choice(codes: lowMoodCodes)),
        ("drug_use_reasons", .multiChoice(codes: reasonCodes)),
        ("controlling_behaviours", .multiChoice(codes: ["money", "phone", "friends"])),
        ("children_under_16", .number),
        ("name", .text),
        ("first_contact", .text),
    ]
    /// Need and strength ids; their slots follow the items'.
    static let scoreIDs = ["trauma", "relationships"]

    static let scope = ExpressionScope(
        items: Dictionary(
            uniqueKeysWithValues: itemKinds.enumerated().map { ($1.0, .init(slot: $0, kind: $1.1)) }),
        scores: Dictionary(
            uniqueKeysWithValues: scoreIDs.enumerated().map {
                ($1, .init(slot: itemKinds.count + $0, bands: bandNames))
            }))

    static func slot(of id: String) -> Int {
        if let item = scope.items[id] { return item.slot }
        return scope.scores[id]!.slot
    }

    /// A full slot array: the given answers, everything else `rest` (unanswered by default).
    static func slots(_ answers: [String: AnswerSlot], rest: AnswerSlot = .unanswered) -> [AnswerSlot] {
        var slots = [AnswerSlot](repeating: rest, count: itemKinds.count + scoreIDs.count)
        for (id, answer) in answers { slots[slot(of: id)] = answer }
        return slots
    }

    /// Compiles an expression that must compile.
    static func compile(_ text: String, _ expecting: ExpectedType = .boolean) throws -> CompiledExpression {
        try ExpressionCompiler.compile(text, expecting: expecting, in: scope).get()
    }

    /// The problems of an expression that must not compile.
    static func problems(_ text: String, _ expecting: ExpectedType = .boolean) -> [ExpressionProblem] {
        switch ExpressionCompiler.compile(text, expecting: expecting, in: scope) {
        case .success: []
        case .failure(let failure): failure.problems
        }
    }

    /// The one problem of an expression that must have exactly one.
    static func problem(
        _ text: String, _ expecting: ExpectedType = .boolean, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> ExpressionProblem {
        let problems = problems(text, expecting)
        #expect(problems.count == 1, "\(problems)", sourceLocation: sourceLocation)
        return try #require(problems.first, sourceLocation: sourceLocation)
    }
}

extension CompiledExpression {
    /// Evaluates as a number over an array of slots.
    func number(_ slots: [AnswerSlot], missingAsZero: Bool = false) -> Double? {
        slots.withUnsafeBufferPointer { number($0, missingAsZero: missingAsZero) }
    }

    /// Evaluates as a condition over an array of slots.
    func boolean(_ slots: [AnswerSlot], missingAsZero: Bool = false) -> Bool? {
        slots.withUnsafeBufferPointer { boolean($0, missingAsZero: missingAsZero) }
    }
}
