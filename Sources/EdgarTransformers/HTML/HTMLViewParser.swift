import EdgarCore

/// Reads the SEC's HTML view of a Form 3, 4 or 5 (docs/TABLES.md, "Layouts") into the same model as the XML.
///
/// The page is parsed by libxml2's HTML parser; its cells become the text layout (each row of a top-level table a
/// line, its cells joined by TAB, anything nested in a cell flattened with single spaces), which the text layout's
/// reader reads by the same rules. What the page shows beyond the text layout is then read from the tree: the CIKs
/// of the issuer's and each owner's link, and box 1's street rows and city, state and zip cells.
public enum HTMLViewParser {
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .init()) throws(DocumentRejection) -> OwnershipDocument {
        guard bytes.count <= limits.maxDocumentBytes, bytes.count <= Int(Int32.max) else {
            throw DocumentRejection(
                .memberTooLarge, "document of \(bytes.count) bytes is larger than the limit of \(limits.maxDocumentBytes)")
        }
        let utf8 = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
        let page = try bytes.withUnsafeBytes { raw in
            Result { () throws(DocumentRejection) in try HTMLPage.read(raw, encoding: utf8 ? "UTF-8" : "windows-1252") }
        }.get()

        var document: OwnershipDocument
        do throws(DocumentRejection) {
            document = try TextLayoutParser.parse(page.text)
        } catch {
            throw DocumentRejection(error.code, "HTML view: " + error.message)
        }
        document.layout = .html
        document.decodedAsWindows1252 = !utf8
        document.issuer.cik = page.issuerCIK
        var next = 0
        for k in document.reportingOwners.indices {
            let name = document.reportingOwners[k].name
            guard let found = page.owners[next...].firstIndex(where: { $0.name == name }) else { continue }
            next = found + 1
            page.owners[found].apply(to: &document.reportingOwners[k])
        }
        return document
    }
}
