import CEdgarLibXML2
import EdgarCore

/// Everything the SAX callbacks touch, reached through the `userData` pointer.
///
/// A plain struct behind an `UnsafeMutablePointer`, not a class property: mutating a class's stored struct from
/// C callbacks costs a dynamic exclusivity check per access, which measured +45% per document (docs/PERFORMANCE.md,
/// "XML").
struct SAXState {
    var builder: OwnershipDocumentBuilder
    let tags = OwnershipTagTable()
    var context: xmlParserCtxtPtr?
    /// Set by a callback that stopped the parser on purpose.
    var rejection: DocumentRejection?
    /// The root element's name when it is not `ownershipDocument`.
    var foreignRoot: String?
    /// libxml2's first error in this document: the pull parser goes on after it and its last error is usually
    /// a consequence ("Premature end of data") rather than the cause.
    var firstError: (code: Int32, line: Int, message: String)?

    init(limits: XMLLimits) {
        builder = OwnershipDocumentBuilder(maxDepth: limits.maxDepth)
    }

    func deallocate() {
        builder.deallocate()
        tags.deallocate()
    }

    mutating func stop(_ rejection: DocumentRejection) {
        self.rejection = rejection
        if let context { xmlStopParser(context) }
    }

    var line: Int {
        guard let context else { return 0 }
        return Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    }
}

enum SAXHandler {
    /// The SAX2 handler: elements, text, and a DOCTYPE tripwire. Everything else (entity declarations, external
    /// subsets, processing instructions, comments) stays NULL, so libxml2 neither resolves nor reports it.
    static func make() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            SAXHandler.startElement(ctx, localname, attributes, Int(attributeCount))
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            ctx.assumingMemoryBound(to: SAXState.self).pointee.builder.end()
        }
        handler.characters = { ctx, bytes, count in SAXHandler.characters(ctx, bytes, count) }
        handler.ignorableWhitespace = { ctx, bytes, count in SAXHandler.characters(ctx, bytes, count) }
        handler.cdataBlock = { ctx, bytes, count in SAXHandler.characters(ctx, bytes, count) }
        handler.internalSubset = { ctx, _, _, _ in SAXHandler.doctype(ctx) }
        handler.serror = { ctx, error in SAXHandler.recordError(ctx, error) }
        return handler
    }

    private static func startElement(
        _ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int
    ) {
        guard let ctx, let localname else { return }
        let state = ctx.assumingMemoryBound(to: SAXState.self)
        let tag = state.pointee.tags.tag(ofInterned: localname)
        // Only footnotes read their `id`; a literal nil elsewhere spares a release per element.
        let outcome =
            tag == .footnoteId || tag == .footnote
            ? state.pointee.builder.start(tag, name: localname, id: idAttribute(attributes, attributeCount))
            : state.pointee.builder.start(tag, name: localname, id: nil)
        switch outcome {
        case .proceed:
            break
        case .foreignRoot:
            state.pointee.foreignRoot = String(cString: localname)
        case .tooDeep:
            let line = state.pointee.line
            let limit = state.pointee.builder.maxDepth
            state.pointee.stop(DocumentRejection(
                .malformedXML, "line \(line): elements nested deeper than the limit of \(limit)"))
        }
    }

    private static func characters(_ ctx: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard let ctx, let bytes, count > 0 else { return }
        ctx.assumingMemoryBound(to: SAXState.self).pointee.builder.characters(bytes, count: Int(count))
    }

    private static func recordError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
        guard let ctx, let error else { return }
        let state = ctx.assumingMemoryBound(to: SAXState.self)
        guard state.pointee.firstError == nil, error.pointee.code != 0 else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
        state.pointee.firstError = (error.pointee.code, Int(error.pointee.line), message)
    }

    /// Any DOCTYPE, with or without an internal subset: an ownership document never has one, and stopping here,
    /// before the subset is read, means no entity is declared, expanded or fetched.
    private static func doctype(_ ctx: UnsafeMutableRawPointer?) {
        guard let ctx else { return }
        let state = ctx.assumingMemoryBound(to: SAXState.self)
        let line = state.pointee.line
        state.pointee.stop(DocumentRejection(
            .unsafeXML, "line \(line): DOCTYPE declaration refused; nothing was expanded or fetched"))
    }

    /// The `id` attribute: libxml2 passes 5 pointers per attribute (localname, prefix, URI, value, value end),
    /// the value already entity-decoded and not NUL-terminated.
    private static func idAttribute(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) -> String? {
        guard let attributes else { return nil }
        for i in 0..<count {
            guard let name = attributes[i * 5], name[0] == UInt8(ascii: "i"), name[1] == UInt8(ascii: "d"),
                name[2] == 0, let value = attributes[i * 5 + 3], let end = attributes[i * 5 + 4]
            else { continue }
            return String(decoding: UnsafeBufferPointer(start: value, count: end - value), as: UTF8.self)
        }
        return nil
    }
}
