import Foundation
import QuestionnaireDSL
import Testing

@testable import AssessmentEngine

/// The fast path against the general one: wherever ``RecordKernel`` writes a row, it must be
/// byte for byte the row the general path (``BatchRecordScorer`` then ``BatchRows``) writes
/// for the same line; wherever the general path would reject a line, the kernel must step aside.
@Suite struct RecordKernelTests {
    /// Both paths over one line: the kernel's row (nil when it steps aside) and the general
    /// path's row (nil when it rejects the line), for CSV lines or, with `jsonl`, JSON objects
    /// (laid out as batch lays them out, identifying keys refused).
    struct Paths {
        let compiled: CompiledInstrument
        let layout: BatchLayout
        let kernel: RecordKernel
        let general: BatchRecordScorer
        let rows: BatchRows
        let jsonl: Bool

        init(
            _ compiled: CompiledInstrument, header: [String], carry: [String], format: BatchRunner.OutputFormat,
            jsonl: Bool = false
        ) throws {
            self.compiled = compiled
            self.jsonl = jsonl
            layout = try BatchLayout(
                header: header, instrument: compiled, carry: carry, dropIdentifying: jsonl, file: "t")
            let columns = BatchColumns(compiled.instrument, carrying: carry)
            kernel = RecordKernel(compiled, layout: layout, columns: columns, format: format, jsonl: jsonl)
            general = BatchRecordScorer(compiled, layout: layout, columns: columns)
            rows = BatchRows(format: format, header: columns.header)
        }

        /// `bytes` followed by the ``RecordKernel/slack`` bytes the kernel may read past a
        /// line, filled with commas, quotes and line breaks: were any of them taken for the
        /// line's own, the row would differ from the general path's.
        static func withSlack<R>(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let spoilers = Array(",\"\n;yes,no,".utf8)
            let padded = bytes + (0..<RecordKernel.slack).map { spoilers[$0 % spoilers.count] }
            return padded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<bytes.count])) }
        }

        /// With a scratch of its own for the kernel.
        func both(_ line: String) -> (fast: String?, general: String?) {
            var scratch = kernel.makeScratch()
            defer { scratch.free() }
            return both(line, &scratch)
        }

        /// With the kernel's `scratch`, reused from line to line as batch reuses it.
        func both(_ line: String, _ scratch: inout RecordKernel.Scratch) -> (fast: String?, general: String?) {
            both(bytes: Array(line.utf8), &scratch)
        }

        /// Of a line's bytes, which need not be UTF-8.
        func both(bytes: [UInt8], _ scratch: inout RecordKernel.Scratch) -> (fast: String?, general: String?) {
            var out = ByteBuffer(capacity: 64)
            defer { out.free() }
            let fast = Self.withSlack(bytes) { line -> String? in
                guard case .written = kernel.score(line, &scratch, into: &out) else { return nil }
                return String(decoding: out.bytes, as: UTF8.self)
            }
            let cells: [String]
            if jsonl {
                let read = JSONLRecord.cells(bytes, layout: layout, compiled: compiled, dropIdentifying: false, line: 1)
                guard case .success(let read) = read else { return (fast, nil) }
                cells = read
            } else {
                guard case .success(let read) = bytes.withUnsafeBufferPointer({ CSVRecord.cells($0) }), read != [""]
                else { return (fast, nil) }
                cells = read
            }
            guard case .success(let row) = general.score(cells, line: 2) else { return (fast, nil) }
            return (fast, rows.row(row))
        }
    }

    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"], [BatchRunner.OutputFormat.csv, .jsonl])
    func everyWellFormedRecordTakesTheFastPathAndWritesTheGeneralPathsBytes(
        _ name: String, _ format: BatchRunner.OutputFormat
    ) throws {
        let compiled = try Fixture.shipped(name)
        var records = SyntheticRecords(compiled, seed: 41)
        let paths = try Paths(compiled, header: records.header + ["site"], carry: ["site"], format: format)
        var withLynchpin = 0
        for n in 0..<500 {
            let line = BatchColumns.csvLine(records.next() + ["site-\(n % 7)"])
            let (fast, general) = paths.both(line)
            let row = try #require(general, "the general path scores \(line)")
            #expect(fast == row, "line \(line)")
            // The room reserved for a row, less its 16 spare bytes, holds it (the line's own bytes may come back).
            #expect(row.utf8.count <= paths.kernel.rowBound - 16 + line.utf8.count, "line \(line)")
            if !row.contains(",,,,") { withLynchpin += 1 }
        }
        #expect(withLynchpin > 0)
    }

    /// Lines with quoted cells (every cell quoted, as some exports write them; or a few; or
    /// commas inside quotes) take the fast path wherever their cells read as plain ones would,
    /// and write the general path's bytes; where a quote changes what the row shows (a comma
    /// in a carried cell, a doubled quote, a quote inside a cell) the kernel steps aside.
    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"], [BatchRunner.OutputFormat.csv, .jsonl])
    func quotedCellsAreReadAsTheGeneralPathReadsThem(_ name: String, _ format: BatchRunner.OutputFormat) throws {
        let compiled = try Fixture.shipped(name)
        var records = SyntheticRecords(compiled, seed: 17)
        let paths = try Paths(compiled, header: records.header + ["site"], carry: ["site"], format: format)
        var random = SeededRandom(seed: 5)
        func quoted(_ cell: String) -> String { "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var (fast, stepped, rowsWithoutKernel) = (0, 0, 0)
        for n in 0..<400 {
            var cells = records.next() + ["site-\(n % 7)"]
            let column = Int.random(in: 0..<cells.count, using: &random)
            let line: String
            switch n % 4 {
            case 0:  // every cell quoted: always the fast path
                line = cells.map(quoted).joined(separator: ",") + (n % 8 == 0 ? "\r" : "")
            case 1:  // some cells quoted
                line = cells.map { Bool.random(using: &random) ? quoted($0) : $0 }.joined(separator: ",")
            case 2:  // a comma inside quotes: in the carried site (half the time), or in an answer
                cells[n % 8 == 2 ? cells.count - 1 : column] += ",x"
                line = cells.map(quoted).joined(separator: ",")
            default:  // a doubled quote, or a quote inside an unquoted cell
                cells[column] = Bool.random(using: &random) ? quoted("a\"b") : "a\"b"
                line = cells.joined(separator: ",")
            }
            let (kernelRow, generalRow) = paths.both(line)
            if n % 4 == 0 { #expect(kernelRow != nil, "every cell quoted: \(line)") }
            if let kernelRow {
                fast += 1
                #expect(kernelRow == generalRow, "line \(line)")
            } else {
                stepped += 1
                if generalRow != nil { rowsWithoutKernel += 1 }
            }
        }
        #expect(fast > 180, "quoted lines on the fast path: \(fast)")
        #expect(stepped > 80, "lines whose quotes matter: \(stepped)")
        #expect(rowsWithoutKernel > 20, "of which the general path still scores: \(rowsWithoutKernel)")
    }

    /// Every word of every shipped item reads alike through its word table (a cell with room
    /// after it in the line) and through the item's other tables (a cell at the line's end),
    /// into the slot its answer index stands for (``AnswerDomains``); near misses read as nothing.
    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"])
    func everyWordReadsAlikeThroughEitherTable(_ name: String) throws {
        let compiled = try Fixture.shipped(name)
        let arena = KernelArena()
        let domains = AnswerDomains(compiled)
        var (read, refused) = (0, 0)
        for (i, item) in compiled.items.enumerated() {
            guard let words = CellDecoder.words(of: item) else { continue }
            let decoder = CellDecoder(item, arena: arena)
            let near = ["nope", "declinedx", "dont_kno", "ye", "yess"].map { Array($0.utf8) }
            for word in words.map(\.word) + words.map({ $0.word.dropLast() + [UInt8(ascii: "x")] }) + near {
                let line = word + Array(",and,more,cells,after,it".utf8)
                let table = Self.decode(decoder, line, cell: word.count, readable: line.count)
                let other = Self.decode(decoder, line, cell: word.count, readable: word.count)
                #expect(table.0 == other.0 && table.1 == other.1 && table.2 == other.2, "\(item.id): \(word)")
                if table.0 {
                    #expect(domains.slots[i][Int(table.2)] == table.1, "\(item.id): \(word)")
                    read += 1
                } else {
                    refused += 1
                }
            }
        }
        #expect(read > 30, "words read: \(read)")
        #expect(refused > 30, "near misses refused: \(refused)")
    }

    /// What `decoder` reads from the first `cell` bytes of `line`, with `readable` bytes readable
    /// from the cell's start: whether it read them, and the slot and answer index it wrote.
    static func decode(
        _ decoder: CellDecoder, _ line: [UInt8], cell: Int, readable: Int
    ) -> (Bool, AnswerSlot, UInt16) {
        var decoder = decoder
        var slot = AnswerSlot.unanswered
        var answer: UInt16 = 0
        let done = line.withUnsafeBufferPointer { bytes in
            CellDecoder.decode(
                &decoder, UnsafeBufferPointer(rebasing: bytes[0..<cell]), readable: readable, into: &slot,
                answer: &answer)
        }
        return (done, slot, answer)
    }

    /// Lists of choices read as the same set whether the line goes on after the cell (the `;`s
    /// are found eight bytes at a time) or ends with it (a byte at a time); a code that is not
    /// the item's, or an empty piece, reads as nothing.
    @Test func listsOfChoicesReadAlikeWhereverTheLineEnds() throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        let arena = KernelArena()
        var random = SeededRandom(seed: 41)
        var (read, refused) = (0, 0)
        for item in compiled.items where item.type == .multiChoice {
            let decoder = CellDecoder(item, arena: arena)
            let codes = item.options.map(\.code)
            for _ in 0..<300 {
                var picked = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    codes.indices.randomElement(using: &random)!
                }
                var pieces = picked.map { codes[$0] }
                if Int.random(in: 0..<5, using: &random) == 0 {
                    pieces.insert(["", "nope", codes[0] + "x"].randomElement(using: &random)!, at: 0)
                    picked = []
                }
                let cell = Array(pieces.joined(separator: ";").utf8)
                let expected = picked.isEmpty ? nil : picked.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
                for after in ["", ",no;yes,more,cells,after,it"] {
                    let line = cell + Array(after.utf8)
                    let (done, slot, _) = Self.decode(decoder, line, cell: cell.count, readable: line.count)
                    #expect(done == (expected != nil), "\(item.id): \(pieces) then \(after)")
                    if let expected, done { #expect(slot == .set(expected), "\(item.id): \(pieces) then \(after)") }
                    if done { read += 1 } else { refused += 1 }
                }
            }
        }
        #expect(read > 500 && refused > 100, "read \(read), refused \(refused)")
    }

    /// The kernel writes a word item's whole slot, or a tabled score's, only where some
    /// bytecode reads it: here a rule and a flag too big for a table (they read a number)
    /// read a tabled need's score and a choice item by slot, record after record with one
    /// scratch, so that a slot left from the record before would show.
    @Test func slotsThatBytecodeReadsAreWrittenEveryRecord() throws {
        let options =
            "[{code: low, label: Low, value: 0}, {code: mid, label: Mid, value: 1}, {code: top, label: Top, value: 3}]"
        let compiled = try Fixture.compile(
            Fixture.oneSection(
                [
                    "{id: level, prompt: Level, type: choice, options: \(options)}",
                    "{id: other, prompt: Other, type: yes_no}",
                    "{id: nights, prompt: Nights, type: number, min: 0, max: 30}",
                ],
                """
                needs:
                  - {id: a, title: A, target: other, score: level, max: 3, bands: {none: 0, some: 1, high: 3}}
                  - {id: b, title: B, target: other, score: other, max: 1, bands: {none: 0, some: 1}}
                safeguarding:
                  - {id: high_and_many_nights, when: score(a) >= 3 and nights > 5, action: Act.}
                responsivity:
                  - {id: mid_and_few_nights, when: level == 'mid' and nights < 3, advice: Adapt.}
                """))
        let header = ["record_id", "level", "other", "nights"]
        let paths = try Paths(compiled, header: header, carry: [], format: .csv)
        var scratch = paths.kernel.makeScratch()
        defer { scratch.free() }
        var random = SeededRandom(seed: 12)
        var (raised, flagged) = (0, 0)
        for n in 0..<300 {
            let level = ["low", "mid", "top", "", "declined"][Int.random(in: 0..<5, using: &random)]
            let other = ["yes", "no", ""][Int.random(in: 0..<3, using: &random)]
            let line = "r\(n),\(level),\(other),\(Int.random(in: 0...9, using: &random))"
            let (fast, general) = paths.both(line, &scratch)
            let row = try #require(general)
            #expect(fast == row, "line \(line)")
            if row.contains("high_and_many_nights") { raised += 1 }
            if row.contains("mid_and_few_nights") { flagged += 1 }
        }
        #expect(raised > 20 && flagged > 10, "both rules hold for some records: \(raised), \(flagged)")
    }

    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"])
    func shippedInstrumentsCanBeDecodedStraightIntoTheirSlots(_ name: String) throws {
        #expect(RecordKernel.supports(try Fixture.shipped(name)))
    }

    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml"])
    func spoiltRecordsStepAsideWheneverTheGeneralPathRejectsThem(_ name: String) throws {
        let compiled = try Fixture.shipped(name)
        var records = SyntheticRecords(compiled, seed: 8)
        let header = records.header + ["_version"]
        let paths = try Paths(compiled, header: header, carry: [], format: .csv)
        var random = SeededRandom(seed: 3)
        var (fast, rejected, stepped) = (0, 0, 0)
        for _ in 0..<800 {
            var cells =
                records.next() + [["", compiled.instrument.version, "0.1.0"][Int.random(in: 0..<3, using: &random)]]
            let column = Int.random(in: 0..<cells.count, using: &random)
            cells[column] = Self.spoilers.randomElement(using: &random)!
            var line = BatchColumns.csvLine(cells)
            if Int.random(in: 0..<10, using: &random) == 0 { line += ",extra" }
            if Int.random(in: 0..<10, using: &random) == 0 { line += "\r" }
            let both = paths.both(line)
            if let row = both.fast {
                fast += 1
                #expect(row == both.general, "line \(line)")
            } else {
                stepped += 1
                if both.general == nil { rejected += 1 }
            }
        }
        #expect(fast > 50, "some spoilt lines are still ordinary: \(fast)")
        #expect(rejected > 100, "and many are rejects, which the kernel leaves alone: \(rejected)")
        #expect(stepped > rejected, "some lines are fine but unusual (quoted, other versions): \(stepped)")
    }

    @Test(arguments: [[0xFF], [0xC3], [0x61, 0xE9], [0x00], [0x22], [0x5C]] as [[UInt8]])
    func bytesThatAreNotPlainTextInAnyCellStepAsideWhereTheGeneralPathSaysSo(_ spoiler: [UInt8]) throws {
        let compiled = try Fixture.shipped("womens-needs.yaml")
        var records = SyntheticRecords(compiled, seed: 21)
        let header = records.header + ["site"]
        let paths = try Paths(compiled, header: header, carry: ["site"], format: .jsonl)
        var scratch = paths.kernel.makeScratch()
        defer { scratch.free() }
        var (fast, stepped) = (0, 0)
        for column in header.indices {
            var cells = (records.next() + ["north"]).map { Array($0.utf8) }
            cells[column] += spoiler
            let both = paths.both(bytes: Array(cells.joined(separator: [UInt8(ascii: ",")])), &scratch)
            if let row = both.fast {
                fast += 1
                #expect(row == both.general, "\(header[column]) ending in \(spoiler)")
            } else {
                stepped += 1
            }
        }
        // Every item's decoder refuses the byte; the record id, carried and text cells are checked for it.
        #expect(fast == 0 && stepped == header.count, "fast \(fast), stepped aside \(stepped)")
    }

    /// Cells that are unusual or wrong somewhere: codes of other items, numbers out of range,
    /// an option given by its value, quotes, non-ASCII text, reserved words, several choices.
    static let spoilers = [
        "", "zzz", "99999", "-1", "2.5", "1e3", "3", "0", "yes", "no", "yes;no", "declined", "dont_know", "never",
        "often", "\"often\"", "caf\u{E9}", "a\\b", "relationships", "relationships;relationships", "trauma;;housing",
        ";", "1.0000000000000002", "never\tnever", "\u{7F}", "x\u{1F}",
    ]

    @Test func randomWebsOfNeedsRankAlikeOnBothPaths() throws {
        var random = SeededRandom(seed: 2024)
        var (joint, manyJoint, tied, differs) = (0, 0, 0, 0)
        for _ in 0..<60 {
            var web = RandomWeb(&random)
            let compiled = try Fixture.compile(web.text)
            let paths = try Paths(compiled, header: web.header, carry: [], format: .csv)
            for _ in 0..<25 {
                let (fast, general) = paths.both(web.record(&random))
                let row = try #require(general)
                #expect(fast == row, "\(web.text)\n\(row)")
                let cells = row.dropLast().split(separator: ",", omittingEmptySubsequences: false)
                if cells[cells.count - 5].contains(";") { joint += 1 }
                // More lynch-pins than the top three that the kernel otherwise keeps in order.
                if cells[cells.count - 5].split(separator: ";").count > HerView.topCount { manyJoint += 1 }
                if !cells[cells.count - 1].isEmpty { differs += 1 }
                if Set(web.lastScores.filter { $0 > 0 }).count < web.lastScores.filter({ $0 > 0 }).count { tied += 1 }
            }
        }
        #expect(joint > 20, "joint lynch-pins: \(joint)")
        #expect(manyJoint > 5, "more than three lynch-pins: \(manyJoint)")
        #expect(tied > 100, "equal scores, so ties are broken: \(tied)")
        #expect(differs > 100, "her view differs: \(differs)")
    }

    /// The kernel finds its strongest paths another way than the ranker's rounds (from every
    /// need at once, in vectors, over the edges in its own order): every need's influence
    /// must still be the ranker's, bit for bit, with weights whose products round.
    @Test func strongestPathsGiveTheRankersInfluencesBitForBit() throws {
        var random = SeededRandom(seed: 77)
        var compared = 0
        var reaching = 0
        for _ in 0..<80 {
            var web = RandomWeb(&random, weights: [0.1, 0.3, 1.0 / 3, 0.7, 0.77, 0.9, 0.999, 1.0])
            let compiled = try Fixture.compile(web.text)
            let paths = try Paths(compiled, header: web.header, carry: [], format: .csv)
            var scratch = paths.kernel.makeScratch()
            var out = ByteBuffer(capacity: 64)
            defer {
                scratch.free()
                out.free()
            }
            for _ in 0..<20 {
                let record = web.record(&random)
                let outcome = Paths.withSlack(Array(record.utf8)) { paths.kernel.score($0, &scratch, into: &out) }
                guard case .written = outcome else {
                    Issue.record("the kernel stepped aside from a plain record")
                    continue
                }
                // The ranker's answers as the general path reads them (the kernel keeps only
                // what its own tables and bytecode need).
                let cells = record.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                var slots = try paths.general.general(cells, line: 1, priorities: []).get().slots
                Scorer(compiled).score(&slots)
                let needs = Scorer(compiled).outcomes(slots).needs
                let ranking = LynchpinRanker(compiled).rank(Responses(slots: slots), needs: needs, tier0: [])
                for ranked in ranking.ranked {
                    let j = try #require(compiled.instrument.needs.firstIndex { $0.id == ranked.need })
                    #expect(scratch.ranking.influence[j].bitPattern == ranked.influence.bitPattern, "\(web.text)")
                    compared += 1
                    if !ranked.reasons.isEmpty { reaching += 1 }
                }
            }
        }
        #expect(compared > 1000, "needs compared: \(compared)")
        #expect(reaching > 300, "needs that reach others: \(reaching)")
    }

    /// A random instrument of needs scored from one number each, with random drivers (some
    /// under a yes/no condition, parallel, cyclic, equally weighted), and records for it.
    /// Up to eleven needs, so that a record's sources fill up to three vectors of four lanes.
    struct RandomWeb {
        let needs: Int
        let conditions: Int
        let text: String
        var lastScores: [Int] = []

        init(_ random: inout SeededRandom, weights: [Double] = [0.5, 0.6, 0.8, 0.9, 1.0]) {
            needs = Int.random(in: 2...11, using: &random)
            conditions = 2
            let items =
                (0..<needs).map { "{id: s\($0), prompt: S\($0), type: number, min: 0, max: 10}" }
                + (0..<conditions).map { "{id: w\($0), prompt: W\($0), type: yes_no}" }
            let needList = (0..<needs).map {
                "  - {id: n\($0), title: N\($0), target: other, score: s\($0), max: 10, bands: {none: 0, some: 1, high: 6}}"
            }
            var drivers: [String] = []
            for _ in 0..<Int.random(in: 0...(needs * 3), using: &random) {
                let from = Int.random(in: 0..<needs, using: &random)
                let to = (from + Int.random(in: 1..<needs, using: &random)) % needs
                let weight = weights[Int.random(in: 0..<weights.count, using: &random)]
                let when = Int.random(in: 0..<3, using: &random)
                drivers.append(
                    "  - {from: n\(from), to: n\(to), weight: \(weight), because: x"
                        + (when < conditions ? ", when: w\(when)" : "") + "}")
            }
            text = Fixture.oneSection(
                items,
                "needs:\n" + needList.joined(separator: "\n") + "\ndrivers:\n"
                    + (drivers.isEmpty ? "  []" : drivers.joined(separator: "\n")))
        }

        var header: [String] {
            ["record_id"] + (0..<needs).map { "s\($0)" } + (0..<conditions).map { "w\($0)" } + ["_priorities"]
        }

        /// A record: scores from a few values (so ties are common), conditions, priorities.
        mutating func record(_ random: inout SeededRandom) -> String {
            lastScores = (0..<needs).map { _ in [0, 0, 3, 5, 6, 10][Int.random(in: 0..<6, using: &random)] }
            let flags = (0..<conditions).map { _ in ["yes", "no", ""][Int.random(in: 0..<3, using: &random)] }
            let named = (0..<needs).shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
            return (["r"] + lastScores.map(String.init) + flags + [named.map { "n\($0)" }.joined(separator: ";")])
                .joined(separator: ",")
        }
    }
}
