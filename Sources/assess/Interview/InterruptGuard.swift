#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C pauses the interview instead of losing it: the handler prints how to resume and
/// exits with the pause code. While an event is being written it waits for the write to
/// finish, so the answer just given is never half-kept.
enum InterruptGuard {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0
    nonisolated(unsafe) private static var writing: sig_atomic_t = 0
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0

    /// Installs the handler; `message` is what Ctrl-C prints before exiting with `code`.
    static func install(message text: String) {
        let bytes = Array(("\n" + text + "\n").utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        message = buffer
        messageLength = bytes.count - 1
        signal(SIGINT) { _ in
            if InterruptGuard.writing != 0 {
                InterruptGuard.pending = 1
            } else {
                InterruptGuard.leave()
            }
        }
    }

    /// Runs `body` (a journal write) with Ctrl-C held back until it is done.
    static func whileWriting(_ body: () -> Void) {
        writing = 1
        body()
        writing = 0
        if pending != 0 { leave() }
    }

    private static func leave() {
        if let message { _ = write(STDOUT_FILENO, message, messageLength) }
        _exit(75)
    }
}
