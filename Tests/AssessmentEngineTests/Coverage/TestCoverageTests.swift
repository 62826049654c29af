import AssessmentEngine
import Foundation
import QuestionnaireDSL
import Testing

@Suite struct TestCoverageTests {
    /// Four cases that leave one thing uncovered, or two, in every category.
    static let text = Fixture.instrument(
        """
        sections:
          - id: about
            title: About
            items:
              - {id: name, prompt: Your name, type: text, identifying: true}
              - {id: has_partner, prompt: Do you have a partner?, type: yes_no}
              - {id: afraid, prompt: Are you afraid of your partner?, type: yes_no, show_if: has_partner}
              - id: mood
                prompt: How is your mood?
                type: choice
                options: [{code: good, label: Good, value: 0}, {code: low, label: Low, value: 2}]
              - id: reasons
                prompt: What is behind your drinking?
                type: multi_choice
                options: [{code: partner, label: My partner}, {code: grief, label: Grief}, {code: pain, label: Pain}]
              - {id: nights, prompt: Nights with nowhere safe to sleep, type: number, min: 0, max: 7}
              - {id: notes, prompt: Anything else?, type: text}
          - id: custody
            title: Custody
            show_if: nights >= 5
            items:
              - {id: first_time, prompt: Is this your first time inside?, type: yes_no}
        needs:
          - id: relationships
            title: Relationships
            target: family_relationships
            score: afraid * 4
            max: 4
            bands: {low: 0, high: 2}
            urgent_if: afraid
          - id: substance_use
            title: Drinking
            target: substance_misuse
            score: count(reasons) + mood
            max: 5
            bands: {low: 0, moderate: 2, high: 4}
          - id: housing
            title: Housing
            target: resettlement
            score: nights
            max: 7
            bands: {low: 0, high: 1, beyond: 9}
        strengths:
          - {id: hope, title: Hope, score: 2 - mood, max: 2, bands: {none: 0, some: 1}}
        drivers:
          - {from: relationships, to: substance_use, weight: 0.8, when: reasons has 'partner', because: Her partner.}
          - {from: housing, to: substance_use, weight: 0.5, because: No home.}
          - {from: substance_use, to: housing, weight: 0.5, when: reasons has 'pain', because: Pain.}
          - {from: relationships, to: housing, weight: 0.5, when: nights >= 1, because: Leaving.}
        responsivity:
          - {id: low_mood, when: mood == 'low', advice: Go gently., supports: [substance_use]}
          - {id: check_in, when: nights < 7 and (afraid or not has_partner), advice: Check in., supports: [housing]}
        safeguarding:
          - {id: abuse_now, when: afraid, action: Follow the procedure today.}
          - {id: nowhere_tonight, when: nights >= 3, action: Find somewhere tonight.}
        tests:
          - name: quiet
            answers: {has_partner: no, mood: good, reasons: [grief], nights: 0}
            expect: {bands: {relationships: low, substance_use: low, housing: low, hope: some}}
          - name: her partner drives her drinking
            answers: {has_partner: yes, afraid: yes, mood: low, reasons: [partner, grief], nights: 0}
            expect: {bands: {relationships: high, substance_use: high, hope: none}, lynchpin: [relationships]}
          - name: fear declined
            answers: {has_partner: yes, afraid: declined, mood: good, reasons: [grief], nights: 2}
            expect: {statuses: {relationships: not_assessed}, bands: {housing: high}}
          - name: no home drives her drinking
            answers: {has_partner: no, mood: low, reasons: [partner, grief], nights: 1}
            expect: {lynchpin: [substance_use], bands: {housing: high}}
        """)

    static func coverage(_ text: String = text) throws -> (TestCoverage, CompiledInstrument) {
        let compiled = try Fixture.compile(text)
        let cases = InstrumentTestRunner(compiled).runAll()
        #expect(cases.allSatisfy { $0.passed }, "\(cases.filter { !$0.passed }.map { ($0.name, $0.mismatches) })")
        return (TestCoverage(compiled, cases: cases), compiled)
    }

    /// Each gap as `subject | never | hint`.
    static func words(_ gaps: [CoverageGap]) -> [String] {
        gaps.map { "\($0.subject) | \($0.never.rawValue) | \($0.hint)" }
    }

    @Test func countsEveryCategory() throws {
        let (coverage, _) = try Self.coverage()
        #expect(coverage.cases == 4)
        #expect(coverage.categories.map(\.category) == CoverageCategory.Kind.allCases)
        #expect(coverage.categories.map(\.covered) == [5, 4, 8, 8, 2])
        #expect(coverage.categories.map(\.total) == [7, 5, 10, 10, 4])
        #expect((coverage.covered, coverage.total) == (27, 36))
        #expect(coverage.percent == 75)
        #expect(coverage.file == "t.yaml")
        #expect(coverage.instrument == "example")
    }

    @Test func itemsNeverAnswered() throws {
        let (coverage, compiled) = try Self.coverage()
        let gaps = try #require(coverage.category(.items)).uncovered
        #expect(
            Self.words(gaps) == [
                "'notes' | answered | asked in 4 tests but never answered; add a test that answers it",
                "'first_time' | answered | hidden in every test (show_if: nights >= 5); add one where it is asked and answered",
            ])
        #expect(gaps.map(\.id) == ["notes", "first_time"])
        #expect(
            gaps.map(\.location)
                == ["notes", "first_time"].map { id in compiled.items.first { $0.id == id }!.location })
    }

    @Test func identifyingItemsAreExemptAndListed() throws {
        let (coverage, compiled) = try Self.coverage()
        #expect(coverage.exempt.map(\.item) == ["name"])
        #expect(
            coverage.exempt.first.map { SourceLocation(line: $0.line, column: $0.column) } == compiled.items[0].location
        )
        #expect(!coverage.uncovered.contains { $0.id == "name" })
    }

    @Test func optionsNeverChosen() throws {
        let (coverage, compiled) = try Self.coverage()
        let gaps = try #require(coverage.category(.options)).uncovered
        #expect(
            Self.words(gaps) == ["'reasons' option 'pain' | chosen | add a test that answers 'reasons' with 'pain'"])
        #expect(gaps.map(\.option) == ["pain"])
        let reasons = try #require(compiled.items.first { $0.id == "reasons" })
        #expect(gaps.first?.location == reasons.options[2].location, "an inline option points at itself")
    }

    @Test func bandsNeverReached() throws {
        let (coverage, compiled) = try Self.coverage()
        let gaps = try #require(coverage.category(.bands)).uncovered
        #expect(
            Self.words(gaps) == [
                "need 'substance_use' band 'moderate' | reached | add a test where 'substance_use' scores at least 2 and below 4",
                "need 'housing' band 'beyond' | reached | cannot be reached: its lower bound 9 is above the highest score, 7",
            ])
        let needs = compiled.instrument.needs
        #expect(gaps.map(\.location) == [needs[1].bands[1].location, needs[2].bands[2].location])
    }

    @Test func rulesNeverFiredOrNeverSilent() throws {
        let (coverage, compiled) = try Self.coverage()
        let gaps = try #require(coverage.category(.rules)).uncovered
        #expect(
            Self.words(gaps) == [
                "safeguarding 'nowhere_tonight' | fired | add a test where it holds: nights >= 3",
                "responsivity 'check_in' | silent | add a test where it is false (it could not be evaluated in 1 test): "
                    + "nights < 7 and (afraid or not has_partner)",
            ])
        #expect(gaps.map(\.kind) == [.safeguarding, .responsivity])
        let instrument = compiled.instrument
        #expect(gaps.map(\.location) == [instrument.safeguarding[1].location, instrument.responsivity[1].location])
    }

    @Test func urgentIfCountsAsARule() throws {
        // Without the case where she is afraid, urgent_if never fires; it points at its condition.
        let text = Self.text.replacingOccurrences(
            of: """
                  - name: her partner drives her drinking
                    answers: {has_partner: yes, afraid: yes, mood: low, reasons: [partner, grief], nights: 0}
                    expect: {bands: {relationships: high, substance_use: high, hope: none}, lynchpin: [relationships]}

                """, with: "")
        let (coverage, compiled) = try Self.coverage(text)
        #expect(coverage.cases == 3)
        let gaps = try #require(coverage.category(.rules)).uncovered
        #expect(
            gaps.map(\.subject) == [
                "safeguarding 'abuse_now'", "safeguarding 'nowhere_tonight'", "responsivity 'check_in'",
                "urgent_if of 'relationships'",
            ])
        #expect(gaps.map(\.never) == [.fired, .fired, .silent, .fired])
        #expect(gaps.last?.kind == .urgentIf)
        #expect(gaps.last?.location == compiled.instrument.needs[0].urgentIf?.start)
    }

    @Test func driverEdgesNeverActive() throws {
        let (coverage, compiled) = try Self.coverage()
        let gaps = try #require(coverage.category(.drivers)).uncovered
        #expect(
            Self.words(gaps) == [
                "driver 'substance_use' → 'housing' | active | its when never held while both needs were present; "
                    + "add a test where it does: reasons has 'pain'",
                "driver 'relationships' → 'housing' | active | its needs are never both present in one test; "
                    + "add one where they are and this holds: nights >= 1",
            ])
        #expect(gaps.map(\.from) == ["substance_use", "relationships"])
        #expect(gaps.map(\.to) == ["housing", "housing"])
        let drivers = compiled.instrument.drivers
        #expect(gaps.map(\.location) == [drivers[2].location, drivers[3].location])
    }

    @Test func aLighterParallelDriverStillCountsAsActive() throws {
        // The graph keeps only the heavier of two edges between the same needs; both drivers were exercised.
        let text = Self.text.replacingOccurrences(
            of: "  - {from: housing, to: substance_use, weight: 0.5, because: No home.}",
            with: """
                  - {from: housing, to: substance_use, weight: 0.5, because: No home.}
                  - {from: housing, to: substance_use, weight: 0.3, when: nights >= 1, because: Nights out.}
                """)
        let (coverage, compiled) = try Self.coverage(text)
        #expect(compiled.instrument.drivers.count == 5)
        let drivers = try #require(coverage.category(.drivers))
        #expect((drivers.covered, drivers.total) == (3, 5))
        #expect(
            drivers.uncovered.map(\.subject) == [
                "driver 'substance_use' → 'housing'", "driver 'relationships' → 'housing'",
            ])
    }

    @Test func everythingCovered() throws {
        let (coverage, _) = try Self.coverage(
            Fixture.instrument(
                """
                sections:
                  - id: about
                    title: About
                    items:
                      - {id: nights, prompt: Nights with nowhere safe to sleep, type: number, min: 0, max: 7}
                needs:
                  - {id: housing, title: Housing, target: resettlement, score: nights, max: 7, bands: {low: 0, high: 1}}
                safeguarding:
                  - {id: nowhere, when: nights >= 1, action: Find somewhere tonight.}
                tests:
                  - {name: safe, answers: {nights: 0}, expect: {bands: {housing: low}}}
                  - {name: unsafe, answers: {nights: 2}, expect: {bands: {housing: high}, safeguarding: [nowhere]}}
                """))
        #expect(coverage.uncovered.isEmpty)
        #expect((coverage.covered, coverage.total, coverage.percent) == (5, 5, 100))
        #expect(coverage.category(.drivers)?.total == 0)
        #expect(coverage.category(.drivers)?.percent == 100)
        #expect(coverage.meets(100))
        #expect(
            CoverageTextReport(coverage).render() == """
                Coverage of t.yaml by its 2 tests: 100.0% (5 of 5)
                  items answered          1 of 1  100.0%
                  options chosen          0 of 0       —
                  bands reached           2 of 2  100.0%
                  rules fired and silent  2 of 2  100.0%
                  driver edges active     0 of 0       —

                """)
    }

    @Test func noTestsCoverNothing() throws {
        let compiled = try Fixture.compile(Self.text.components(separatedBy: "tests:")[0])
        let coverage = TestCoverage(compiled, runs: [])
        #expect(coverage.cases == 0)
        #expect(coverage.covered == 0)
        #expect(coverage.total == 36)
        #expect(coverage.percent == 0)
        #expect(
            coverage.category(.items)?.uncovered.map(\.hint).allSatisfy { $0 == "add a test that answers it" } == true)
        #expect(coverage.meets(0))
        #expect(!coverage.meets(0.1))
    }

    @Test func percentagesRoundDownAndTheMinimumIsExact() {
        #expect(TestCoverage.percent(2, of: 3) == 66.6)
        #expect(TestCoverage.percent(9999, of: 10000) == 99.9)
        #expect(TestCoverage.percent(0, of: 0) == 100)
        let coverage = TestCoverage(
            file: "f", instrument: "i", cases: 1,
            categories: [
                CoverageCategory(
                    .items, total: 3,
                    uncovered: [
                        CoverageGap(
                            kind: .item, never: .answered, id: "x", subject: "'x'", hint: "", file: "f",
                            at: .init(line: 1, column: 1))
                    ])
            ], exempt: [])
        #expect(coverage.percent == 66.6)
        #expect(coverage.meets(66.6))
        #expect(coverage.meets(200.0 / 3))
        #expect(!coverage.meets(66.7))
    }

    @Test func theTextReportGroupsOptionsByItemAndGivesLocations() throws {
        let (coverage, _) = try Self.coverage()
        #expect(
            CoverageTextReport(coverage).render() == """
                Coverage of t.yaml by its 4 tests: 75.0% (27 of 36)
                  items answered           5 of 7   71.4%
                  options chosen           4 of 5   80.0%
                  bands reached           8 of 10   80.0%
                  rules fired and silent  8 of 10   80.0%
                  driver edges active      2 of 4   50.0%

                Items never answered
                  t.yaml:22:9: 'notes' — asked in 4 tests but never answered; add a test that answers it
                  t.yaml:27:9: 'first_time' — hidden in every test (show_if: nights >= 5); add one where it is asked and answered

                Options never chosen
                  t.yaml:20:84: 'reasons': 'pain' — add a test that chooses it

                Bands never reached
                  t.yaml:41:21: need 'substance_use' band 'moderate' — add a test where 'substance_use' scores at least 2 and below 4
                  t.yaml:47:30: need 'housing' band 'beyond' — cannot be reached: its lower bound 9 is above the highest score, 7

                Rules never fired or never silent
                  t.yaml:60:5: safeguarding 'nowhere_tonight' never fired — add a test where it holds: nights >= 3
                  t.yaml:57:5: responsivity 'check_in' never silent — add a test where it is false (it could not be evaluated in 1 test): nights < 7 and (afraid or not has_partner)

                Driver edges never active
                  t.yaml:53:5: driver 'substance_use' → 'housing' — its when never held while both needs were present; add a test where it does: reasons has 'pain'
                  t.yaml:54:5: driver 'relationships' → 'housing' — its needs are never both present in one test; add one where they are and this holds: nights >= 1

                Not counted
                  t.yaml:10:9: 'name' — identifying: never scored, so tests need not answer it

                """)
    }
}
