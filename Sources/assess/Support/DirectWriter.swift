import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a large output file with direct I/O (`O_DIRECT`), from a thread of its own.
///
/// Written the usual way, every byte of a batch's output is first copied into the kernel's
/// page cache, which must find (and on a virtual machine often fault in) a fresh page for
/// every 4 KB, and later free them all again; on a machine that is busy scoring, that work
/// comes out of the scoring's time. Direct I/O hands the bytes to the disk from this
/// process's own memory instead, which costs the processor next to nothing. The bytes are
/// gathered into two aligned buffers of ``chunk`` bytes in turn: while one is filled, the
/// other is written by the writer thread, which mostly waits on the disk.
///
/// Where direct I/O is not to be had (a file system without it, a direct write refused with
/// `EINVAL`), or the disk cannot keep up (filling has waited on it for more than
/// ``patience`` seconds, and for more than a quarter of the time since the first write: a
/// slow disk, whose waits the page cache would hide), the rest of the file is written the
/// usual way. A disk that stalls now and then (a virtual disk discarding freed blocks can
/// pause for a few hundred milliseconds) is waited for: the page cache's cost is larger.
/// The bytes are the same either way, only the path they take differs. The file's last
/// bytes past a whole block are always written the usual way, as direct writes come in blocks.
final class DirectWriter: @unchecked Sendable {
    /// Bytes per buffer (a multiple of ``alignment``): large enough that a write is mostly
    /// the disk streaming, not the wait for each request.
    static let chunk = 1 << 22
    /// What direct writes are aligned to: the page size, which covers every disk's block.
    static let alignment = 4096
    /// How long, all told, filling may wait for the disk before the rest may go the usual way.
    static let patience: Double = 0.5

    private let fd: Int32
    private let buffers: [UnsafeMutableRawPointer]
    /// Bytes in each buffer to be written; -1 tells the writer thread to stop.
    private var lengths = [0, 0]
    /// Signalled when buffer `k` is written and may be filled again; this thread holds the
    /// filling one (buffer 0 to begin with). All start at 0 (buffer 1 is signalled free at
    /// once), as libdispatch refuses to free a semaphore left below its starting value.
    private let free = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    /// Signalled when buffer `k` is filled and may be written.
    private let full = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    private var filling = 0
    private var filled = 0
    /// Seconds spent waiting for the writer thread, and when the first buffer was handed to it.
    private var waited: Double = 0
    private var firstHandOff: UInt64 = 0
    /// The first error the writer thread met (an errno), read once its buffer is free again.
    private var failure: Int32 = 0
    private var direct = true
    private let finished = DispatchSemaphore(value: 0)

    /// A writer for `fd` with `O_DIRECT` set on it, or nil where it cannot be set.
    init?(fd: Int32) {
        guard DirectWriter.setDirect(fd, true) else { return nil }
        self.fd = fd
        buffers = (0..<2).map { _ in
            UnsafeMutableRawPointer.allocate(byteCount: DirectWriter.chunk, alignment: DirectWriter.alignment)
        }
        free[1].signal()
        let thread = Thread { [self] in writeChunks() }
        thread.name = "assess-output"
        thread.start()
    }

    /// Adds `bytes`; returns an errno when an earlier write failed, otherwise 0.
    func write(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = min(bytes.count - offset, DirectWriter.chunk - filled)
            (buffers[filling] + filled).copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            filled += n
            offset += n
            if filled == DirectWriter.chunk {
                let error = handOff(filled)
                if error != 0 { return error }
            }
        }
        return 0
    }

    /// Writes what is left and stops the writer thread; returns an errno, or 0. The file
    /// is left open.
    func finish() -> Int32 {
        let whole = filled / DirectWriter.alignment * DirectWriter.alignment
        let tail = filled - whole
        // This thread holds the filling buffer; once it holds the other too, the writer
        // thread is idle.
        let other = 1 - filling
        free[other].wait()
        if whole > 0 {
            // The whole blocks go direct; the tail moves to the other buffer.
            buffers[other].copyMemory(from: buffers[filling] + whole, byteCount: tail)
            lengths[filling] = whole
            full[filling].signal()
            filling = other
            free[1 - filling].wait()
        }
        if failure != 0 { return stop(failure) }
        if tail > 0 {
            clearDirect()
            if let error = DirectWriter.writeAll(fd, UnsafeRawBufferPointer(start: buffers[filling], count: tail)) {
                return stop(error)
            }
        }
        return stop(0)
    }

    /// Stops the writer thread without writing what is left, when the run failed.
    func abandon() {
        let other = 1 - filling
        free[other].wait()
        _ = stop(0)
    }

    /// Hands the filling buffer's first `count` bytes to the writer thread and takes the
    /// other buffer once it is written; returns an errno when a write failed, otherwise 0.
    private func handOff(_ count: Int) -> Int32 {
        lengths[filling] = count
        full[filling].signal()
        filling = 1 - filling
        filled = 0
        let start = DispatchTime.now().uptimeNanoseconds
        if firstHandOff == 0 { firstHandOff = start }
        free[filling].wait()
        if direct {
            let now = DispatchTime.now().uptimeNanoseconds
            waited += Double(now - start) / 1e9
            // The disk is slower than the scoring: the page cache takes the rest.
            if waited > DirectWriter.patience, waited * 4 > Double(now - firstHandOff) / 1e9 { clearDirect() }
        }
        return failure
    }

    /// Tells the writer thread to stop, waits for it, frees the buffers, and returns `error`.
    private func stop(_ error: Int32) -> Int32 {
        lengths[filling] = -1
        full[filling].signal()
        finished.wait()
        for buffer in buffers { buffer.deallocate() }
        return error
    }

    /// Writes the rest of the file through the page cache.
    private func clearDirect() {
        guard direct else { return }
        direct = false
        _ = DirectWriter.setDirect(fd, false)
    }

    /// The writer thread: buffer after buffer, in turn, until told to stop.
    private func writeChunks() {
        var k = 0
        while true {
            full[k].wait()
            let count = lengths[k]
            if count < 0 { break }
            if failure == 0 {
                let bytes = UnsafeRawBufferPointer(start: buffers[k], count: count)
                if let error = DirectWriter.writeAll(fd, bytes, retryBuffered: true) { failure = error }
            }
            free[k].signal()
            k = 1 - k
        }
        finished.signal()
    }

    /// Writes all of `bytes`; the errno when that fails. With `retryBuffered`, a direct
    /// write the file system refuses as `EINVAL` is tried again the usual way.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, retryBuffered: Bool = false) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EINVAL, retryBuffered, isDirect(fd), setDirect(fd, false) { continue }
                return code
            }
            offset += n
        }
        return nil
    }

    /// Sets or clears `O_DIRECT` on `fd`; false when that cannot be done.
    private static func setDirect(_ fd: Int32, _ on: Bool) -> Bool {
        guard let flag = directFlag else { return false }
        let flags = fcntl(fd, F_GETFL)
        return flags >= 0 && fcntl(fd, F_SETFL, on ? flags | flag : flags & ~flag) == 0
    }

    /// Whether `O_DIRECT` is set on `fd`.
    private static func isDirect(_ fd: Int32) -> Bool {
        guard let flag = directFlag else { return false }
        let flags = fcntl(fd, F_GETFL)
        return flags >= 0 && flags & flag != 0
    }

    /// `O_DIRECT`, which Swift's Glibc module does not spell (its value differs by processor).
    private static var directFlag: Int32? {
        #if os(Linux) && arch(x86_64)
            return 0o40_000
        #elseif os(Linux) && arch(arm64)
            return 0o200_000
        #else
            return nil
        #endif
    }
}
