import Foundation
import QuestionnaireDSL

/// Scores one record's cells into one output row, or says why it cannot.
///
/// Cells follow DESIGN.md's batch format: an option code (or its value), `yes`/`no`,
/// multiple choices joined by `;`, a number, `declined`, `dont_know`; an empty cell is
/// unanswered. The record is scored exactly as `assess score` scores the same answers.
public struct BatchRecordScorer: Sendable {
    let compiled: CompiledInstrument
    let layout: BatchLayout
    let columns: BatchColumns
    let assessor: Assessor
    let builder: ResponseBuilder
    let codec: BatchSlotCodec

    /// A scorer for records laid out as `layout`, writing `columns`.
    public init(_ compiled: CompiledInstrument, layout: BatchLayout, columns: BatchColumns) {
        self.compiled = compiled
        self.layout = layout
        self.columns = columns
        self.assessor = Assessor(compiled)
        self.builder = ResponseBuilder(compiled)
        self.codec = BatchSlotCodec(compiled)
    }

    /// The output cells for `cells` read from input line `line`, or why not.
    public func score(_ cells: [String], line: Int) -> Result<[String], BatchReject> {
        let recordID = layout.recordID < cells.count ? cells[layout.recordID] : ""
        func reject(_ reason: String) -> Result<[String], BatchReject> {
            .failure(BatchReject(line: line, recordID: recordID, reason: reason))
        }
        guard cells.count == layout.header.count else {
            return reject("it has \(cells.count) cells, but the header has \(layout.header.count)")
        }
        guard !recordID.isEmpty else { return reject("its record_id is empty") }
        let priorities =
            layout.priorities.map { cells[$0].split(separator: ";").map { String($0) } } ?? []
        let responses: Responses
        if let fast = codec.responses(cells, layout: layout, priorities: priorities) {
            responses = fast
        } else {
            switch general(cells, line: line, priorities: priorities) {
            case .success(let built): responses = built
            case .failure(let reason): return reject(reason.message)
            }
        }
        return .success(
            columns.cells(
                recordID: recordID, carriedValues: layout.carried.map { cells[$0] }, responses: responses,
                assessor: assessor))
    }

    /// The responses through ``ResponseBuilder``, which says exactly what is wrong with a record.
    func general(_ cells: [String], line: Int, priorities: [String]) -> Result<Responses, CellProblem> {
        var entries: [AnswerEntry] = []
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            guard let itemIndex = layout.itemOfColumn[column] else { continue }
            switch Self.value(cell, for: compiled.items[itemIndex]) {
            case .success(let value):
                entries.append(
                    AnswerEntry(
                        item: layout.header[column], value: value, location: .init(line: line, column: column + 1)))
            case .failure(let problem):
                return .failure(problem)
            }
        }
        let (responses, diagnostics) = builder.build(entries, priorities: priorities, file: "record")
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            return .failure(CellProblem(message: error.message))
        }
        return .success(responses)
    }

    struct CellProblem: Error {
        var message: String
    }

    /// The answer a cell gives to `item`.
    static func value(_ cell: String, for item: Item) -> Result<AnswerValue, CellProblem> {
        switch cell {
        case "declined": return .success(.declined)
        case "dont_know": return .success(.dontKnow)
        default: break
        }
        switch item.type {
        case .yesNo:
            switch cell {
            case "yes": return .success(.boolean(true))
            case "no": return .success(.boolean(false))
            default: return .failure(CellProblem(message: "'\(cell)' for '\(item.id)' is not yes or no"))
            }
        case .choice, .scale:
            if item.options.contains(where: { $0.code == cell }) { return .success(.code(cell)) }
            if let number = Double(cell) { return .success(.number(number)) }
            return .failure(notAnOption(cell, item))
        case .multiChoice:
            let codes = cell.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if let unknown = codes.first(where: { code in !item.options.contains { $0.code == code } }) {
                return .failure(notAnOption(unknown, item))
            }
            return .success(.codes(codes))
        case .number:
            guard let number = Double(cell), number.isFinite else {
                return .failure(CellProblem(message: "'\(cell)' for '\(item.id)' is not a number"))
            }
            return .success(.number(number))
        case .text, .date:
            return .success(.text(cell))
        }
    }

    private static func notAnOption(_ cell: String, _ item: Item) -> CellProblem {
        CellProblem(
            message: "'\(cell)' is not an option of '\(item.id)' (its codes: "
                + item.options.map(\.code).joined(separator: ", ") + ")")
    }
}
