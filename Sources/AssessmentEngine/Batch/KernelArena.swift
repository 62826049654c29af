import QuestionnaireDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory for the fast path's tables, made once per run and freed together.
///
/// The tables are reached through plain pointers (``PackedStrings``, `UnsafePointer`), so
/// reading them in the loop over records costs no reference counting: arrays of arrays,
/// read there, were retained and released on every record, by every thread on the same
/// counters.
final class KernelArena: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// A copy of `values` that lives as long as the arena.
    func copy<T>(_ values: [T]) -> UnsafePointer<T> {
        let memory = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        memory.initialize(from: values, count: values.count)
        blocks.append(UnsafeMutableRawPointer(memory))
        return UnsafePointer(memory)
    }

    /// A copy of `values` starting on an `alignment`-byte boundary (a cache line, say), that
    /// lives as long as the arena.
    func aligned<T>(_ values: [T], to alignment: Int) -> UnsafePointer<T> {
        let memory = UnsafeMutableRawPointer.allocate(
            byteCount: max(values.count, 1) * MemoryLayout<T>.stride,
            alignment: max(alignment, MemoryLayout<T>.alignment))
        let typed = memory.bindMemory(to: T.self, capacity: max(values.count, 1))
        typed.initialize(from: values, count: values.count)
        blocks.append(memory)
        return UnsafePointer(typed)
    }

    /// For each length from 0 to 16, the masks of a word's first eight bytes and of the next
    /// eight (see ``WordTable/entry(_:count:)``): one table for all the arena's word tables.
    private(set) lazy var wordMasks: UnsafePointer<WordTable.Masks> = copy(
        (0...16).map { n in WordTable.Masks(head: PackedStrings.low(n), second: PackedStrings.low(max(n - 8, 0))) })

    /// A copy of `values`, as a buffer, that lives as long as the arena.
    func buffer<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: copy(values), count: values.count)
    }

    /// Byte strings laid end to end.
    func strings(_ strings: [[UInt8]]) -> PackedStrings {
        var starts = [0]
        for string in strings { starts.append(starts.last! + string.count) }
        let heads = strings.map { $0.withUnsafeBufferPointer(PackedStrings.head) }
        let lookup = PackedStrings.lookup(heads)
        return PackedStrings(
            bytes: copy(strings.flatMap { $0 } + [UInt8](repeating: 0, count: PackedStrings.spare)),
            starts: copy(starts),
            heads: copy(heads), count: strings.count,
            multiplier: lookup?.multiplier ?? 0, slots: lookup.map { copy($0.slots) })
    }

    /// Byte strings laid end to end, from text.
    func strings(_ texts: [String]) -> PackedStrings {
        strings(texts.map { Array($0.utf8) })
    }
}

/// Byte strings laid end to end in a ``KernelArena``: string `i` is
/// `bytes[starts[i]..<starts[i + 1]]`. The last is followed by ``spare`` bytes, so any of
/// them may be read eight bytes at a time (see ``ByteBuffer/append(_:_:)``).
struct PackedStrings: @unchecked Sendable {
    /// Bytes after the last string that may be read (and are zero): one whole copy of
    /// ``ByteBuffer/appendReserved(_:_:)``.
    static let spare = 32

    let bytes: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int>
    /// Each string's first eight bytes as one integer (little end first, zero-padded), so
    /// most comparisons are one compare.
    let heads: UnsafePointer<UInt64>
    let count: Int
    /// A small hash table from a head to the index of the only string that can have it:
    /// `slots[(head &* multiplier) >> 59]` (-1 for none); nil when no multiplier tried
    /// separates the heads, and the strings are then searched in turn.
    let multiplier: UInt64
    let slots: UnsafePointer<Int>?

    /// A multiplier that gives every head its own of 32 slots, and those slots.
    static func lookup(_ heads: [UInt64]) -> (multiplier: UInt64, slots: [Int])? {
        guard heads.count <= 16, let multiplier = separatingMultiplier(heads, bits: 5) else { return nil }
        var slots = [Int](repeating: -1, count: 32)
        for (i, head) in heads.enumerated() { slots[Int((head &* multiplier) >> 59)] = i }
        return (multiplier, slots)
    }

    /// A multiplier that sends each of `heads` to a slot of its own among 2^`bits`, slot
    /// `(head &* multiplier) >> (64 - bits)`; the same tries are made every run, and nil
    /// comes back when none of a thousand does (or two heads are equal).
    static func separatingMultiplier(_ heads: [UInt64], bits: Int) -> UInt64? {
        guard Set(heads).count == heads.count, heads.count <= 1 << bits else { return nil }
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<1000 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let multiplier = random | 1
            if Set(heads.map { ($0 &* multiplier) >> UInt64(64 - bits) }).count == heads.count { return multiplier }
        }
        return nil
    }

    /// The bytes of all the strings.
    var totalCount: Int { starts[count] }

    /// The length of the longest string (0 when there are none).
    var longest: Int { (0..<count).map { starts[$0 + 1] - starts[$0] }.max() ?? 0 }

    /// String `i`.
    @inline(__always)
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + starts[i], count: starts[i + 1] - starts[i])
    }

    /// The first eight bytes of `bytes` as one integer, as ``heads`` holds them.
    @inline(__always)
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let start = bytes.baseAddress else { return 0 }
        if bytes.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) }
        var head: UInt64 = 0
        for k in 0..<bytes.count { head |= UInt64(start[k]) << UInt64(8 * k) }
        return head
    }

    /// ``head(_:)`` of `bytes`, read as one load when `padded`: at least 16 bytes may be read
    /// from its start (as in a line with more cells after this one).
    @inline(__always)
    static func head(_ bytes: UnsafeBufferPointer<UInt8>, padded: Bool) -> UInt64 {
        guard padded, let start = bytes.baseAddress else { return head(bytes) }
        return UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) & low(bytes.count)
    }

    /// A mask of the low `n` bytes of a word (all of them from 8 on).
    @inline(__always)
    static func low(_ n: Int) -> UInt64 {
        n >= 8 ? ~0 : (1 &<< UInt64(8 &* n)) &- 1
    }

    /// The index of the string equal to `cell`, if any.
    @inline(__always)
    func index(of cell: UnsafeBufferPointer<UInt8>) -> Int? {
        index(of: cell, head: Self.head(cell), padded: false)
    }

    /// The index of the string equal to `cell`, whose ``head(_:)`` is `head`, if any;
    /// `padded` as for ``head(_:padded:)``.
    @inline(__always)
    func index(of cell: UnsafeBufferPointer<UInt8>, head: UInt64, padded: Bool) -> Int? {
        if let slots {
            let i = slots[Int((head &* multiplier) >> 59)]
            guard i >= 0, heads[i] == head, starts[i + 1] - starts[i] == cell.count else { return nil }
            return rest(of: i, equals: cell, padded: padded) ? i : nil
        }
        for i in 0..<count where heads[i] == head && starts[i + 1] - starts[i] == cell.count {
            if rest(of: i, equals: cell, padded: padded) { return i }
        }
        return nil
    }

    /// Whether string `i`, as long as `cell` and with the same first eight bytes, has the same
    /// bytes after them: one compare of the next eight when `padded` (the spare bytes make that
    /// read safe on this side).
    @inline(__always)
    private func rest(of i: Int, equals cell: UnsafeBufferPointer<UInt8>, padded: Bool) -> Bool {
        guard cell.count > 8, let start = cell.baseAddress else { return true }
        if padded, cell.count <= 16 {
            let mask = Self.low(cell.count - 8)
            let mine = UnsafeRawPointer(bytes + starts[i] + 8).loadUnaligned(as: UInt64.self)
            let theirs = UnsafeRawPointer(start + 8).loadUnaligned(as: UInt64.self)
            return (mine ^ theirs) & UInt64(littleEndian: mask) == 0
        }
        return memcmp(bytes + starts[i] + 8, start + 8, cell.count - 8) == 0
    }
}

extension KernelArena {
    /// `expression` as bytecode whose instructions live as long as the arena.
    func program(_ expression: CompiledExpression) -> BytecodeProgram {
        let bytecode = expression.bytecode
        return BytecodeProgram(bytecode, instructions: copy(bytecode.instructions))
    }
}
