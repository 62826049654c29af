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
    /// receives output bytes in order (the header first), `reject` each rejected record,
    /// `progress` the running count of records read.
    public func run(
        _ reader: inout LineReader, file: String, write: (UnsafeRawBufferPointer) -> Void,
        reject: (BatchReject) -> Void, progress: (Int) -> Void = { _ in }
    ) throws(BatchProblem) -> Counts {
        var first = reader.next(1)
        guard let headerLine = first.first else { throw .empty(file: file) }
        let jsonl = headerLine.first == UInt8(ascii: "{")
        let layout: BatchLayout
        if jsonl {
            layout = try BatchLayout(
                header: JSONLRecord.header(compiled, carry: carry), instrument: compiled, carry: carry,
                dropIdentifying: true, file: file)
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
        let kernel =
            RecordKernel.supports(compiled)
            ? RecordKernel(compiled, layout: layout, columns: columns, format: format, jsonl: jsonl) : nil
        let scorer = BatchPartScorer(
            kernel: kernel, general: BatchRecordScorer(compiled, layout: layout, columns: columns),
            rows: BatchRows(format: format, header: columns.header), layout: layout, jsonl: jsonl,
            dropIdentifying: dropIdentifying, compiled: compiled)
        var header = scorer.rows.header
        header.withUTF8 { write(UnsafeRawBufferPointer($0)) }

        // JSON Lines have no header: the first line was both the sign of them and a record.
        if jsonl { reader.putBack(headerLine) }
        var merge = BatchMerge(linesBefore: jsonl ? 0 : 1)
        // Two blocks in turn: while one is scored, the other's rows are written and the
        // next block is read into it.
        let sets = [BatchParts(jobs: jobs, scorer: scorer), BatchParts(jobs: jobs, scorer: scorer)]
        var blocks = [ByteBuffer(capacity: blockBytes + (1 << 16)), ByteBuffer(capacity: blockBytes + (1 << 16))]
        defer {
            for parts in sets { parts.free() }
            for block in blocks { block.free() }
        }
        var current = 0
        var previous: Int?
        var more = reader.nextBlock(blockBytes, into: &blocks[current])
        while more {
            sets[current].start(UnsafeBufferPointer(start: blocks[current].base, count: blocks[current].count))
            if let previous {
                sets[previous].merge(into: &merge, write: write, reject: reject)
                progress(merge.counts.read)
            }
            // The block just merged is free: the next one is read into it.
            more = reader.nextBlock(blockBytes, into: &blocks[1 - current])
            sets[current].finish()
            previous = current
            current = 1 - current
        }
        if let previous {
            sets[previous].merge(into: &merge, write: write, reject: reject)
            progress(merge.counts.read)
        }
        return merge.counts
    }

    /// Bytes of input scored per round; the unit of parallel work and of memory.
    let blockBytes = 2 << 20
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
