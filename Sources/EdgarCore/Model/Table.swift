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
        // Built from bytes: this runs once per filing, and splitting and interpolating Strings showed in profiles.
        var date = Array((isoDate ?? "").utf8)
        let known = date.count == 10 && date[4] == UInt8(ascii: "-") && date[7] == UInt8(ascii: "-")
        if !known { date = [] }
        let unknown = Array("unknown".utf8)
        let year = known ? Array(date[0..<4]) : unknown
        let month = known ? Array(date[5..<7]) : unknown
        let day = known ? Array(date[8..<10]) : unknown
        var out: [UInt8] = []
        out.reserveCapacity(40)
        func add(_ key: String, _ value: [UInt8]) {
            if !out.isEmpty { out.append(UInt8(ascii: "/")) }
            out.append(contentsOf: key.utf8)
            out.append(UInt8(ascii: "="))
            out.append(contentsOf: value)
        }
        switch granularity {
        case .day:
            add("year", year)
            add("month", month)
            add("day", day)
        case .month:
            add("year", year)
            add("month", month)
        case .year:
            add("year", year)
        case .none:
            break
        }
        path = String(decoding: out, as: UTF8.self)
    }

    public static func unknown(_ granularity: PartitionGranularity) -> PartitionKey {
        PartitionKey(isoDate: nil, granularity: granularity)
    }

    public static func < (a: PartitionKey, b: PartitionKey) -> Bool { a.path < b.path }
}
