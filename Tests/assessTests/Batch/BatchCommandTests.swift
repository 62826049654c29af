import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct BatchCommandTests {
    static let womensNeeds = CLI.root.appendingPathComponent("Instruments/womens-needs.yaml").path

    /// A fresh private folder for one test's files.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    @Test func synthIsDeterministicAndEveryRecordScores() throws {
        let a = try CLI.run(["synth", Self.womensNeeds, "--count", "300", "--seed", "5"])
        let b = try CLI.run(["synth", Self.womensNeeds, "--count", "300", "--seed", "5"])
        let c = try CLI.run(["synth", Self.womensNeeds, "--count", "300", "--seed", "6"])
        #expect(a.stdout == b.stdout && a.stdout != c.stdout)
        #expect(!a.stdout.contains("preferred_name"), "identifying items are never synthesised")
        let cells = a.stdout.split(separator: "\n").dropFirst().flatMap {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let declined = cells.filter { $0 == "declined" }.count, dontKnow = cells.filter { $0 == "dont_know" }.count
        #expect(declined > 100 && declined < 1500, "about 3% of asked questions: \(declined)")
        #expect(dontKnow > 50 && dontKnow < 1000, "about 2%: \(dontKnow)")
        let folder = try Self.folder()
        try a.stdout.write(toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run(["batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/out.csv"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("300 records read: 300 scored, 0 rejected"), "\(run.stderr)")
    }

    @Test(arguments: ["womens-needs.yaml", "phq-9.yaml", "gad-7.yaml"])
    func batchRowsEqualScoringEachRecordAlone(_ name: String) throws {
        let instrument = CLI.root.appendingPathComponent("Instruments/\(name)").path
        let compiled = try #require(InstrumentLoader().compile(try SourceFile.read(path: instrument)).0)
        let folder = try Self.folder()
        let synth = try CLI.run(["synth", instrument, "--count", "25", "--seed", "9"])
        try synth.stdout.write(toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run(["batch", instrument, folder + "/in.csv", "--out", folder + "/out.csv", "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.lines(folder + "/out.csv")
        let records = synth.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = records[0]
        #expect(rows.count == records.count)
        let columns = BatchColumns(compiled.instrument)
        for (record, row) in zip(records.dropFirst(), rows.dropFirst()) {
            // The same answers as an answers file, scored by `assess score`.
            var yaml = ""
            for (column, cell) in zip(header, record) where !cell.isEmpty && column != "record_id" {
                if column == "_priorities" {
                    yaml += "_priorities: [\(cell.split(separator: ";").joined(separator: ", "))]\n"
                } else if cell != "declined", cell != "dont_know",
                    compiled.items.first(where: { $0.id == column })?.type == .multiChoice
                {
                    yaml += "\(column): [\(cell.split(separator: ";").joined(separator: ", "))]\n"
                } else {
                    yaml += "\(column): \(cell)\n"
                }
            }
            let answers = folder + "/answers.yaml"
            try yaml.write(toFile: answers, atomically: true, encoding: .utf8)
            let score = try CLI.run(["score", instrument, answers, "--format", "json"])
            #expect(score.status == 0, "\(score.stderr)")
            let result = try AssessmentResult.decoder().decode(AssessmentResult.self, from: Data(score.stdout.utf8))
            #expect(row == BatchColumns.csvLine(columns.cells(recordID: record[0], carriedValues: [], result: result)))
        }
    }

    @Test func malformedRecordsAreRejectedWithTheirLineAndReason() throws {
        let folder = try Self.folder()
        let input =
            [
                "record_id,setting,has_partner,partner_afraid,children_under_18",
                "ok1,community,no,,0",
                "short,community",
                "badcode,custodyy,no,,0",
                "badnum,community,no,,three",
                "\"broken,community,no,,0",
                "dup,community,no,,0",
                "dup,community,no,,1",
                ",community,no,,0",
                "hidden,community,no,yes,0",
                "",
                "ok2,community,yes,yes,2",
            ].joined(separator: "\n") + "\n"
        var bytes = Array(input.utf8)
        bytes += Array("utf8,community,n".utf8) + [0xFF, 0xFE] + Array(",,0\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/in.csv"))
        let run = try CLI.run([
            "batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/out.csv", "--rejects",
            folder + "/rejects.csv",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("12 records read: 3 scored, 9 rejected"), "\(run.stderr)")
        let rows = try Self.lines(folder + "/out.csv").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(rows == ["ok1", "dup", "ok2"])
        let rejects = try Self.lines(folder + "/rejects.csv").joined(separator: "\n")
        for expected in [
            "in.csv:3,short,\"it has 2 cells, but the header has 5\"",
            "in.csv:4,badcode,\"'custodyy' is not an option of 'setting' (its codes: community, custody)\"",
            "in.csv:5,badnum,'three' for 'children_under_18' is not a number",
            "in.csv:6,,a quoted cell is not closed on this line",
            "in.csv:8,dup,record_id 'dup' appeared earlier in the input",
            "in.csv:9,,its record_id is empty",
            "in.csv:10,hidden,",
            "in.csv:11,,the line is empty",
            "in.csv:13,,the line is not valid UTF-8",
        ] {
            #expect(rejects.contains(expected), "missing: \(expected)\n\(rejects)")
        }
        let strict = try CLI.run([
            "batch", Self.womensNeeds, folder + "/in.csv", "--out", "-", "--rejects", folder + "/r2.csv", "--strict",
        ])
        #expect(strict.status == 1)
    }

    @Test func wholeInputProblemsStopBeforeScoring() throws {
        let folder = try Self.folder()
        func batch(_ text: String, _ extra: [String] = []) throws -> CLI.Result {
            try text.write(toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
            return try CLI.run(["batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/o.csv"] + extra)
        }
        let empty = try batch("")
        #expect(empty.status == 1 && empty.stderr.contains("the input is empty"))
        let headerOnly = try batch("record_id,setting\n")
        #expect(headerOnly.status == 0 && headerOnly.stderr.contains("0 records read: 0 scored, 0 rejected"))
        let noID = try batch("id,setting\n1,community\n")
        #expect(noID.status == 1 && noID.stderr.contains("the header has no 'record_id' column"))
        let identifying = try batch("record_id,preferred_name,setting\nr1,Jo,community\n")
        #expect(identifying.status == 1)
        #expect(identifying.stderr.contains("the input holds identifying items: preferred_name"))
        #expect(identifying.stderr.contains("--drop-identifying"))
        let dropped = try batch("record_id,preferred_name,setting\nr1,Jo Bloggs,community\n", ["--drop-identifying"])
        #expect(dropped.status == 0)
        #expect(!(try String(contentsOfFile: folder + "/o.csv", encoding: .utf8)).contains("Jo Bloggs"))
        let unknown = try batch("record_id,settng\nr1,community\n")
        #expect(unknown.status == 1 && unknown.stderr.contains("settng (did you mean 'setting'?)"))
    }

    /// The names in `folder`, hidden ones included: a staged output leaves none behind.
    static func names(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func aFailedRunLeavesTheEarlierOutputAsItWas() throws {
        let folder = try Self.folder()
        try "record_id,setting\nr1,community\n".write(toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        let first = try CLI.run(["batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/o.csv"])
        #expect(first.status == 0)
        let earlier = try Data(contentsOf: URL(fileURLWithPath: folder + "/o.csv"))
        #expect(earlier.count > 100)
        // The second input is refused before any record is scored: o.csv must not be emptied.
        try "record_id,preferred_name\nr2,Jo\n".write(toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        let refused = try CLI.run([
            "batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/o.csv", "--rejects", folder + "/r.csv",
        ])
        #expect(refused.status == 1 && refused.stderr.contains("identifying items: preferred_name"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/o.csv")) == earlier)
        #expect(try Self.names(folder) == ["in.csv", "o.csv"], "no rejects file and nothing half-written")
    }

    @Test func aReplacedOutputIsWholeAndPrivateAndMayBeTheRunsOwnInput() throws {
        let folder = try Self.folder()
        let records = folder + "/records.csv"
        let synth = try CLI.run(["synth", Self.womensNeeds, "--count", "3000", "--seed", "3", "--out", records])
        #expect(synth.status == 0)
        let expected = try CLI.run(["batch", Self.womensNeeds, records, "--out", "-"])
        #expect(expected.status == 0)
        // Read and replaced in one run: every record is read from the file as it was.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: records)
        let run = try CLI.run(["batch", Self.womensNeeds, records, "--out", records, "--jobs", "2"])
        #expect(run.status == 0 && run.stderr.contains("3000 records read: 3000 scored, 0 rejected"))
        #expect(try String(contentsOfFile: records, encoding: .utf8) == expected.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: records)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the replacement holds results: readable by its owner alone")
        #expect(try Self.names(folder) == ["records.csv"], "no staging name left beside it")
        // Not a regular file: written in place, as before.
        let devNull = try CLI.run(
            ["batch", Self.womensNeeds, "-", "--out", "/dev/null"], stdin: "record_id,setting\nr1,custody\n")
        #expect(devNull.status == 0 && devNull.stderr.contains("1 record read: 1 scored, 0 rejected"))
        let missingFolder = try CLI.run(["batch", Self.womensNeeds, "-", "--out", folder + "/no/such/o.csv"])
        #expect(missingFolder.status == 73 && missingFolder.stderr.contains("cannot write '\(folder)/no/such/o.csv'"))
    }

    /// A file output of `synth` or `batch` is built under no name and put in place whole (see
    /// `StagedFile`), in large writes of whole parts of a block; standard output takes none of
    /// that path. The two must hold the same bytes: for an output of many blocks (about 10 MB),
    /// one of a single line, and one on a file system in memory (tmpfs).
    @Test(arguments: [20000, 2]) func fileOutputsHoldExactlyWhatStandardOutputGets(_ count: Int) throws {
        var folders = [try Self.folder()]
        if FileManager.default.isWritableFile(atPath: "/dev/shm") {
            let memory = "/dev/shm/assess-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: memory, withIntermediateDirectories: false)
            folders.append(memory)
        }
        defer { for folder in folders.dropFirst() { try? FileManager.default.removeItem(atPath: folder) } }
        let synth = ["synth", Self.womensNeeds, "--count", "\(count)", "--seed", "8"]
        let records = try CLI.run(synth)
        #expect(records.status == 0)
        for folder in folders {
            let input = folder + "/in.csv"
            #expect(try CLI.run(synth + ["--out", input]).status == 0)
            #expect(try String(contentsOfFile: input, encoding: .utf8) == records.stdout, "synth --out in \(folder)")
            let rows = try CLI.run(["batch", Self.womensNeeds, input, "--out", "-"])
            #expect(rows.status == 0 && rows.stdout.utf8.count > 1000)
            // Twice: a new file, then one replacing it.
            for _ in 0..<2 {
                let run = try CLI.run(["batch", Self.womensNeeds, input, "--out", folder + "/out.csv"])
                #expect(run.status == 0 && run.stderr.contains("\(count) records read: \(count) scored"))
                let written = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8)
                #expect(written == rows.stdout, "in \(folder)")
                let mode =
                    try FileManager.default.attributesOfItem(atPath: folder + "/out.csv")[.posixPermissions] as? Int
                #expect(mode == 0o600)
            }
            #expect(try Self.names(folder) == ["in.csv", "out.csv"], "nothing left beside them in \(folder)")
        }
    }

    @Test func carriedColumnsPassThroughAndVersionsAreNeverMixedSilently() throws {
        let folder = try Self.folder()
        try "record_id,site,_version,setting\nr1,north,1.0.0,community\nr2,south,0.9.0,custody\n".write(
            toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run([
            "batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/o.csv", "--carry", "site",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: 1 record was made for version 0.9.0 of womens-needs, not 1.0.0"))
        let rows = try Self.lines(folder + "/o.csv")
        #expect(rows[0].hasPrefix("record_id,site,instrument,version,"))
        #expect(rows[1].hasPrefix("r1,north,womens-needs,1.0.0,") && rows[2].hasPrefix("r2,south,"))
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/o.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func jsonLinesInAndOutFromStandardInput() throws {
        let input = """
            {"record_id": "j1", "setting": "community", "has_partner": false, "partner_control": []}
            {"record_id": "j2", "setting": "custody", "first_time_custody": true}
            not json

            """
        let run = try CLI.run(["batch", Self.womensNeeds, "-", "--out", "-", "--format", "jsonl"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let objects = run.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == 2)
        #expect(objects[0]?["record_id"] as? String == "j1" && objects[1]?["record_id"] as? String == "j2")
        #expect(objects[0]?["instrument"] as? String == "womens-needs")
        #expect(run.stderr.contains("standard input:3"))
        #expect(run.stderr.contains("3 records read: 2 scored, 1 rejected"))
    }

    /// Order, counts and reject line numbers across several 2 MiB blocks (about 10 MB of
    /// input), which are read into two buffers in turn and written while the next is scored.
    @Test func outputKeepsInputOrderOnEveryCore() throws {
        let folder = try Self.folder()
        let synth = try CLI.run([
            "synth", Self.womensNeeds, "--count", "20000", "--seed", "2", "--out", folder + "/in.csv",
        ])
        #expect(synth.status == 0)
        // One broken record deep in a late block, which must be rejected at its own line.
        var lines = try String(contentsOfFile: folder + "/in.csv", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        lines[15_000] = "s15000,broken"
        try lines.joined(separator: "\n").write(toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        for jobs in ["1", "2", "3"] {
            let run = try CLI.run([
                "batch", Self.womensNeeds, folder + "/in.csv", "--out", folder + "/o\(jobs).csv", "--jobs", jobs,
                "--rejects", folder + "/r\(jobs).csv",
            ])
            #expect(run.status == 0)
            #expect(run.stderr.contains("20000 records read: 19999 scored, 1 rejected"), "\(run.stderr)")
            let rejects = try String(contentsOfFile: folder + "/r\(jobs).csv", encoding: .utf8)
            #expect(rejects.contains("in.csv:15001,s15000,"), "the reject's input line: \(rejects)")
        }
        let one = try String(contentsOfFile: folder + "/o1.csv", encoding: .utf8)
        #expect(one == (try String(contentsOfFile: folder + "/o2.csv", encoding: .utf8)))
        #expect(one == (try String(contentsOfFile: folder + "/o3.csv", encoding: .utf8)))
        let ids = one.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
        #expect(ids == (1...20000).filter { $0 != 15000 }.map { "s\($0)"[...] })
    }
}
