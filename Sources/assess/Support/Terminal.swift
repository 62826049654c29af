import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the terminal can do, decided once per run.
enum Terminal {
    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static func colourEnabled(for fd: Int32 = STDOUT_FILENO) -> Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(fd) == 1
    }

    /// Writes to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
