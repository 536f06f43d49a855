/// The output tables of the contract, in the order their rows are written for a filing.
public enum Table: String, Sendable, CaseIterable, Hashable, Comparable {
    case filings
    case reportingOwners = "reporting_owners"
    case nonDerivativeTransactions = "non_derivative_transactions"
    case nonDerivativeHoldings = "non_derivative_holdings"
    case derivativeTransactions = "derivative_transactions"
    case derivativeHoldings = "derivative_holdings"
    case footnotes
    case signatures
    /// Written under `_rejects/`.
    case rejects = "_rejects"

    /// The folder under OUT.
    public var folder: String { rawValue }

    /// The tables that hold filing data (everything but rejects).
    public static let dataTables: [Table] = allCases.filter { $0 != .rejects }

    private var order: Int { Table.allCases.firstIndex(of: self)! }
    public static func < (a: Table, b: Table) -> Bool { a.order < b.order }
}

/// How rows are split into folders by their partition date.
public enum PartitionGranularity: String, Sendable, CaseIterable {
    case day, month, year, none
}

/// A partition folder below a table, e.g. `year=2003/month=11`, or `year=unknown/month=unknown`.
public struct PartitionKey: Sendable, Hashable, Comparable {
    public var path: String

    public init(path: String) { self.path = path }

    /// The partition of a filing dated `isoDate` (`YYYY-MM-DD`), or the unknown partition for nil.
    public init(isoDate: String?, granularity: PartitionGranularity) {
        let parts = isoDate.map { $0.split(separator: "-").map(String.init) } ?? []
        let known = parts.count == 3
        let year = known ? parts[0] : "unknown"
        let month = known ? parts[1] : "unknown"
        let day = known ? parts[2] : "unknown"
        switch granularity {
        case .day: path = "year=\(year)/month=\(month)/day=\(day)"
        case .month: path = "year=\(year)/month=\(month)"
        case .year: path = "year=\(year)"
        case .none: path = ""
        }
    }

    public static func unknown(_ granularity: PartitionGranularity) -> PartitionKey {
        PartitionKey(isoDate: nil, granularity: granularity)
    }

    public static func < (a: PartitionKey, b: PartitionKey) -> Bool { a.path < b.path }
}
