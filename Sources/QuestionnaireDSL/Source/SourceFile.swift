/// The text of one input file, kept so diagnostics can quote the line they point at.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics, usually the path as the user gave it.
    public let name: String
    /// The raw bytes, as read.
    public let bytes: [UInt8]
    /// The text decoded as UTF-8 (invalid bytes replaced), for quoting lines.
    public let text: String
    private let lines: [String]

    /// Creates a source file from its display name and raw bytes.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
        // Split the bytes, not the Characters: in Swift "\r\n" is one Character.
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        self.lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Creates a source file from its display name and text.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1][...]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }

    /// The number of lines in the file.
    public var lineCount: Int { lines.count }
}
