import Dispatch
import Foundation
import QuestionnaireDSL

/// Streams records through the scorer on every core, keeping output in input order.
///
/// Lines are read in chunks; each chunk is split across `jobs` threads and written back in
/// order, so memory depends on the chunk size, not on the input's. Every line read is
/// either scored or rejected with its reason: `read == scored + rejected` always.
public struct BatchRunner {
    /// What happened, for the closing count.
    public struct Counts: Sendable, Hashable {
        public var read = 0
        public var scored = 0
        public var rejected = 0
        /// Records made for another version of the instrument (`_version`), by version.
        public var otherVersions: [String: Int] = [:]

        /// No records yet.
        public init() {}
    }

    /// How the output is written.
    public enum OutputFormat: String, Sendable { case csv, jsonl }

    let compiled: CompiledInstrument
    let carry: [String]
    let dropIdentifying: Bool
    let format: OutputFormat
    let jobs: Int
    /// Lines scored per round; the unit of parallel work and of memory.
    let chunkLines = 8192
    /// Record ids remembered to find duplicates (the check covers this many records).
    public static let duplicateWindow = 250_000

    /// A runner for `compiled`.
    public init(
        _ compiled: CompiledInstrument, carry: [String] = [], dropIdentifying: Bool = false,
        format: OutputFormat = .csv, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.compiled = compiled
        self.carry = carry
        self.dropIdentifying = dropIdentifying
        self.format = format
        self.jobs = max(1, jobs)
    }

    /// Scores every record `reader` yields; `file` names the input in messages. `write`
    /// receives output text in order (the header first), `reject` each rejected record,
    /// `progress` the running count of records read.
    public func run(
        _ reader: inout LineReader, file: String, write: (String) -> Void, reject: (BatchReject) -> Void,
        progress: (Int) -> Void = { _ in }
    ) throws(BatchProblem) -> Counts {
        var first = reader.next(1)
        guard let headerLine = first.first else { throw .empty(file: file) }
        let jsonl = headerLine.first == UInt8(ascii: "{")
        let layout: BatchLayout
        var pending: [(line: Int, bytes: [UInt8])] = []
        if jsonl {
            layout = try BatchLayout(
                header: JSONLRecord.header(compiled, carry: carry), instrument: compiled, carry: carry,
                dropIdentifying: true, file: file)
            pending = [(1, headerLine)]
        } else {
            let header = try headerLine.withUnsafeBufferPointer { bytes throws(BatchProblem) in
                switch CSVRecord.cells(bytes) {
                case .success(let cells): return cells
                case .failure(let failure): throw .unreadableHeader(file: file, reason: CSVRecord.words(failure))
                }
            }
            layout = try BatchLayout(
                header: header, instrument: compiled, carry: carry, dropIdentifying: dropIdentifying, file: file)
        }
        first.removeAll()
        let columns = BatchColumns(compiled.instrument, carrying: carry)
        let scorer = BatchRecordScorer(compiled, layout: layout, columns: columns)
        let rows = BatchRows(format: format, header: columns.header)
        write(rows.header)

        var counts = Counts()
        var seen = Set<UInt64>()
        var lineNumber = 1
        while true {
            var lines = pending
            pending = []
            for bytes in reader.next(chunkLines - lines.count) {
                lineNumber += 1
                lines.append((lineNumber, bytes))
            }
            if lines.isEmpty { break }
            let outcomes = score(lines, scorer: scorer, layout: layout, jsonl: jsonl)
            for outcome in outcomes {
                counts.read += 1
                switch outcome.result {
                case .failure(let problem):
                    counts.rejected += 1
                    reject(problem)
                case .success(let cells):
                    if counts.read <= Self.duplicateWindow, !seen.insert(Self.hash(outcome.recordID)).inserted {
                        counts.rejected += 1
                        reject(
                            BatchReject(
                                line: outcome.line, recordID: outcome.recordID,
                                reason: "record_id '\(outcome.recordID)' appeared earlier in the input"))
                        continue
                    }
                    if let version = outcome.version, !version.isEmpty, version != compiled.instrument.version {
                        counts.otherVersions[version, default: 0] += 1
                    }
                    counts.scored += 1
                    write(rows.row(cells))
                }
            }
            progress(counts.read)
        }
        return counts
    }

    struct Outcome {
        var line: Int
        var recordID: String
        var version: String?
        var result: Result<[String], BatchReject>
    }

    /// Scores a chunk on `jobs` threads, each taking a contiguous slice; results in order.
    private func score(
        _ lines: [(line: Int, bytes: [UInt8])], scorer: BatchRecordScorer, layout: BatchLayout, jsonl: Bool
    )
        -> [Outcome]
    {
        let slices = min(jobs, max(1, lines.count / 64))
        let per = (lines.count + slices - 1) / slices
        let results = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: lines.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let dropIdentifying = self.dropIdentifying
        let compiled = self.compiled
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            for i in (slice * per)..<min(lines.count, (slice + 1) * per) {
                let (line, bytes) = lines[i]
                output[i] = Self.outcome(
                    line: line, bytes: bytes, scorer: scorer, layout: layout, jsonl: jsonl,
                    dropIdentifying: dropIdentifying, compiled: compiled)
            }
        }
        return results.map { $0! }
    }

    private static func outcome(
        line: Int, bytes: [UInt8], scorer: BatchRecordScorer, layout: BatchLayout, jsonl: Bool, dropIdentifying: Bool,
        compiled: CompiledInstrument
    ) -> Outcome {
        let cells: Result<[String], BatchReject>
        if jsonl {
            cells = JSONLRecord.cells(
                bytes, layout: layout, compiled: compiled, dropIdentifying: dropIdentifying, line: line)
        } else {
            cells = bytes.withUnsafeBufferPointer { CSVRecord.cells($0) }.mapError {
                BatchReject(line: line, recordID: "", reason: CSVRecord.words($0))
            }
        }
        switch cells {
        case .failure(let problem):
            return Outcome(line: line, recordID: problem.recordID, version: nil, result: .failure(problem))
        case .success(let cells):
            if cells == [""] {
                return Outcome(
                    line: line, recordID: "", version: nil,
                    result: .failure(BatchReject(line: line, recordID: "", reason: "the line is empty")))
            }
            let recordID = layout.recordID < cells.count ? cells[layout.recordID] : ""
            let version = layout.version.flatMap { $0 < cells.count ? cells[$0] : nil }
            return Outcome(line: line, recordID: recordID, version: version, result: scorer.score(cells, line: line))
        }
    }

    /// FNV-1a, 64 bits: record ids remembered compactly for the duplicate check.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// Output rows as CSV lines or JSON objects, one per line.
struct BatchRows {
    let format: BatchRunner.OutputFormat
    let header: String
    let names: [String]

    init(format: BatchRunner.OutputFormat, header: [String]) {
        self.format = format
        self.names = header
        self.header = format == .csv ? BatchColumns.csvLine(header) + "\n" : ""
    }

    func row(_ cells: [String]) -> String {
        switch format {
        case .csv:
            return BatchColumns.csvLine(cells) + "\n"
        case .jsonl:
            let fields = zip(names, cells).map { name, cell in
                JSONLRecord.quoted(name) + ":" + (cell.isEmpty ? "null" : JSONLRecord.quoted(cell))
            }
            return "{" + fields.joined(separator: ",") + "}\n"
        }
    }
}
