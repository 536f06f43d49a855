import Foundation

/// Sizes as people write them in pipeline files: `67108864`, `64MiB`, `1 GiB`. Binary (IEC) units only,
/// because the limits they set are compared with byte counts that are powers of two in practice, and
/// `MB` is ambiguous (10^6 or 2^20) in the tools people copy numbers from.
enum ByteSize {
    static let units: [(suffix: String, multiplier: Int)] = [
        ("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1),
    ]

    enum Failure: Error, Equatable {
        case malformed
        /// A decimal or mistyped unit; carries the IEC unit that was probably meant.
        case unknownUnit(String, meant: String?)
        case overflow
    }

    static func parse(_ text: String) -> Result<Int, Failure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return .failure(.malformed) }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        if unit.isEmpty { return .success(number) }
        guard let multiplier = units.first(where: { $0.suffix == unit })?.multiplier else {
            let meant = units.first { $0.suffix.lowercased() == unit.lowercased() || $0.suffix.replacingOccurrences(of: "i", with: "") == unit.uppercased().replacingOccurrences(of: "I", with: "") }
            return .failure(.unknownUnit(unit, meant: meant?.suffix))
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? .failure(.overflow) : .success(product)
    }
}
