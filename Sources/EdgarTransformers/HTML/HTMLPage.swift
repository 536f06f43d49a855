import CEdgarLibXML2
import EdgarCore

/// What one reading of the tree collects.
struct HTMLPage {
    /// The text layout made of the page's cells.
    var text: [UInt8] = []
    var issuerCIK: String?
    /// Every box 1 in page order (an older stylesheet lists the first owner twice).
    var owners: [OwnerBox] = []

    struct OwnerBox {
        var name: String?
        var cik: String?
        var streets: [String?] = []
        var cityStateZip: [String?] = []

        func apply(to owner: inout ReportingOwner) {
            if let cik { owner.cik = cik }
            if !streets.isEmpty {
                owner.street1 = streets[0]
                owner.street2 = streets.count > 1 ? streets[1...].compactMap { $0 }.joined(separator: " ").nilIfEmpty : nil
            }
            if cityStateZip.count == 3 {
                owner.city = cityStateZip[0]
                owner.state = cityStateZip[1]
                owner.zipCode = cityStateZip[2]
            }
        }
    }

    static func read(_ bytes: UnsafeRawBufferPointer, encoding: String) throws(DocumentRejection) -> HTMLPage {
        let tree = try HTMLTree.parse(bytes, encoding: encoding)
        defer { tree.free() }
        var reader = HTMLPageReader()
        if let root = tree.root { reader.visit(root, depth: 0) }
        reader.page.text = HTMLPageReader.tidy(reader.out)
        return reader.page
    }
}

/// One walk over the tree, writing the cells as text and reading the boxes whose extra values the text loses.
struct HTMLPageReader {
    var out: [UInt8] = []
    var page = HTMLPage()
    private var pendingSpace = false
    private var tableDepth = 0
    /// Deeper elements are ignored: libxml2 bounds the tree's depth itself, this bounds the recursion.
    private static let maxDepth = 512

    mutating func visit(_ node: xmlNodePtr, depth: Int) {
        guard depth < Self.maxDepth else { return }
        if HTMLNode.isText(node) {
            if let content = HTMLNode.content(node) { emit(content) }
            return
        }
        guard HTMLNode.isElement(node) else { return }
        if HTMLNode.named(node, "head") || HTMLNode.named(node, "style") || HTMLNode.named(node, "script")
            || HTMLNode.named(node, "title")
        {
            return
        }
        if HTMLNode.named(node, "table") {
            tableDepth += 1
            if tableDepth == 1 { structural(UInt8(ascii: "\n")) }
            children(node, depth)
            if tableDepth == 1 { structural(UInt8(ascii: "\n")) }
            tableDepth -= 1
        } else if tableDepth == 1, HTMLNode.named(node, "tr") {
            children(node, depth)
            structural(UInt8(ascii: "\n"))
        } else if tableDepth == 1, HTMLNode.named(node, "td") || HTMLNode.named(node, "th") {
            let start = out.count
            children(node, depth)
            readBox(node, cell: start..<out.count)
            structural(UInt8(ascii: "\t"))
        } else {
            pendingSpace = true
            children(node, depth)
            pendingSpace = true
        }
    }

    private mutating func children(_ node: xmlNodePtr, _ depth: Int) {
        var child = node.pointee.children
        while let c = child {
            visit(c, depth: depth + 1)
            child = c.pointee.next
        }
    }

    /// Text with whitespace runs (and no-break spaces) folded to one space, written lazily so that none ends a cell.
    private mutating func emit(_ content: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < content.count {
            let b = content[i]
            if b == 0xC2, i + 1 < content.count, content[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = true
            } else {
                if pendingSpace, let last = out.last, last != 0x0A, last != 0x09 { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
            i += 1
        }
    }

    private mutating func structural(_ byte: UInt8) {
        while out.last == 0x20 { out.removeLast() }
        out.append(byte)
        pendingSpace = false
    }

    // MARK: Boxes

    private static let reportingPerson = Array("name and address of reporting person".utf8)
    private static let issuerName = Array("issuer name".utf8)

    /// A top-level cell: box 1 gives an owner's CIK, street rows and city/state/zip; the issuer box its CIK.
    private mutating func readBox(_ cell: xmlNodePtr, cell range: Range<Int>) {
        let text = out[range]
        if Self.contains(text, Self.reportingPerson) {
            page.owners.append(Self.ownerBox(cell))
        } else if page.issuerCIK == nil, Self.contains(text, Self.issuerName) {
            page.issuerCIK = Self.firstLink(in: cell).flatMap { Self.cik(ofLink: $0) }
        }
    }

    private static func ownerBox(_ cell: xmlNodePtr) -> HTMLPage.OwnerBox {
        var box = HTMLPage.OwnerBox()
        if let link = firstLink(in: cell) {
            box.cik = cik(ofLink: link)
            box.name = collapsedText(link)
        }
        var tables: [xmlNodePtr] = []
        collectTables(cell, into: &tables, depth: 0)
        guard let captions = tables.firstIndex(where: { collapsedText($0)?.contains("(Last)") == true }) else { return box }
        if captions + 1 < tables.count {
            box.streets = rows(of: tables[captions + 1]).map { collapsedText($0) }
        }
        if captions + 2 < tables.count, let row = rows(of: tables[captions + 2]).first {
            let cells = elements(of: row, named: "td")
            let values = cells.map { collapsedText($0) }
            if values.count == 3, !values.contains(where: { $0 == "(City)" }) { box.cityStateZip = values }
        }
        return box
    }

    /// The `CIK=` digits of a link, zero-padding left to the row encoder.
    private static func cik(ofLink link: xmlNodePtr) -> String? {
        guard let href = HTMLNode.attribute(link, "href") else { return nil }
        let utf8 = Array(href.utf8)
        let key = Array("CIK=".utf8)
        guard let at = (0..<max(0, utf8.count - key.count + 1)).first(where: { utf8[$0..<($0 + key.count)].elementsEqual(key) })
        else { return nil }
        let digits = utf8[(at + key.count)...].prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    private static func firstLink(in node: xmlNodePtr, depth: Int = 0) -> xmlNodePtr? {
        guard depth < maxDepth else { return nil }
        var child = node.pointee.children
        while let c = child {
            if HTMLNode.named(c, "a"), HTMLNode.attribute(c, "href").map({ Array($0.utf8).contains(0x3D) }) == true { return c }
            if let found = firstLink(in: c, depth: depth + 1) { return found }
            child = c.pointee.next
        }
        return nil
    }

    /// The tables below `node` that are not inside another table below it, in document order.
    private static func collectTables(_ node: xmlNodePtr, into tables: inout [xmlNodePtr], depth: Int) {
        guard depth < maxDepth else { return }
        var child = node.pointee.children
        while let c = child {
            if HTMLNode.named(c, "table") { tables.append(c) } else { collectTables(c, into: &tables, depth: depth + 1) }
            child = c.pointee.next
        }
    }

    /// The rows of a table (directly or inside its `thead`/`tbody`).
    private static func rows(of table: xmlNodePtr) -> [xmlNodePtr] {
        var rows: [xmlNodePtr] = []
        var child = table.pointee.children
        while let c = child {
            if HTMLNode.named(c, "tr") {
                rows.append(c)
            } else if HTMLNode.named(c, "tbody") || HTMLNode.named(c, "thead") {
                rows += elements(of: c, named: "tr")
            }
            child = c.pointee.next
        }
        return rows
    }

    private static func elements(of node: xmlNodePtr, named name: StaticString) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            if HTMLNode.named(c, name) { found.append(c) }
            child = c.pointee.next
        }
        return found
    }

    /// All text below `node`, whitespace runs folded to one space, trimmed; nil when empty.
    static func collapsedText(_ node: xmlNodePtr) -> String? {
        var reader = HTMLPageReader()
        reader.visitText(node, depth: 0)
        while reader.out.last == 0x20 { reader.out.removeLast() }
        return reader.out.isEmpty ? nil : String(decoding: reader.out, as: UTF8.self)
    }

    private mutating func visitText(_ node: xmlNodePtr, depth: Int) {
        guard depth < Self.maxDepth else { return }
        if HTMLNode.isText(node) {
            if let content = HTMLNode.content(node) { emit(content) }
            return
        }
        guard HTMLNode.isElement(node) else { return }
        if !HTMLNode.named(node, "a"), !HTMLNode.named(node, "span"), !HTMLNode.named(node, "b"), !HTMLNode.named(node, "u") {
            pendingSpace = true
        }
        var child = node.pointee.children
        while let c = child {
            visitText(c, depth: depth + 1)
            child = c.pointee.next
        }
    }

    /// Case-insensitive search of an ASCII lower-case needle whose spaces match one space.
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            var k = 0
            while k < needle.count, haystack[i + k].asciiLowercased == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    /// Spaces around TABs and at line ends carry nothing.
    static func tidy(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        for b in text {
            if b == 0x09 || b == 0x0A {
                while result.last == 0x20 { result.removeLast() }
                result.append(b)
            } else if b == 0x20, result.last == 0x09 || result.last == 0x0A || result.isEmpty {
                continue
            } else {
                result.append(b)
            }
        }
        return result
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
