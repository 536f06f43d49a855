import EdgarCore

/// Reads the text layout, the plain-text rendering of Forms 3, 4 and 5 (docs/TABLES.md, "Layouts"), into the
/// same model as the XML variant. `parse` is the entry; a parser value is the document's text after its markup is
/// taken away (`<u>`/`</u>` removed, `\$` turned into `$`, CRLF and lone CR turned into LF, UTF-8 NBSP turned
/// into a space), and every part reads byte ranges of `bytes`:
///
/// - `TextSections.swift`: the document cut into header regions, Tables I and II, footnotes, remarks, signatures;
/// - `TextLayoutHeader.swift`: the boxes above the tables (form, period, issuer, reporting persons, checkboxes);
/// - `TextLayoutTables.swift` and `TextCell.swift`: the table rows, cell by cell;
/// - `TextLayoutParser+Trailer.swift`: footnotes, remarks and signatures;
/// - `TextLabels.swift` and `TextLayoutParser+Search.swift`: finding the printed labels and patterns;
/// - `TextLayoutParser+Text.swift`: markup removal, lines, strings, trimming, cells.
///
/// The reader keys on labels, not on line positions: boxes outside the tables are label-delimited segments wherever
/// they sit; table rows are TAB-separated cells by column position. Values are kept as shown (`58,000`, `$0.85`,
/// `11/10/2003`); the row encoder normalises them later, exactly as for XML values. Linear in the input size.
public struct TextLayoutParser {
    let bytes: [UInt8]
    /// One range per line, without its LF.
    let lines: [Range<Int>]
    /// The bytes were not valid UTF-8 and strings are decoded as Windows-1252.
    let isWindows1252: Bool

    init(_ raw: [UInt8]) {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(raw.count / 40)
        // Every rewrite keeps or shortens the text, so the output fits in the input's size and is written through
        // a pointer: no per-byte append.
        let out = [UInt8](unsafeUninitializedCapacity: raw.count) { out, written in
            written = raw.withUnsafeBufferPointer { raw in
                Self.unmarkup(raw, into: out, lines: &lines)
            }
        }
        self.bytes = out
        self.lines = lines
        self.isWindows1252 = !out.withUnsafeBytes { UTF8Validation.isValid($0) }
    }

    public static func parse(_ bytes: [UInt8]) throws(DocumentRejection) -> OwnershipDocument {
        let text = TextLayoutParser(bytes)
        try rejectIfObviouslyNotText(text)
        let sections = TextSections(text)

        let header = text.readHeader(regions: sections.labelRegions)
        guard let form = header.formFromOMB ?? header.formFromTitle ?? header.formFromPeriodLabel else {
            throw DocumentRejection(
                .unrecognizedLayout,
                "not the text layout of Form 3, 4 or 5: no OMB number (3235-0104, 3235-0287, 3235-0362), form title or "
                    + "period box label was found")
        }
        guard !header.owners.isEmpty || header.sawIssuerBox else {
            throw DocumentRejection(
                .unrecognizedLayout,
                "not the text layout: neither box \"Name and Address of Reporting Person\" nor box \"Issuer Name and "
                    + "Ticker or Trading Symbol\" was found")
        }
        guard header.owners.isEmpty || header.ownersWithCaptions > 0 else {
            throw DocumentRejection(
                .unrecognizedLayout,
                "not the text layout: box \"Name and Address of Reporting Person\" has none of the captions (Last) "
                    + "(First) (Middle) (Street) (City) (State) (Zip) (free-form or pre-2003 text form?)")
        }

        var document = OwnershipDocument(layout: .text)
        document.decodedAsWindows1252 = text.isWindows1252
        let amended = header.originalFiled.map { $0.contains(where: \.isNumber) } ?? false
        document.documentType = amended ? form + "/A" : form
        document.dateOfOriginalSubmission = amended ? header.originalFiled : nil
        document.periodOfReport = header.periodOfReport
        document.issuer = header.issuer
        document.reportingOwners = header.owners
        document.aff10b5One = header.aff10b5One
        if form != "3" { document.notSubjectToSection16 = header.notSubjectToSection16 }
        if form == "5" {
            document.form3HoldingsReported = header.form3HoldingsReported
            document.form4TransactionsReported = header.form4TransactionsReported
        }
        if form == "3" { document.noSecuritiesOwned = header.noSecuritiesOwned ?? (sections.noSecuritiesStatement ? "true" : nil) }

        let tables = text.readTables(form: form, tableI: sections.tableI, tableII: sections.tableII)
        document.nonDerivativeTransactions = tables.nonDerivativeTransactions
        document.nonDerivativeHoldings = tables.nonDerivativeHoldings
        document.derivativeTransactions = tables.derivativeTransactions
        document.derivativeHoldings = tables.derivativeHoldings

        document.footnotes = text.readFootnotes(sections.footnotes)
        document.remarks = sections.remarks.flatMap { text.readRemarks($0) }
        document.signatures = sections.signatures.compactMap { text.signature(text.lines[$0]) }
        return document
    }

    private static func rejectIfObviouslyNotText(_ text: TextLayoutParser) throws(DocumentRejection) {
        guard let first = text.lines.first(where: { !text.isBlank($0) }) else {
            throw DocumentRejection(.unrecognizedLayout, "not the text layout: the document is empty")
        }
        let start = text.trim(first)
        if text.bytes[start.lowerBound] == UInt8(ascii: "<"),
            text.find(Array("<?xml".utf8), in: start) != nil
                || text.find(Array("<ownershipdocument".utf8), in: text.bytes.indices) != nil
        {
            throw DocumentRejection(.unrecognizedLayout, "not the text layout: the document is XML")
        }
    }
}
