import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct JournalPrivacyTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func folderIs0700AndEveryFileIs0600EvenWithAWideUmask() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = TemporaryStore()
        let journal = try store.open()
        let id = try journal.startSession(TemporaryStore.start())
        try journal.append(.began, to: id, at: t0)
        let folder = (store.path as NSString).deletingLastPathComponent
        #expect(try mode(folder) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.contains("sessions.sqlite-wal"), "WAL mode keeps a -wal file: \(names)")
        for name in names {
            #expect(try mode(folder + "/" + name) == 0o600, "\(name)")
        }
    }

    @Test func anExistingStoreReadableByOthersIsMadePrivate() throws {
        let store = TemporaryStore()
        _ = try store.open()
        chmod(store.path, 0o644)
        _ = try store.open()
        #expect(try mode(store.path) == 0o600)
    }

    @Test func deleteLeavesNoByteOfTheSessionInAnyFile() throws {
        let store = TemporaryStore()
        let journal = try store.open()
        let marker = "ZEBRA-4729-UNIQUE"
        let gone = try journal.startSession(TemporaryStore.start())
        let kept = try journal.startSession(TemporaryStore.start())
        for i in 0..<50 {
            try journal.append(.note(item: "housing", text: "\(marker) note \(i)"), to: gone, at: t0)
            try journal.append(.answered(item: "a", value: .number(Double(i))), to: kept, at: t0)
        }
        #expect(try store.allFileBytes().values.contains { $0.range(of: Data(marker.utf8)) != nil })
        try journal.delete(gone)
        for (name, bytes) in try store.allFileBytes() {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(name) still holds the deleted answer")
            #expect(bytes.range(of: Data(gone.utf8)) == nil, "\(name) still holds the deleted session id")
        }
        #expect(try journal.session(kept).events.count == 50)
        #expect(throws: JournalError.notFound(id: gone)) { try journal.session(gone) }
    }

    @Test func purgeRemovesOnlySessionsOlderThanTheCutoff() throws {
        let store = TemporaryStore()
        let journal = try store.open()
        let old = try journal.startSession(TemporaryStore.start(at: t0))
        try journal.append(.note(item: "x", text: "OLD-SESSION-MARK"), to: old, at: t0)
        let recent = try journal.startSession(TemporaryStore.start(at: t0.addingTimeInterval(100 * 86400)))
        let purged = try journal.purge(olderThan: t0.addingTimeInterval(90 * 86400))
        #expect(purged == [old])
        #expect(try journal.sessions().map(\.id) == [recent])
        for (name, bytes) in try store.allFileBytes() {
            #expect(bytes.range(of: Data("OLD-SESSION-MARK".utf8)) == nil, "\(name)")
        }
    }
}
