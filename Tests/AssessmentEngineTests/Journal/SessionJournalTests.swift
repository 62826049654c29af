import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct SessionJournalTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func eventsComeBackInOrderWithTheirTimes() throws {
        let store = TemporaryStore()
        let journal = try store.open()
        let id = try journal.startSession(TemporaryStore.start(at: t0))
        let events: [InterviewEvent] = [
            .began, .consent(true), .answered(item: "housing", value: .code("sofa")), .declined(item: "trauma"),
            .note(item: "housing", text: "staying with her sister"),
        ]
        for (i, event) in events.enumerated() {
            try journal.append(event, to: id, at: t0.addingTimeInterval(Double(i + 1)))
        }
        let stored = try store.open().session(id)
        #expect(stored.events.map(\.event) == events)
        #expect(stored.events.map(\.at) == (1...5).map { t0.addingTimeInterval(Double($0)) })
        #expect(stored.start == TemporaryStore.start(at: t0))
        #expect(stored.status == .inProgress)
        #expect(stored.updatedAt == t0.addingTimeInterval(5))
    }

    @Test func statusFollowsFinishAndRefusedConsent() throws {
        let journal = try TemporaryStore().open()
        let finished = try journal.startSession(TemporaryStore.start())
        try journal.append(.began, to: finished, at: t0)
        try journal.append(.finished, to: finished, at: t0)
        let refused = try journal.startSession(TemporaryStore.start())
        try journal.append(.consent(false), to: refused, at: t0)
        #expect(try journal.session(finished).status == .finished)
        #expect(try journal.session(refused).status == .endedWithoutConsent)
    }

    @Test func idsAreShortAndPrefixesResolveWhenUnambiguous() throws {
        let journal = try TemporaryStore().open()
        let ids = try (0..<20).map { _ in try journal.startSession(TemporaryStore.start()) }
        #expect(Set(ids).count == 20)
        for id in ids {
            #expect(id.count == 8)
            #expect(id.allSatisfy { "23456789abcdefghjkmnpqrstuvwxyz".contains($0) })
        }
        let unique = try #require(ids.first { id in ids.filter { $0.hasPrefix(String(id.prefix(3))) }.count == 1 })
        #expect(try journal.session(String(unique.prefix(3))).id == unique)
        #expect(throws: JournalError.notFound(id: "zzzzzzzzz")) { try journal.session("zzzzzzzzz") }
        #expect(throws: JournalError.self) { try journal.session("") }
    }

    @Test func listShowsNewestFirstWithAnsweredCounts() throws {
        let journal = try TemporaryStore().open()
        let older = try journal.startSession(TemporaryStore.start(at: t0))
        try journal.append(.answered(item: "a", value: .number(1)), to: older, at: t0.addingTimeInterval(10))
        try journal.append(.answered(item: "a", value: .number(2)), to: older, at: t0.addingTimeInterval(11))
        try journal.append(.dontKnow(item: "b"), to: older, at: t0.addingTimeInterval(12))
        let newer = try journal.startSession(TemporaryStore.start(at: t0.addingTimeInterval(100)))
        let list = try journal.sessions()
        #expect(list.map(\.id) == [newer, older])
        #expect(list.map(\.answered) == [0, 2])
        #expect(list[1].updatedAt == t0.addingTimeInterval(12))
        #expect(list[0].worker == "Sam" && list[0].setting == "community" && list[0].instrumentID == "demo")
    }

    @Test func appendingToAnUnknownSessionIsRefused() throws {
        let journal = try TemporaryStore().open()
        #expect(throws: JournalError.notFound(id: "nope2345")) { try journal.append(.began, to: "nope2345", at: t0) }
    }

    @Test func aFileThatIsNotAStoreGivesAPlainError() throws {
        let store = TemporaryStore()
        try FileManager.default.createDirectory(
            atPath: (store.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: store.path))
        do {
            _ = try store.open()
            Issue.record("opened a file that is not a store")
        } catch let error as JournalError {
            guard case .notAStore = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("hint:"))
        }
    }

    @Test func reopeningAnExistingStoreKeepsItsSessions() throws {
        let store = TemporaryStore()
        let id = try store.open().startSession(TemporaryStore.start())
        #expect(try store.open().sessions().map(\.id) == [id])
    }
}
