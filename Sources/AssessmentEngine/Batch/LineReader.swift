#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out whole lines, one at a time or a
/// block of them at once, so memory stays bounded whatever the input's size.
public struct LineReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var start = 0
    var finished = false

    /// Reads from `fd` (not closed here).
    public init(fd: Int32) {
        self.fd = fd
    }

    /// Up to `limit` lines (without their line breaks); empty at the end of the input.
    /// A final line without a line break is still a line.
    public mutating func next(_ limit: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        while lines.count < limit {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(Array(buffer[start..<newline]))
                start = newline + 1
                continue
            }
            if finished {
                if start < buffer.count { lines.append(Array(buffer[start...])) }
                start = buffer.count
                break
            }
            refill(1 << 20)
        }
        return lines
    }

    /// Calls `body` with the next run of whole lines, about `size` bytes of them (more when
    /// one line is longer), each ending in a line break except perhaps the input's last;
    /// returns nil, without calling it, at the end of the input.
    public mutating func nextBlock<T>(_ size: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        var searched = start  // no line break in buffer[start..<searched]
        while true {
            if buffer.count - start >= size || finished {
                let from = searched
                let end = buffer.withUnsafeBufferPointer { bytes -> Int? in
                    var i = bytes.count
                    while i > from {
                        if bytes[i - 1] == UInt8(ascii: "\n") { return i }
                        i -= 1
                    }
                    return nil
                }
                if let end {
                    defer { start = end }
                    return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                }
                if finished {
                    guard start < buffer.count else { return nil }
                    defer { start = buffer.count }
                    return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start...])) }
                }
                searched = buffer.count
            }
            let offset = searched - start
            refill(max(size, 1 << 20))
            searched = start + offset
        }
    }

    /// Reads up to `chunk` more bytes (fewer only at the end of the input), keeping the
    /// unread lines; the buffer is grown once per call, however the reads split.
    private mutating func refill(_ chunk: Int) {
        buffer.removeFirst(start)
        start = 0
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let got = buffer.withUnsafeMutableBytes { raw -> Int in
            var total = 0
            while total < chunk {
                let n = read(fd, raw.baseAddress! + old + total, chunk - total)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                total += n
            }
            return total
        }
        buffer.removeLast(chunk - got)
        if got < chunk { finished = true }
    }
}
