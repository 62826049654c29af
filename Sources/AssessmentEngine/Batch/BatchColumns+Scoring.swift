import QuestionnaireDSL

extension BatchColumns {
    /// The cells of one record's row, scored straight from its responses: the same cells as
    /// ``cells(recordID:carriedValues:result:)`` gives for the whole result (the tests hold
    /// the two to each other), without building the parts of the result a row never shows.
    func cells(recordID: String, carriedValues: [String], responses: Responses, assessor: Assessor) -> [String] {
        let instrument = assessor.compiled.instrument
        var scored = responses
        assessor.scorer.score(&scored.slots)
        let outcomes = assessor.scorer.outcomes(scored.slots)
        let findings = assessor.rules.evaluate(scored.slots)
        let ranking = assessor.ranker.rank(
            scored, needs: outcomes.needs, tier0: findings.urgentNeeds, reasons: false)
        var cells = [recordID] + carriedValues + [instrument.id, instrument.version]
        cells.reserveCapacity(header.count)
        for (j, need) in instrument.needs.enumerated() {
            let outcome = outcomes.needs[j]
            cells += [
                outcome.score.map(NumberText.format) ?? "", outcome.band.map { need.bands[$0].name } ?? "",
                outcome.status.rawValue,
            ]
        }
        for (k, strength) in instrument.strengths.enumerated() {
            let outcome = outcomes.strengths[k]
            cells += [
                outcome.score.map(NumberText.format) ?? "", outcome.band.map { strength.bands[$0].name } ?? "",
                outcome.status.rawValue,
            ]
        }
        cells += [
            ranking.lynchpins.joined(separator: ";"),
            findings.urgentNeeds.map { instrument.needs[$0].id }.joined(separator: ";"),
            findings.safeguarding.map(\.id).joined(separator: ";"),
            findings.flags.map(\.id).joined(separator: ";"),
            ranking.herViewDiffers.joined(separator: ";"),
        ]
        return cells
    }
}
