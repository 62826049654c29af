import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `assess batch`: score many anonymised records.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Score anonymised records in bulk: CSV or JSON Lines in, one result row per record out.",
        discussion: """
            Input: a header line naming record_id and one column per item (optional \
            _priorities and _version), then one record per line; or JSON Lines, one object \
            per line with the same keys. Cells: an option code (or its value), yes or no, \
            several choices joined by ';', a number, declined, dont_know; empty is \
            unanswered. '-' reads standard input.

            Output: one row per scored record, in input order, with the columns listed in \
            docs/cli.md, in a file created 0600 that takes its name only when the run is \
            done (a failed or stopped run leaves an earlier file as it was). Records that \
            cannot be scored go to --rejects with their line and \
            reason; the closing count on standard error always adds up \
            (read = scored + rejected). Identifying items are refused unless \
            --drop-identifying, which drops them unread: they never reach any output.

            Example:
              assess batch Instruments/womens-needs.yaml records.csv --out scores.csv --rejects rejects.csv --carry site
            """)

    @Argument(help: ArgumentHelp("The instrument.", valueName: "instrument.yaml"))
    var instrument: String

    @Argument(help: ArgumentHelp("Input files (CSV or JSON Lines); - for standard input.", valueName: "input"))
    var inputs: [String]

    @ArgumentParser.Option(
        name: .shortAndLong,
        help: ArgumentHelp("Where to write the results (- for standard output).", valueName: "file"))
    var out: String

    @ArgumentParser.Option(
        help: ArgumentHelp("Where to write rejected records (default: standard error).", valueName: "file"))
    var rejects: String?

    @ArgumentParser.Option(help: "csv or jsonl.")
    var format: OutputChoice = .csv

    @ArgumentParser.Option(help: "Threads to score on (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @ArgumentParser.Option(
        help: ArgumentHelp("Non-identifying columns to pass through, e.g. site,quarter.", valueName: "columns"))
    var carry: String?

    @Flag(help: "Drop identifying items' columns unread instead of refusing the input.")
    var dropIdentifying = false

    @Flag(help: "Exit 1 if any record is rejected.")
    var strict = false

    enum OutputChoice: String, ExpressibleByArgument { case csv, jsonl }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard !inputs.isEmpty else { throw ValidationError("name at least one input file, or - for standard input") }
    }

    func run() throws {
        let compiled = try InstrumentFiles.compile(try InstrumentFiles.read(instrument))
        let carried = ColumnList.names(carry)
        let runner = BatchRunner(
            compiled, carry: carried, dropIdentifying: dropIdentifying,
            format: format == .csv ? .csv : .jsonl, jobs: jobs)
        let output = try OutputSink(path: out)
        let rejectSink = try rejects.map { try OutputSink(path: $0) }
        rejectSink?.write("line,record_id,reason\n")
        let progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
        var total = BatchRunner.Counts()
        var headerWritten = false
        for input in inputs {
            let stream = try InputStream(input)
            defer { stream.close() }
            var reader = stream.lines()
            let name = stream.name
            let counts: BatchRunner.Counts
            do {
                var skipHeader = headerWritten
                counts = try runner.run(
                    &reader, file: name,
                    write: { bytes in
                        if skipHeader {
                            skipHeader = false
                        } else {
                            output.write(bytes)
                        }
                    },
                    reject: { problem in
                        let line = "\(name):\(problem.line)"
                        if let rejectSink {
                            rejectSink.write(BatchColumns.csvLine([line, problem.recordID, problem.reason]) + "\n")
                        } else {
                            Terminal.error("rejected \(line) (record '\(problem.recordID)'): \(problem.reason)")
                        }
                    },
                    progress: { progress.update(total.read + $0) })
            } catch {
                // Nothing is kept from a run that stopped: an earlier output stays as it was.
                output.discard()
                rejectSink?.discard()
                Terminal.error("error: \(error)")
                throw ExitCodes.problemsFound
            }
            headerWritten = true
            total.read += counts.read
            total.scored += counts.scored
            total.rejected += counts.rejected
            total.otherVersions.merge(counts.otherVersions, uniquingKeysWith: +)
        }
        output.close()
        rejectSink?.close()
        progress.finish()
        for (version, count) in total.otherVersions.sorted(by: { $0.key < $1.key }) {
            Terminal.error(
                "warning: \(count) record\(count == 1 ? " was" : "s were") made for version \(version) of "
                    + "\(compiled.instrument.id), not \(compiled.instrument.version); they were scored with "
                    + "\(compiled.instrument.version)\nhint: score each version's records with its own instrument")
        }
        Terminal.error(
            "\(total.read) record\(total.read == 1 ? "" : "s") read: \(total.scored) scored, \(total.rejected) rejected"
                + (total.rejected > 0 && rejects != nil ? " (see \(rejects!))" : ""))
        if strict, total.rejected > 0 { throw ExitCodes.problemsFound }
    }
}

/// A progress line on standard error, only when it is a terminal.
final class Progress {
    let enabled: Bool
    let started = Date()
    var last = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ records: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.25 else { return }
        last = Date()
        let rate = Double(records) / max(Date().timeIntervalSince(started), 0.001)
        FileHandle.standardError.write(Data("\r\(records) records · \(Int(rate)) records/s   ".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
