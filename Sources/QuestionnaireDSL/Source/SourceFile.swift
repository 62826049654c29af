/// The text of one input file, kept so diagnostics can quote the line they point at.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics, usually the path as the user gave it.
    public let name: String
    /// The raw bytes, as read.
    public let bytes: [UInt8]
    /// Where each line starts in `bytes` (after a byte order mark, if any). Lines are found
    /// in the bytes, not the Characters: in Swift "\r\n" is one Character.
    private let lineStarts: [Int]

    /// Creates a source file from its display name and raw bytes.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// The text decoded as UTF-8 (invalid bytes replaced).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Creates a source file from its display name and text.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)[...]
    }

    /// The number of lines in the file.
    public var lineCount: Int { lineStarts.count }
}
