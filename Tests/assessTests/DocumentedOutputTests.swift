import Foundation
import Testing

/// The command output quoted in README.md and docs/ is real: every block after an
/// `<!-- output: assess ARGS -->` marker must equal what the built binary prints now.
/// `scripts/update-doc-outputs.py` refreshes them.
@Suite struct DocumentedOutputTests {
    struct Block: CustomTestStringConvertible, Sendable {
        var file: String
        var arguments: String
        var text: String
        var testDescription: String { "\(file): assess \(arguments)" }
    }

    static let blocks: [Block] = {
        let docs = CLI.root.appendingPathComponent("docs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        return (["README.md"] + names).flatMap { name -> [Block] in
            guard let text = try? String(contentsOf: CLI.root.appendingPathComponent(name), encoding: .utf8) else {
                return []
            }
            return blocks(in: text, file: name)
        }
    }()

    static func blocks(in text: String, file: String) -> [Block] {
        var result: [Block] = []
        var rest = text[...]
        while let marker = rest.range(of: "<!-- output: assess ") {
            let afterMarker = rest[marker.upperBound...]
            guard let close = afterMarker.range(of: " -->\n```text\n"),
                let end = afterMarker[close.upperBound...].range(of: "```")
            else { break }
            result.append(
                Block(
                    file: file, arguments: String(afterMarker[..<close.lowerBound]),
                    text: String(afterMarker[close.upperBound..<end.lowerBound])))
            rest = afterMarker[end.upperBound...]
        }
        return result
    }

    @Test func theDocsQuoteSomeOutput() {
        #expect(Self.blocks.count >= 4)
    }

    @Test(arguments: blocks)
    func quotedOutputIsCurrent(_ block: Block) throws {
        let arguments = block.arguments.split(separator: " ").map(String.init)
        let result = try CLI.run(arguments, environment: ["NO_COLOR": "1", "COLUMNS": "100"])
        #expect(
            Self.withoutTimes(result.stdout + result.stderr) == Self.withoutTimes(block.text),
            "run scripts/update-doc-outputs.py")
    }

    /// The text with each time stamp (`2026-11-23T21:24:15Z`) replaced, as they change per run.
    static func withoutTimes(_ text: String) -> String {
        text.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/, with: "<time>")
    }
}
