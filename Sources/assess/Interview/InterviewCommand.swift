import ArgumentParser
import AssessmentEngine
import Foundation
import QuestionnaireDSL

/// Where the interview takes place.
enum InterviewSetting: String, ExpressibleByArgument, CaseIterable {
    case community, probation, prison
    case preRelease = "pre-release"
}

/// `assess interview`: a trauma-informed interview at the terminal, journalled as it goes.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Run an interview with her at the terminal, saving every answer as it is given.",
        discussion: """
            Shows the instrument's introduction and asks her consent, then each section's \
            questions in order (hiding those that do not apply), then her own priorities, a \
            summary to talk through, and the actions you agree with a review date.

            At every question type the number of a choice (or the answer), or one of: \
            ? why we ask · d prefer not to say · k don't know · b back · s skip the rest of \
            the section · r review answers so far · n add a note · p pause.

            Every answer is written to the session store before the next question is shown. \
            p, Ctrl-C or the end of input pause the interview; carry on with \
            'assess resume ID'. A safeguarding alert is shown the moment an answer raises it, \
            and you record what was done.

            Example:
              assess interview Instruments/womens-needs.yaml --worker "Sam Jones" --setting community
            """)

    @Argument(help: ArgumentHelp("The instrument to ask.", valueName: "instrument.yaml"))
    var instrument: String

    @OptionGroup var store: StoreOption

    @ArgumentParser.Option(help: "Ask in this language where the instrument has it (e.g. cy); else its own language.")
    var language: String?

    @ArgumentParser.Option(help: "Who is running the interview, recorded with the session.")
    var worker: String?

    @ArgumentParser.Option(help: "Where it takes place: community, probation, prison or pre-release.")
    var setting: InterviewSetting?

    func run() throws {
        let source = try InstrumentFiles.read(instrument)
        let compiled = try InstrumentFiles.compile(source)
        let journal = try store.open()
        let start = SessionStart(
            instrumentText: source.text, instrumentPath: URL(fileURLWithPath: instrument).standardizedFileURL.path,
            identity: Assessor(compiled).identity, language: language, worker: worker, setting: setting?.rawValue,
            startedAt: Date())
        let id: String
        do {
            id = try journal.startSession(start)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.storeUnavailable
        }
        let out = ConsoleText.forStandardOutput()
        out.say(
            out.bold(
                "\(compiled.instrument.title.resolve(language ?? compiled.instrument.language, fallback: compiled.instrument.language))"
            ))
        out.say(out.dim("Session \(id) · saved as you go in \(store.resolvedPath)"))
        var console = InterviewConsole(
            session: InterviewSession(compiled, language: language), journal: journal, id: id, out: out,
            resumeHint: store.resumeHint(id))
        let code = try console.run()
        if code != ExitCodes.success { throw code }
    }
}

extension StoreOption {
    /// The command that carries on session `id` in this store.
    func resumeHint(_ id: String) -> String {
        "To carry on: assess resume \(id)" + (path.map { " --store \(Self.quoted($0))" } ?? "")
    }

    private static func quoted(_ path: String) -> String {
        path.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) ? "'\(path)'" : path
    }
}
