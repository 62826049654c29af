/// The names of the query's working columns: short, lower-case and made from indexes, so
/// they never need quoting and never collide with an item id (the input's columns are
/// read once, in the first step, and renamed).
enum SQLNames {
    /// Item `k`'s cell: NULL when empty.
    static func raw(_ k: Int) -> String { "i\(k)_raw" }
    /// Item `k` is hidden by `show_if` (never NULL).
    static func hidden(_ k: Int) -> String { "i\(k)_h" }
    /// Item `k`'s state: 0 unanswered, 1 answered, 2 declined or don't know, 4 not applicable.
    static func state(_ k: Int) -> String { "i\(k)_st" }
    /// Item `k`'s number (yes/no 1 or 0, a choice's option value, a number); 0 when hidden, NULL when missing.
    static func value(_ k: Int) -> String { "i\(k)_v" }
    /// Choice item `k`'s option index; -1 when hidden, NULL when missing.
    static func code(_ k: Int) -> String { "i\(k)_c" }
    /// Multiple-choice item `k`'s codes as written (`a;b`); '' when hidden, NULL when missing.
    static func set(_ k: Int) -> String { "i\(k)_m" }
    /// How many of multiple-choice item `k`'s options were chosen; 0 when hidden, NULL when missing.
    static func setSize(_ k: Int) -> String { "i\(k)_n" }
    /// Item `k`'s cell would make `assess batch` reject the record (never NULL).
    static func bad(_ k: Int) -> String { "i\(k)_bad" }

    /// How many items score slot `z` refers to are missing.
    static func missing(_ z: Int) -> String { "z\(z)_miss" }
    /// How many items score slot `z` refers to are applicable (not hidden).
    static func applicable(_ z: Int) -> String { "z\(z)_appl" }
    /// Score slot `z` before the cap at `max`.
    static func uncapped(_ z: Int) -> String { "z\(z)_raw" }
    /// Score slot `z`'s score; NULL when not assessed.
    static func score(_ z: Int) -> String { "z\(z)_v" }
    /// Score slot `z`'s band index; NULL when not assessed.
    static func band(_ z: Int) -> String { "z\(z)_b" }
    /// Score slot `z`'s score × 10^4, rounded half away from zero, as a BIGINT (for its text).
    static func scaled(_ z: Int) -> String { "z\(z)_x" }

    /// Need `j` is present (its band is above the first).
    static func present(_ j: Int) -> String { "n\(j)_pres" }
    /// Need `j`'s severity: score ÷ max, 0 when not present.
    static func severity(_ j: Int) -> String { "n\(j)_sev" }
    /// Need `j`'s `urgent_if` holds.
    static func urgent(_ j: Int) -> String { "n\(j)_urg" }
    /// Where she names need `j` among her priorities, from 1; NULL when she does not.
    static func priority(_ j: Int) -> String { "n\(j)_prio" }
    /// The weight of the active edge from need `from` to need `to`; 0 when there is none.
    static func weight(_ from: Int, _ to: Int) -> String { "w\(from)_\(to)" }
    /// After `round` rounds of relaxation, the strongest path product from need `source` to `target`.
    static func product(_ round: Int, _ source: Int, _ target: Int) -> String { "p\(round)_\(source)_\(target)" }
    /// Need `j`'s influence.
    static func influence(_ j: Int) -> String { "n\(j)_inf" }
    /// Need `j`'s influence rounded to 9 decimals.
    static func roundedInfluence(_ j: Int) -> String { "n\(j)_rinf" }
    /// Need `j`'s severity rounded to 9 decimals.
    static func roundedSeverity(_ j: Int) -> String { "n\(j)_rsev" }
    /// Need `j`'s place in the ranking, from 0 (only meaningful when present).
    static func rank(_ j: Int) -> String { "n\(j)_rank" }
    /// Need `j` is a lynch-pin.
    static func lynchpin(_ j: Int) -> String { "n\(j)_lp" }
    /// Need `j`'s place among the lynch-pins' ranks; -1 when it is not a lynch-pin.
    static func lynchpinPlace(_ j: Int) -> String { "n\(j)_lpp" }
    /// Need `j`'s rank when it is a lynch-pin she does not name; -1 otherwise.
    static func unnamedLynchpinPlace(_ j: Int) -> String { "n\(j)_ulp" }
    /// Safeguarding rule `r` fired.
    static func safeguarding(_ r: Int) -> String { "g\(r)_on" }
    /// Responsivity rule `r` applies.
    static func flag(_ r: Int) -> String { "f\(r)_on" }

    /// Carried column `k`, as read.
    static func carried(_ k: Int) -> String { "c\(k)_raw" }
    /// The record's id as read.
    static let recordID = "rec_id"
    /// Her priorities as a list.
    static let priorities = "prio_list"
    /// How many priorities she names.
    static let priorityCount = "prio_count"
    /// The record would be rejected by `assess batch`.
    static let rejected = "rec_bad"
    /// How many lynch-pins the record has.
    static let lynchpinCount = "lp_count"
    /// The rounded influence the joint lynch-pins must reach.
    static let threshold = "lp_threshold"
}
