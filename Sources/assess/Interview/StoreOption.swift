import ArgumentParser
import AssessmentEngine
import Foundation

/// `--store PATH`: the session store every session command reads and writes.
struct StoreOption: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The session store (an SQLite file; default: $XDG_DATA_HOME/assess/sessions.sqlite).",
            valueName: "path"))
    var path: String?

    /// The store's path: the one given, or the default for this user.
    var resolvedPath: String {
        path ?? SessionJournal.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store, or prints why not and exits 74.
    func open() throws -> SessionJournal {
        do {
            return try SessionJournal(path: resolvedPath)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCodes.storeUnavailable
        }
    }
}

extension SessionJournal {
    /// Loads a session, or prints why not and exits 1 (unknown id) or 74.
    func load(_ id: String) throws -> StoredSession {
        do {
            return try session(id)
        } catch {
            Terminal.error("error: \(error)")
            switch error {
            case .notFound, .ambiguous: throw ExitCodes.problemsFound
            default: throw ExitCodes.storeUnavailable
            }
        }
    }
}
