import Foundation
import QuestionnaireDSL

/// The columns of one batch output row, and the reference way to fill them from an
/// ``AssessmentResult``.
///
/// This is the contract that `assess batch`, the compiled SQL and `assess summarize`
/// share: the fast batch path and every SQL dialect must produce exactly these bytes.
///
/// Columns, in order:
/// 1. `record_id`, then any carried columns, in the order asked for;
/// 2. `instrument`, `version`;
/// 3. for each need in instrument order: `<need>_score`, `<need>_band`, `<need>_status`;
/// 4. for each strength in instrument order: `<strength>_score`, `<strength>_band`, `<strength>_status`;
/// 5. `lynchpins` (in rank order), `tier0` (needs whose `urgent_if` holds), `safeguarding`
///    (rule ids), `flags` (responsivity rule ids), `her_view_differs` (need ids).
///
/// Lists are `;`-joined in instrument order unless said otherwise; numbers use
/// ``NumberText/format(_:)`` (at most 4 decimals, no trailing zeros); a need that is
/// not assessed has empty score and band cells; the status is `assessed` or `not_assessed`.
public struct BatchColumns: Sendable, Hashable {
    /// The header cells, in order.
    public let header: [String]
    /// The carried column names, in order.
    public let carried: [String]

    /// The columns for an instrument, with the named input columns carried through.
    public init(_ instrument: Instrument, carrying carried: [String] = []) {
        self.carried = carried
        var header = ["record_id"] + carried + ["instrument", "version"]
        for id in instrument.needs.map(\.id) + instrument.strengths.map(\.id) {
            header += ["\(id)_score", "\(id)_band", "\(id)_status"]
        }
        header += ["lynchpins", "tier0", "safeguarding", "flags", "her_view_differs"]
        self.header = header
    }

    /// The cells of one record's row, before CSV quoting.
    ///
    /// - Parameters:
    ///   - recordID: the record's id, as read.
    ///   - carriedValues: the carried cells, in the order of ``carried``.
    ///   - result: the record's assessment.
    public func cells(recordID: String, carriedValues: [String], result: AssessmentResult) -> [String] {
        precondition(carriedValues.count == carried.count, "one value per carried column")
        var cells = [recordID] + carriedValues + [result.instrument.id, result.instrument.version]
        for need in result.needs {
            cells += [need.score.map(NumberText.format) ?? "", need.band ?? "", need.status.rawValue]
        }
        for strength in result.strengths {
            cells += [strength.score.map(NumberText.format) ?? "", strength.band ?? "", strength.status.rawValue]
        }
        cells += [
            result.lynchpins.joined(separator: ";"),
            result.tier0.joined(separator: ";"),
            result.safeguarding.map(\.id).joined(separator: ";"),
            result.flags.map(\.id).joined(separator: ";"),
            result.herViewDiffers.joined(separator: ";"),
        ]
        return cells
    }

    /// One CSV line (RFC 4180 quoting where a cell needs it), without the line break.
    public static func csvLine(_ cells: [String]) -> String {
        cells.map(csvCell).joined(separator: ",")
    }

    /// A cell quoted when it holds a comma, a quote, or a line break.
    public static func csvCell(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
