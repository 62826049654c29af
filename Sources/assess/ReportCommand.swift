import ArgumentParser
import AssessmentEngine
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of an interview, to go through with her.",
        discussion: """
            Loads the session from the store, replays it with the instrument it began with, \
            and writes what to go through with her: who ran it, where and when; the \
            safeguarding alerts with the time each was raised and what was done; safety and \
            basic needs; the lynch-pin with its reasons; the other needs; her priorities \
            beside the assessment's; her strengths; what is still unknown; what you agreed \
            and the review date; and her answers, question by question, with your notes \
            beside them. '--format html' is one self-contained page (no network) with a \
            chart of her needs and strengths, to open in a browser or print on A4; \
            '--format json' is the result JSON with the session's details (see docs/cli.md).

            The report holds her answers: a file written with --out is readable by you \
            alone (0600), and an existing file is replaced only with --force. Times are \
            written in your time zone.

            Exit codes: 0 written, 1 no such session (or the stored instrument has errors), \
            64 usage error, 73 the file could not be written, 74 the store could not be opened.

            Example:
              assess report k7m2q9xd --format html --out report.html
            """)

    /// How the report is written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json
    }

    @Argument(help: "The session's id (or its first characters).")
    var id: String

    @OptionGroup var store: StoreOption

    @ArgumentParser.Option(help: "'markdown' or 'html' to go through with her, 'json' for other systems.")
    var format: Format = .markdown

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "The language of the instrument's texts, where it has it (default: the session's).", valueName: "tag"))
    var language: String?

    @ArgumentParser.Option(
        name: .shortAndLong, help: ArgumentHelp("Where to write it (default: standard output).", valueName: "file"))
    var out: String?

    @Flag(help: "Replace the file given with --out if it exists.")
    var force = false

    func run() throws {
        let stored = try store.open().load(id)
        let (session, _) = try StoredInterview.replay(stored, language: language)
        let result = session.result(at: stored.updatedAt)
        let report = SessionReport(stored, session: session, result: result)
        let text: String
        switch format {
        case .markdown: text = MarkdownReport(report, timeZone: .current).render()
        case .html: text = HTMLReport(report, timeZone: .current).render()
        case .json: text = try report.jsonString(result: result) + "\n"
        }
        try OutputSink.write(text, to: out ?? "-", replacing: force)
    }
}
