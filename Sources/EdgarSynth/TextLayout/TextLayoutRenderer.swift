import EdgarCore

public struct TextLayoutRenderOptions: Sendable, Equatable {
    /// Wrap shown values in `<u>…</u>`, as the seed does.
    public var underline: Bool
    /// Write every `$` as `\$`, as the seed does.
    public var escapeDollar: Bool
    /// End lines with CRLF instead of LF.
    public var crlf: Bool
    /// Write plain decimals with thousands separators (`58000` as `58,000`).
    public var thousandsSeparators: Bool
    /// Write `YYYY-MM-DD` dates as `MM/DD/YYYY`.
    public var displayDates: Bool
    /// Show box 6 (individual or joint/group filing), which the seed leaves out.
    public var showFilingKindBox: Bool
    /// Underline table cell values too (the seed underlines only the values of the boxes).
    public var underlineTableCells: Bool

    public init(
        underline: Bool = true, escapeDollar: Bool = true, crlf: Bool = false, thousandsSeparators: Bool = true,
        displayDates: Bool = true, showFilingKindBox: Bool = false, underlineTableCells: Bool = false
    ) {
        self.underline = underline
        self.escapeDollar = escapeDollar
        self.crlf = crlf
        self.thousandsSeparators = thousandsSeparators
        self.displayDates = displayDates
        self.showFilingKindBox = showFilingKindBox
        self.underlineTableCells = underlineTableCells
    }
}

/// Writes a model as the text layout (the seed's shape; Form 3 and 5 labels and columns as the SEC's printed forms
/// have them), so that the generator can make text filings with known truth. Deterministic.
///
/// Everything the parser reads is written: a boolean box is shown only when the model holds a value (with `X` when
/// it is true); values are formatted for display (dates `MM/DD/YYYY`, amounts `58,000`, prices `$0.85`). What the
/// text cannot carry is left out (CIKs, schema version, `street2` is joined to `street1`, form type and equity swap
/// of the coding, timeliness other than `E`, Form 3 Table II shares owned, Form 3 transactions). Where a row has both
/// a shares and a value variant, the shares are shown.
public enum TextLayoutRenderer {
    public static func render(_ document: OwnershipDocument, options: TextLayoutRenderOptions = .init()) -> String {
        var writer = TextLayoutWriter(document: document, options: options)
        writer.write()
        var text = writer.lines.joined(separator: options.crlf ? "\r\n" : "\n")
        if options.escapeDollar { text = text.split(separator: "$", omittingEmptySubsequences: false).joined(separator: "\\$") }
        return text
    }
}

struct TextLayoutWriter {
    let document: OwnershipDocument
    let form: TextLayoutForm
    let format: TextLayoutFormatter
    let options: TextLayoutRenderOptions
    var lines: [String] = []

    init(document: OwnershipDocument, options: TextLayoutRenderOptions) {
        self.document = document
        self.form = TextLayoutForm(documentType: document.documentType)
        self.format = TextLayoutFormatter(options: options)
        self.options = options
    }

    mutating func write() {
        lines += ["", "", "OMB APPROVAL\t", "OMB Number:\t" + form.ombNumber]
        lines += ["Estimated average burden hours per response:\t" + form.burdenHours, "", form.title, ""]
        if form != .form3, let value = document.notSubjectToSection16 {
            lines += [checkbox(value) + TextLayoutText.notSubject, ""]
        }
        if let value = document.aff10b5One { lines += [checkbox(value) + TextLayoutText.aff10b5One, ""] }
        if form == .form5 {
            if let value = document.form3HoldingsReported { lines += [checkbox(value) + "Form 3 Holdings Reported", ""] }
            if let value = document.form4TransactionsReported {
                lines += [checkbox(value) + "Form 4 Transactions Reported", ""]
            }
        }
        lines += [TextLayoutText.filedPursuant, ""]
        writeBoxes()
        if form == .form3, FormatCheck.isTrue(document.noSecuritiesOwned) { lines += ["", TextLayoutText.noSecurities] }
        writeTableI()
        writeTableII()
        writeFurtherOwners()
        writeFooter()
    }

    // MARK: Boxes

    private mutating func writeBoxes() {
        let box1 = document.reportingOwners.first.map { TextLayoutText.reportingPerson + " " + reportingPerson($0) }
        let issuer = form.issuerLabel + " " + issuerValue()
        let relationship = form.relationshipLabel + (document.reportingOwners.first.map { " " + roles($0) } ?? "")
        let period = form.periodLabel + optional(format.date(document.periodOfReport))
        var amendment = form.amendmentLabel + optional(format.date(document.dateOfOriginalSubmission)) + "\t\t"
        if options.showFilingKindBox {
            let single = document.reportingOwners.count <= 1
            amendment += TextLayoutText.jointFiling + " " + (single ? "X " : "") + TextLayoutText.oneReportingPerson + " "
                + (single ? "" : "X ") + TextLayoutText.moreThanOne
        }
        if form == .form3 {
            lines.append([box1, period, issuer].compactMap { $0 }.joined(separator: "\t"))
            lines += ["\t" + relationship + "\t", amendment]
        } else {
            lines.append([box1, issuer, relationship].compactMap { $0 }.joined(separator: "\t"))
            lines += ["\t" + period + "\t", amendment]
        }
        lines.append("")
    }

    private mutating func writeFurtherOwners() {
        for owner in document.reportingOwners.dropFirst() {
            lines.append(TextLayoutText.reportingPerson + " " + reportingPerson(owner) + "\t" + form.relationshipLabel + " " + roles(owner))
            lines.append("")
        }
    }

    private func optional(_ value: String?) -> String { value.map { " " + format.underlined($0) } ?? "" }

    private func checkbox(_ value: String) -> String { FormatCheck.isTrue(value) ? "X " : "" }

    private func issuerValue() -> String {
        let name = format.clean(document.issuer.name)
        let symbol = format.clean(document.issuer.tradingSymbol)
        let shown = [name, symbol.map { "[" + $0 + "]" }].compactMap { $0 }.joined(separator: " ")
        return shown.isEmpty ? "" : format.underlined(shown)
    }

    /// `name (Last) (First) (Middle) street (Street) city state zip (City) (State) (Zip)`.
    private func reportingPerson(_ owner: ReportingOwner) -> String {
        let name = format.clean(owner.name).map(format.underlined) ?? ""
        let street = [owner.street1, owner.street2].compactMap { format.clean($0) }.joined(separator: " ")
        return [name, "(Last) (First) (Middle)", street, "(Street)", cityStateZip(owner), "(City) (State) (Zip)"]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// On one line with spaces when the reader can split it back (a two-character state, no two-character token in
    /// the zip), else one TAB-separated cell each.
    private func cityStateZip(_ owner: ReportingOwner) -> String {
        let city = format.clean(owner.city)
        let state = format.clean(owner.state)
        let zip = format.clean(owner.zipCode)
        let zipTokens = zip.map { $0.split(separator: " ").map(String.init) } ?? []
        let readable =
            state.map { $0.count == 2 && !$0.contains(" ") } ?? (city == nil && zipTokens.count == 1
                && zipTokens[0].contains(where: \.isNumber))
        if readable && !zipTokens.contains(where: { $0.count == 2 }) {
            return [city, state, zip].compactMap { $0 }.joined(separator: " ")
        }
        return (city ?? "") + "\t" + (state ?? "") + "\t" + (zip ?? "")
    }

    /// `Director 10% Owner X Officer (give title below) Other (specify below) title / text`; a role the model
    /// does not answer is not shown.
    private func roles(_ owner: ReportingOwner) -> String {
        var parts: [String] = []
        for (value, label) in [
            (owner.isDirector, "Director"), (owner.isTenPercentOwner, "10% Owner"),
            (owner.isOfficer, "Officer (give title below)"), (owner.isOther, "Other (specify below)"),
        ] {
            if let value { parts.append(checkbox(value) + label) }
        }
        let title = format.clean(owner.officerTitle)
        let text = format.clean(owner.otherText)
        let otherOnly = FormatCheck.isTrue(owner.isOther) && !FormatCheck.isTrue(owner.isOfficer)
        let shown: String? =
            switch (title, text) {
            case let (title?, text?): title + " / " + text
            case let (title?, nil): otherOnly ? title + " /" : title
            case let (nil, text?): otherOnly ? text : "/ " + text
            case (nil, nil): nil
            }
        if let shown { parts.append(format.underlined(shown)) }
        return parts.joined(separator: " ")
    }

    // MARK: Footer

    private mutating func writeFooter() {
        lines += [TextLayoutText.explanation, ""]
        for footnote in document.footnotes {
            let number = footnote.id.hasPrefix("F") ? String(footnote.id.dropFirst()) : footnote.id
            lines += [number + "." + (footnote.text.map { " " + $0.replacingTabs() } ?? ""), ""]
        }
        if let remarks = document.remarks {
            // The first line beside the label: a last remarks line ending in a date would read as a signature.
            var remarkLines = remarks.replacingTabs().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let first = remarkLines.isEmpty ? "" : remarkLines.removeFirst()
            lines += [TextLayoutText.remarks + (first.isEmpty ? "" : " " + first)] + remarkLines + [""]
        }
        for signature in document.signatures {
            let parts = [format.clean(signature.name), format.date(signature.date)].compactMap { $0 }
            lines += [parts.joined(separator: " "), ""]
        }
        for line in TextLayoutText.footer { lines += [line, ""] }
        lines.removeLast()
    }
}

enum FormatCheck {
    static func isTrue(_ value: String?) -> Bool { TextLayoutFormatter.isTrue(value) }
}

extension String {
    /// Multi-line text keeps its lines; a TAB would start a new cell.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 }).split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
