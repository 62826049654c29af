import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered output file (created 0600, because outputs hold answers or results) or
/// standard output.
///
/// A regular file is written out of sight and put in place by ``close()`` (see
/// ``StagedFile``): a run that fails or is stopped leaves whatever was there before.
final class OutputSink {
    private let fd: Int32
    private let owned: Bool
    private let staged: StagedFile?
    private var buffer: [UInt8] = []

    /// Standard output when `path` is nil or `-`; otherwise the file, created 0600 (an
    /// existing file is replaced only when `replacing`); prints why not and exits 73 when it
    /// cannot be created.
    init(path: String?, replacing: Bool = true) throws {
        guard let path, path != "-" else {
            fd = STDOUT_FILENO
            owned = false
            staged = nil
            return
        }
        switch StagedFile.open(path, replacing: replacing) {
        case .success(let file):
            fd = file.fd
            staged = file
        case .failure(let error):
            throw OutputSink.cannotCreate(path, error.errno)
        case nil:
            fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL), 0o600)
            guard fd >= 0 else { throw OutputSink.cannotCreate(path, errno) }
            _ = fchmod(fd, 0o600)
            staged = nil
        }
        owned = true
        buffer.reserveCapacity(1 << 20)
    }

    /// Says why `path` cannot be created (`code`, an errno), and gives the exit code.
    private static func cannotCreate(_ path: String, _ code: Int32) -> ExitCode {
        let hint = code == EEXIST ? "\nhint: choose another name, or add --force to replace it" : ""
        Terminal.error("error: cannot write '\(path)': \(String(cString: strerror(code)))\(hint)")
        return ExitCodes.cannotWrite
    }

    /// Adds `text`, writing out once a megabyte has gathered.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Adds `bytes`, writing out once a megabyte has gathered; a large run of bytes (a part
    /// of a block of batch rows) is written as it is, without a copy.
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

    /// Writes all of `bytes`, or says why not and exits 73, leaving an earlier file as it
    /// was (0 when the reader has gone, as `head` does).
    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                fail("cannot write the output: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Flushes and closes an owned file, putting a staged one in place.
    func close() {
        flush()
        guard owned else { return }
        guard let staged else {
            _ = Glibc.close(fd)
            return
        }
        if case .failure(let error) = staged.commit() {
            fail("cannot put the output in place at '\(staged.path)': \(error.reason)")
        }
    }

    /// Closes an owned file without keeping what was written to it, when the run failed: a
    /// staged file disappears (an earlier file at its path is kept); one written in place
    /// stays as far as it got.
    func discard() {
        guard owned else { return }
        if let staged { staged.discard() } else { _ = Glibc.close(fd) }
    }

    /// Says what went wrong, drops a staged file, and exits 73.
    private func fail(_ message: String) -> Never {
        staged?.discard()
        Terminal.error("error: \(message)")
        exit(ExitCodes.cannotWrite.rawValue)
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
