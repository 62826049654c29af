import Foundation
import Testing

@Suite struct SummarizeCommandTests {
    static let womensNeeds = BatchCommandTests.womensNeeds

    /// Batch output for `count` synthetic records, each with a site; the output file's path.
    static func scores(count: Int, sites: [String]) throws -> String {
        let folder = try BatchCommandTests.folder()
        let synth = try CLI.run(["synth", womensNeeds, "--count", "\(count)", "--seed", "8"])
        let lines = synth.stdout.split(separator: "\n")
        let withSites =
            [lines[0] + ",site"] + lines.dropFirst().enumerated().map { i, line in line + "," + sites[i % sites.count] }
        try (withSites.joined(separator: "\n") + "\n").write(
            toFile: folder + "/in.csv", atomically: true, encoding: .utf8)
        let batch = try CLI.run([
            "batch", womensNeeds, folder + "/in.csv", "--carry", "site", "--out", folder + "/scores.csv",
        ])
        #expect(batch.status == 0)
        return folder + "/scores.csv"
    }

    /// The published counts as group|table|row|column → count.
    static func counts(_ csv: String) -> [String: String] {
        var counts: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            counts[cells[0...3].joined(separator: "|")] = cells[4]
        }
        return counts
    }

    @Test func countsMatchTheBatchOutputWhenNothingIsSuppressed() throws {
        let scores = try Self.scores(count: 400, sites: ["north", "south"])
        let run = try CLI.run([
            "summarize", Self.womensNeeds, scores, "--by", "site", "--min-cell", "1", "--format", "csv",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let counts = Self.counts(run.stdout)
        let rows = try String(contentsOfFile: scores, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = rows[0]
        let band = header.firstIndex(of: "housing_band")!, site = header.firstIndex(of: "site")!
        let lead = header.firstIndex(of: "lynchpins")!
        let northHigh = rows.dropFirst().filter { $0[site] == "north" && $0[band] == "high" }.count
        #expect(counts["north|bands|housing|high"] == String(northHigh))
        #expect(counts["all|records|records|records"] == "400")
        let strength = header.firstIndex(of: "safe_person_band")!
        let southSomeone = rows.dropFirst().filter { $0[site] == "south" && $0[strength] == "has_someone" }.count
        #expect(southSomeone > 0)
        #expect(counts["south|strength_bands|safe_person|has_someone"] == String(southSomeone))
        #expect(counts["north|records|records|records"] == "200")
        let traumaLead = rows.dropFirst().filter { $0[lead].split(separator: ";").first == "trauma" }.count
        #expect(counts["all|lead_lynchpin|trauma|records"] == String(traumaLead))
        #expect(!run.stdout.contains("s1,") && !run.stdout.contains(",s1\n"), "no record ids")
    }

    @Test func smallCountsAreSuppressedSoThatTotalsCannotRevealThem() throws {
        let scores = try Self.scores(count: 60, sites: ["north", "south", "east", "west", "tiny"])
        let run = try CLI.run(["summarize", Self.womensNeeds, scores, "--by", "site", "--format", "csv"])
        #expect(run.status == 0)
        let counts = Self.counts(run.stdout)
        let numbers = counts.values.compactMap { Int($0) }
        #expect(!numbers.contains { $0 > 0 && $0 < 5 }, "no count from 1 to 4 is shown")
        #expect(counts.values.contains("<5"))
        // Within each group's need rows, a published total never leaves one hidden band.
        for group in ["all", "north", "south", "east", "west", "tiny"]
        where counts["\(group)|records|records|records"] != "<5" {
            for need in ["housing", "trauma", "safety"] {
                let row = counts.filter { $0.key.hasPrefix("\(group)|bands|\(need)|") }
                #expect(row.values.filter { $0 == "<5" }.count != 1, "\(group) \(need): \(row)")
            }
        }
        let markdown = try CLI.run(["summarize", Self.womensNeeds, scores, "--by", "site"])
        #expect(markdown.stdout.contains("## tiny: 12 records"))
    }

    @Test func jsonLinesOutputSummarisesTheSameAsCSV() throws {
        let scores = try Self.scores(count: 120, sites: ["north", "south"])
        let folder = (scores as NSString).deletingLastPathComponent
        let batch = try CLI.run([
            "batch", Self.womensNeeds, folder + "/in.csv", "--carry", "site", "--format", "jsonl", "--out",
            folder + "/scores.jsonl",
        ])
        #expect(batch.status == 0)
        let csv = try CLI.run(["summarize", Self.womensNeeds, scores, "--by", "site", "--format", "csv"])
        let jsonl = try CLI.run([
            "summarize", Self.womensNeeds, folder + "/scores.jsonl", "--by", "site", "--format", "csv",
        ])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        #expect(jsonl.stdout == csv.stdout)
    }

    /// Most rows are counted from their bytes; quoted cells, Windows line ends and names
    /// another version may use take other ways, which must count alike.
    @Test func rowsCountAlikeHoweverTheyAreWritten() throws {
        let scores = try Self.scores(count: 120, sites: ["north", "south"])
        let summarize = ["summarize", Self.womensNeeds, scores, "--by", "site", "--min-cell", "1", "--format", "csv"]
        let plain = try CLI.run(summarize)
        #expect(plain.status == 0, "\(plain.stderr)")
        let lines = try String(contentsOfFile: scores, encoding: .utf8).split(separator: "\n").map(String.init)
        let respelled = lines.enumerated().map { i, line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let quoted = i % 3 == 1 ? cells.map { "\"\($0)\"" }.joined(separator: ",") : line
            return quoted + (i % 4 == 2 ? "\r" : "")
        }
        try (respelled.joined(separator: "\n") + "\n").write(toFile: scores, atomically: true, encoding: .utf8)
        #expect(respelled.contains { $0.hasPrefix("\"") } && respelled.contains { $0.hasSuffix("\r") })
        let again = try CLI.run(summarize)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == plain.stdout)

        // A row from another version, naming a rule this one does not have: counted by its name.
        let header = lines[0].split(separator: ",").map(String.init)
        var other = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        other[header.firstIndex(of: "version")!] = "2.0.0"
        let rules = header.firstIndex(of: "safeguarding")!
        other[rules] = other[rules].isEmpty ? "new_rule" : other[rules] + ";new_rule"
        try ([lines[0], other.joined(separator: ",")].joined(separator: "\n") + "\n").write(
            toFile: scores, atomically: true, encoding: .utf8)
        let mixed = try CLI.run(summarize)
        #expect(mixed.status == 0 && mixed.stderr.contains("1 row was scored with another instrument or version"))
        #expect(Self.counts(mixed.stdout)["all|rules|safeguarding:new_rule|records"] == "1")

        // Bytes that are not UTF-8 are refused with their line, never counted as something else.
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map { Array($0.utf8) }
        cells[header.firstIndex(of: "site")!] = [0x6E, 0xFF]
        let broken = Array(lines[0].utf8) + [0x0A] + Array(cells.joined(separator: [UInt8(ascii: ",")])) + [0x0A]
        try Data(broken).write(to: URL(fileURLWithPath: scores))
        let refused = try CLI.run(summarize)
        #expect(refused.status == 1 && refused.stderr.contains("scores.csv:2: this line cannot be read as CSV"))
    }

    @Test func problemsWithTheInputAreNamedWithTheirLine() throws {
        let scores = try Self.scores(count: 10, sites: ["north"])
        var text = try String(contentsOfFile: scores, encoding: .utf8)
        text += "broken,row\n"
        try text.write(toFile: scores, atomically: true, encoding: .utf8)
        let short = try CLI.run(["summarize", Self.womensNeeds, scores])
        #expect(short.status == 1)
        #expect(short.stderr.contains("scores.csv:12: 2 cells, but the header has"))
        let noSite = try CLI.run(["summarize", Self.womensNeeds, scores, "--by", "quarter"])
        #expect(noSite.stderr.contains("there is no 'quarter' column"))
        let other = CLI.root.appendingPathComponent("Instruments/phq-9.yaml").path
        let wrong = try CLI.run(["summarize", other, scores])
        #expect(wrong.status == 1 && wrong.stderr.contains("_band' column"))
    }
}
