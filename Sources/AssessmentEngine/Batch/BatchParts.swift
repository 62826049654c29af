import Dispatch
import Foundation
import QuestionnaireDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one line became, in a part's output.
struct LineMark {
    /// The line's bytes within the block (without its line break).
    var lineStart: Int
    var lineEnd: Int
    /// Its row in the part's output; empty when rejected.
    var rowStart: Int
    var rowEnd: Int
    /// The record id's hash, for the duplicate check.
    var idHash: UInt64
    /// Index into the part's rejects, or -1.
    var reject: Int
    /// Index into the part's versions (another version than the instrument's), or -1.
    var version: Int
}

/// One thread's share of a block: its rows, and a mark per line, kept for the next block.
struct BatchPart {
    var output = ByteBuffer(capacity: 1 << 18)
    var marks: [LineMark] = []
    /// Rejects, with `line` counted from 1 within the part.
    var rejects: [BatchReject] = []
    var versions: [String] = []
    /// The block the marks' line positions refer to (valid until the next block).
    var block: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)

    mutating func reset(_ block: UnsafeBufferPointer<UInt8>) {
        output.removeAll()
        marks.removeAll(keepingCapacity: true)
        rejects.removeAll()
        versions.removeAll()
        self.block = block
    }
}

/// Scores the lines of one part: each through the fast ``RecordKernel`` where it can, and
/// otherwise through the general path, which scores what it can and names what is wrong.
struct BatchPartScorer: Sendable {
    /// The fast path (nil when the instrument does not allow it); its tables are only read,
    /// so every part shares it.
    let kernel: RecordKernel?
    let general: BatchRecordScorer
    let rows: BatchRows
    let layout: BatchLayout
    let jsonl: Bool
    let dropIdentifying: Bool
    let compiled: CompiledInstrument

    /// Scores every line of `bytes` (a run of whole lines within `part.block`) into `part`,
    /// with the fast path's working memory `scratch` (nil without a fast path).
    func score(_ bytes: UnsafeBufferPointer<UInt8>, _ part: inout BatchPart, _ scratch: inout RecordKernel.Scratch?) {
        guard let base = bytes.baseAddress, let blockBase = part.block.baseAddress else { return }
        // `self` holds the kernel throughout, so the lines use it without retaining it for
        // each (its reference count, which every thread would change, is one contended cache line).
        let kernel = self.kernel.map(Unmanaged.passUnretained)
        var i = 0
        while i < bytes.count {
            let lineEnd: Int
            if let newline = memchr(base + i, Int32(UInt8(ascii: "\n")), bytes.count - i) {
                lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = bytes.count
            }
            let line = UnsafeBufferPointer(rebasing: bytes[i..<lineEnd])
            let offset = blockBase.distance(to: base) + i
            var mark = LineMark(
                lineStart: offset, lineEnd: offset + line.count, rowStart: part.output.count, rowEnd: 0, idHash: 0,
                reject: -1, version: -1)
            if let kernel,
                case .written(let hash) = kernel._withUnsafeGuaranteedRef({
                    $0.score(line, &scratch!, into: &part.output)
                })
            {
                mark.idHash = hash
            } else {
                generalLine(line, line: part.marks.count + 1, &mark, &part)
            }
            mark.rowEnd = part.output.count
            part.marks.append(mark)
            i = lineEnd + 1
        }
    }

    /// One line through the general path (see ``BatchRecordScorer``).
    private func generalLine(
        _ bytes: UnsafeBufferPointer<UInt8>, line: Int, _ mark: inout LineMark, _ part: inout BatchPart
    ) {
        let cells: Result<[String], BatchReject>
        if jsonl {
            cells = JSONLRecord.cells(
                Array(bytes), layout: layout, compiled: compiled, dropIdentifying: dropIdentifying, line: line)
        } else {
            cells = CSVRecord.cells(bytes).mapError {
                BatchReject(line: line, recordID: "", reason: CSVRecord.words($0))
            }
        }
        let outcome = cells.flatMap { cells -> Result<[String], BatchReject> in
            if cells == [""] { return .failure(BatchReject(line: line, recordID: "", reason: "the line is empty")) }
            if let column = layout.version, column < cells.count, !cells[column].isEmpty,
                cells[column] != compiled.instrument.version
            {
                mark.version = part.versions.count
                part.versions.append(cells[column])
            }
            return general.score(cells, line: line)
        }
        switch outcome {
        case .failure(let problem):
            mark.reject = part.rejects.count
            part.rejects.append(problem)
            mark.version = -1
        case .success(let cells):
            mark.idHash = BatchMerge.hash(cells[layout.recordID])
            part.output.append(rows.row(cells))
        }
    }

    /// The record id of a line, for the message about a repeated id.
    func recordID(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let cells =
            jsonl
            ? (try? JSONLRecord.cells(
                Array(bytes), layout: layout, compiled: compiled, dropIdentifying: true, line: 0
            ).get())
            : (try? CSVRecord.cells(bytes).get())
        guard let cells, layout.recordID < cells.count else { return "" }
        return cells[layout.recordID]
    }
}

/// The parts of one block: a few per job, handed out one at a time to the threads scoring
/// the block, and merged in input order.
///
/// ``start(_:)`` sets the other jobs' threads to work on the block's parts; the calling
/// thread may then do other work (write the previous block's rows, read the next block)
/// before it joins in with ``finish()``. So no more threads are busy than there are jobs,
/// and no core waits while rows are written.
final class BatchParts: @unchecked Sendable {
    let scorer: BatchPartScorer
    /// In memory of their own, written by the threads scoring them.
    private let parts: UnsafeMutableBufferPointer<BatchPart>
    /// The fast path's working memory, one per thread (the calling thread's first).
    private let scratches: UnsafeMutableBufferPointer<RecordKernel.Scratch?>
    private let jobs: Int
    private let lock = NSLock()
    private var next = 0
    private var cuts: [Int] = []
    private var block = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private let working = DispatchGroup()

    /// Parts for `jobs` threads.
    init(jobs: Int, scorer: BatchPartScorer) {
        self.scorer = scorer
        self.jobs = jobs
        let count = jobs == 1 ? 1 : jobs * 16
        parts = .allocate(capacity: count)
        // Each its own (a BatchPart owns its output's memory, so it is never copied).
        for k in 0..<count { parts.initializeElement(at: k, to: BatchPart()) }
        scratches = .allocate(capacity: jobs)
        scratches.initialize(repeating: nil)
        for k in 0..<jobs { scratches[k] = scorer.kernel?.makeScratch() }
    }

    func free() {
        for part in parts { part.output.free() }
        for scratch in scratches { scratch?.free() }
        parts.deinitialize()
        parts.deallocate()
        scratches.deinitialize()
        scratches.deallocate()
    }

    /// Starts scoring `block` (whole lines, split at line breaks into the parts) on the other
    /// jobs' threads; the block must stay as it is until ``finish()`` returns.
    func start(_ block: UnsafeBufferPointer<UInt8>) {
        let count = parts.count
        var bounds = [0]
        for k in 1..<max(count, 1) {
            var cut = max(block.count * k / count, bounds[k - 1])
            while cut < block.count, cut > 0, block[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(block.count)
        cuts = bounds
        self.block = block
        next = 0
        for k in 0..<count { parts[k].reset(block) }
        for thread in 1..<max(jobs, 1) {
            DispatchQueue.global().async(group: working) { self.work(thread) }
        }
    }

    /// Scores parts on this thread until none is left, then waits for the other threads.
    func finish() {
        work(0)
        working.wait()
    }

    /// Takes parts, one at a time, and scores each with thread `thread`'s working memory.
    private func work(_ thread: Int) {
        while true {
            lock.lock()
            let k = next
            next += 1
            lock.unlock()
            guard k < parts.count else { return }
            guard cuts[k] < cuts[k + 1] else { continue }
            scorer.score(UnsafeBufferPointer(rebasing: block[cuts[k]..<cuts[k + 1]]), &parts[k], &scratches[thread])
        }
    }

    /// Hands the parts' rows, rejects and counts to `merge`, in input order; `write` and
    /// `reject` are as ``BatchRunner/run(_:file:write:reject:progress:)`` takes them.
    func merge(
        into merge: inout BatchMerge, write: (UnsafeRawBufferPointer) -> Void, reject: (BatchReject) -> Void
    ) {
        for part in parts { merge.take(part, scorer: scorer, write: write, reject: reject) }
    }
}

/// Puts the parts together in input order: the counts, the rejects with their input line,
/// the duplicate check, and the rows written on.
struct BatchMerge {
    var counts = BatchRunner.Counts()
    /// Lines before the current part (the header's, when there is one).
    var linesBefore: Int
    let seen = RecordIDSet(capacity: BatchRunner.duplicateWindow)

    init(linesBefore: Int) {
        self.linesBefore = linesBefore
    }

    mutating func take(
        _ part: BatchPart, scorer: BatchPartScorer, write: (UnsafeRawBufferPointer) -> Void,
        reject: (BatchReject) -> Void
    ) {
        let output = part.output.bytes
        var flushed = 0
        for (index, mark) in part.marks.enumerated() {
            let line = linesBefore + index + 1
            counts.read += 1
            if mark.reject >= 0 {
                var problem = part.rejects[mark.reject]
                problem.line = line
                counts.rejected += 1
                reject(problem)
                continue
            }
            if counts.read <= BatchRunner.duplicateWindow, !seen.insert(mark.idHash) {
                write(UnsafeRawBufferPointer(rebasing: output[flushed..<mark.rowStart]))
                flushed = mark.rowEnd
                let id = scorer.recordID(UnsafeBufferPointer(rebasing: part.block[mark.lineStart..<mark.lineEnd]))
                counts.rejected += 1
                reject(BatchReject(line: line, recordID: id, reason: "record_id '\(id)' appeared earlier in the input"))
                continue
            }
            if mark.version >= 0 { counts.otherVersions[part.versions[mark.version], default: 0] += 1 }
            counts.scored += 1
        }
        write(UnsafeRawBufferPointer(rebasing: output[flushed...]))
        linesBefore += part.marks.count
    }

    /// FNV-1a, 64 bits, over `text`'s bytes (as ``RecordKernel/hash(_:)``): record ids
    /// remembered compactly for the duplicate check.
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { RecordKernel.hash($0) }
    }
}
