import EdgarCore

/// Writes a model as the SEC's HTML view of the form, so that the generator can make HTML filings with known truth.
/// Deterministic.
///
/// The structure follows the real pages in corpus/real/html (the `xslF345X05` stylesheet's markup, its CSS
/// classes and labels): a header table with the form name, title and OMB box and the checkbox rows; the box table
/// (box 1 with the owner's `CIK=` link, one row per street line and the city/state/zip cells; the issuer's link
/// and symbol; the period, amendment, relationship and joint-filing boxes); Tables I and II with `<sup>(n)</sup>`
/// footnote markers; the further owners' box 1 and relationship box, one row each, after Table II; "Explanation
/// of Responses:" (with Form 3's "No securities are beneficially owned." there), "Remarks:"; each signature
/// followed by its own caption row; the reminders. The table cells hold what the text layout's cells hold
/// (`TextLayoutWriter`), so the two renderings carry the same values. Like the SEC's page, every relationship box
/// and the Section 16 box (Forms 4, 5) and Form 5's two boxes are always printed (unchecked when the XML leaves
/// them out); the Rule 10b5-1 box is printed when the filing answers it.
public enum HTMLViewRenderer {
    public static func render(_ document: OwnershipDocument) -> String {
        var page = HTMLViewWriter(document: document)
        page.write()
        return page.html
    }
}

struct HTMLViewWriter {
    let document: OwnershipDocument
    let form: TextLayoutForm
    let format = TextLayoutFormatter(
        options: TextLayoutRenderOptions(underline: false, escapeDollar: false, thousandsSeparators: true, displayDates: true))
    var html = ""

    init(document: OwnershipDocument) {
        self.document = document
        self.form = TextLayoutForm(documentType: document.documentType)
    }

    private var formNumber: String { form == .form3 ? "3" : form == .form5 ? "5" : "4" }

    mutating func write() {
        html += """
            <!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
            <html>
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
            <title>SEC FORM \(formNumber)</title>
            <style type="text/css">
                          .FormData {color: blue; background-color: white; font-size: small; font-family: Times, serif;}
                          .FootnoteData {color: green; background-color: white; font-size: x-small; font-family: Times, serif;}
                  </style>
            </head>
            <body>SEC Form \(formNumber)

            """
        writeHeader()
        writeBoxes()
        writeTable(first: true)
        writeTable(first: false)
        writeFurtherOwners()
        writeExplanation()
        writeSignatures()
        html += "</body>\n</html>\n"
    }

    // MARK: Header and boxes

    private mutating func writeHeader() {
        var checkboxes: [(String?, String)] = []
        if form != .form3 { checkboxes.append((document.notSubjectToSection16 ?? "0", TextLayoutText.notSubject)) }
        if let value = document.aff10b5One { checkboxes.append((value, TextLayoutText.aff10b5One)) }
        if form == .form5 {
            checkboxes.append((document.form3HoldingsReported ?? "0", "Form 3 Holdings Reported."))
            checkboxes.append((document.form4TransactionsReported ?? "0", "Form 4 Transactions Reported."))
        }
        let rows = 1 + checkboxes.count
        let burden = form == .form5 ? "1.0" : "0.5"
        html += """
            <table width="100%" border="0" cellspacing="0" cellpadding="4">
            <tr>
            <td width="20%" colspan="2" valign="top" align="center" class="FormName">FORM \(formNumber)</td>
            <td rowspan="\(rows)" width="60%" valign="middle" align="center">
            <span class="FormTitle">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</span><br><span class="MedSmallFormText">Washington, D.C. 20549</span><br><br><span class="FormTitle">\(form.title)</span><br><br><span class="MedSmallFormText">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934</span><br><span class="MedSmallFormText">or Section 30(h) of the Investment Company Act of 1940</span>
            </td>
            <td rowspan="\(rows)" width="20%" valign="top" align="center"><table width="100%" border="1" summary="OMB Approval Status Box">
            <tr><td class="FormTextC">OMB APPROVAL</td></tr>
            <tr><td><table width="100%" border="0" summary="OMB Interior Box">
            <tr>
            <td class="SmallFormText" colspan="3">OMB Number:</td>
            <td class="SmallFormTextR">\(form.ombNumber)</td>
            </tr>
            <tr><td class="SmallFormText" colspan="4">Estimated average burden</td></tr>
            <tr>
            <td class="SmallFormText" colspan="3">hours per response:</td>
            <td class="SmallFormTextR">\(burden)</td>
            </tr>
            </table></td></tr>
            </table></td>
            </tr>

            """
        for (value, label) in checkboxes {
            html += """
                <tr valign="middle">
                <td><table width="100%" border="1" cellpadding="0" cellspacing="0"><tr><td>\(mark(value))</td></tr></table></td>
                <td class="SmallFormText">\(escape(label))</td>
                </tr>

                """
        }
        html += "</table>\n"
    }

    private mutating func writeBoxes() {
        let owner = document.reportingOwners.first
        let box1 = owner.map(reportingPersonBox) ?? "<span class=\"MedSmallFormText\">1. Name and Address of Reporting Person<sup>*</sup></span>"
        let period = "<span class=\"MedSmallFormText\">\(escape(form.periodLabel))</span><br>" + data(format.date(document.periodOfReport))
        let amendment =
            "<span class=\"MedSmallFormText\">\(escape(form.amendmentLabel))</span><br>" + data(format.date(document.dateOfOriginalSubmission))
        let issuerBox = issuer()
        let relationship = relationshipBox(owner)
        let joint = jointFilingBox()
        html += "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n"
        if form == .form3 {
            html += """
                <tr>
                <td rowspan="3" width="30%" valign="top">
                \(box1)</td>
                <td rowspan="3" width="15%" valign="top">
                \(period)
                </td>
                <td valign="top" colspan="2">
                \(issuerBox)
                </td>
                </tr>
                <tr>
                <td rowspan="2" width="30%" valign="top">
                \(relationship)</td>
                <td valign="top">
                \(amendment)
                </td>
                </tr>
                <tr><td valign="top">
                \(joint)</td></tr>

                """
        } else {
            html += """
                <tr>
                <td rowspan="4" width="35%" valign="top">
                \(box1)</td>
                <td width="35%" valign="top">
                \(issuerBox)
                </td>
                <td rowspan="2" valign="top">
                \(relationship)</td>
                </tr>
                <tr><td valign="top">
                \(period)
                </td></tr>
                <tr>
                <td valign="top">
                \(amendment)
                </td>
                <td valign="top">
                \(joint)</td>
                </tr>

                """
        }
        html += "</table>\n"
    }

    private func reportingPersonBox(_ owner: ReportingOwner) -> String {
        var box = "<span class=\"MedSmallFormText\">1. Name and Address of Reporting Person<sup>*</sup></span>"
        box += "<table border=\"0\" width=\"100%\"><tr><td>" + link(cik: owner.cik, text: format.clean(owner.name)) + "</td></tr></table>\n"
        box += "<hr width=\"98%\">\n" + captions("(Last)", "(First)", "(Middle)")
        box += "<table border=\"0\" width=\"100%\">\n"
        box += "<tr><td>" + data(format.clean(owner.street1)) + "</td></tr>\n"
        if let street2 = format.clean(owner.street2) { box += "<tr><td>" + data(street2) + "</td></tr>\n" }
        box += "</table>\n<hr width=\"98%\">\n<span class=\"MedSmallFormText\">(Street)</span><table border=\"0\" width=\"100%\"><tr>\n"
        for value in [owner.city, owner.state, owner.zipCode] {
            box += "<td width=\"33%\">" + data(format.clean(value)) + "</td>\n"
        }
        box += "</tr></table>\n<hr width=\"98%\">\n" + captions("(City)", "(State)", "(Zip)")
        return box
    }

    private func captions(_ a: String, _ b: String, _ c: String) -> String {
        "<table border=\"0\" width=\"100%\"><tr>\n"
            + [a, b, c].map { "<td width=\"33%\" class=\"MedSmallFormText\">\($0)</td>\n" }.joined() + "</tr></table>\n"
    }

    private func issuer() -> String {
        var box = "<span class=\"MedSmallFormText\">\(escape(form.issuerLabel))</span><br>"
        box += link(cik: document.issuer.cik, text: format.clean(document.issuer.name))
        if let symbol = format.clean(document.issuer.tradingSymbol) { box += "\n     [ " + data(symbol) + " ]" }
        return box
    }

    private func relationshipBox(_ owner: ReportingOwner?) -> String {
        var box = "<span class=\"MedSmallFormText\">\(escape(form.relationshipLabel))</span><table border=\"0\" width=\"100%\">\n"
        box += "<tr>\n<td width=\"15%\" align=\"center\">\(mark(owner?.isDirector))</td>\n<td width=\"35%\" class=\"MedSmallFormText\">Director</td>\n"
        box += "<td width=\"15%\" align=\"center\">\(mark(owner?.isTenPercentOwner))</td>\n<td width=\"35%\" class=\"MedSmallFormText\">10% Owner</td>\n</tr>\n"
        box += "<tr>\n<td align=\"center\">\(mark(owner?.isOfficer))</td>\n<td class=\"MedSmallFormText\">Officer (give title below)</td>\n"
        box += "<td align=\"center\">\(mark(owner?.isOther))</td>\n<td class=\"MedSmallFormText\">Other (specify below)</td>\n</tr>\n"
        box += "<tr>\n<td width=\"15%\" align=\"center\"></td>\n<td width=\"35%\" align=\"left\" style=\"color: blue\">"
            + escape(format.clean(owner?.officerTitle) ?? "") + "</td>\n"
        box += "<td width=\"15%\" align=\"center\"></td>\n<td width=\"35%\" align=\"left\" style=\"color: blue\">"
            + escape(format.clean(owner?.otherText) ?? "") + "</td>\n</tr>\n</table>\n"
        return box
    }

    private func jointFilingBox() -> String {
        let single = document.reportingOwners.count <= 1
        return "<span class=\"MedSmallFormText\">\(TextLayoutText.jointFiling)</span><table border=\"0\" width=\"100%\">\n"
            + "<tr>\n<td width=\"15%\" align=\"center\">\(single ? data("X") : "")</td>\n"
            + "<td width=\"85%\" class=\"MedSmallFormText\">\(TextLayoutText.oneReportingPerson)</td>\n</tr>\n"
            + "<tr>\n<td width=\"15%\" align=\"center\">\(single ? "" : data("X"))</td>\n"
            + "<td width=\"85%\" class=\"MedSmallFormText\">\(TextLayoutText.moreThanOne)</td>\n</tr>\n</table>\n"
    }

    private mutating func writeFurtherOwners() {
        let further = document.reportingOwners.dropFirst()
        guard !further.isEmpty else { return }
        html += "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n"
        for owner in further {
            html += "<tr><td width=\"50%\" valign=\"top\">\n" + reportingPersonBox(owner) + "</td>\n<td valign=\"top\">\n"
                + relationshipBox(owner) + "</td></tr>\n"
        }
        html += "</table>\n"
    }

    // MARK: Tables

    /// Table I or II: the header as the real pages have it (a label spanning its sub-columns), then the rows the
    /// text layout writes, cell for cell.
    private mutating func writeTable(first: Bool) {
        var text = TextLayoutWriter(document: document, options: format.options)
        if first { text.writeTableI() } else { text.writeTableII() }
        let header = first ? TextLayoutText.tableIHeader(form) : TextLayoutText.tableIIHeader(form)
        let sub = first ? TextLayoutText.tableISubHeader(form) : TextLayoutText.tableIISubHeader(form)
        let title =
            first
            ? "<b>" + (form == .form3 ? TextLayoutText.tableI3 : TextLayoutText.tableI4) + "</b>"
            : "<b>Table II - Derivative Securities " + (form == .form3 ? "Beneficially Owned" : "Acquired, Disposed of, or Beneficially Owned")
                + "</b><br><b>(e.g., puts, calls, warrants, options, convertible securities)</b>"
        html += "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<thead>\n"
        html += "<tr><th width=\"100%\" valign=\"top\" colspan=\"\(header.count)\" align=\"center\" class=\"FormTextC\">\(title)</th></tr>\n<tr>\n"
        var k = 0
        while k < header.count {
            var span = 1
            while k + span < header.count, header[k + span].isEmpty { span += 1 }
            let attribute = span > 1 ? "colspan=\"\(span)\"" : (sub.isEmpty ? "" : "rowspan=\"2\"")
            html += "<th valign=\"top\" \(attribute) align=\"left\" class=\"SmallFormText\">\(escape(header[k]))</th>\n"
            k += span
        }
        html += "</tr>\n"
        if !sub.isEmpty {
            html += "<tr>\n" + sub.filter { !$0.isEmpty }.map { "<th align=\"center\" class=\"SmallFormText\">\(escape($0))</th>\n" }.joined() + "</tr>\n"
        }
        html += "</thead>\n<tbody>"
        let columns = header.count
        for line in text.lines where line.contains("\t") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // Header lines of the text writer hold labels; data rows are what follows them.
            if cells.first.map({ $0.hasPrefix("1. Title") }) == true || (cells.first == "" && cells.contains("Amount")) { continue }
            if cells.first == "" && cells.contains("Date Exercisable") { continue }
            html += "<tr>\n" + cells.prefix(columns).map { "<td align=\"center\">" + cell($0) + "</td>\n" }.joined() + "</tr>"
        }
        html += "</tbody>\n</table>\n"
    }

    /// A text-layout cell as the page shows it: `$` in its own span, the value, then each `(n)` marker as `<sup>`.
    private func cell(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var markers: [String] = []
        while let last = words.last, last.count >= 3, last.hasPrefix("("), last.hasSuffix(")"),
            last.dropFirst().dropLast().allSatisfy({ $0.isASCII && $0.isNumber })
        {
            markers.insert(last, at: 0)
            words.removeLast()
        }
        var value = words.joined(separator: " ")
        var out = ""
        if value.hasPrefix("$") {
            out += "<span class=\"FormText\">$</span>"
            value.removeFirst()
        }
        if !value.isEmpty { out += data(value) }
        for marker in markers { out += "<span class=\"FootnoteData\"><sup>\(marker)</sup></span>" }
        return out
    }

    // MARK: Footer

    private mutating func writeExplanation() {
        html += "<table border=\"0\" width=\"100%\">\n<tr><td class=\"MedSmallFormText\"><b>Explanation of Responses:</b></td></tr>\n"
        if form == .form3, FormatCheck.isTrue(document.noSecuritiesOwned) {
            html += "<tr><td class=\"FormText\">\(TextLayoutText.noSecurities)</td></tr>\n"
        }
        for footnote in document.footnotes {
            let number = footnote.id.hasPrefix("F") ? String(footnote.id.dropFirst()) : footnote.id
            html += "<tr><td class=\"FootnoteData\">" + escape(number + "." + (footnote.text.map { " " + $0 } ?? "")) + "</td></tr>\n"
        }
        if let remarks = document.remarks {
            html += "<tr><td class=\"FormText\"><b>Remarks:</b></td></tr>\n<tr><td class=\"FootnoteData\">" + escape(remarks) + "</td></tr>\n"
        }
        html += "</table>\n"
    }

    private mutating func writeSignatures() {
        html += "<table width=\"100%\" border=\"0\">\n"
        for signature in document.signatures {
            html += "<tr>\n<td width=\"60%\"></td>\n<td width=\"20%\"><u>" + data(format.clean(signature.name))
                + "</u></td>\n<td width=\"20%\"><u>" + data(format.date(signature.date)) + "</u></td>\n</tr>\n"
            html += "<tr>\n<td></td>\n<td class=\"MedSmallFormText\">** Signature of Reporting Person</td>\n<td class=\"MedSmallFormText\">Date</td>\n</tr>\n"
        }
        for line in TextLayoutText.footer.dropFirst() {
            html += "<tr><td colspan=\"3\" class=\"MedSmallFormText\">\(escape(line))</td></tr>\n"
        }
        html += "</table>\n"
    }

    // MARK: Values

    private func data(_ value: String?) -> String {
        guard let value else { return "" }
        return "<span class=\"FormData\">" + escape(value) + "</span>"
    }

    private func mark(_ value: String?) -> String { FormatCheck.isTrue(value) ? data("X") : "" }

    private func link(cik: String?, text: String?) -> String {
        let shown = escape(text ?? "")
        guard let cik = format.clean(cik) else { return shown }
        return "<a href=\"/cgi-bin/browse-edgar?action=getcompany&amp;CIK=\(escape(cik))\">\(shown)</a>"
    }

    private func escape(_ s: String) -> String { Markup.escaped(s) }
}
