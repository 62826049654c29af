import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct SessionsCommandTests {
    typealias Script = InterviewScript

    /// A store holding one finished interview; its path and the session id.
    static func finished() throws -> (store: String, id: String) {
        let store = Script.store()
        let run = try CLI.run(
            ["interview", Script.instrument, "--store", store], stdin: Script.opening + Script.dontKnowToTheEnd)
        return (store, try Script.sessionID(in: run.stdout))
    }

    @Test func listShowsTheSessionsAndAnEmptyStoreSaysSo() throws {
        let empty = try CLI.run(["sessions", "list", "--store", Script.store()])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No sessions in"))
        let (store, id) = try Self.finished()
        let list = try CLI.run(["sessions", "list", "--store", store])
        #expect(
            list.stdout.contains(id) && list.stdout.contains("womens-needs@1.0.0") && list.stdout.contains("finished"))
        let json = try CLI.run(["sessions", "list", "--store", store, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.first?["id"] as? String == id)
        #expect(rows?.first?["status"] as? String == "finished")
    }

    @Test func showTellsWhatHappenedInPlainWords() throws {
        let (store, id) = try Self.finished()
        let show = try CLI.run(["sessions", "show", id, "--store", store])
        #expect(show.stdout.contains("Session \(id): finished"))
        #expect(show.stdout.contains("she agreed to go ahead"))
        #expect(show.stdout.contains("preferred_name: does not know"))
        #expect(show.stdout.contains("agreed: Call the housing team together (review on 2027-01-31)"))
    }

    @Test func exportWritesTheResultPrivatelyAndNeverOverwritesUnasked() throws {
        let (store, id) = try Self.finished()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).json").path
        let export = try CLI.run(["sessions", "export", id, "--store", store, "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let result = try AssessmentResult.decoder().decode(
            AssessmentResult.self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(result.instrument.id == "womens-needs")
        #expect(result.answers.contains { $0.item == "setting" && $0.state == "dont_know" })
        #expect(!result.answers.contains { $0.item == "preferred_name" }, "identifying items stay out of results")
        let again = try CLI.run(["sessions", "export", id, "--store", store, "--out", out])
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
    }

    @Test func deleteNeedsYesWithoutATerminalThenLeavesNoTrace() throws {
        let (store, id) = try Self.finished()
        let refused = try CLI.run(["sessions", "delete", id, "--store", store], stdin: "")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("hint: add --yes"))
        let deleted = try CLI.run(["sessions", "delete", id, "--store", store, "--yes"])
        #expect(deleted.status == 0)
        let folder = (store as NSString).deletingLastPathComponent
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            #expect(bytes.range(of: Data("Call the housing team together".utf8)) == nil, "\(name)")
        }
        #expect(try CLI.run(["sessions", "show", id, "--store", store]).status == 1)
    }

    @Test func purgeDryRunKeepsEverythingAndAgesAreChecked() throws {
        let (store, id) = try Self.finished()
        let none = try CLI.run(["sessions", "purge", "--older-than", "90d", "--store", store, "--yes"])
        #expect(none.stdout.contains("No session is older than 90d."))
        let dry = try CLI.run(["sessions", "purge", "--older-than", "0d", "--dry-run", "--store", store])
        #expect(dry.stdout.contains(id) && dry.stdout.contains("dry run"))
        #expect(try SessionJournal(path: store).sessions().count == 1)
        let purge = try CLI.run(["sessions", "purge", "--older-than", "0d", "--store", store, "--yes"])
        #expect(purge.stdout.contains("Deleted 1 session."))
        #expect(try SessionJournal(path: store).sessions().isEmpty)
        #expect(try CLI.run(["sessions", "purge", "--older-than", "ninety", "--store", store]).status == 64)
    }
}
