import Foundation
import QuestionnaireDSL
import Testing

@testable import AssessmentEngine

/// JSON Lines on the fast path: a plain JSON object is rewritten as the CSV line of the same
/// cells (``JSONLine``) and scored by ``RecordKernel``; its row must be byte for byte the
/// general path's (``JSONLRecord`` then ``BatchRecordScorer``), and wherever the object is
/// not plain, or the general path refuses it, the kernel must step aside.
@Suite struct JSONLineTests {
    typealias Paths = RecordKernelTests.Paths

    static func paths(_ compiled: CompiledInstrument, format: BatchRunner.OutputFormat) throws -> Paths {
        try Paths(compiled, header: JSONLRecord.header(compiled, carry: []), carry: [], format: format, jsonl: true)
    }

    /// A record as a JSON object: each answer in its JSON type (yes/no as booleans, numbers
    /// as numbers, several choices as a list) or as a string, unanswered as null or left out,
    /// keys in any order, with or without blanks.
    static func object(
        _ header: [String], _ cells: [String], _ compiled: CompiledInstrument, _ random: inout SeededRandom
    ) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for (key, cell) in zip(header, cells) {
            let type = compiled.items.first { $0.id == key }?.type
            let native = Bool.random(using: &random)
            let value: String
            switch (cell, type) {
            case ("", _): if Bool.random(using: &random) { continue } else { value = "null" }
            case ("declined", _), ("dont_know", _): value = "\"\(cell)\""
            case (_, .yesNo) where native: value = cell == "yes" ? "true" : "false"
            case (_, .number) where native: value = cell
            case (_, .multiChoice) where native:
                value = "[" + cell.split(separator: ";").map { "\"\($0)\"" }.joined(separator: ",") + "]"
            default: value = "\"\(cell)\""
            }
            pairs.append((key, value))
        }
        return Bool.random(using: &random) ? pairs.shuffled(using: &random) : pairs
    }

    static func line(_ pairs: [(String, String)], _ random: inout SeededRandom) -> String {
        let (colon, comma) = Bool.random(using: &random) ? (":", ",") : (": ", ", ")
        return "{" + pairs.map { "\"\($0.0)\"\(colon)\($0.1)" }.joined(separator: comma) + "}"
    }

    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"], [BatchRunner.OutputFormat.csv, .jsonl])
    func plainObjectsTakeTheFastPathAndWriteTheGeneralPathsBytes(_ name: String, _ format: BatchRunner.OutputFormat)
        throws
    {
        let compiled = try Fixture.shipped(name)
        let paths = try Self.paths(compiled, format: format)
        var scratch = paths.kernel.makeScratch()
        defer { scratch.free() }
        var records = SyntheticRecords(compiled, seed: 23)
        var random = SeededRandom(seed: 4)
        for _ in 0..<400 {
            let line = Self.line(Self.object(records.header, records.next(), compiled, &random), &random)
            let (fast, general) = paths.both(line, &scratch)
            let row = try #require(general, "the general path scores \(line)")
            #expect(fast == row, "line \(line)")
        }
    }

    /// What the fast path does not read itself: escapes, other numbers, nesting, unknown,
    /// repeated or identifying keys, text after the object, commas in the record id.
    static let spoilers: [(key: String?, value: String)] = [
        (nil, "\"a\\\"b\""), (nil, "\"caf\\u00e9\""), (nil, "2.5"), (nil, "1e1"), (nil, "16.0"), (nil, "-0"),
        (nil, "007"), (nil, "[[\"a\"]]"), (nil, "[1, 2]"), (nil, "[]"), (nil, "1"), (nil, "0"), (nil, "true"),
        (nil, "\"yes\""), (nil, "\"a,b\""), (nil, "{}"), (nil, "nul"), (nil, "\"\""), ("record_id", "\"a,b\""),
        ("record_id", "\"\""), ("record_id", "17"), ("unknown_key", "\"x\""), ("preferred_name", "\"Ann\""),
        ("_version", "\"0.1.0\""), ("_priorities", "[\"housing\", \"money\"]"), ("_priorities", "\"zzz\""),
    ]

    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml"])
    func unusualObjectsStepAsideWheneverTheyDifferOrTheGeneralPathRejectsThem(_ name: String) throws {
        let compiled = try Fixture.shipped(name)
        let paths = try Self.paths(compiled, format: .csv)
        var scratch = paths.kernel.makeScratch()
        defer { scratch.free() }
        var records = SyntheticRecords(compiled, seed: 31)
        var random = SeededRandom(seed: 9)
        var (fast, stepped, rejected) = (0, 0, 0)
        for n in 0..<1200 {
            var pairs = Self.object(records.header, records.next(), compiled, &random)
            let spoiler = Self.spoilers[n % Self.spoilers.count]
            if let key = spoiler.key {
                pairs.removeAll { $0.0 == key }
                pairs.append((key, spoiler.value))
            } else {
                let k = Int.random(in: 0..<pairs.count, using: &random)
                pairs[k].1 = spoiler.value
            }
            if n % 13 == 0 { pairs.append(pairs[0]) }  // a repeated key
            var line = Self.line(pairs, &random)
            if n % 17 == 0 { line += " x" }
            let (kernelRow, generalRow) = paths.both(line, &scratch)
            if let kernelRow {
                fast += 1
                #expect(kernelRow == generalRow, "line \(line)")
            } else {
                stepped += 1
                if generalRow == nil { rejected += 1 }
            }
        }
        #expect(fast > 100, "spoilt objects still plain: \(fast)")
        #expect(rejected > 200, "rejected by the general path, and left to it: \(rejected)")
        #expect(stepped > rejected, "and some the general path scores but the kernel leaves: \(stepped)")
    }

    /// A line with keys that are no item's is rejected naming them all, in order, whichever
    /// order they come in (the decoder's dictionary has none of its own).
    @Test func unknownKeysAreNamedAllInOrder() throws {
        let compiled = try Fixture.shipped("phq-9.yaml")
        let paths = try Self.paths(compiled, format: .csv)
        for line in [
            #"{"record_id": "a", "zz": 1, "mm": 2, "aa": 3}"#, #"{"aa": 3, "record_id": "a", "mm": 2, "zz": 1}"#,
        ] {
            let read = JSONLRecord.cells(
                Array(line.utf8), layout: paths.layout, compiled: compiled, dropIdentifying: false, line: 4)
            guard case .failure(let reject) = read else {
                Issue.record("unknown keys are refused: \(line)")
                continue
            }
            #expect(reject.reason == "'aa', 'mm', 'zz' are not items of the instrument")
            #expect(reject.recordID == "a" && reject.line == 4)
        }
    }
}
