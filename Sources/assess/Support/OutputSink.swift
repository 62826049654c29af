import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered output file (created 0600, because outputs hold answers or results) or
/// standard output.
final class OutputSink {
    private let fd: Int32
    private let owned: Bool
    private var buffer: [UInt8] = []

    /// Standard output when `path` is nil or `-`; otherwise the file, created 0600 (an
    /// existing file is replaced only when `replacing`); prints why not and exits 73 when it
    /// cannot be created.
    init(path: String?, replacing: Bool = true) throws {
        guard let path, path != "-" else {
            fd = STDOUT_FILENO
            owned = false
            return
        }
        fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL), 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            let hint = errno == EEXIST ? "\nhint: choose another name, or add --force to replace it" : ""
            Terminal.error("error: cannot write '\(path)': \(reason)\(hint)")
            throw ExitCodes.cannotWrite
        }
        _ = fchmod(fd, 0o600)
        owned = true
        buffer.reserveCapacity(1 << 20)
    }

    /// Adds `text`, writing out once a megabyte has gathered.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Adds `bytes`, writing out once a megabyte has gathered; a large run of bytes (a block
    /// of batch rows) is written as it is, without a copy.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count < 1 << 16 else {
            flush()
            return writeAll(bytes)
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes what has gathered.
    func flush() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes`, or says why not and exits 74 (0 when the reader has gone, as
    /// `head` does).
    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                Terminal.error("error: cannot write the output: \(String(cString: strerror(errno)))")
                exit(74)
            }
            offset += n
        }
    }

    /// Flushes and closes an owned file.
    func close() {
        flush()
        if owned { _ = Glibc.close(fd) }
    }
}

extension OutputSink {
    /// Writes `text` to `path` (`-` is standard output) in one go; an existing file is
    /// replaced only when `replacing`.
    static func write(_ text: String, to path: String, replacing: Bool) throws {
        let sink = try OutputSink(path: path, replacing: replacing)
        sink.write(text)
        sink.close()
    }
}
