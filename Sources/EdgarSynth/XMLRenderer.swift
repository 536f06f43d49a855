import EdgarCore

/// Writes an `ownershipDocument` the way EDGAR disseminates it: schema order, 4-space indentation, a blank
/// line between top-level elements, `& < > "` escaped (apostrophes left alone, as EDGAR does).
///
/// The model is rendered exactly: a nil value has no `<value>` element, an empty string is `<value></value>`,
/// so parsing the output gives back the same model. Empty optional containers follow the habits of each
/// schema era: X0306 writes `<deemedExecutionDate></deemedExecutionDate>`, X0508 drops it, both write an
/// empty `<transactionTimeliness></transactionTimeliness>`; older versions drop both.
public enum XMLRenderer {
    public static func render(_ doc: OwnershipDocument) -> String {
        var w = XMLWriter()
        let emptyDeemed = doc.schemaVersion == "X0306"
        let emptyTimeliness = doc.schemaVersion == "X0306" || doc.schemaVersion == "X0508"
        w.raw("<?xml version=\"1.0\"?>\n")
        w.open("ownershipDocument")
        w.gap()
        w.leaf("schemaVersion", doc.schemaVersion)
        w.leafGap("documentType", doc.documentType)
        w.leafGap("periodOfReport", doc.periodOfReport)
        w.leafGap("dateOfOriginalSubmission", doc.dateOfOriginalSubmission)
        w.leafGap("noSecuritiesOwned", doc.noSecuritiesOwned)
        w.leafGap("notSubjectToSection16", doc.notSubjectToSection16)
        w.leafGap("form3HoldingsReported", doc.form3HoldingsReported)
        w.leafGap("form4TransactionsReported", doc.form4TransactionsReported)
        w.gap()
        w.open("issuer")
        w.leaf("issuerCik", doc.issuer.cik)
        w.leaf("issuerName", doc.issuer.name)
        w.leaf("issuerTradingSymbol", doc.issuer.tradingSymbol)
        w.leaf("issuerForeignTradingSymbol", doc.issuer.foreignTradingSymbol)
        w.close("issuer")
        for owner in doc.reportingOwners {
            w.gap()
            renderOwner(owner, into: &w)
        }
        w.leafGap("aff10b5One", doc.aff10b5One)

        if !doc.nonDerivativeTransactions.isEmpty || !doc.nonDerivativeHoldings.isEmpty {
            w.gap()
            w.open("nonDerivativeTable")
            for row in doc.nonDerivativeTransactions {
                w.open("nonDerivativeTransaction")
                w.field("securityTitle", row.securityTitle)
                w.field("transactionDate", row.transactionDate)
                w.field("deemedExecutionDate", row.deemedExecutionDate, emptyContainer: emptyDeemed)
                w.coding(row.coding)
                w.field("transactionTimeliness", row.timeliness, emptyContainer: emptyTimeliness)
                w.open("transactionAmounts")
                w.field("transactionShares", row.shares)
                w.field("transactionPricePerShare", row.pricePerShare)
                w.field("transactionAcquiredDisposedCode", row.acquiredDisposedCode)
                w.close("transactionAmounts")
                w.postAmounts(row.sharesOwnedFollowing, row.valueOwnedFollowing)
                w.nature(row.directOrIndirect, row.natureOfOwnership)
                w.close("nonDerivativeTransaction")
            }
            for row in doc.nonDerivativeHoldings {
                w.open("nonDerivativeHolding")
                w.field("securityTitle", row.securityTitle)
                w.coding(row.coding)
                w.postAmounts(row.sharesOwnedFollowing, row.valueOwnedFollowing)
                w.nature(row.directOrIndirect, row.natureOfOwnership)
                w.close("nonDerivativeHolding")
            }
            w.close("nonDerivativeTable")
        }

        if !doc.derivativeTransactions.isEmpty || !doc.derivativeHoldings.isEmpty {
            w.gap()
            w.open("derivativeTable")
            for row in doc.derivativeTransactions {
                w.open("derivativeTransaction")
                w.field("securityTitle", row.securityTitle)
                w.field("conversionOrExercisePrice", row.conversionOrExercisePrice)
                w.field("transactionDate", row.transactionDate)
                w.field("deemedExecutionDate", row.deemedExecutionDate, emptyContainer: emptyDeemed)
                w.coding(row.coding)
                w.field("transactionTimeliness", row.timeliness, emptyContainer: emptyTimeliness)
                w.open("transactionAmounts")
                w.field("transactionShares", row.shares)
                w.field("transactionTotalValue", row.totalValue)
                w.field("transactionPricePerShare", row.pricePerShare)
                w.field("transactionAcquiredDisposedCode", row.acquiredDisposedCode)
                w.close("transactionAmounts")
                w.field("exerciseDate", row.exerciseDate)
                w.field("expirationDate", row.expirationDate)
                w.underlying(row.underlyingSecurityTitle, row.underlyingSecurityShares, row.underlyingSecurityValue)
                w.postAmounts(row.sharesOwnedFollowing, row.valueOwnedFollowing)
                w.nature(row.directOrIndirect, row.natureOfOwnership)
                w.close("derivativeTransaction")
            }
            for row in doc.derivativeHoldings {
                w.open("derivativeHolding")
                w.field("securityTitle", row.securityTitle)
                w.field("conversionOrExercisePrice", row.conversionOrExercisePrice)
                w.coding(row.coding)
                w.field("exerciseDate", row.exerciseDate)
                w.field("expirationDate", row.expirationDate)
                w.underlying(row.underlyingSecurityTitle, row.underlyingSecurityShares, row.underlyingSecurityValue)
                w.postAmounts(row.sharesOwnedFollowing, row.valueOwnedFollowing)
                w.nature(row.directOrIndirect, row.natureOfOwnership)
                w.close("derivativeHolding")
            }
            w.close("derivativeTable")
        }

        if !doc.footnotes.isEmpty {
            w.gap()
            w.open("footnotes")
            for note in doc.footnotes {
                w.indent()
                w.raw("<footnote id=\"\(note.id)\">")
                w.text(note.text ?? "")
                w.raw("</footnote>\n")
            }
            w.close("footnotes")
        }
        w.leafGap("remarks", doc.remarks)
        for signature in doc.signatures {
            w.gap()
            w.open("ownerSignature")
            w.leaf("signatureName", signature.name)
            w.leaf("signatureDate", signature.date)
            w.close("ownerSignature")
        }
        w.close("ownershipDocument")
        return w.out
    }

    private static func renderOwner(_ owner: ReportingOwner, into w: inout XMLWriter) {
        w.open("reportingOwner")
        w.open("reportingOwnerId")
        w.leaf("rptOwnerCik", owner.cik)
        w.leaf("rptOwnerName", owner.name)
        w.close("reportingOwnerId")
        let address = [
            owner.nonUSAddressFlag, owner.street1, owner.street2, owner.city, owner.nonUSStateTerritory, owner.state,
            owner.country, owner.zipCode, owner.stateDescription,
        ]
        if address.contains(where: { $0 != nil }) {
            // X0609 order (the flag first, as in the real MSFT filing; territory and country around the state).
            w.open("reportingOwnerAddress")
            w.leaf("rptOwnerNonUSAddressFlag", owner.nonUSAddressFlag)
            w.leaf("rptOwnerStreet1", owner.street1)
            w.leaf("rptOwnerStreet2", owner.street2)
            w.leaf("rptOwnerCity", owner.city)
            w.leaf("rptOwnerNonUSStateTerritory", owner.nonUSStateTerritory)
            w.leaf("rptOwnerState", owner.state)
            w.leaf("rptOwnerCountry", owner.country)
            w.leaf("rptOwnerZipCode", owner.zipCode)
            w.leaf("rptOwnerStateDescription", owner.stateDescription)
            w.close("reportingOwnerAddress")
        }
        w.open("reportingOwnerRelationship")
        w.leaf("isDirector", owner.isDirector)
        w.leaf("isOfficer", owner.isOfficer)
        w.leaf("isTenPercentOwner", owner.isTenPercentOwner)
        w.leaf("isOther", owner.isOther)
        w.leaf("officerTitle", owner.officerTitle)
        w.leaf("otherText", owner.otherText)
        w.close("reportingOwnerRelationship")
        w.close("reportingOwner")
    }
}

/// An indenting XML text builder for the renderer above.
struct XMLWriter {
    var out = ""
    private var depth = 0

    init() {
        out.reserveCapacity(16 * 1024)
    }

    mutating func raw(_ s: String) { out += s }
    mutating func indent() { out += String(repeating: "    ", count: depth) }
    mutating func gap() { out += "\n" }

    mutating func open(_ tag: String) {
        indent()
        out += "<\(tag)>\n"
        depth += 1
    }

    mutating func close(_ tag: String) {
        depth -= 1
        indent()
        out += "</\(tag)>\n"
    }

    /// A bare leaf; nil writes nothing, an empty string an empty element.
    mutating func leaf(_ tag: String, _ value: String?) {
        guard let value else { return }
        indent()
        out += "<\(tag)>"
        text(value)
        out += "</\(tag)>\n"
    }

    /// A top-level leaf preceded by the blank line EDGAR puts between top-level elements.
    mutating func leafGap(_ tag: String, _ value: String?) {
        guard value != nil else { return }
        gap()
        leaf(tag, value)
    }

    /// A `<value>` + `<footnoteId>` container. An empty field is dropped, or written as an empty container.
    mutating func field(_ tag: String, _ field: Field, emptyContainer: Bool = false) {
        if field.value == nil && field.footnoteIDs.isEmpty {
            if emptyContainer {
                indent()
                out += "<\(tag)></\(tag)>\n"
            }
            return
        }
        open(tag)
        leaf("value", field.value)
        footnoteIDs(field.footnoteIDs)
        close(tag)
    }

    mutating func coding(_ coding: TransactionCoding) {
        guard coding.formType != nil || coding.code != nil || coding.equitySwapInvolved != nil || !coding.footnoteIDs.isEmpty
        else { return }
        open("transactionCoding")
        leaf("transactionFormType", coding.formType)
        leaf("transactionCode", coding.code)
        leaf("equitySwapInvolved", coding.equitySwapInvolved)
        footnoteIDs(coding.footnoteIDs)
        close("transactionCoding")
    }

    mutating func postAmounts(_ shares: Field, _ value: Field) {
        open("postTransactionAmounts")
        field("sharesOwnedFollowingTransaction", shares)
        field("valueOwnedFollowingTransaction", value)
        close("postTransactionAmounts")
    }

    mutating func nature(_ direct: Field, _ nature: Field) {
        open("ownershipNature")
        field("directOrIndirectOwnership", direct)
        field("natureOfOwnership", nature)
        close("ownershipNature")
    }

    mutating func underlying(_ title: Field, _ shares: Field, _ value: Field) {
        open("underlyingSecurity")
        field("underlyingSecurityTitle", title)
        field("underlyingSecurityShares", shares)
        field("underlyingSecurityValue", value)
        close("underlyingSecurity")
    }

    private mutating func footnoteIDs(_ ids: [String]) {
        for id in ids {
            indent()
            out += "<footnoteId id=\"\(id)\"/>\n"
        }
    }

    /// Escapes `& < > "`, the characters TS3 §3.2 names.
    mutating func text(_ s: String) { Markup.appendEscaped(s, to: &out) }
}
