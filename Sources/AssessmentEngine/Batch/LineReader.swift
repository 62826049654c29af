#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out whole lines, so memory stays
/// bounded whatever the input's size.
public struct LineReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var start = 0
    var finished = false
    /// Lines handed out so far.
    public private(set) var lineNumber = 0

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
            refill()
        }
        lineNumber += lines.count
        return lines
    }

    private mutating func refill() {
        buffer.removeFirst(start)
        start = 0
        let chunk = 1 << 20
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let got = buffer.withUnsafeMutableBytes { raw -> Int in
            var n: Int
            repeat { n = read(fd, raw.baseAddress! + old, chunk) } while n < 0 && errno == EINTR
            return n
        }
        buffer.removeLast(chunk - max(got, 0))
        if got <= 0 { finished = true }
    }
}
