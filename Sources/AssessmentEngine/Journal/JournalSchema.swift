internal import GRDB

/// The journal's tables, built by named migrations so that later versions can extend a store
/// without losing sessions.
enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions and events") { db in
            try db.create(table: "session") { t in
                t.primaryKey("id", .text)
                t.column("instrument_id", .text).notNull()
                t.column("instrument_version", .text).notNull()
                t.column("instrument_sha256", .text).notNull()
                t.column("instrument_text", .text).notNull()
                t.column("instrument_path", .text).notNull()
                t.column("language", .text)
                t.column("worker", .text)
                t.column("setting", .text)
                t.column("started_at", .double).notNull()
                t.column("updated_at", .double).notNull().indexed()
                t.column("status", .text).notNull()
            }
            try db.create(table: "event") { t in
                t.column("session_id", .text).notNull().references("session", onDelete: .cascade)
                t.column("sequence", .integer).notNull()
                t.column("at", .double).notNull()
                t.column("payload", .text).notNull()
                t.primaryKey(["session_id", "sequence"])
            }
        }
        return migrator
    }
}
