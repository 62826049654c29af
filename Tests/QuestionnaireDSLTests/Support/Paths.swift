import Foundation

/// Places in the repository, found from this file's path so tests run from any directory.
enum Paths {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A folder of this test target's fixtures.
    static func fixtures(_ folder: String) -> URL {
        root.appendingPathComponent("Tests/QuestionnaireDSLTests/Fixtures").appendingPathComponent(folder)
    }

    /// The `.yaml` files in a folder, sorted by name.
    static func yamlFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
