/// One assessment with the working behind it: the result, and what the result leaves out
/// (every slot as scored, every rule's finding, every active driver), for tools that look
/// inside a run, such as test coverage.
///
/// ```swift
/// let run = Assessor(compiled).run(responses, at: Date())
/// run.ranking.activeDrivers   // [0, 5]: the drivers whose `when` held between present needs
/// ```
public struct AssessmentRun: Sendable, Hashable {
    /// The result, as `Assessor.assess` gives it.
    public var result: AssessmentResult
    /// The responses with their need and strength slots scored (see ``Scorer``).
    public var responses: Responses
    /// What the safeguarding, responsivity and `urgent_if` rules found.
    public var findings: RuleFindings
    /// The ranking, with the drivers that were active.
    public var ranking: Ranking

    /// Creates a run from its parts.
    public init(result: AssessmentResult, responses: Responses, findings: RuleFindings, ranking: Ranking) {
        self.result = result
        self.responses = responses
        self.findings = findings
        self.ranking = ranking
    }
}
