/// A fixed set of option or band indexes, tested with one shift and mask, for `in [...]`.
struct CodeMask: Sendable {
    private let words: [UInt64]

    /// Creates the mask of the given (non-negative) indexes.
    init(_ indexes: [Int]) {
        var words = [UInt64](repeating: 0, count: (indexes.max() ?? -1) / 64 + 1)
        for index in indexes { words[index >> 6] |= 1 << UInt64(index & 63) }
        self.words = words
    }

    /// Whether the index is in the set; -1 (no code) never is.
    @inline(__always)
    func contains(_ index: Int32) -> Bool {
        let i = Int(index)
        guard i >= 0, i >> 6 < words.count else { return false }
        return words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
}
