import Foundation
import Testing

/// One case of the official YAML test suite: an input, the events it must produce, and
/// whether the input must be rejected.
struct YAMLSuiteCase: Sendable, CustomTestStringConvertible {
    /// The folder name, with the sub-folder for cases that have several: `229Q`, `2G84/01`.
    var id: String
    /// The case's title, from its `===` file.
    var name: String
    /// The bytes of `in.yaml`.
    var input: [UInt8]
    /// The lines of `test.event` (for an error case, the events before the error).
    var expectedEvents: [String]
    /// True when the folder has an `error` file: the input is not valid YAML.
    var isError: Bool

    var testDescription: String { "\(id) \(name)" }
}

/// The suite's data, kept beside the repository in `shared/yaml-test-suite` (see its README).
enum YAMLTestSuite {
    /// `…/Tests/QuestionnaireDSLTests/YAML/` → repository root → `../shared/yaml-test-suite`.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // YAML
        .deletingLastPathComponent()  // QuestionnaireDSLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/yaml-test-suite")
        .standardizedFileURL

    /// Every case, sorted by id; empty when the suite is missing (a test reports that).
    static let cases: [YAMLSuiteCase] = (try? loadCases()) ?? []

    /// Reads every case folder; a case is a folder holding `in.yaml`, either directly under
    /// the suite or one level down in a numbered sub-folder.
    static func loadCases() throws -> [YAMLSuiteCase] {
        let files = FileManager.default
        var cases: [YAMLSuiteCase] = []
        for top in try files.contentsOfDirectory(atPath: directory.path) {
            let folder = directory.appendingPathComponent(top)
            if files.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                cases.append(try loadCase(id: top, folder: folder))
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            for sub in try files.contentsOfDirectory(atPath: folder.path) {
                let subfolder = folder.appendingPathComponent(sub)
                if files.fileExists(atPath: subfolder.appendingPathComponent("in.yaml").path) {
                    cases.append(try loadCase(id: "\(top)/\(sub)", folder: subfolder))
                }
            }
        }
        return cases.sorted { $0.id < $1.id }
    }

    private static func loadCase(id: String, folder: URL) throws -> YAMLSuiteCase {
        let input = try Data(contentsOf: folder.appendingPathComponent("in.yaml"))
        let events = try String(contentsOf: folder.appendingPathComponent("test.event"), encoding: .utf8)
        let name = (try? String(contentsOf: folder.appendingPathComponent("==="), encoding: .utf8)) ?? ""
        return YAMLSuiteCase(
            id: id,
            name: name.trimmingCharacters(in: .whitespacesAndNewlines),
            input: Array(input),
            expectedEvents: events.split(separator: "\n").map(String.init),
            isError: FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path))
    }
}
