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

    /// The position in `allCases`, without building that array.
    private var order: Int {
        switch self {
        case .filings: 0
        case .reportingOwners: 1
        case .nonDerivativeTransactions: 2
        case .nonDerivativeHoldings: 3
        case .derivativeTransactions: 4
        case .derivativeHoldings: 5
        case .footnotes: 6
        case .signatures: 7
        case .rejects: 8
        }
    }

    public static func < (a: Table, b: Table) -> Bool { a.order < b.order }

    /// The case, not its raw value: `RawRepresentable`'s default hashes the name string, and every filing files
    /// its chunks in a `[Table: TableChunk]`.
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }
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
        var date = isoDate ?? ""
        path = date.withUTF8 { date in
            let known = date.count == 10 && date[4] == UInt8(ascii: "-") && date[7] == UInt8(ascii: "-")
            let unknown: StaticString = "unknown"
            var out: [UInt8] = []
            out.reserveCapacity(40)
            func add(_ key: StaticString, _ range: Range<Int>) {
                if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
                out.append(UInt8(ascii: "="))
                if known {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: date[range]))
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(start: unknown.utf8Start, count: unknown.utf8CodeUnitCount))
                }
            }
            switch granularity {
            case .day:
                add("year", 0..<4)
                add("month", 5..<7)
                add("day", 8..<10)
            case .month:
                add("year", 0..<4)
                add("month", 5..<7)
            case .year:
                add("year", 0..<4)
            case .none:
                break
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public static func unknown(_ granularity: PartitionGranularity) -> PartitionKey {
        PartitionKey(isoDate: nil, granularity: granularity)
    }

    public static func < (a: PartitionKey, b: PartitionKey) -> Bool { a.path < b.path }
}
