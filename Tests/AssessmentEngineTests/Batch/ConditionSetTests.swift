import Testing

@testable import AssessmentEngine
@testable import QuestionnaireDSL

/// ``ConditionSet`` tells, a bit per condition, what running each condition on its own says.
@Suite struct ConditionSetTests {
    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"])
    func everyRuleListTellsEachConditionAsItsOwnProgramDoes(_ name: String) throws {
        let compiled = try Fixture.shipped(name)
        let arena = KernelArena()
        let domains = AnswerDomains(compiled)
        let lists: [[CompiledExpression?]] = [
            compiled.safeguarding, compiled.responsivity, compiled.urgentIf, compiled.drivers,
        ]
        let sets = lists.map { ConditionSet($0, domains: domains, slotCount: compiled.slotCount, arena: arena) }
        var random = SeededRandom(seed: 5)
        var slots = [AnswerSlot](repeating: .unanswered, count: compiled.slotCount)
        var answers = [UInt16](repeating: 0, count: compiled.slotCount)
        var held = 0
        for _ in 0..<3_000 {
            for i in compiled.items.indices {
                let domain = domains.slots[i]
                if domain.isEmpty {  // a number: not numbered, read from its slot
                    slots[i] =
                        Int.random(in: 0..<4, using: &random) == 0
                        ? .unanswered : .number(Double(Int.random(in: 0...5, using: &random)))
                    answers[i] = AnswerDomains.firstAnswer
                } else {
                    let answer = Int.random(in: 0..<domain.count, using: &random)
                    slots[i] = domain[answer]
                    answers[i] = UInt16(answer)
                }
            }
            let bands = compiled.instrument.needs.map(\.bands.count) + compiled.instrument.strengths.map(\.bands.count)
            for (k, count) in bands.enumerated() {  // scores, for the rules that read them
                slots[compiled.items.count + k] =
                    Bool.random(using: &random)
                    ? AnswerSlot(
                        state: .answered, number: Double(Int.random(in: 0...20, using: &random)),
                        code: Int32.random(in: 0..<Int32(count), using: &random))
                    : .unanswered
            }
            for (list, set) in zip(lists, sets) {
                let bits = slots.withUnsafeBufferPointer { s in
                    answers.withUnsafeBufferPointer { set.holding(s, $0.baseAddress!) }
                }
                for (i, expression) in list.enumerated() {
                    let holds =
                        expression.map { e in slots.withUnsafeBufferPointer { arena.program(e).condition($0) } } ?? nil
                    #expect((bits >> UInt64(i)) & 1 == (holds == true ? 1 : 0), "condition \(i) of \(list.count)")
                    if holds == true { held += 1 }
                }
                #expect(bits >> UInt64(list.count) == 0, "no bits past the list's end")
            }
        }
        #expect(held > 100, "conditions held: \(held)")
    }

    @Test func conditionsReadingManyItemsTogetherStillFitInGroupsOfTheirOwn() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        let arena = KernelArena()
        let domains = AnswerDomains(compiled)
        let set = ConditionSet(compiled.responsivity, domains: domains, slotCount: compiled.slotCount, arena: arena)
        // Ten flags: more than one group of eight holds, and none is left to run one by one but those reading a score.
        #expect(set.groups.count >= 2)
        let scoreReaders = compiled.responsivity.filter { !$0.referencedScores.isEmpty }.count
        #expect(set.singles.count == scoreReaders, "singles \(set.singles.count), reading scores \(scoreReaders)")
        #expect(set.groups.allSatisfy { $0.key.combinations <= ConditionSet.groupCombinations })
        // Once the kernel has numbered the scores by their tables, the flags reading a band are tables too.
        let records = SyntheticRecords(compiled, seed: 1)
        let paths = try RecordKernelTests.Paths(compiled, header: records.header, carry: [], format: .csv)
        #expect(scoreReaders > 0 && paths.kernel.responsivity.singles.isEmpty)
    }
}
