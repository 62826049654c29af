import AssessmentEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input file, or standard input for `-`, read line by line.
struct InputStream {
    /// The name to use in messages: the path, or "standard input".
    let name: String
    private let fd: Int32

    /// Opens `path`, or prints why not and exits 66.
    init(_ path: String) throws {
        name = path == "-" ? "standard input" : path
        fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            Terminal.error("error: cannot read '\(path)': \(String(cString: strerror(errno)))")
            throw ExitCodes.cannotRead
        }
    }

    /// A reader over the whole input.
    func lines() -> LineReader { LineReader(fd: fd) }

    /// Closes a file (standard input stays open).
    func close() {
        if fd != STDIN_FILENO { _ = Glibc.close(fd) }
    }
}
