import Foundation

/// A comma-separated list of column names as options take it (`--carry site,quarter`):
/// spaces around the names are ignored.
enum ColumnList {
    /// The names in `list`; none when the option is not given.
    static func names(_ list: String?) -> [String] {
        list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    }
}
