import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing files that hold answers or results: created 0600, never replacing a file unless asked.
enum PrivateOutput {
    /// Writes `text` to `path` (`-` is standard output), or prints why not and exits 73.
    static func write(_ text: String, to path: String, replacing: Bool) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            let hint = errno == EEXIST ? "\nhint: choose another name, or add --force to replace it" : ""
            Terminal.error("error: cannot write '\(path)': \(reason)\(hint)")
            throw ExitCodes.cannotWrite
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        handle.write(Data(text.utf8))
    }
}
