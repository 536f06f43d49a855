import EdgarCore

/// Row-level agreement between the XML and the text layout of the same filing: the rows of the XML, with what the
/// text layout cannot show taken out (docs/TABLES.md, "Layouts"), must equal the rows
/// read from its text rendering.
public enum LayoutAgreement {
    public typealias Row = [String: JSONValue]
    public typealias Rows = [Table: [Row]]

    /// The rows of an encoded filing, per table.
    public static func rows(_ filing: EncodedFiling) throws -> Rows {
        var out: Rows = [:]
        for (table, chunk) in filing.tables { out[table] = try JSONValue.rows(chunk.bytes) }
        return out
    }

    /// The rows of the XML as the text layout can carry them. Besides the nulls docs/TABLES.md lists:
    /// - `street1` is the street line of box 1, which shows `street1` and `street2` together;
    /// - `no_securities_owned` false is not shown (the form prints only the "No securities" line);
    /// - Form 5 has no V column, so timeliness is not shown at all there.
    ///
    /// (1.1) With `layout` `.html`, as the SEC's HTML view carries them: CIKs and `street1`/`street2` are shown, and
    /// the page prints every relationship box, Forms 4 and 5's Section 16 box and Form 5's two boxes, so a boolean
    /// the XML leaves out shows as an unchecked box (false).
    /// `printedBoxes` is that last rule alone, for text converted from such a page.
    public static func carriedByText(_ rows: Rows, layout: Layout = .text, printedBoxes: Bool = false) -> Rows {
        let html = layout == .html
        let printed = html || printedBoxes
        let formType = rows[.filings]?.first?["form_type"]?.stringValue ?? ""
        let form = formType.first ?? "4"
        var out: Rows = [:]
        for (table, tableRows) in rows {
            out[table] = tableRows.map { row in
                var r = row
                func null(_ keys: String...) {
                    for key in keys where r[key] != nil { r[key] = .null }
                    dropFootnotes(keys)
                }
                func dropFootnotes(_ keys: [String]) {
                    guard case .object(var ids)? = r["footnote_ids"] else { return }
                    for key in keys { ids[key] = nil }
                    r["footnote_ids"] = .object(ids)
                }
                switch table {
                case .filings:
                    null("schema_version", "issuer_foreign_trading_symbol")
                    if !html { null("issuer_cik") }
                    if r["no_securities_owned"] == .bool(false) { r["no_securities_owned"] = .null }
                    if printed {
                        var boxes = form == "3" ? [] : ["not_subject_to_section16"]
                        if form == "5" { boxes += ["form3_holdings_reported", "form4_transactions_reported"] }
                        for key in boxes where r[key] == .null { r[key] = .bool(false) }
                    }
                case .reportingOwners:
                    null("state_description", "non_us_address", "non_us_state_territory", "country")
                    if printed {
                        for key in ["is_director", "is_officer", "is_ten_percent_owner", "is_other"] where r[key] == .null {
                            r[key] = .bool(false)
                        }
                    }
                    if html { break }
                    null("owner_cik")
                    let street = [r["street1"]?.stringValue, r["street2"]?.stringValue].compactMap { $0 }
                    r["street1"] = street.isEmpty ? .null : .string(street.joined(separator: " "))
                    r["street2"] = .null
                case .nonDerivativeTransactions, .derivativeTransactions:
                    null("transaction_form_type", "equity_swap_involved")
                    if form == "5" {
                        null("transaction_timeliness")
                    } else if r["transaction_timeliness"] != .string("E") {
                        r["transaction_timeliness"] = .null
                    }
                    if table == .derivativeTransactions { dropFootnotes(["acquired_disposed_code"]) }
                case .nonDerivativeHoldings, .derivativeHoldings:
                    null("transaction_form_type")
                    if table == .derivativeHoldings && form == "3" {
                        null("shares_owned_following_transaction", "value_owned_following_transaction")
                    }
                default:
                    break
                }
                return comparable(r)
            }
        }
        return out
    }

    /// The rows of the text rendering, made comparable: only `layout` differs by design.
    public static func fromText(_ rows: Rows) -> Rows {
        rows.mapValues { $0.map(comparable) }
    }

    /// `layout` is the one column that must differ; an issue's `raw` is the value as filed, which differs between
    /// a value written in XML and the same value shown for display, so issues compare on field and code. The text
    /// of footnotes and remarks is a run of lines in the text layout: its words and their order are carried, its
    /// indentation and blank lines are not, so it compares with every whitespace run as one space.
    private static func comparable(_ row: Row) -> Row {
        var r = row
        if r["layout"] != nil { r["layout"] = .null }
        for key in ["text", "remarks"] {
            if case .string(let s)? = r[key] {
                r[key] = .string(s.split(whereSeparator: \.isWhitespace).joined(separator: " "))
            }
        }
        if case .array(let issues)? = r["issues"] {
            r["issues"] = .array(
                issues.map { issue in
                    guard var o = issue.objectValue else { return issue }
                    o["raw"] = nil
                    return .object(o)
                })
        }
        return r
    }

    /// Every difference between the XML rows (as carried) and the text rows, as `table[row].column: xml | text`.
    public static func differences(xml: Rows, text: Rows, layout: Layout = .text, printedBoxes: Bool = false) -> [String] {
        let a = carriedByText(xml, layout: layout, printedBoxes: printedBoxes)
        let b = fromText(text)
        var out: [String] = []
        for table in Table.dataTables {
            let left = a[table] ?? []
            let right = b[table] ?? []
            if left.count != right.count {
                out.append("\(table.rawValue): \(left.count) XML rows, \(right.count) text rows")
                continue
            }
            for (index, (l, r)) in zip(left, right).enumerated() {
                for key in Set(l.keys).union(r.keys).sorted() where l[key] != r[key] {
                    out.append("\(table.rawValue)[\(index + 1)].\(key): \(l[key] ?? .null) | \(r[key] ?? .null)")
                }
            }
        }
        return out
    }
}
