import Foundation
internal import GRDB

extension SessionJournal {
    /// Removes a session so that none of its bytes remain in any file of the store:
    /// the rows go with `secure_delete` on (freed pages are zeroed), then the WAL is
    /// checkpointed and truncated, the file vacuumed, and the WAL truncated again.
    public func delete(_ id: String) throws(JournalError) {
        let fullID = try resolve(id)
        try guarded("delete the session") {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM event WHERE session_id = ?", arguments: [fullID])
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [fullID])
            }
        }
        try scrub()
    }

    /// Deletes (as ``delete(_:)`` does) every session last updated before `cutoff`;
    /// returns their ids.
    public func purge(olderThan cutoff: Date) throws(JournalError) -> [String] {
        let ids = try guarded("purge old sessions") {
            try queue.write { db -> [String] in
                let ids = try String.fetchAll(
                    db, sql: "SELECT id FROM session WHERE updated_at < ? ORDER BY updated_at",
                    arguments: [cutoff.timeIntervalSince1970])
                for id in ids {
                    try db.execute(sql: "DELETE FROM event WHERE session_id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
                }
                return ids
            }
        }
        if !ids.isEmpty { try scrub() }
        return ids
    }

    /// Leaves no trace of deleted rows in the main file, the WAL or free pages.
    private func scrub() throws(JournalError) {
        try guarded("clear deleted answers from the store's files") {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }
}
