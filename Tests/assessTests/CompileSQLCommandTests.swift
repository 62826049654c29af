import Foundation
import Testing

@Suite struct CompileSQLCommandTests {
    static let womensNeeds = CLI.root.appendingPathComponent("Instruments/womens-needs.yaml").path

    @Test(arguments: ["duckdb", "postgres", "spark"])
    func printsOneQueryNamingTheTable(_ dialect: String) throws {
        let run = try CLI.run(["compile-sql", Self.womensNeeds, "--dialect", dialect, "--table", "warehouse.records"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("WITH\n"))
        #expect(run.stdout.contains("FROM warehouse.records\n"))
        #expect(run.stdout.components(separatedBy: "\nWHERE NOT rec_bad").count == 2, "one final select")
        #expect(run.stderr.isEmpty)
    }

    @Test func writesToAFileWithOut() throws {
        let folder = try BatchCommandTests.folder()
        let run = try CLI.run([
            "compile-sql", Self.womensNeeds, "--dialect", "duckdb", "--table", "t", "--out", folder + "/q.sql",
        ])
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(try String(contentsOfFile: folder + "/q.sql", encoding: .utf8).hasPrefix("WITH\n"))
    }

    @Test func aBadInstrumentIsReportedWithItsPlaceAndExitsOne() throws {
        let path = try CLI.temporaryFile(
            """
            instrument: {id: broken, version: 1.0.0, title: Broken, language: en-GB}
            sections:
              - id: s
                title: S
                items:
                  - {id: a, prompt: A?, type: yes_no}
            needs:
              - {id: n, title: N, target: other, score: a + b, max: 1, bands: {low: 0, high: 1}}
            """)
        let run = try CLI.run(
            ["compile-sql", path, "--dialect", "duckdb", "--table", "t"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "no half-written query")
        #expect(run.stderr.contains("instrument.yaml:8:"), "\(run.stderr)")
    }

    @Test func aMissingFileExits66() throws {
        let run = try CLI.run(["compile-sql", "/nonexistent/x.yaml", "--dialect", "duckdb", "--table", "t"])
        #expect(run.status == 66)
    }

    @Test(arguments: [
        ["--dialect", "oracle", "--table", "t"], ["--dialect", "duckdb", "--table", "t; DROP"],
        ["--dialect", "duckdb", "--table", "t", "--carry", "site,has_partner"],
        ["--dialect", "duckdb", "--table", "t", "--carry", "site,site"],
    ])
    func badOptionsAreUsageErrors(_ options: [String]) throws {
        let run = try CLI.run(["compile-sql", Self.womensNeeds] + options)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
    }
}
