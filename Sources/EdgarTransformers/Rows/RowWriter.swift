import EdgarCore

/// Writes the NDJSON lines of one table, column by column in the order of its `ColumnList`, normalising each
/// filed value and collecting the row's footnote ids and issues as it goes.
///
/// One writer serves every table of a filing: `takeChunk()` hands over a table's lines and starts the next.
struct RowWriter {
    /// One writer per filing: its storage, sized for the usual filing, serves every table.
    private var json = JSONWriter(capacity: 2048)
    private var rows = 0
    private var layout = Columns.filings.layout
    private var next = 0
    private var footnoteIDs: [(column: StaticString, ids: [String])] = []
    private var issues: [(column: StaticString, code: ValueIssueCode, raw: String)] = []
    /// Issues about something other than a column (an unknown element's path), written after the column issues.
    private var otherIssues: [(field: String, code: ValueIssueCode, raw: String)] = []
    /// Set for a document decoded as Windows-1252: every document value holding non-ASCII text is flagged.
    let flagsNonASCII: Bool

    init(flagsNonASCII: Bool) {
        self.flagsNonASCII = flagsNonASCII
    }

    /// The lines written since the last call, and their count.
    mutating func takeChunk() -> TableChunk {
        // Only the bytes move on; the writer (closed after its last row) is reused.
        let chunk = TableChunk(bytes: rows > 0 ? json.takeBytes() : [], rows: rows)
        rows = 0
        return chunk
    }

    // MARK: Rows

    mutating func beginRow(_ columns: ColumnList) {
        // Only the layout's raw pointers are kept: retaining the shared column arrays for every row would make
        // parallel workers contend on their reference counts.
        layout = columns.layout
        next = 0
        footnoteIDs.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        otherIssues.removeAll(keepingCapacity: true)
        json.beginObject()
    }

    /// (1.1) An issue about the whole document (field `document`), after the row's value issues.
    mutating func documentIssue(_ code: ValueIssueCode, raw: String) {
        issues.append(("document", code, raw))
    }

    /// (1.1) Footnote references that stand in a group element, kept under the group's key after the columns'.
    mutating func groupFootnotes(_ list: [GroupFootnote]) {
        for entry in list {
            let key = entry.group.columnKey
            if let k = footnoteIDs.firstIndex(where: { $0.column.utf8Start == key.utf8Start }) {
                footnoteIDs[k].ids.append(entry.id)
            } else {
                footnoteIDs.append((key, [entry.id]))
            }
        }
    }

    mutating func endRow() {
        precondition(next == layout.keys.count, "a row must write every value column of its table")
        // Most rows have neither footnotes nor issues: an empty closing column is one constant (after the value
        // columns, so always behind a comma).
        if layout.hasFootnoteIDs {
            if footnoteIDs.isEmpty {
                json.append(literal: #","footnote_ids":{}"#)
            } else {
                json.key("footnote_ids")
                json.beginObject()
                for entry in footnoteIDs {
                    json.key(entry.column)
                    json.beginArray()
                    for id in entry.ids { json.string(id) }
                    json.endArray()
                }
                json.endObject()
            }
        }
        if layout.hasIssues {
            if issues.isEmpty && otherIssues.isEmpty {
                json.append(literal: #","issues":[]"#)
            } else {
                json.key("issues")
                json.beginArray()
                for issue in issues { writeIssue(field: "\(issue.column)", issue.code, raw: issue.raw) }
                for issue in otherIssues { writeIssue(field: issue.field, issue.code, raw: issue.raw) }
                json.endArray()
            }
        }
        json.append(literal: "}\n")
        rows += 1
    }

    private mutating func writeIssue(field: String, _ code: ValueIssueCode, raw: String) {
        json.beginObject()
        json.key("field")
        json.string(field)
        json.key("code")
        json.string(code.rawValue)
        json.key("raw")
        json.string(raw)
        json.endObject()
    }

    /// An issue whose field is not one of the row's columns (an unknown element's path); `raw` is written as given.
    mutating func issue(field: String, _ code: ValueIssueCode, raw: String) {
        otherIssues.append((field, code, raw))
    }

    /// Writes the next column's key and returns its name.
    private mutating func nextColumn() -> StaticString {
        let column = layout.keys[next]
        json.key(encoded: layout.encodedKeys[next])
        next += 1
        return column
    }

    // MARK: Values that are not from the document

    /// A value written as is (keys, versions, codes of our own).
    mutating func verbatim(_ value: String?) {
        _ = nextColumn()
        json.string(value)
    }

    mutating func index(_ value: Int) {
        _ = nextColumn()
        json.int(value)
    }

    mutating func source(_ source: SourceRef) {
        _ = nextColumn()
        json.beginObject()
        json.key("archive")
        json.string(source.archive)
        json.key("member")
        json.string(source.member)
        json.key("document_sequence")
        json.string(source.documentSequence)
        json.endObject()
    }

    /// A date from the SGML envelope, which is not subject to the document's encoding.
    mutating func envelopeDate(_ raw: String?) {
        let column = nextColumn()
        let result = Normalize.date(raw)
        report(result.issue, column: column, raw: raw)
        json.string(result.value)
    }

    mutating func envelopeDatetime(_ raw: String?) {
        let column = nextColumn()
        let result = Normalize.acceptanceDatetime(raw)
        report(result.issue, column: column, raw: raw)
        json.string(result.value)
    }

    // MARK: Values from the document

    mutating func string(_ raw: String?, footnotes: [String] = []) {
        _ = documentColumn(raw, footnotes: footnotes)
        // Written from the filed bytes: no trimmed string is built (or retained) just to be copied out.
        Normalize.withTrimmedUTF8(raw) { utf8 in
            if let utf8 { json.string(utf8: utf8) } else { json.null() }
        }
    }

    mutating func string(_ field: Field) { string(field.value, footnotes: field.footnoteIDs) }

    mutating func decimal(_ field: Field) {
        let column = documentColumn(field.value, footnotes: field.footnoteIDs)
        let result = Normalize.decimal(field.value)
        report(result.issue, column: column, raw: field.value)
        json.number(digits: result.value)
    }

    mutating func date(_ raw: String?, footnotes: [String] = []) {
        let column = documentColumn(raw, footnotes: footnotes)
        let result = Normalize.date(raw)
        report(result.issue, column: column, raw: raw)
        json.string(result.value)
    }

    mutating func date(_ field: Field) { date(field.value, footnotes: field.footnoteIDs) }

    mutating func boolean(_ raw: String?, footnotes: [String] = []) {
        let column = documentColumn(raw, footnotes: footnotes)
        let result = Normalize.boolean(raw)
        report(result.issue, column: column, raw: raw)
        json.bool(result.value)
    }

    mutating func cik(_ raw: String?) {
        let column = documentColumn(raw, footnotes: [])
        let result = Normalize.cik(raw)
        report(result.issue, column: column, raw: raw)
        json.string(result.value)
    }

    mutating func code(_ raw: String?, in list: CodeList?, footnotes: [String] = []) {
        let column = documentColumn(raw, footnotes: footnotes)
        let result = Normalize.code(raw, in: list)
        report(result.issue, column: column, raw: raw)
        json.string(result.value)
    }

    mutating func code(_ field: Field, in list: CodeList?) { code(field.value, in: list, footnotes: field.footnoteIDs) }

    /// Starts a column holding a document value: records its footnotes and, for a Windows-1252 document, the
    /// encoding issue, which comes before any issue of the value itself.
    private mutating func documentColumn(_ raw: String?, footnotes: [String]) -> StaticString {
        let column = nextColumn()
        if !footnotes.isEmpty { footnoteIDs.append((column, footnotes)) }
        if flagsNonASCII, let raw, Normalize.containsNonASCII(raw) {
            issues.append((column, .invalidEncoding, Normalize.string(raw) ?? raw))
        }
        return column
    }

    /// The raw of an issue is the filed text without its surrounding whitespace (layout, not content).
    private mutating func report(_ issue: ValueIssueCode?, column: StaticString, raw: String?) {
        guard let issue, let raw else { return }
        issues.append((column, issue, Normalize.string(raw) ?? raw))
    }
}

extension FootnoteGroup {
    /// The key as a static string, as `footnote_ids` keys are written.
    var columnKey: StaticString {
        switch self {
        case .transactionAmounts: "transaction_amounts"
        case .postTransactionAmounts: "post_transaction_amounts"
        case .ownershipNature: "ownership_nature"
        case .underlyingSecurity: "underlying_security"
        }
    }
}
