/// A growable run of output bytes on memory it owns, written without per-byte checks of
/// uniqueness: the batch writes every output row through one of these.
///
/// A value type over a raw allocation, so it is passed `inout` and freed once with
/// ``free()``; copying it shares the memory (the batch never does).
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the buffer must not be used after.
    func free() { base.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The bytes written so far, with `slack` zero bytes after them that may be read (and
    /// are overwritten by the next append): for readers that load whole words or vectors,
    /// masking off what lies past the end.
    mutating func bytes(readablePast slack: Int) -> UnsafeBufferPointer<UInt8> {
        zeroSlack(slack)
        return UnsafeBufferPointer(start: base, count: count)
    }

    /// Makes the `slack` bytes after the ones written readable, as zeros (see ``bytes(readablePast:)``).
    mutating func zeroSlack(_ slack: Int) {
        reserve(slack)
        (base + count).initialize(repeating: 0, count: slack)
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    /// Forgets the bytes, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Forgets all but the first `n` bytes.
    mutating func keepFirst(_ n: Int) {
        precondition(n >= 0 && n <= count, "keeping \(n) of \(count) bytes")
        count = n
    }

    /// Where the last line break at or after `from` is, plus one; nil when there is none.
    func lastLineEnd(after from: Int) -> Int? {
        var i = count
        while i > from {
            if base[i - 1] == UInt8(ascii: "\n") { return i }
            i -= 1
        }
        return nil
    }

    /// Reads up to `chunk` bytes from `fd` onto the end (see ``LineReader/readFully(_:into:upTo:)``);
    /// returns how many.
    mutating func read(_ fd: Int32, upTo chunk: Int) -> Int {
        reserve(chunk)
        let got = LineReader.readFully(fd, into: base + count, upTo: chunk)
        count += got
        return got
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        if n <= 16 {
            // Cells are short: a plain loop beats a call to memmove.
            for i in 0..<n { base[count + i] = start[i] }
        } else {
            (base + count).update(from: start, count: n)
        }
        count += n
    }

    /// String `i` of `strings`, copied eight bytes at a time: the strings' spare bytes make
    /// reading past the end safe, and what is written past it lies beyond ``count``.
    @inline(__always)
    mutating func append(_ strings: PackedStrings, _ i: Int) {
        let start = strings.starts[i]
        let n = strings.starts[i + 1] - start
        reserve(n + 8)
        let from = UnsafeRawPointer(strings.bytes + start)
        let to = UnsafeMutableRawPointer(base + count)
        var offset = 0
        while offset < n {
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        count += n
    }

    /// String `i` of `strings`, into room already reserved for it and ``PackedStrings/spare``
    /// bytes more: it is copied that many bytes at a time (the strings' spare bytes make the
    /// reads safe), and what lands past its end is written over next. Nearly every string
    /// the rows are made of is shorter, so the copy is one load and one store, with no
    /// branch on its length that could go the wrong way.
    @inline(__always)
    mutating func appendReserved(_ strings: PackedStrings, _ i: Int) {
        let start = strings.starts[i]
        let n = strings.starts[i &+ 1] &- start
        let from = UnsafeRawPointer(strings.bytes + start)
        let to = UnsafeMutableRawPointer(base + count)
        var offset = 0
        repeat {
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: offset, as: SIMD32<UInt8>.self), toByteOffset: offset,
                as: SIMD32<UInt8>.self)
            offset &+= PackedStrings.spare
        } while offset < n
        count &+= n
    }

    /// One byte, into room already reserved for it.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let start = bytes.baseAddress { append(start, count: bytes.count) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { if let start = $0.baseAddress { append(start, count: $0.count) } }
    }

    /// `value` exactly as ``NumberText/format(_:)`` writes it (at most 4 decimals, no
    /// trailing zeros), with no String made on the way for any ordinary score.
    mutating func appendNumber(_ value: Double) {
        guard value.isFinite else { return append(NumberText.format(value)) }
        // Whole (as `value == value.rounded()` asks, but without a call into libm).
        if abs(value) < 1e15, value == LynchpinRanker.truncated(value) { return appendInteger(Int64(value)) }
        guard abs(value) * 10_000 < 9e18 else { return append(NumberText.format(value)) }
        let scaled = LynchpinRanker.roundedHalfAway(value * 10_000)
        if scaled < 0 { append(UInt8(ascii: "-")) }
        let magnitude = UInt64(abs(scaled))
        appendInteger(Int64(magnitude / 10_000))
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        reserve(digits)
        for i in stride(from: digits - 1, through: 0, by: -1) {
            base[count + i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        count += digits
    }

    /// A whole number in decimal.
    @inline(__always)
    mutating func appendInteger(_ value: Int64) {
        reserve(21)
        if value >= 0, value < 10 {  // most scores are one digit
            base[count] = UInt8(ascii: "0") + UInt8(value)
            count += 1
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        for i in stride(from: digits - 1, through: 0, by: -1) {
            base[count + i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }
}
