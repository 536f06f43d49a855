import CEdgarLibXML2
import EdgarCore

/// A page parsed by libxml2's HTML parser (`htmlCtxtReadMemory`): no network, no entity loading (the HTML parser
/// has no DTD processing, and the process-wide loader denies every external load), errors and warnings silenced,
/// since real pages are tag soup that the parser repairs. The tree is freed with the value's `free()`.
struct HTMLTree {
    let document: xmlDocPtr

    private static let options = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` as `encoding` (an IANA name). Throws `.unrecognizedLayout` when libxml2 builds no tree.
    static func parse(_ bytes: UnsafeRawBufferPointer, encoding: String) throws(DocumentRejection) -> HTMLTree {
        XMLRuntime.initialize()
        guard let context = htmlNewParserCtxt() else { fatalError("libxml2 could not allocate an HTML parser context") }
        defer { htmlFreeParserCtxt(context) }
        var blank: CChar = 0
        let document = withUnsafePointer(to: &blank) { blankPointer in
            let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? blankPointer
            return htmlCtxtReadMemory(context, base, Int32(bytes.count), nil, encoding, options)
        }
        guard let document else { throw DocumentRejection(.unrecognizedLayout, "the HTML parser built no page from the document") }
        return HTMLTree(document: document)
    }

    func free() { xmlFreeDoc(document) }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }
}

/// Reading nodes of the tree.
enum HTMLNode {
    static func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    /// Whether an element's (lower-case, as the HTML parser stores it) name is `name`.
    static func named(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        guard isElement(node), let n = node.pointee.name else { return false }
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        for k in 0..<count where n[k] != expected[k] { return false }
        return n[count] == 0
    }

    /// The text of a text node, as stored (entities already decoded).
    static func content(_ node: xmlNodePtr) -> UnsafeBufferPointer<UInt8>? {
        guard let c = node.pointee.content else { return nil }
        return UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c)))
    }

    /// An attribute's value, decoded.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { cedgar_xml_free(value) }
        return String(cString: value)
    }
}
