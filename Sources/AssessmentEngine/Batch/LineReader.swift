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

    /// Puts `line` back before what is still unread, as the next line to come.
    mutating func putBack(_ line: [UInt8]) {
        buffer.replaceSubrange(start..<start, with: line + [UInt8(ascii: "\n")])
    }

    /// Fills `block` with the next run of whole lines, about `size` bytes of them (more when
    /// one line is longer), each ending in a line break except perhaps the input's last;
    /// false, leaving `block` empty, at the end of the input. The block is the caller's, so
    /// one block can be scored while the next is read into another. At least
    /// ``RecordKernel/slack`` bytes past the block may be read, as the kernel reads past a line.
    mutating func nextBlock(_ size: Int, into block: inout ByteBuffer) -> Bool {
        block.removeAll()
        // What was read but not yet handed out (the start of a line, or lines after the header).
        buffer.withUnsafeBufferPointer { block.append(UnsafeBufferPointer(rebasing: $0[start...])) }
        buffer.removeAll(keepingCapacity: true)
        start = 0
        var searched = 0  // no line break in the block's bytes before this
        while true {
            if block.count >= size || finished {
                if let end = block.lastLineEnd(after: searched) {
                    // Keep the start of the next line for the next block.
                    buffer.append(contentsOf: block.bytes[end...])
                    block.keepFirst(end)
                    block.zeroSlack(RecordKernel.slack)  // its last line, too, may be read past its end
                    return true
                }
                if finished {
                    block.zeroSlack(RecordKernel.slack)
                    return block.count > 0
                }
                searched = block.count
            }
            if block.read(fd, upTo: max(size, 1 << 20)) < max(size, 1 << 20) { finished = true }
        }
    }

    /// Reads up to `chunk` more bytes (fewer only at the end of the input), keeping the
    /// unread lines; the buffer is grown once per call, however the reads split.
    private mutating func refill(_ chunk: Int) {
        buffer.removeFirst(start)
        start = 0
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let got = buffer.withUnsafeMutableBytes { Self.readFully(fd, into: $0.baseAddress! + old, upTo: chunk) }
        buffer.removeLast(chunk - got)
        if got < chunk { finished = true }
    }

    /// Reads up to `count` bytes from `fd` into `memory`, as many reads as it takes (fewer
    /// only at the end of the input, or on an error, which ends the input as a short read
    /// does); returns how many.
    static func readFully(_ fd: Int32, into memory: UnsafeMutableRawPointer, upTo count: Int) -> Int {
        var total = 0
        while total < count {
            let n = read(fd, memory + total, count - total)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            total += n
        }
        return total
    }
}
