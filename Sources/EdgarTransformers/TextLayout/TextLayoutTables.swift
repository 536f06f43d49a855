import EdgarCore

/// The rows of Tables I and II, read by column position. Forms 4 and 5 share their columns except the `V` column,
/// which Form 5 renderings leave out; the column sub-header line says which it is.
struct TextLayoutTables {
    var nonDerivativeTransactions: [NonDerivativeTransaction] = []
    var nonDerivativeHoldings: [NonDerivativeHolding] = []
    var derivativeTransactions: [DerivativeTransaction] = []
    var derivativeHoldings: [DerivativeHolding] = []
}

/// The words of the column sub-header lines, lower case.
private let subHeaderWords: [[UInt8]] = [
    "code", "v", "amount", "(a) or (d)", "price", "(a)", "(d)", "date exercisable", "expiration date", "title",
    "amount or number of shares",
].map { Array($0.utf8) }

extension TextLayoutParser {
    private static let instructionsMarker = BytePattern(text: "(instr.")
    private static let dateMarker = BytePattern(text: "(month/day/year)")
    private static let noSecuritiesMarker = BytePattern(text: "no securities are beneficially owned")
    private static let exampleMarker = Array("(e.g.".utf8)
    private static let longestSubHeaderWord = subHeaderWords.map(\.count).max()!

    /// The data rows of a table region (header lines and blank lines left out), and whether a `V` column is shown.
    private func dataRows(_ lines: Range<Int>) -> (rows: [[Range<Int>]], hasV: Bool?) {
        var rows: [[Range<Int>]] = []
        var hasV: Bool?
        for index in lines {
            let line = self.lines[index]
            if isBlank(line) { continue }
            // Header lines are recognised on the bytes; Strings are only made for the short cells of a
            // possible column sub-header line.
            if find(Self.instructionsMarker, in: line) != nil || find(Self.dateMarker, in: line) != nil { continue }
            if find(Self.noSecuritiesMarker, in: line) != nil { continue }
            let cells = cells(line)
            if let first = cells.first(where: { !trim($0).isEmpty }).map(trim),
                match(Self.exampleMarker, at: first.lowerBound, limit: first.upperBound) != nil
                    || match(TextSections.Pattern.tableTitle, at: first.lowerBound, limit: first.upperBound) != nil
            {
                continue
            }
            if let showsV = subHeaderShowsV(cells) {
                if showsV { hasV = true } else if hasV == nil { hasV = false }
                continue
            }
            rows.append(cells)
        }
        return (rows, hasV)
    }

    /// For a column sub-header line (every non-blank cell one of `subHeaderWords`, any case), whether it has the
    /// `V` column; nil for any other line.
    private func subHeaderShowsV(_ cells: [Range<Int>]) -> Bool? {
        var showsV = false
        for cell in cells {
            let r = trim(cell)
            if r.isEmpty { continue }
            guard r.count <= Self.longestSubHeaderWord,
                let word = subHeaderWords.first(where: { $0.count == r.count && equalsIgnoringCase(r, $0) })
            else { return nil }
            if word == [UInt8(ascii: "v")] { showsV = true }
        }
        return showsV
    }

    /// The bytes of `range`, ASCII letters folded to lower case, are `lower`. (Only ASCII case folding turns a
    /// cell into an ASCII word: the Strings this replaces were lower-cased whole, and no non-ASCII character of
    /// UTF-8 or Windows-1252 lower-cases to a letter of these words.)
    private func equalsIgnoringCase(_ range: Range<Int>, _ lower: [UInt8]) -> Bool {
        var k = 0
        for i in range {
            guard bytes[i].asciiLowercased == lower[k] else { return false }
            k += 1
        }
        return true
    }

    func readTables(form: String, tableI: Range<Int>?, tableII: Range<Int>?) -> TextLayoutTables {
        var tables = TextLayoutTables()
        if let tableI {
            let (rows, hasV) = dataRows(tableI)
            for row in rows {
                if form == "3" {
                    tables.nonDerivativeHoldings.append(form3Holding(row))
                } else {
                    readTableIRow(row, v: (hasV ?? (form == "4")) ? 1 : 0, into: &tables)
                }
            }
        }
        if let tableII {
            let (rows, hasV) = dataRows(tableII)
            for row in rows {
                if form == "3" {
                    tables.derivativeHoldings.append(form3DerivativeHolding(row))
                } else {
                    readTableIIRow(row, v: (hasV ?? (form == "4")) ? 1 : 0, into: &tables)
                }
            }
        }
        return tables
    }

    private func readTableIRow(_ row: [Range<Int>], v: Int, into tables: inout TextLayoutTables) {
        func at(_ i: Int, numeric: Bool = false) -> TextCell { cell(i < row.count ? row[i] : nil, numeric: numeric) }
        let date = at(1)
        let code = at(3)
        let owned = at(7 + v, numeric: true)
        if date.isEmpty && code.isEmpty {
            var holding = NonDerivativeHolding()
            holding.securityTitle = at(0).field
            (holding.sharesOwnedFollowing, holding.valueOwnedFollowing) = owned.sharesOrValue
            holding.directOrIndirect = at(8 + v).field
            holding.natureOfOwnership = at(9 + v).field
            tables.nonDerivativeHoldings.append(holding)
            return
        }
        var transaction = NonDerivativeTransaction()
        transaction.securityTitle = at(0).field
        transaction.transactionDate = date.field
        transaction.deemedExecutionDate = at(2).field
        transaction.coding = TransactionCoding(code: code.value, footnoteIDs: code.footnoteIDs)
        if v == 1 { transaction.timeliness = at(4).timeliness }
        transaction.shares = at(4 + v, numeric: true).field
        transaction.acquiredDisposedCode = at(5 + v).field
        transaction.pricePerShare = at(6 + v, numeric: true).field
        (transaction.sharesOwnedFollowing, transaction.valueOwnedFollowing) = owned.sharesOrValue
        transaction.directOrIndirect = at(8 + v).field
        transaction.natureOfOwnership = at(9 + v).field
        tables.nonDerivativeTransactions.append(transaction)
    }

    private func readTableIIRow(_ row: [Range<Int>], v: Int, into tables: inout TextLayoutTables) {
        func at(_ i: Int, numeric: Bool = false) -> TextCell { cell(i < row.count ? row[i] : nil, numeric: numeric) }
        let date = at(2)
        let code = at(4)
        let underlyingAmount = at(10 + v, numeric: true)
        let owned = at(12 + v, numeric: true)
        if date.isEmpty && code.isEmpty {
            var holding = DerivativeHolding()
            holding.securityTitle = at(0).field
            holding.conversionOrExercisePrice = at(1, numeric: true).field
            holding.exerciseDate = at(7 + v).field
            holding.expirationDate = at(8 + v).field
            holding.underlyingSecurityTitle = at(9 + v).field
            (holding.underlyingSecurityShares, holding.underlyingSecurityValue) = underlyingAmount.sharesOrValue
            (holding.sharesOwnedFollowing, holding.valueOwnedFollowing) = owned.sharesOrValue
            holding.directOrIndirect = at(13 + v).field
            holding.natureOfOwnership = at(14 + v).field
            tables.derivativeHoldings.append(holding)
            return
        }
        var transaction = DerivativeTransaction()
        transaction.securityTitle = at(0).field
        transaction.conversionOrExercisePrice = at(1, numeric: true).field
        transaction.transactionDate = date.field
        transaction.deemedExecutionDate = at(3).field
        transaction.coding = TransactionCoding(code: code.value, footnoteIDs: code.footnoteIDs)
        if v == 1 { transaction.timeliness = at(5).timeliness }
        let acquired = at(5 + v, numeric: true)
        let disposed = at(6 + v, numeric: true)
        let amount = acquired.isEmpty ? disposed : acquired
        if !amount.isEmpty {
            transaction.acquiredDisposedCode = Field(acquired.isEmpty ? "D" : "A")
            (transaction.shares, transaction.totalValue) = amount.sharesOrValue
        }
        transaction.exerciseDate = at(7 + v).field
        transaction.expirationDate = at(8 + v).field
        transaction.underlyingSecurityTitle = at(9 + v).field
        (transaction.underlyingSecurityShares, transaction.underlyingSecurityValue) = underlyingAmount.sharesOrValue
        transaction.pricePerShare = at(11 + v, numeric: true).field
        (transaction.sharesOwnedFollowing, transaction.valueOwnedFollowing) = owned.sharesOrValue
        transaction.directOrIndirect = at(13 + v).field
        transaction.natureOfOwnership = at(14 + v).field
        tables.derivativeTransactions.append(transaction)
    }

    /// Form 3 Table I: title, amount owned, ownership form, nature.
    private func form3Holding(_ row: [Range<Int>]) -> NonDerivativeHolding {
        func at(_ i: Int, numeric: Bool = false) -> TextCell { cell(i < row.count ? row[i] : nil, numeric: numeric) }
        var holding = NonDerivativeHolding()
        holding.securityTitle = at(0).field
        (holding.sharesOwnedFollowing, holding.valueOwnedFollowing) = at(1, numeric: true).sharesOrValue
        holding.directOrIndirect = at(2).field
        holding.natureOfOwnership = at(3).field
        return holding
    }

    /// Form 3 Table II: title, exercisable, expiration, underlying title and amount, price, form, nature.
    private func form3DerivativeHolding(_ row: [Range<Int>]) -> DerivativeHolding {
        func at(_ i: Int, numeric: Bool = false) -> TextCell { cell(i < row.count ? row[i] : nil, numeric: numeric) }
        var holding = DerivativeHolding()
        holding.securityTitle = at(0).field
        holding.exerciseDate = at(1).field
        holding.expirationDate = at(2).field
        holding.underlyingSecurityTitle = at(3).field
        (holding.underlyingSecurityShares, holding.underlyingSecurityValue) = at(4, numeric: true).sharesOrValue
        holding.conversionOrExercisePrice = at(5, numeric: true).field
        holding.directOrIndirect = at(6).field
        holding.natureOfOwnership = at(7).field
        return holding
    }
}

extension TextCell {
    /// An amount written with `$` is the value variant of a shares column.
    var sharesOrValue: (Field, Field) { isMoney ? (Field(), field) : (field, Field()) }

    /// `V` in the V column is an early (voluntary) report: timeliness `E`.
    var timeliness: Field {
        let early = value.map { $0.uppercased() == "V" } ?? false
        return Field(early ? "E" : nil, footnoteIDs: footnoteIDs)
    }
}
