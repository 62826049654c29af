import Foundation

/// A file that could not be read, with the reason in words.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why it could not be read.
    public var reason: String

    public var description: String { "cannot read '\(path)': \(reason)" }
}

extension SourceFile {
    /// Reads the file at `path` (`-` for standard input); the name shown in diagnostics is
    /// the path as given.
    public static func read(path: String) throws(FileReadError) -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(name: "<stdin>", bytes: [UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileReadError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw FileReadError(path: path, reason: "it is a folder; name the .yaml files inside it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileReadError(path: path, reason: "permission denied or unreadable")
        }
        return SourceFile(name: path, bytes: [UInt8](data))
    }
}
