/// Why the session journal could not do what was asked, in plain words with a hint.
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not a session store (or is damaged).
    case notAStore(path: String, reason: String)
    /// No session has this id.
    case notFound(id: String)
    /// More than one session starts with this id.
    case ambiguous(id: String, matches: [String])
    /// Reading or writing failed part-way; nothing half-written is kept.
    case failed(action: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the session store '\(path)': \(reason)\n"
                + "hint: check the folder exists and is yours, or choose another file with --store"
        case .notAStore(let path, let reason):
            "'\(path)' is not a session store, or it is damaged: \(reason)\n"
                + "hint: name the store made by 'assess interview' with --store; never edit it by hand"
        case .notFound(let id):
            "no session has the id '\(id)'\nhint: 'assess sessions list' shows the sessions in this store"
        case .ambiguous(let id, let matches):
            "more than one session starts with '\(id)': \(matches.joined(separator: ", "))\n"
                + "hint: type more of the id"
        case .failed(let action, let reason):
            "could not \(action): \(reason)\nhint: nothing half-written was kept; try again"
        }
    }
}
