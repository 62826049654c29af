import Foundation
import Testing

@Suite struct ValidateCommandTests {
    static let mistake = """
        instrument:
          id: example
          version: 1.0.0
          title: Example
          language: en-GB
        sections:
          - id: about
            title: About you
            items:
              - {id: low_mood, promt: Have you felt low lately?, type: yes_no}
        """

    @Test func shippedInstrumentsAreValid() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CLI.root.appendingPathComponent("Instruments").path
        )
        .filter { $0.hasSuffix(".yaml") }.sorted().map { "Instruments/\($0)" }
        #expect(files.count >= 2)
        let result = try CLI.run(["validate"] + files)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("\(files.count) files checked: 0 errors, 0 warnings\n"))
    }

    @Test func errorsExitWithOneAndPointAtTheMistake() throws {
        let path = try CLI.temporaryFile(Self.mistake)
        let result = try CLI.run(["validate", path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(path):10:9: error[missing-key]: an item has no 'prompt'"))
        #expect(result.stdout.contains("\(path):10:24: error[unknown-key]: unknown key 'promt' in an item"))
        #expect(
            result.stdout.contains("   10 |       - {id: low_mood, promt: Have you felt low lately?, type: yes_no}"))
        #expect(result.stdout.contains("      | " + String(repeating: " ", count: 23) + "^"))
        #expect(result.stdout.contains("= hint: did you mean 'prompt'?"))
        #expect(result.stdout.hasSuffix("1 file checked: 2 errors, 0 warnings\n"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set or output is not a terminal")
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let path = try CLI.temporaryFile(Self.mistake)
        let result = try CLI.run(["validate", "--format", "json", path])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 2)
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries.map { $0["code"] as? String } == ["missing-key", "unknown-key"])
        let first = entries[1]
        #expect(first["line"] as? Int == 10)
        #expect(first["column"] as? Int == 24)
    }

    @Test func unreadableFileExitsWith66() throws {
        let result = try CLI.run(["validate", "no/such/file.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("cannot read 'no/such/file.yaml': no such file"))
    }

    @Test func usageErrorsExitWith64() throws {
        let result = try CLI.run(["validate", "--format", "xml", "Instruments/phq-9.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("xml"))
    }
}
