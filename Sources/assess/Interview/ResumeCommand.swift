import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

/// `assess resume`: carries on a paused interview exactly where it stopped.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Carry on a paused interview exactly where it stopped.",
        discussion: """
            Uses the copy of the instrument stored when the session began, so an edited or \
            moved file never strands a session; if the file has changed since, it says so. \
            'assess sessions list' shows the sessions and their ids; the first few characters \
            of an id are enough when no other id starts with them.

            Example:
              assess resume k7m2q9xd
            """)

    @Argument(help: "The session's id (or its first characters).")
    var id: String

    @OptionGroup var store: StoreOption

    func run() throws {
        let journal = try store.open()
        let stored = try journal.load(id)
        let out = ConsoleText.forStandardOutput()
        switch stored.status {
        case .finished:
            out.say("Session \(stored.id) is already finished.")
            out.say("For its report: assess report \(stored.id) --format html --out report.html")
            return
        case .endedWithoutConsent:
            out.say("Session \(stored.id) ended without her consent; there is nothing to carry on.")
            return
        case .inProgress:
            break
        }
        let (session, compiled) = try StoredInterview.replay(stored)
        if let change = Self.fileChange(stored.start) { out.say(change) }
        let answered = Set(stored.events.compactMap(\.event.respondedItem)).count
        out.say(
            out.bold(
                compiled.instrument.title.resolve(
                    stored.start.language ?? compiled.instrument.language, fallback: compiled.instrument.language)))
        out.say(
            out.dim(
                "Carrying on session \(stored.id): \(answered) question\(answered == 1 ? "" : "s") answered so far."))
        var console = InterviewConsole(
            session: session, journal: journal, id: stored.id, out: out, resumeHint: store.resumeHint(stored.id))
        let code = try console.run()
        if code != ExitCodes.success { throw code }
    }

    /// A note when the instrument file is no longer as it was when the session began.
    static func fileChange(_ start: SessionStart) -> String? {
        guard let bytes = FileManager.default.contents(atPath: start.instrumentPath) else {
            return "Note: \(start.instrumentPath) is no longer there; carrying on with the copy stored "
                + "when this session began (version \(start.identity.version))."
        }
        guard SHA256.hex(Array(bytes)) != start.identity.sha256 else { return nil }
        return "Note: \(start.instrumentPath) has changed since this session began; carrying on with the "
            + "version it began with (\(start.identity.version)), as stored."
    }
}
