import ArgumentParser
import AssessmentEngine
import Foundation

/// `assess sessions delete ID`.
struct DeleteSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a session so that none of its bytes remain in the store.",
        discussion: "Asks first on a terminal; without one, --yes is needed.")

    @Argument(help: "The session's id (or its first characters).")
    var id: String

    @OptionGroup var store: StoreOption

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let journal = try store.open()
        let stored = try journal.load(id)
        let what =
            "session \(stored.id) (\(stored.start.identity.id), started \(SessionTime.minute(stored.start.startedAt)))"
        guard try Confirmation.ask("Delete \(what) for good?", given: yes) else {
            print("Nothing was deleted.")
            return
        }
        do {
            try journal.delete(stored.id)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.storeUnavailable
        }
        print("Deleted \(what).")
    }
}

/// `assess sessions purge --older-than 90d`.
struct PurgeSessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete every session not updated for a while (as 'delete' does).",
        discussion: """
            Example: assess sessions purge --older-than 90d --yes
            Ages are days (90d) or weeks (12w). --dry-run lists what would go.
            """)

    @OptionGroup var store: StoreOption

    @ArgumentParser.Option(
        help: ArgumentHelp("Sessions last updated longer ago than this: 90d, 12w.", valueName: "age"))
    var olderThan: Age

    @Flag(help: "List the sessions that would be deleted, and delete nothing.")
    var dryRun = false

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let journal = try store.open()
        let cutoff = Date().addingTimeInterval(-olderThan.seconds)
        let old: [SessionSummary]
        do {
            old = try journal.sessions().filter { $0.updatedAt < cutoff }
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.storeUnavailable
        }
        guard !old.isEmpty else {
            print("No session is older than \(olderThan.text).")
            return
        }
        for s in old { print("  \(s.id)  \(s.instrumentID)  last updated \(SessionTime.minute(s.updatedAt))") }
        if dryRun {
            print("\(old.count) session\(old.count == 1 ? "" : "s") would be deleted (dry run: nothing was).")
            return
        }
        guard try Confirmation.ask("Delete these \(old.count) for good?", given: yes) else {
            print("Nothing was deleted.")
            return
        }
        do {
            let purged = try journal.purge(olderThan: cutoff)
            print("Deleted \(purged.count) session\(purged.count == 1 ? "" : "s").")
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.storeUnavailable
        }
    }
}

/// An age such as `90d` or `12w`.
struct Age: ExpressibleByArgument {
    let text: String
    let seconds: TimeInterval

    init?(argument: String) {
        guard let unit = argument.last, let count = Int(argument.dropLast()), count >= 0 else { return nil }
        switch unit {
        case "d": seconds = Double(count) * 86_400
        case "w": seconds = Double(count) * 7 * 86_400
        default: return nil
        }
        text = argument
    }
}

/// Asking before something cannot be undone.
enum Confirmation {
    /// True when `given` (--yes), or when the person types yes at a terminal; without a
    /// terminal and without --yes, a usage error.
    static func ask(_ question: String, given: Bool) throws -> Bool {
        if given { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            Terminal.error("error: this cannot be undone, and there is no terminal to ask on\nhint: add --yes")
            throw ExitCodes.usage
        }
        print("\(question) Type yes to go ahead: ", terminator: "")
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
    }
}
