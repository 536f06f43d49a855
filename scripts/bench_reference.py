#!/usr/bin/env python3
"""A straightforward Python version of `edgar-etl run` for daily-feed archives: the yardstick of scripts/bench.

Reads a `YYYYMMDD.nc.tar.gz` with tarfile (streaming), splits each SGML submission with regular expressions,
parses the XML ownership documents with lxml (xml.etree when lxml is missing), builds the rows of the eight
main tables of docs/TABLES.md (same columns, same value rules) and writes them as gzip NDJSON,
one file per table and partition, plus a small manifest.

It is written the way a data engineer would write it, with the usual tools, not tuned and not hobbled.
Not covered: the text layout (those documents are counted and skipped), rejects files, zip/.txt/.gz inputs,
`invalid_encoding` detection, and decimals are carried as Python int/float (exact up to ~15 digits), where
edgar-etl keeps the filed digits.

    bench_reference.py ARCHIVE --output OUT [--compression-level 6]
"""

import argparse
import datetime
import gzip
import hashlib
import json
import os
import re
import sys
import tarfile

try:
    from lxml import etree

    XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    HAVE_LXML = True
except ImportError:  # pragma: no cover - the fallback is slower and says so
    import xml.etree.ElementTree as etree

    XML_PARSER = None
    HAVE_LXML = False

PARSER_VERSION = "python-reference-1"
OWNERSHIP_TYPES = {"3", "3/A", "4", "4/A", "5", "5/A"}

HEADER_FIELD = re.compile(rb"<(ACCESSION-NUMBER|TYPE|FILING-DATE|PERIOD)>([^\r\n]*)")
DOCUMENT = re.compile(rb"<DOCUMENT>(.*?)</DOCUMENT>", re.S)
DOC_TYPE = re.compile(rb"<TYPE>([^\r\n]*)")
DOC_SEQUENCE = re.compile(rb"<SEQUENCE>([^\r\n]*)")
XML_BODY = re.compile(rb"<XML>\s*(.*?)\s*</XML>", re.S)
ACCESSION = re.compile(r"(\d{10})-?(\d{2})-?(\d{6})")

TRANSACTION_CODES = set("ACDEFGHIJLMOPSUWXZ")
CODE_LISTS = {
    "transaction_code": TRANSACTION_CODES,
    "acquired_disposed_code": {"A", "D"},
    "direct_or_indirect_ownership": {"D", "I"},
    "transaction_timeliness": {"E", "L"},
}


# ---------------------------------------------------------------------------------------------- value rules


class Row:
    """Collects one row's values, footnote references and issues."""

    def __init__(self):
        self.values = {}
        self.footnotes = {}
        self.issues = []

    def issue(self, column, code, raw):
        self.issues.append({"field": column, "code": code, "raw": raw})

    def put(self, column, value):
        self.values[column] = value

    def string(self, column, text):
        text = text.strip() if text is not None else None
        self.values[column] = text or None

    def date(self, column, text):
        text = (text or "").strip()
        if not text:
            self.values[column] = None
            return
        m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:[+-]\d{2}:\d{2}|Z)?", text) or None
        if m:
            y, mo, d = m.groups()
        else:
            m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
            if m:
                mo, d, y = m.groups()
        try:
            self.values[column] = datetime.date(int(y), int(mo), int(d)).isoformat() if m else None
        except ValueError:
            self.values[column] = None
        if self.values[column] is None:
            self.issue(column, "invalid_date", text)

    def decimal(self, column, text):
        text = (text or "").strip()
        if not text:
            self.values[column] = None
            return
        cleaned = text.replace(",", "").replace("\\$", "").replace("$", "").strip()
        try:
            number = float(cleaned)
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError(cleaned)
            self.values[column] = int(number) if number.is_integer() and abs(number) < 2**53 else number
        except ValueError:
            self.values[column] = None
            self.issue(column, "invalid_decimal", text)

    def boolean(self, column, text):
        text = (text or "").strip().lower()
        if not text:
            self.values[column] = None
        elif text in ("1", "true"):
            self.values[column] = True
        elif text in ("0", "false"):
            self.values[column] = False
        else:
            self.values[column] = None
            self.issue(column, "invalid_boolean", text)

    def cik(self, column, text):
        text = (text or "").strip()
        if not text:
            self.values[column] = None
        elif text.isdigit() and len(text) <= 10:
            self.values[column] = text.zfill(10)
        else:
            self.values[column] = None
            self.issue(column, "invalid_cik", text)

    def code(self, column, text):
        text = (text or "").strip().upper()
        self.values[column] = text or None
        allowed = CODE_LISTS.get(column)
        if text and allowed is not None and text not in allowed:
            self.issue(column, "unknown_code", text)

    def refs(self, column, ids):
        if ids:
            self.footnotes.setdefault(column, []).extend(ids)

    def finish(self, with_footnotes):
        if with_footnotes:
            self.values["footnote_ids"] = self.footnotes
        self.values["issues"] = self.issues
        return self.values


# ------------------------------------------------------------------------------------------------ XML rows


def text_of(element, name):
    child = element.find(name)
    return child.text if child is not None else None


def field(element, name):
    """A value container (`<x><value>…</value><footnoteId id=…/></x>`) anywhere below `element`."""
    node = element.find(".//" + name)
    if node is None:
        return None, []
    value = node.find("value")
    return (value.text if value is not None else None), [f.get("id") for f in node.findall("footnoteId")]


def coding(row, element, code_column):
    node = element.find("transactionCoding")
    if node is None:
        row.code("transaction_form_type", None)
        if code_column:
            row.code("transaction_code", None)
            row.boolean("equity_swap_involved", None)
        return
    row.code("transaction_form_type", text_of(node, "transactionFormType"))
    ids = [f.get("id") for f in node.findall("footnoteId")]
    if code_column:
        row.code("transaction_code", text_of(node, "transactionCode"))
        row.boolean("equity_swap_involved", text_of(node, "equitySwapInvolved"))
        row.refs("transaction_code", ids)
    else:
        row.refs("transaction_form_type", ids)


# (column, element, kind) in docs/TABLES.md column order; kind "coding" places the transactionCoding columns.
NON_DERIVATIVE_TRANSACTION = [
    ("security_title", "securityTitle", "string"), ("transaction_date", "transactionDate", "date"),
    ("deemed_execution_date", "deemedExecutionDate", "date"), (None, None, "coding"),
    ("transaction_timeliness", "transactionTimeliness", "code"), ("shares", "transactionShares", "decimal"),
    ("price_per_share", "transactionPricePerShare", "decimal"),
    ("acquired_disposed_code", "transactionAcquiredDisposedCode", "code"),
    ("shares_owned_following_transaction", "sharesOwnedFollowingTransaction", "decimal"),
    ("value_owned_following_transaction", "valueOwnedFollowingTransaction", "decimal"),
    ("direct_or_indirect_ownership", "directOrIndirectOwnership", "code"),
    ("nature_of_ownership", "natureOfOwnership", "string"),
]
NON_DERIVATIVE_HOLDING = [
    ("security_title", "securityTitle", "string"), (None, None, "holding-coding"),
    ("shares_owned_following_transaction", "sharesOwnedFollowingTransaction", "decimal"),
    ("value_owned_following_transaction", "valueOwnedFollowingTransaction", "decimal"),
    ("direct_or_indirect_ownership", "directOrIndirectOwnership", "code"),
    ("nature_of_ownership", "natureOfOwnership", "string"),
]
DERIVATIVE_TRANSACTION = [
    ("security_title", "securityTitle", "string"),
    ("conversion_or_exercise_price", "conversionOrExercisePrice", "decimal"),
    ("transaction_date", "transactionDate", "date"), ("deemed_execution_date", "deemedExecutionDate", "date"),
    (None, None, "coding"), ("transaction_timeliness", "transactionTimeliness", "code"),
    ("shares", "transactionShares", "decimal"), ("total_value", "transactionTotalValue", "decimal"),
    ("price_per_share", "transactionPricePerShare", "decimal"),
    ("acquired_disposed_code", "transactionAcquiredDisposedCode", "code"),
    ("exercise_date", "exerciseDate", "date"), ("expiration_date", "expirationDate", "date"),
    ("underlying_security_title", "underlyingSecurityTitle", "string"),
    ("underlying_security_shares", "underlyingSecurityShares", "decimal"),
    ("underlying_security_value", "underlyingSecurityValue", "decimal"),
    ("shares_owned_following_transaction", "sharesOwnedFollowingTransaction", "decimal"),
    ("value_owned_following_transaction", "valueOwnedFollowingTransaction", "decimal"),
    ("direct_or_indirect_ownership", "directOrIndirectOwnership", "code"),
    ("nature_of_ownership", "natureOfOwnership", "string"),
]
DERIVATIVE_HOLDING = [
    ("security_title", "securityTitle", "string"),
    ("conversion_or_exercise_price", "conversionOrExercisePrice", "decimal"), (None, None, "holding-coding"),
    ("exercise_date", "exerciseDate", "date"), ("expiration_date", "expirationDate", "date"),
    ("underlying_security_title", "underlyingSecurityTitle", "string"),
    ("underlying_security_shares", "underlyingSecurityShares", "decimal"),
    ("underlying_security_value", "underlyingSecurityValue", "decimal"),
    ("shares_owned_following_transaction", "sharesOwnedFollowingTransaction", "decimal"),
    ("value_owned_following_transaction", "valueOwnedFollowingTransaction", "decimal"),
    ("direct_or_indirect_ownership", "directOrIndirectOwnership", "code"),
    ("nature_of_ownership", "natureOfOwnership", "string"),
]


def table_row(element, filing_id, index, columns):
    row = Row()
    row.put("filing_id", filing_id)
    row.put("row_index", index)
    for column, name, kind in columns:
        if kind == "coding":
            coding(row, element, code_column=True)
            continue
        if kind == "holding-coding":
            coding(row, element, code_column=False)
            continue
        value, ids = field(element, name)
        getattr(row, kind)(column, value)
        row.refs(column, ids)
    return row.finish(with_footnotes=True)


def document_rows(root, filing_id, accession, envelope_type, filing_date, source):
    """The rows of one ownershipDocument, per table."""
    filing = Row()
    filing.put("filing_id", filing_id)
    filing.put("accession_number", accession)
    filing.put("form_type", (text_of(root, "documentType") or envelope_type or "").strip().upper() or None)
    filing.put("layout", "xml")
    filing.string("schema_version", text_of(root, "schemaVersion"))
    filing.date("period_of_report", text_of(root, "periodOfReport"))
    filing.date("date_of_original_submission", text_of(root, "dateOfOriginalSubmission"))
    filing.date("filing_date", filing_date)
    filing.put("acceptance_datetime", None)  # daily-feed .nc headers do not carry it
    issuer = root.find("issuer")
    issuer = issuer if issuer is not None else etree.Element("issuer")
    filing.cik("issuer_cik", text_of(issuer, "issuerCik"))
    filing.string("issuer_name", text_of(issuer, "issuerName"))
    filing.string("issuer_trading_symbol", text_of(issuer, "issuerTradingSymbol"))
    filing.string("issuer_foreign_trading_symbol", text_of(issuer, "issuerForeignTradingSymbol"))
    for column, name in (("no_securities_owned", "noSecuritiesOwned"),
                         ("not_subject_to_section16", "notSubjectToSection16"),
                         ("form3_holdings_reported", "form3HoldingsReported"),
                         ("form4_transactions_reported", "form4TransactionsReported"),
                         ("aff10b5_one", "aff10b5One")):
        filing.boolean(column, text_of(root, name))
    filing.string("remarks", text_of(root, "remarks"))
    filing.put("source", source)
    filing.put("parser_version", PARSER_VERSION)
    tables = {"filings": [filing.finish(with_footnotes=False)]}

    owners = []
    for i, owner in enumerate(root.findall("reportingOwner"), 1):
        row = Row()
        row.put("filing_id", filing_id)
        row.put("owner_index", i)
        row.cik("owner_cik", owner.findtext(".//rptOwnerCik"))
        for column, name in (("owner_name", "rptOwnerName"), ("street1", "rptOwnerStreet1"),
                             ("street2", "rptOwnerStreet2"), ("city", "rptOwnerCity"), ("state", "rptOwnerState"),
                             ("zip_code", "rptOwnerZipCode"), ("state_description", "rptOwnerStateDescription")):
            row.string(column, owner.findtext(".//" + name))
        row.boolean("non_us_address", owner.findtext(".//rptOwnerNonUSAddressFlag"))
        row.string("non_us_state_territory", owner.findtext(".//rptOwnerNonUSStateTerritory"))
        row.string("country", owner.findtext(".//rptOwnerCountry"))
        for column, name in (("is_director", "isDirector"), ("is_officer", "isOfficer"),
                             ("is_ten_percent_owner", "isTenPercentOwner"), ("is_other", "isOther")):
            row.boolean(column, owner.findtext(".//" + name))
        row.string("officer_title", owner.findtext(".//officerTitle"))
        row.string("other_text", owner.findtext(".//otherText"))
        owners.append(row.finish(with_footnotes=False))
    tables["reporting_owners"] = owners

    for table, path, columns in (
            ("non_derivative_transactions", "nonDerivativeTable/nonDerivativeTransaction", NON_DERIVATIVE_TRANSACTION),
            ("non_derivative_holdings", "nonDerivativeTable/nonDerivativeHolding", NON_DERIVATIVE_HOLDING),
            ("derivative_transactions", "derivativeTable/derivativeTransaction", DERIVATIVE_TRANSACTION),
            ("derivative_holdings", "derivativeTable/derivativeHolding", DERIVATIVE_HOLDING)):
        tables[table] = [table_row(e, filing_id, i, columns) for i, e in enumerate(root.findall(path), 1)]

    footnotes = []
    for note in root.findall("footnotes/footnote"):
        row = Row()
        row.put("filing_id", filing_id)
        row.string("footnote_id", note.get("id"))
        row.string("text", "".join(note.itertext()))
        footnotes.append(row.finish(with_footnotes=False))
    tables["footnotes"] = footnotes

    signatures = []
    for i, signature in enumerate(root.findall("ownerSignature"), 1):
        row = Row()
        row.put("filing_id", filing_id)
        row.put("signature_index", i)
        row.string("signature_name", signature.findtext("signatureName"))
        row.date("signature_date", signature.findtext("signatureDate"))
        signatures.append(row.finish(with_footnotes=False))
    tables["signatures"] = signatures
    return tables


# ------------------------------------------------------------------------------------------------ the run


class Output:
    """One gzip NDJSON file per (table, partition), opened on first use."""

    def __init__(self, root, source_key, level):
        self.root, self.source_key, self.level = root, source_key, level
        self.files, self.rows = {}, {}

    def write(self, table, partition, row):
        key = (table, partition)
        handle = self.files.get(key)
        if handle is None:
            folder = os.path.join(self.root, table, "year=%s" % partition[0], "month=%s" % partition[1])
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, "part-%s-00000.ndjson.gz" % self.source_key)
            handle = self.files[key] = gzip.open(path, "wt", encoding="utf-8", compresslevel=self.level)
            self.rows[key] = 0
        handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
        handle.write("\n")
        self.rows[key] += 1

    def close(self):
        for handle in self.files.values():
            handle.close()


def partition_of(filing):
    date = filing["filing_date"] or filing["period_of_report"]
    return (date[0:4], date[5:7]) if date else ("unknown", "unknown")


def run(archive, out, level):
    source_key = re.sub(r"[^A-Za-z0-9._-]", "_", os.path.basename(archive))
    output = Output(out, source_key, level)
    counts = {"filings": 0, "skipped": {}, "text_layout_skipped": 0, "malformed_xml": 0}
    with tarfile.open(archive, "r|gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            data = tar.extractfile(member).read()
            process_submission(archive, member.name, data, output, counts)
    output.close()
    with open(archive, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest() if hasattr(hashlib, "file_digest") else \
            hashlib.sha256(f.read()).hexdigest()
    rows = {}
    for (table, _), n in output.rows.items():
        rows[table] = rows.get(table, 0) + n
    manifest = {"contract_version": 1, "parser_version": PARSER_VERSION,
                "source": {"path": archive, "size": os.path.getsize(archive), "sha256": digest},
                "filings": counts["filings"], "rows": rows, "skipped": counts["skipped"],
                "text_layout_skipped": counts["text_layout_skipped"], "malformed_xml": counts["malformed_xml"]}
    os.makedirs(os.path.join(out, "_manifests"), exist_ok=True)
    with open(os.path.join(out, "_manifests", source_key + ".json"), "w") as f:
        json.dump(manifest, f, indent=2)
    return manifest


def process_submission(archive, member_name, data, output, counts):
    header_end = data.find(b"<DOCUMENT>")
    header = {k.decode(): v.strip().decode("latin-1") for k, v in HEADER_FIELD.findall(data[:header_end])}
    submission_type = header.get("TYPE", "").upper()
    if submission_type not in OWNERSHIP_TYPES:
        counts["skipped"][submission_type] = counts["skipped"].get(submission_type, 0) + 1
        return
    accession = header.get("ACCESSION-NUMBER")
    if not accession:
        m = ACCESSION.search(member_name)
        accession = "%s-%s-%s" % m.groups() if m else None
    for document in DOCUMENT.findall(data):
        doc_type = DOC_TYPE.search(document)
        doc_type = doc_type.group(1).strip().decode("latin-1").upper() if doc_type else ""
        if doc_type not in OWNERSHIP_TYPES:
            continue  # EX-24, GRAPHIC, ...
        body = XML_BODY.search(document)
        if body is None:
            counts["text_layout_skipped"] += 1
            continue
        xml = body.group(1)
        try:
            root = etree.fromstring(xml, XML_PARSER) if HAVE_LXML else etree.fromstring(xml)
        except Exception:
            counts["malformed_xml"] += 1
            continue
        sequence = DOC_SEQUENCE.search(document)
        source = {"archive": archive, "member": member_name,
                  "document_sequence": sequence.group(1).strip().decode() if sequence else None}
        filing_id = accession or "sha256:" + hashlib.sha256(xml).hexdigest()[:20]
        tables = document_rows(root, filing_id, accession, doc_type, header.get("FILING-DATE"), source)
        partition = partition_of(tables["filings"][0])
        for table, rows in tables.items():
            for row in rows:
                output.write(table, partition, row)
        counts["filings"] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive")
    parser.add_argument("--output", required=True)
    parser.add_argument("--compression-level", type=int, default=6, help="gzip level (edgar-etl's default is 6)")
    args = parser.parse_args()
    if not HAVE_LXML:
        print("note: lxml is not installed; using xml.etree (slower). pip install lxml", file=sys.stderr)
    manifest = run(args.archive, args.output, args.compression_level)
    print("%d filings, rows %s, text layout skipped %d" % (manifest["filings"], manifest["rows"],
                                                           manifest["text_layout_skipped"]))


if __name__ == "__main__":
    main()
