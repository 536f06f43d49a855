import EdgarCore

/// Tables I and II: one TAB-separated row per transaction, then per holding, in the columns the parser reads.
extension TextLayoutWriter {
    mutating func writeTableI() {
        lines += ["", form == .form3 ? TextLayoutText.tableI3 : TextLayoutText.tableI4, ""]
        lines.append(TextLayoutText.tableIHeader(form).joined(separator: "\t"))
        let sub = TextLayoutText.tableISubHeader(form)
        if !sub.isEmpty { lines.append(sub.joined(separator: "\t")) }
        if form == .form3 {
            for holding in document.nonDerivativeHoldings {
                row([text(holding.securityTitle), sharesOrValue(holding.sharesOwnedFollowing, holding.valueOwnedFollowing),
                     text(holding.directOrIndirect), text(holding.natureOfOwnership)])
            }
            return
        }
        for t in document.nonDerivativeTransactions {
            var cells = [text(t.securityTitle), date(t.transactionDate), date(t.deemedExecutionDate),
                         format.cell(format.clean(t.coding.code), t.coding.footnoteIDs)]
            if form.hasTimelinessColumn { cells.append(timeliness(t.timeliness)) }
            cells += [amount(t.shares), text(t.acquiredDisposedCode), money(t.pricePerShare),
                      sharesOrValue(t.sharesOwnedFollowing, t.valueOwnedFollowing), text(t.directOrIndirect),
                      text(t.natureOfOwnership)]
            row(cells)
        }
        for h in document.nonDerivativeHoldings {
            var cells = [text(h.securityTitle), "", "", ""]
            if form.hasTimelinessColumn { cells.append("") }
            cells += ["", "", "", sharesOrValue(h.sharesOwnedFollowing, h.valueOwnedFollowing), text(h.directOrIndirect),
                      text(h.natureOfOwnership)]
            row(cells)
        }
    }

    mutating func writeTableII() {
        lines += ["", form == .form3 ? TextLayoutText.tableII3 : TextLayoutText.tableII4, ""]
        lines.append(TextLayoutText.tableIIHeader(form).joined(separator: "\t"))
        lines.append(TextLayoutText.tableIISubHeader(form).joined(separator: "\t"))
        if form == .form3 {
            for h in document.derivativeHoldings {
                row([text(h.securityTitle), date(h.exerciseDate), date(h.expirationDate), text(h.underlyingSecurityTitle),
                     sharesOrValue(h.underlyingSecurityShares, h.underlyingSecurityValue),
                     money(h.conversionOrExercisePrice), text(h.directOrIndirect), text(h.natureOfOwnership)])
            }
            lines.append("")
            return
        }
        for t in document.derivativeTransactions {
            var cells = [text(t.securityTitle), money(t.conversionOrExercisePrice), date(t.transactionDate),
                         date(t.deemedExecutionDate), format.cell(format.clean(t.coding.code), t.coding.footnoteIDs)]
            if form.hasTimelinessColumn { cells.append(timeliness(t.timeliness)) }
            let amountCell = sharesOrValue(t.shares, t.totalValue)
            let disposed = format.clean(t.acquiredDisposedCode.value)?.uppercased() == "D"
            cells += disposed ? ["", amountCell] : [amountCell, ""]
            cells += [date(t.exerciseDate), date(t.expirationDate), text(t.underlyingSecurityTitle),
                      sharesOrValue(t.underlyingSecurityShares, t.underlyingSecurityValue), money(t.pricePerShare),
                      sharesOrValue(t.sharesOwnedFollowing, t.valueOwnedFollowing), text(t.directOrIndirect),
                      text(t.natureOfOwnership)]
            row(cells)
        }
        for h in document.derivativeHoldings {
            var cells = [text(h.securityTitle), money(h.conversionOrExercisePrice), "", "", ""]
            if form.hasTimelinessColumn { cells.append("") }
            cells += ["", "", date(h.exerciseDate), date(h.expirationDate), text(h.underlyingSecurityTitle),
                      sharesOrValue(h.underlyingSecurityShares, h.underlyingSecurityValue), "",
                      sharesOrValue(h.sharesOwnedFollowing, h.valueOwnedFollowing), text(h.directOrIndirect),
                      text(h.natureOfOwnership)]
            row(cells)
        }
        lines.append("")
    }

    /// The seed ends every row with a TAB (an empty last cell).
    private mutating func row(_ cells: [String]) {
        var cells = cells
        if cells.last?.isEmpty == false { cells.append("") }
        lines.append(cells.joined(separator: "\t"))
    }

    private func text(_ field: Field) -> String { format.cell(format.clean(field.value), field.footnoteIDs) }
    private func date(_ field: Field) -> String { format.cell(format.date(field.value), field.footnoteIDs) }
    private func amount(_ field: Field) -> String { format.cell(format.amount(field.value), field.footnoteIDs) }
    private func money(_ field: Field) -> String { format.cell(format.money(field.value), field.footnoteIDs) }

    /// Timeliness `E` is a `V`; the column shows nothing else.
    private func timeliness(_ field: Field) -> String {
        let early = format.clean(field.value)?.uppercased() == "E"
        return format.cell(early ? "V" : nil, field.footnoteIDs)
    }

    /// The shares when the model has them (as a value or as footnotes only), else the value variant written with
    /// `$`; a value given only as footnotes is `$ (n)`, so that it does not read back as shares.
    private func sharesOrValue(_ shares: Field, _ value: Field) -> String {
        let hasShares = format.clean(shares.value) != nil || !shares.footnoteIDs.isEmpty
        if hasShares || (format.clean(value.value) == nil && value.footnoteIDs.isEmpty) {
            return format.cell(format.amount(shares.value), shares.footnoteIDs)
        }
        if format.clean(value.value) == nil { return format.cell("$", value.footnoteIDs) }
        return format.cell(format.money(value.value), value.footnoteIDs)
    }
}
