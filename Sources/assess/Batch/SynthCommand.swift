import ArgumentParser
import AssessmentEngine
import Foundation

/// `assess synth`: synthetic answer records, safe to share.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write synthetic answer records for an instrument, for tests and benchmarks.",
        discussion: """
            Records answer the questions in order, leaving empty those whose show_if hides \
            them, with about 3% declined, 2% don't know and 2% unanswered; about half name \
            her priorities. No one answered them, so they are safe to share. The same seed \
            always gives the same records. Identifying items are left out.

            Example:
              assess synth Instruments/womens-needs.yaml --count 100000 --seed 1 > records.csv
              assess synth Instruments/womens-needs.yaml --count 10000000 | assess batch Instruments/womens-needs.yaml - --out scores.csv
            """)

    @Argument(help: ArgumentHelp("The instrument.", valueName: "instrument.yaml"))
    var instrument: String

    @ArgumentParser.Option(help: "How many records.")
    var count: Int = 1000

    @ArgumentParser.Option(help: "The seed: the same seed gives the same records.")
    var seed: UInt64 = 1

    @ArgumentParser.Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var out: String?

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
    }

    func run() throws {
        let compiled = try InstrumentFiles.compile(try InstrumentFiles.read(instrument))
        let sink = try OutputSink(path: out)
        var records = SyntheticRecords(compiled, seed: seed)
        sink.write(BatchColumns.csvLine(records.header) + "\n")
        records.writeLines(count) { sink.write($0) }
        sink.close()
    }
}
