import Foundation
import Testing

@testable import AssessmentEngine

/// The byte-level pieces of the fast path against the String-based code they stand in for.
@Suite struct ByteLevelTests {
    @Test func numbersAreWrittenExactlyAsNumberTextFormatsThem() {
        var random = SeededRandom(seed: 11)
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, 2.5, 1.0 / 3, 2.0 / 3, 0.00005, 0.00004999, -0.00005, 1e15, 1e15 + 0.5,
        ]
        values += [123_456_789.123_45, 9e14 + 0.25, 899_999_999_999_999.9, 1e-300, .infinity, -.infinity, .nan]
        for _ in 0..<20_000 {
            let k = Double(Int.random(in: -2_000_000...2_000_000, using: &random))
            // Halves of the fourth decimal, thirds, sevenths and arbitrary doubles.
            values += [k / 20_000, k / 3, k / 7, Double.random(in: -1e6...1e6, using: &random)]
        }
        for value in values {
            var out = ByteBuffer(capacity: 8)
            defer { out.free() }
            out.appendNumber(value)
            #expect(String(decoding: out.bytes, as: UTF8.self) == NumberText.format(value), "\(value)")
        }
    }

    @Test func rankingRoundsAsRoundedDoesHalvesAwayFromZero() {
        var random = SeededRandom(seed: 14)
        var values: [Double] = [
            0, -0.0, 0.5e-9, -0.5e-9, 1.5e-9, 2.5e-9, -2.5e-9, 0x1p52 / 1e9, 1e300, -1e300, .infinity,
        ]
        for _ in 0..<50_000 {
            let k = Double(Int.random(in: -10_000_000...10_000_000, using: &random))
            values += [(k + 0.5) / 1e9, k / 3e9, Double.random(in: -10...10, using: &random)]
        }
        for value in values {
            #expect(LynchpinRanker.rounded(value).bitPattern == ((value * 1e9).rounded() / 1e9).bitPattern, "\(value)")
        }
    }

    /// The batch ranking compares influences in billionths instead of dividing them back:
    /// that must order any two values exactly as their rounded values are ordered.
    @Test func billionthsOrderValuesAsTheirRoundedValuesDo() {
        var random = SeededRandom(seed: 15)
        for _ in 0..<100_000 {
            let a = Double.random(in: 0...40, using: &random)
            // Near neighbours too: a tie after rounding, or one billionth apart.
            let b = [
                Double.random(in: 0...40, using: &random), a + Double.random(in: -2e-9...2e-9, using: &random),
                a.nextUp, (a * 1e9).rounded() / 1e9 + 0.5e-9,
            ][Int.random(in: 0..<4, using: &random)]
            let (x, y) = (LynchpinRanker.billionths(a), LynchpinRanker.billionths(b))
            let (p, q) = (LynchpinRanker.rounded(a), LynchpinRanker.rounded(b))
            #expect((x < y) == (p < q) && (x == y) == (p == q), "\(a) \(b)")
        }
    }

    /// Word tables are read for nearly every cell: two entries to a 64-byte cache line.
    @Test func wordTableEntriesAreThirtyTwoBytes() {
        #expect(MemoryLayout<WordTable.Entry>.stride == 32)
    }

    @Test func numbersAreReadExactlyAsDoubleReadsThemOrNotAtAll() {
        var random = SeededRandom(seed: 12)
        var texts = [
            "0", "-0", "007", "1.5", "-2.25", "0.1", "0.3", "123456789012345", "1234567890123456", "1.000000000000001",
        ]
        texts += ["1e3", "+1", ".5", "5.", "1.2.3", "-", "", "1,5", " 1", "0x10", "inf", "nan", "99999999999999999999"]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &random)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            if Bool.random(using: &random) {
                text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 1...digits, using: &random)))
            }
            if Bool.random(using: &random) { text = "-" + text }
            texts.append(text)
        }
        var read = 0
        for text in texts {
            var bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeMutableBufferPointer { ExactNumber.parse(UnsafeBufferPointer($0)) }
            guard let parsed else { continue }
            read += 1
            let reference = Double(text)
            #expect(
                reference?.bitPattern == parsed.bitPattern,
                "\(text): \(parsed) but Double says \(String(describing: reference))")
        }
        #expect(read > 15_000, "ordinary numbers are read: \(read)")
    }

    @Test func sixtyFourBytesAtOnceFindTheSameCommasAsOneAtATimeWhateverTheOtherBytes() {
        var random = SeededRandom(seed: 13)
        // Mostly plain bytes, with the ones that matter near the edges of each test.
        let interesting: [UInt8] = [
            0x00, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x2B, 0x2C, 0x2D, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xAC, 0xC3, 0xFF,
        ]
        for _ in 0..<20_000 {
            let bytes = (0..<64).map { _ in
                Bool.random(using: &random)
                    ? interesting.randomElement(using: &random)! : UInt8.random(in: 0x20...0x7E, using: &random)
            }
            let commas = bytes.enumerated().reduce(UInt64(0)) { $1.element == 0x2C ? $0 | 1 << UInt64($1.offset) : $0 }
            #expect(bytes.withUnsafeBytes { LineBytes.commas(at: $0.baseAddress!) } == commas, "\(bytes)")
            // The same test on one word, as the cell readers use it.
            let word = bytes[0..<8].enumerated().reduce(UInt64(0)) {
                $0 | UInt64($1.element) << UInt64(8 * $1.offset)
            }
            let highs = bytes[0..<8].enumerated().reduce(UInt64(0)) {
                $1.element == 0x2C ? $0 | 0x80 << UInt64(8 * $1.offset) : $0
            }
            #expect(LineBytes.equal(0x2C, word) == highs, "\(bytes[0..<8])")
            let plain = !bytes[0..<8].contains { $0 < 0x20 || $0 > 0x7E || $0 == 0x22 || $0 == 0x5C }
            #expect(Array(bytes[0..<8]).withUnsafeBufferPointer(LineBytes.arePlain) == plain, "\(bytes[0..<8])")
        }
    }

    @Test(arguments: [1, 7, 64, 1000])
    func blocksOfLinesFromAPipeEndAtLineBreaksAndLoseNothing(_ size: Int) throws {
        var random = SeededRandom(seed: UInt64(size))
        var text = ""
        for n in 0..<3000 {
            let length = [0, 1, 5, 40, 300][Int.random(in: 0..<5, using: &random)]
            text += String(repeating: Character(UnicodeScalar(UInt8(97 + n % 26))), count: length) + "\n"
        }
        text += "last line without a break"
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let data = Data(text.utf8)
        let thread = Thread {
            writer.write(data)
            try? writer.close()
        }
        thread.start()
        var reader = LineReader(fd: pipe.fileHandleForReading.fileDescriptor)
        var joined: [UInt8] = []
        var blocks = 0
        var buffer = ByteBuffer(capacity: 64)
        defer { buffer.free() }
        while reader.nextBlock(size, into: &buffer) {
            let block = Array(buffer.bytes)
            blocks += 1
            joined += block
            if joined.count < data.count { #expect(block.last == UInt8(ascii: "\n"), "a block ends at a line break") }
        }
        #expect(buffer.count == 0, "the end of the input leaves the block empty")
        #expect(joined == Array(data))
        #expect(blocks > 1)
    }
}
