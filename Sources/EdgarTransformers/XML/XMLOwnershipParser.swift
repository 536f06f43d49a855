import CEdgarLibXML2
import EdgarCore

/// Parses the XML variant of Forms 3, 4 and 5 (`ownershipDocument`) into the model, as filed.
///
/// One per worker thread: it reuses one libxml2 SAX2 parser context across documents (`xmlCtxtReadMemory`),
/// which is why it is neither `Sendable` nor shareable. Never expands entities, never loads a DTD, never touches
/// the network or the file system.
public final class XMLOwnershipParser {
    private let limits: XMLLimits
    /// (1.1) `--recover-xml`: a document libxml2 refuses as not well-formed is read again in recover mode.
    private let recover: Bool
    /// Whether the last failed attempt was libxml2 refusing the markup (not a limit, a DTD or a foreign root).
    private var refusedByLibxml2 = false
    private let state: UnsafeMutablePointer<SAXState>
    private var context: xmlParserCtxtPtr
    /// Names a reused context has interned; past this the context is replaced so a long run cannot grow it
    /// without bound (real documents use ~90 names).
    private static let maxInternedNames = 50_000

    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    public init(limits: XMLLimits = .init(), recover: Bool = false) {
        XMLRuntime.initialize()
        self.limits = limits
        self.recover = recover
        state = .allocate(capacity: 1)
        state.initialize(to: SAXState(limits: limits))
        context = Self.makeContext(state)
        state.pointee.context = context
    }

    deinit {
        xmlFreeParserCtxt(context)
        state.pointee.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    public func parse(_ bytes: [UInt8]) throws(DocumentRejection) -> OwnershipDocument {
        // `withUnsafeBytes` rethrows untyped errors; a Result carries the typed one out.
        try bytes.withUnsafeBytes { raw in Result { () throws(DocumentRejection) in try parse(raw) } }.get()
    }

    public func parse(_ bytes: UnsafeRawBufferPointer) throws(DocumentRejection) -> OwnershipDocument {
        guard bytes.count <= limits.maxDocumentBytes, bytes.count <= Int(Int32.max) else {
            // A size limit, not a parse failure: the same code as the member limit (contract 1.1).
            throw DocumentRejection(
                .memberTooLarge, "document of \(bytes.count) bytes is larger than the limit of \(limits.maxDocumentBytes)")
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[XMLProlog.contentStart(bytes)...])
        do throws(DocumentRejection) {
            return try parseWellFormed(body)
        } catch {
            guard recover, refusedByLibxml2 else { throw error }
            return try parseRecovering(body, refused: error)
        }
    }

    private func parseWellFormed(_ body: UnsafeRawBufferPointer) throws(DocumentRejection) -> OwnershipDocument {
        switch attempt(body, encoding: nil) {
        case .success(let document):
            return document
        case .failure(let rejection):
            // Undeclared Latin-1 / Windows-1252 bytes: libxml2 assumes UTF-8 and refuses them, so try once more
            // with the encoding such filings were written in.
            guard rejection.code == .malformedXML, !XMLProlog.declaresEncoding(body), !UTF8Validation.isValid(body)
            else { throw rejection }
            var document = try attempt(body, encoding: "windows-1252").get()
            document.decodedAsWindows1252 = true
            return document
        }
    }

    /// The second reading of a document libxml2 refused: recover mode, which repairs what it can (an attribute
    /// without a value, a bare `&`, a document cut off) and goes on. A DTD still stops it (the DOCTYPE callback
    /// runs in both modes); what it cannot turn into an `ownershipDocument` with an issuer stays the refusal.
    private func parseRecovering(_ body: UnsafeRawBufferPointer, refused: DocumentRejection) throws(DocumentRejection)
        -> OwnershipDocument
    {
        let encoding = !XMLProlog.declaresEncoding(body) && !UTF8Validation.isValid(body) ? "windows-1252" : nil
        // Once a document is not well-formed, libxml2 (2.9) drops every entity reference it meets, `&amp;` too
        // (xmlParseReference returns early): the recover pass reads the five predefined ones, and a bare `&`, as
        // character references, which it still decodes.
        let escaped = XMLAmpersands.asCharacterReferences(body)
        var document: OwnershipDocument
        let outcome = escaped.withUnsafeBytes { attempt($0, encoding: encoding, options: Self.recoverOptions) }
        switch outcome {
        case .success(let recovered): document = recovered
        case .failure(let rejection) where rejection.code == .malformedXML:
            throw DocumentRejection(refused.code, refused.message + " (not recoverable: \(rejection.message))")
        case .failure(let rejection): throw rejection
        }
        guard document.issuer.cik?.isEmpty == false || document.issuer.name?.isEmpty == false else {
            throw DocumentRejection(refused.code, refused.message + " (recover mode found no issuer)")
        }
        document.decodedAsWindows1252 = encoding != nil
        document.recoveredXMLError = refused.message
        return document
    }

    private static let recoverOptions = options | Int32(XML_PARSE_RECOVER.rawValue)

    private func attempt(
        _ body: UnsafeRawBufferPointer, encoding: String?, options: Int32 = XMLOwnershipParser.options
    ) -> Result<OwnershipDocument, DocumentRejection> {
        prepareContext(encoding: encoding)
        refusedByLibxml2 = false
        // Pull parsing over the whole buffer: the push parser's bookkeeping cost ~3% of the parse.
        // xmlCtxtReadMemory refuses a NULL buffer, so an empty body gets a valid pointer and a zero size.
        var blank: CChar = 0
        withUnsafePointer(to: &blank) { blankPointer in
            let base = body.baseAddress?.assumingMemoryBound(to: CChar.self) ?? blankPointer
            _ = xmlCtxtReadMemory(context, base, Int32(body.count), nil, encoding, options)
        }
        if let rejection = state.pointee.rejection { return .failure(rejection) }
        let recovering = options & Int32(XML_PARSE_RECOVER.rawValue) != 0
        if recovering, !state.pointee.builder.sawRoot {
            return .failure(DocumentRejection(.malformedXML, "recover mode found no root element"))
        }
        guard recovering || context.pointee.wellFormed != 0 else {
            refusedByLibxml2 = true
            return .failure(malformed())
        }
        if let root = state.pointee.foreignRoot {
            return .failure(DocumentRejection(.notOwnershipForm, "root element is <\(root)>, not <ownershipDocument>"))
        }
        return .success(state.pointee.builder.takeDocument())
    }

    private func prepareContext(encoding: String?) {
        if xmlDictSize(context.pointee.dict) > Self.maxInternedNames {
            xmlFreeParserCtxt(context)
            state.pointee.tags.forgetInternedNames()
            context = Self.makeContext(state)
            state.pointee.context = context
        }
        state.pointee.builder.reset()
        state.pointee.rejection = nil
        state.pointee.foreignRoot = nil
        state.pointee.firstError = nil
    }

    /// libxml2's own message for its first error, trimmed, behind the line it reported (lines count from the
    /// document's first non-blank line, where parsing starts).
    private func malformed() -> DocumentRejection {
        guard let error = state.pointee.firstError else {
            return DocumentRejection(.malformedXML, "line \(state.pointee.line): libxml2 refused the document")
        }
        let line = error.line > 0 ? error.line : state.pointee.line
        return DocumentRejection(.malformedXML, "line \(line): \(Self.trimmed(error.message))\(explanation(of: error.code))")
    }

    /// An empty document is "Document is empty" to libxml2; say what is missing.
    private func explanation(of code: Int32) -> String {
        guard code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) || code == Int32(XML_ERR_DOCUMENT_END.rawValue),
            !state.pointee.builder.sawRoot
        else { return "" }
        return " (no root element)"
    }

    private static func trimmed(_ message: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = message.firstIndex(where: { !isSpace($0) }), let last = message.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(message[first...last])
    }

    private static func makeContext(_ state: UnsafeMutablePointer<SAXState>) -> xmlParserCtxtPtr {
        var handler = SAXHandler.make()
        guard let context = xmlCreatePushParserCtxt(&handler, UnsafeMutableRawPointer(state), nil, 0, nil) else {
            fatalError("libxml2 could not allocate a parser context")
        }
        return context
    }
}
