// Times scoring one record of Instruments/womens-needs.yaml, as batch scoring will do it:
// the answers of each of the instrument's own test cases are placed in their slots once,
// then scored many times into one reused buffer. Reports the median time per record over
// the rounds, records per second, and heap allocations per record (counted by
// interposing malloc; see ScoreBenchmarkAllocations). For contrast it also times scoring
// with the rules and the lynch-pin ranking, and the whole assessment (all that and the
// Codable result) that `assess score` does per person.
//
// Usage: score-benchmark [INSTRUMENT] [--rounds N] [--round-seconds S] [--only score|rank|assess]
// Run it through scripts/bench-score.sh, which builds it in release mode.
import AssessmentEngine
import Foundation
import QuestionnaireDSL

struct Options {
    var path = "Instruments/womens-needs.yaml"
    var rounds = 15
    var roundSeconds = 0.2
    var only: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--rounds": rounds = rest.popFirst().flatMap(Int.init) ?? rounds
            case "--round-seconds": roundSeconds = rest.popFirst().flatMap(Double.init) ?? roundSeconds
            case "--only": only = rest.popFirst()
            default: path = argument
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("score-benchmark: \(message)\n".utf8))
    exit(1)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let source: SourceFile
do {
    source = try SourceFile.read(path: options.path)
} catch {
    fail("\(error)")
}
let (loaded, diagnostics) = InstrumentLoader().compile(source)
guard let compiled = loaded, !diagnostics.hasErrors else { fail("\(options.path) has errors; run assess validate") }
let instrument = compiled.instrument

// The records: each test case's answers in their slots, built once.
let builder = ResponseBuilder(compiled)
let records: [Responses] = instrument.tests.map { test in
    let (responses, problems) = builder.build(test.answers, priorities: test.priorities, file: source.name)
    if problems.hasErrors { fail("the answers of '\(test.name)' have errors") }
    return responses
}
guard !records.isEmpty else { fail("\(options.path) has no tests to take records from") }

let slotCount = compiled.slotCount
let recordCount = records.count
let scorer = Scorer(compiled)
let assessor = Assessor(compiled)
let timing = Timing(rounds: options.rounds, minimumRoundSeconds: options.roundSeconds)
let firstScoreSlot = compiled.items.count

// Every record's slots side by side, and one buffer that each record is copied into and
// scored in place, as a batch reader would fill it.
let answers = UnsafeMutableBufferPointer<AnswerSlot>.allocate(capacity: slotCount * recordCount)
for (r, record) in records.enumerated() {
    _ = UnsafeMutableBufferPointer(rebasing: answers[(r * slotCount)..<((r + 1) * slotCount)])
        .initialize(from: record.slots)
}
let work = UnsafeMutableBufferPointer<AnswerSlot>.allocate(capacity: slotCount)
work.initialize(repeating: .unanswered)

func measure(_ name: String, _ pass: @escaping Timing.Pass) -> Timing.Result? {
    guard options.only == nil || options.only == name else { return nil }
    return timing.measure(records: recordCount, pass)
}

let score = measure("score") {
    var sum = 0
    for r in 0..<recordCount {
        _ = work.update(fromContentsOf: answers[(r * slotCount)..<((r + 1) * slotCount)])
        scorer.score(work)
        for s in firstScoreSlot..<slotCount where work[s].state == .answered { sum &+= Int(work[s].code) }
    }
    return sum
}

let rules = RuleEvaluator(compiled)
let ranker = LynchpinRanker(compiled)
let rank = measure("rank") {
    var sum = 0
    for record in records {
        var scored = record
        scorer.score(&scored.slots)
        let outcomes = scorer.outcomes(scored.slots)
        let findings = rules.evaluate(scored.slots)
        sum &+= ranker.rank(scored, needs: outcomes.needs, tier0: findings.urgentNeeds).ranked.count
    }
    return sum
}

let time = Date(timeIntervalSince1970: 0)
let assess = measure("assess") {
    var sum = 0
    for record in records { sum &+= assessor.assess(record, at: time).ranking.count }
    return sum
}

// The report.
func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var text = ""
    for (i, digit) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return text
}

func decimals(_ value: Double, _ places: Int) -> String {
    String(format: "%.\(places)f", value)
}

func allocations(_ result: Timing.Result) -> String {
    guard counting, let perRecord = result.allocationsPerRecord else { return "not counted" }
    let total = Int((perRecord * Double(result.allocationRecords)).rounded())
    return "\(decimals(perRecord, 2)) (\(grouped(total)) in \(grouped(result.allocationRecords)) records)"
}

let counting = allocationCountingWorks()
var build = "release build"
#if DEBUG
    build = "DEBUG BUILD: the figures mean little; use scripts/bench-score.sh"
#endif
print(
    "\(source.name): \(compiled.items.count) items, \(instrument.needs.count) needs, "
        + "\(instrument.strengths.count) strengths; \(recordCount) records (the answers of its tests); \(build)")
print("median of \(options.rounds) rounds (fastest … slowest round in brackets)")
print("")
for case let (name, result?) in [
    ("score one record (Scorer, in place)", score),
    ("score, rules and lynch-pin ranking (Scorer, RuleEvaluator, LynchpinRanker)", rank),
    ("whole assessment with its result (Assessor)", assess),
] {
    let fastest = result.perRecord.min()!, slowest = result.perRecord.max()!
    print(name)
    print(
        "  \(decimals(result.median, 1)) ns per record (\(decimals(fastest, 1)) … \(decimals(slowest, 1))), "
            + "\(grouped(Int((1e9 / result.median).rounded()))) records/s on one core")
    print("  allocations per record: \(allocations(result))")
}
print("")
print("checksum \([score, rank, assess].reduce(0) { $0 &+ ($1?.checksum ?? 0) })")
answers.deallocate()
work.deallocate()
