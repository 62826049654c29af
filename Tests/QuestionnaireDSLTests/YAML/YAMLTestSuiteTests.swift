import Foundation
import Testing

@testable import QuestionnaireDSL

/// Runs every case of the official YAML test suite (see `shared/yaml-test-suite/README.md`).
///
/// A valid case must give exactly the suite's events and then read, or be refused only for
/// a documented limit. An error case must be refused with a located diagnostic. Where
/// libyaml itself parts from the suite, the case is listed in ``knownGaps``; the list must
/// match the failures exactly, so it cannot hide a new one or keep a fixed one.
@Suite struct YAMLTestSuiteTests {
    /// Where libyaml 0.2.5, a YAML 1.1 parser, parts from the suite (YAML 1.2). The reader
    /// builds on libyaml's events, so it inherits each of these.
    static let knownGaps: [String: YAMLSuiteDeviation] = [
        // Empty keys: libyaml wants a key before ':' (`: a` in a block mapping,
        // `[ : x ]` in a flow sequence, `? foo :,`).
        "2JQS": .rejectsValid, "6M2F": .rejectsValid, "CFD4": .rejectsValid, "FRK4": .rejectsValid,
        "M2N8/00": .rejectsValid, "NHX8": .rejectsValid, "NKF9": .rejectsValid, "S3PD": .rejectsValid,
        "SM9W/01": .rejectsValid, "UKK6/00": .rejectsValid,

        // Flow collections keep YAML 1.1's rules: a key on one line, ':' on the key's line
        // and followed by a space, no plain scalar starting with ':' or '?'
        // (`{"foo"\n: bar}`, `{x: :x}`, `"key"::value`, `[:x]`, `{ ?foo: bar }`).
        "4ABK": .rejectsValid, "4MUZ/00": .rejectsValid, "4MUZ/01": .rejectsValid,
        "4MUZ/02": .rejectsValid, "58MP": .rejectsValid, "5MUD": .rejectsValid, "5T43": .rejectsValid,
        "9SA2": .rejectsValid, "DBG4": .rejectsValid, "HM87/00": .rejectsValid, "K3WX": .rejectsValid,
        "NJ66": .rejectsValid, "UT92": .rejectsValid, "VJP3/01": .rejectsValid,
        "652Z": .differentEvents, "HM87/01": .differentEvents,

        // Tabs: YAML 1.2 allows a tab as separation inside a line and on a blank line;
        // libyaml refuses it there (`foo:\t bar`, `-\t-1`, `\t[`, a line holding one tab).
        "6BCT": .rejectsValid, "6CA3": .rejectsValid, "96NN/00": .rejectsValid,
        "96NN/01": .rejectsValid, "A2M4": .rejectsValid, "DK95/00": .rejectsValid,
        "DK95/03": .rejectsValid, "DK95/04": .rejectsValid, "Q5MG": .rejectsValid,
        "R4YG": .rejectsValid, "Y79Y/001": .rejectsValid, "Y79Y/010": .rejectsValid,

        // Anchor and alias names: libyaml allows only letters, digits, '-' and '_'
        // (`&a:`, `&😀`, `&:@*!$"<foo>:`); with `&an:chor` it ends the anchor at ':'.
        "2SXE": .rejectsValid, "8XYN": .rejectsValid, "W5VH": .rejectsValid, "Y2GN": .differentEvents,

        // Directives: YAML 1.2 ignores an unknown directive or a newer version with a
        // warning; libyaml refuses them (`%FOO bar`, `%YAML 1.3`, `%YAM 1.1`).
        "2LFX": .rejectsValid, "6LVF": .rejectsValid, "BEC7": .rejectsValid,
        "MUS6/05": .rejectsValid, "MUS6/06": .rejectsValid,

        // Documents: libyaml wants '---' before a document that follows '...', and refuses
        // a '...' with no document before it.
        "7Z25": .rejectsValid, "M7A3": .rejectsValid, "HWV9": .rejectsValid, "QT73": .rejectsValid,

        // Block scalars at indentation 0 (`--- >` then `line1`): libyaml ends the scalar
        // at a line starting with '#' or '%'.
        "DK3J": .rejectsValid, "FP8R": .rejectsValid, "W4TN": .rejectsValid,

        // A block scalar whose last line holds only spaces and no line break: libyaml
        // drops that line's line break from the value.
        "JEF9/02": .differentEvents, "L24T/01": .differentEvents,

        // Mistakes libyaml does not check. Its events carry no trace of them, so the
        // reader, which sees only events, could catch them only by scanning the text a
        // second time with YAML's lexical rules; it does not.
        // - a comment needs a space before '#' (`]#invalid`, `,#invalid`, `"value"#`, `>#`):
        "9JBA": .acceptsInvalid, "CVW2": .acceptsInvalid, "SU5Z": .acceptsInvalid, "X4QW": .acceptsInvalid,
        // - inside a block collection, the continuation lines of a flow collection or a
        //   quoted scalar must be indented more than the collection (`key: [a,\nb]`):
        "9C9N": .acceptsInvalid, "QB6E": .acceptsInvalid, "DK95/01": .acceptsInvalid,
        "Y79Y/003": .acceptsInvalid,
        // - a lone '-' is not a plain scalar (`[-]`):
        "G5U8": .acceptsInvalid, "YJV2": .acceptsInvalid,
        // - leading blank lines of a block scalar may not be indented more than its text:
        "S98Z": .acceptsInvalid,
    ]

    /// The number of cases in the suite at 6ad3d2c, so that a partial copy cannot pass.
    static let expectedCaseCount = 402

    @Test func suiteIsPresentAndComplete() {
        let found = FileManager.default.fileExists(atPath: YAMLTestSuite.directory.path)
        #expect(found, "the YAML test suite is missing at \(YAMLTestSuite.directory.path)")
        #expect(YAMLTestSuite.cases.count == Self.expectedCaseCount)
    }

    @Test(arguments: YAMLTestSuite.cases)
    func caseBehavesAsExpected(_ suiteCase: YAMLSuiteCase) {
        let verdict = YAMLSuiteVerdict.judge(suiteCase)
        let known = Self.knownGaps[suiteCase.id]
        #expect(
            verdict.deviation == known,
            "\(suiteCase.id) \(suiteCase.name): \(verdict.deviation?.rawValue ?? "conforms"), listed as \(known?.rawValue ?? "conforming"): \(verdict.detail)"
        )
    }

    @Test func knownGapsAreExactlyTheFailures() {
        let cases = YAMLTestSuite.cases
        let verdicts = cases.map(YAMLSuiteVerdict.judge)
        var failures: [String: YAMLSuiteDeviation] = [:]
        for (suiteCase, verdict) in zip(cases, verdicts) {
            if let deviation = verdict.deviation { failures[suiteCase.id] = deviation }
        }
        #expect(failures == Self.knownGaps)

        let valid = zip(cases, verdicts).filter { !$0.0.isError }.map(\.1)
        let invalid = zip(cases, verdicts).filter { $0.0.isError }.map(\.1)
        let validPassing = valid.filter { $0.deviation == nil }
        let invalidPassing = invalid.filter { $0.deviation == nil }
        let limitCounts = DiagnosticCode.allCases.compactMap { code -> String? in
            let n = validPassing.count { $0.limitCodes.contains(code) }
            return n == 0 ? nil : "\(code.rawValue) \(n)"
        }
        print(
            """
            YAML test suite: \(cases.count) cases, \(failures.count) known libyaml gaps
              valid: \(valid.count); events match and read: \(validPassing.count) \
            (read without error: \(validPassing.count { $0.limitCodes.isEmpty }); \
            refused by a documented limit: \(limitCounts.joined(separator: ", ")))
              error: \(invalid.count); refused with a located diagnostic: \(invalidPassing.count) \
            (libyaml rejects: \(invalidPassing.count(where: \.caughtByLibYAML)); \
            only the reader's own rules: \(invalidPassing.count { !$0.caughtByLibYAML }))
            """)
    }
}
