import Foundation
internal import GRDB

/// Where interview sessions live: one SQLite file per store, written through GRDB.
///
/// Every event is written in its own transaction and is on disk when ``append(_:to:at:)``
/// returns, so a killed process loses nothing. The store's folder is created 0700 and
/// its files 0600, whatever the umask, because they hold answers.
///
/// ```swift
/// let journal = try SessionJournal(path: SessionJournal.defaultPath(environment: env))
/// let id = try journal.startSession(start)
/// try journal.append(.began, to: id, at: Date())
/// ```
public final class SessionJournal: Sendable {
    /// The store's file.
    public let path: String
    let queue: DatabaseQueue

    /// `$XDG_DATA_HOME/assess/sessions.sqlite`, else `$HOME/.local/share/assess/sessions.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/assess/sessions.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/assess/sessions.sqlite"
    }

    /// Opens or creates the store: a missing parent folder is created 0700, the file (and its
    /// `-wal`/`-shm` companions) 0600 whatever the umask; WAL; synchronous FULL; named migrations.
    public init(path: String) throws(JournalError) {
        self.path = path
        try PrivateFiles.prepare(databaseAt: path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(5)
        configuration.label = "assess.sessions"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notAStore(path: path, reason: "it is not an SQLite database")
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            try JournalSchema.migrator.migrate(queue)
        } catch {
            throw .notAStore(path: path, reason: Self.reason(error))
        }
        try PrivateFiles.restrict(companionsOf: path)
    }

    /// Records a new session and returns its short random id (8 characters, lowercase,
    /// from an alphabet without look-alikes, e.g. `k7m2q9xd`).
    public func startSession(_ start: SessionStart) throws(JournalError) -> String {
        try guarded("start a session") {
            try queue.write { db in
                var id = SessionID.random()
                while try Row.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [id]) != nil {
                    id = SessionID.random()
                }
                try db.execute(
                    sql: """
                        INSERT INTO session (id, instrument_id, instrument_version, instrument_sha256,
                          instrument_text, instrument_path, language, worker, setting, started_at, updated_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, start.identity.id, start.identity.version, start.identity.sha256, start.instrumentText,
                        start.instrumentPath, start.language, start.worker, start.setting,
                        start.startedAt.timeIntervalSince1970, start.startedAt.timeIntervalSince1970,
                        SessionStatus.inProgress.rawValue,
                    ])
                return id
            }
        }
    }

    /// Appends one event in its own transaction; durable when this returns.
    public func append(_ event: InterviewEvent, to id: String, at time: Date) throws(JournalError) {
        let payload = try EventCoding.encode(event)
        let found = try guarded("write to the session") {
            try queue.write { db -> Bool in
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql:
                            "SELECT status, (SELECT COALESCE(MAX(sequence), 0) FROM event WHERE session_id = ?) AS last FROM session WHERE id = ?",
                        arguments: [id, id])
                else { return false }
                let status = SessionStatus(rawValue: row["status"]) ?? .inProgress
                try db.execute(
                    sql: "INSERT INTO event (session_id, sequence, at, payload) VALUES (?, ?, ?, ?)",
                    arguments: [id, (row["last"] as Int) + 1, time.timeIntervalSince1970, payload])
                try db.execute(
                    sql: "UPDATE session SET updated_at = ?, status = ? WHERE id = ?",
                    arguments: [time.timeIntervalSince1970, status.after(event).rawValue, id])
                return true
            }
        }
        if !found { throw .notFound(id: id) }
    }

    /// Everything stored for one session; an unambiguous prefix of the id is enough.
    public func session(_ id: String) throws(JournalError) -> StoredSession {
        let fullID = try resolve(id)
        let loaded = try guarded("read the session") {
            try queue.read { db -> (Row?, [Row]) in
                let session = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [fullID])
                let events = try Row.fetchAll(
                    db, sql: "SELECT at, payload FROM event WHERE session_id = ? ORDER BY sequence",
                    arguments: [fullID])
                return (session, events)
            }
        }
        guard let row = loaded.0 else { throw .notFound(id: id) }
        var events: [TimedEvent] = []
        for eventRow in loaded.1 {
            let event = try EventCoding.decode(eventRow["payload"], session: fullID)
            events.append(TimedEvent(event: event, at: Date(timeIntervalSince1970: eventRow["at"])))
        }
        return StoredSession(
            id: fullID, start: Self.start(from: row), events: events,
            status: SessionStatus(rawValue: row["status"]) ?? .inProgress)
    }

    /// All sessions, most recently updated first.
    public func sessions() throws(JournalError) -> [SessionSummary] {
        let rows = try guarded("list the sessions") {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.id, s.instrument_id, s.instrument_version, s.worker, s.setting, s.started_at,
                          s.updated_at, s.status,
                          (SELECT group_concat(payload, char(10)) FROM event e WHERE e.session_id = s.id) AS payloads
                        FROM session s ORDER BY s.updated_at DESC, s.id
                        """)
            }
        }
        var summaries: [SessionSummary] = []
        for row in rows {
            let id: String = row["id"]
            let payloads = (row["payloads"] as String?)?.split(separator: "\n") ?? []
            var responded = Set<String>()
            for payload in payloads {
                if let item = try EventCoding.decode(String(payload), session: id).respondedItem {
                    responded.insert(item)
                }
            }
            summaries.append(
                SessionSummary(
                    id: id, instrumentID: row["instrument_id"], instrumentVersion: row["instrument_version"],
                    worker: row["worker"], setting: row["setting"],
                    startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
                    status: SessionStatus(rawValue: row["status"]) ?? .inProgress, answered: responded.count))
        }
        return summaries
    }

    /// The one full id that `id` names, exactly or as a prefix.
    func resolve(_ id: String) throws(JournalError) -> String {
        let pattern = id.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        let matches = try guarded("look up the session") {
            try queue.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM session WHERE id LIKE ? ORDER BY id", arguments: [pattern])
            }
        }
        if matches.contains(id) { return id }
        guard !id.isEmpty, let first = matches.first else { throw .notFound(id: id) }
        guard matches.count == 1 else { throw .ambiguous(id: id, matches: matches) }
        return first
    }

    /// Runs a database action, turning its errors into plain words.
    func guarded<T>(_ action: String, _ body: () throws -> T) throws(JournalError) -> T {
        do {
            return try body()
        } catch let error as JournalError {
            throw error
        } catch {
            throw .failed(action: action, reason: Self.reason(error))
        }
    }

    private static func start(from row: Row) -> SessionStart {
        SessionStart(
            instrumentText: row["instrument_text"], instrumentPath: row["instrument_path"],
            identity: InstrumentIdentity(
                id: row["instrument_id"], version: row["instrument_version"], sha256: row["instrument_sha256"]),
            language: row["language"], worker: row["worker"], setting: row["setting"],
            startedAt: Date(timeIntervalSince1970: row["started_at"]))
    }

    /// SQLite's own message, without the SQL text that GRDB appends.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return "\(error)"
    }
}
