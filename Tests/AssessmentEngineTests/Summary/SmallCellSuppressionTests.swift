import AssessmentEngine
import Testing

@Suite struct SmallCellSuppressionTests {
    /// A table of `rows` × `columns` counts with row totals, column totals and a grand total,
    /// all published: the shape of a band table broken down by site.
    static func table(_ counts: [[Int]], minCell: Int) -> (SmallCellSuppression, [[Int]], [Int], [Int], Int) {
        var table = SmallCellSuppression(minCell: minCell)
        let cells = counts.map { row in row.map { table.add($0) } }
        let rowTotals = counts.map { table.add($0.reduce(0, +)) }
        let columnTotals = counts[0].indices.map { j in table.add(counts.map { $0[j] }.reduce(0, +)) }
        let grand = table.add(counts.joined().reduce(0, +))
        for (i, row) in cells.enumerated() { table.constrain(row, total: rowTotals[i]) }
        for j in counts[0].indices { table.constrain(cells.map { $0[j] }, total: columnTotals[j]) }
        table.constrain(rowTotals, total: grand)
        table.constrain(columnTotals, total: grand)
        return (table, cells, rowTotals, columnTotals, grand)
    }

    @Test func aLoneSmallCountInARowTakesAnotherWithIt() {
        var (table, cells, _, _, _) = Self.table([[3, 40, 57], [20, 30, 50]], minCell: 5)
        table.protect()
        #expect(table.shown(cells[0][0]) == "<5")
        let hiddenInRow = cells[0].filter { table.suppressed[$0] }.count
        #expect(hiddenInRow >= 2, "a row total would otherwise give the 3 away")
        let hiddenInColumn = cells.map { $0[0] }.filter { table.suppressed[$0] }.count
        #expect(hiddenInColumn >= 2, "so would the column total")
        #expect(table.shown(cells[1][2]) == "50" || table.suppressed[cells[1][2]])
    }

    @Test func zerosAreShownAndLargeTablesWithoutSmallCountsAreUntouched() {
        var (table, cells, _, _, _) = Self.table([[0, 40, 57], [20, 30, 50]], minCell: 5)
        table.protect()
        #expect(cells.joined().allSatisfy { !table.suppressed[$0] })
        #expect(table.shown(cells[0][0]) == "0")
    }

    @Test func noSuppressedCountCanBeWorkedOutFromPublishedOnes() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let rows = Int.random(in: 1...5, using: &random), columns = Int.random(in: 2...5, using: &random)
            let counts = (0..<rows).map { _ in
                (0..<columns).map { _ in
                    Bool.random(using: &random)
                        ? Int.random(in: 0...6, using: &random) : Int.random(in: 0...60, using: &random)
                }
            }
            var (table, cells, _, _, _) = Self.table(counts, minCell: 5)
            table.protect()
            for (i, row) in counts.enumerated() {
                for (j, count) in row.enumerated() where count > 0 && count < 5 {
                    #expect(table.suppressed[cells[i][j]], "primary suppression")
                }
            }
            for (parts, total) in table.constraints where !table.suppressed[total] {
                #expect(parts.filter { table.suppressed[$0] }.count != 1, "\(counts)")
            }
        }
    }
}
