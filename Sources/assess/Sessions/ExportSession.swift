import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

/// `assess sessions export ID --out FILE`.
struct ExportSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session's result as JSON (the same format as 'assess score --format json').",
        discussion: "The file is created readable by you alone (0600). Use --out - for standard output.")

    @Argument(help: "The session's id (or its first characters).")
    var id: String

    @OptionGroup var store: StoreOption

    @ArgumentParser.Option(
        name: .shortAndLong, help: ArgumentHelp("Where to write it; - for standard output.", valueName: "file"))
    var out: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        let stored = try store.open().load(id)
        let (session, _) = try StoredInterview.replay(stored)
        let result = session.result(at: stored.updatedAt)
        try OutputSink.write(try result.jsonString() + "\n", to: out, replacing: force)
    }
}

/// A stored session brought back to life with the instrument it began with.
enum StoredInterview {
    /// The replayed session and its compiled instrument, or the instrument's errors and exit 1;
    /// its texts in `language`, else in the session's own.
    static func replay(_ stored: StoredSession, language: String? = nil) throws -> (
        InterviewSession, CompiledInstrument
    ) {
        let source = SourceFile(name: stored.start.instrumentPath, text: stored.start.instrumentText)
        let compiled = try InstrumentFiles.compile(source)
        let session = InterviewSession.replay(
            compiled, events: stored.events.map(\.event), language: language ?? stored.start.language)
        return (session, compiled)
    }
}
