/// Small-number suppression for published counts, with secondary suppression so that no
/// suppressed count can be worked out from the totals and the counts still shown.
///
/// Counts from 1 to `minCell − 1` are suppressed (primary); zeros are shown. Every set of
/// counts that adds up to a published total is a constraint. Then, until nothing changes:
/// for each constraint whose total is shown and which has exactly one suppressed count,
/// the smallest count still shown in it (non-zero first) is suppressed too (secondary).
/// At the end, no shown total has exactly one suppressed count among its parts, so no
/// suppressed count is the difference of shown ones.
public struct SmallCellSuppression: Sendable {
    /// Counts below this (and above 0) are suppressed.
    public let minCell: Int
    /// The counts, by cell number.
    public private(set) var counts: [Int] = []
    /// Whether each cell is suppressed.
    public private(set) var suppressed: [Bool] = []
    /// Each constraint: the cells that add up to `total`.
    public private(set) var constraints: [(parts: [Int], total: Int)] = []

    /// An empty table with the given threshold.
    public init(minCell: Int) {
        self.minCell = minCell
    }

    /// Adds a count; returns its cell number.
    public mutating func add(_ count: Int) -> Int {
        counts.append(count)
        suppressed.append(count > 0 && count < minCell)
        return counts.count - 1
    }

    /// Records that the cells `parts` add up to the cell `total`.
    public mutating func constrain(_ parts: [Int], total: Int) {
        constraints.append((parts, total))
    }

    /// Applies secondary suppression until every constraint is safe.
    public mutating func protect() {
        var changed = true
        while changed {
            changed = false
            for (parts, total) in constraints where !suppressed[total] {
                guard parts.filter({ suppressed[$0] }).count == 1 else { continue }
                let open = parts.filter { !suppressed[$0] }
                let pick = open.filter { counts[$0] > 0 }.min { counts[$0] < counts[$1] } ?? open.first
                if let pick {
                    suppressed[pick] = true
                } else {
                    suppressed[total] = true
                }
                changed = true
            }
        }
    }

    /// The count as published: the number, or `<minCell` when suppressed.
    public func shown(_ cell: Int) -> String {
        suppressed[cell] ? "<\(minCell)" : String(counts[cell])
    }
}
