import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

/// `assess summarize`: counts over batch output that identify no one.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Count needs, bands, lynch-pins and rules over batch output, suppressing small counts.",
        discussion: """
            Reads the output of 'assess batch' (CSV or JSON Lines) for the same instrument \
            and counts, for \
            all records and for each value of --by (a column carried through with \
            'assess batch --carry'): records with each need at each band, the lead \
            lynch-pin, pairs of needs present together, and the safeguarding, responsivity \
            and tier-0 rules that fired. Counts from 1 to --min-cell − 1 are shown as \
            '<5', and further counts are hidden where a total would otherwise give a hidden \
            one away (docs/cli.md explains the method). No record id or single record's \
            value is ever written.

            Example:
              assess summarize Instruments/womens-needs.yaml scores.csv --by site --format markdown
            """)

    @Argument(help: ArgumentHelp("The instrument that scored the records.", valueName: "instrument.yaml"))
    var instrument: String

    @Argument(
        help: ArgumentHelp(
            "Output files of 'assess batch' (CSV or JSON Lines); - for standard input.", valueName: "scores.csv"))
    var inputs: [String]

    @ArgumentParser.Option(help: ArgumentHelp("Break the counts down by this carried column.", valueName: "column"))
    var by: String?

    @ArgumentParser.Option(help: "Suppress counts below this (and above 0).")
    var minCell = 5

    @ArgumentParser.Option(help: "markdown, csv or json.")
    var format: SummaryFormat = .markdown

    @ArgumentParser.Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var out: String?

    enum SummaryFormat: String, ExpressibleByArgument { case markdown, csv, json }

    func validate() throws {
        guard minCell >= 1 else { throw ValidationError("--min-cell must be 1 or more") }
        guard !inputs.isEmpty else { throw ValidationError("name at least one batch output file") }
    }

    func run() throws {
        let compiled = try InstrumentFiles.compile(try InstrumentFiles.read(instrument))
        let ins = compiled.instrument
        var summary = BatchSummary(instrument: ins, by: by)
        for input in inputs {
            let stream = try InputStream(input)
            defer { stream.close() }
            var reader = stream.lines()
            do {
                try summary.read(&reader, file: stream.name)
            } catch {
                Terminal.error("error: \(error)")
                throw ExitCodes.problemsFound
            }
        }
        let otherInstrument = summary.otherInstrument
        if otherInstrument > 0 {
            Terminal.error(
                "warning: \(otherInstrument) row\(otherInstrument == 1 ? " was" : "s were") scored with another "
                    + "instrument or version than \(ins.id) \(ins.version)\nhint: summarise each version on its own")
        }
        let counts = summary.published(minCell: minCell)
        let text: String
        switch format {
        case .csv: text = SummaryRendering.csv(counts)
        case .markdown: text = SummaryRendering.markdown(counts, instrument: ins, minCell: minCell)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            text = String(decoding: try encoder.encode(counts), as: UTF8.self) + "\n"
        }
        let sink = try OutputSink(path: out)
        sink.write(text)
        sink.close()
    }
}
