import AssessmentEngine
import Foundation

/// A fresh store in its own temporary folder.
struct TemporaryStore {
    let folder: String
    let path: String

    init() {
        folder = NSTemporaryDirectory() + "assess-journal-" + UUID().uuidString
        path = folder + "/store/sessions.sqlite"
    }

    func open() throws -> SessionJournal { try SessionJournal(path: path) }

    /// The bytes of every file in the store's folder.
    func allFileBytes() throws -> [String: Data] {
        let storeFolder = (path as NSString).deletingLastPathComponent
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: storeFolder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: storeFolder + "/" + name))
        }
        return files
    }

    static func start(at time: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> SessionStart {
        SessionStart(
            instrumentText: "instrument: {id: demo}\n", instrumentPath: "/tmp/demo.yaml",
            identity: InstrumentIdentity(id: "demo", version: "1.0.0", sha256: "abc"), language: "en-GB",
            worker: "Sam", setting: "community", startedAt: time)
    }
}
