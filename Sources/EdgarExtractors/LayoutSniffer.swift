import EdgarCore

/// What a body looks like, as far as picking a parser goes.
public enum ContentKind: Sendable, Equatable {
    /// XML whose root element is `ownershipDocument`.
    case ownershipXML
    /// XML (it has an XML declaration) with another root element, e.g. a Form D `edgarSubmission`.
    case otherXML(root: String)
    /// An XML declaration but no root element after it: handed to the XML parser, which says what is wrong.
    case xmlWithoutRoot
    /// The plain-text rendering of a Form 3, 4 or 5 (docs/TABLES.md, "Layouts").
    case textLayout
    /// (1.1) The SEC's HTML view of a Form 3, 4 or 5 (docs/TABLES.md, "Layouts").
    case htmlView
    /// Anything else: HTML, pre-2003 free-form text, binary, junk.
    case other
}

/// Layout recognition on bytes, used for envelope documents and loose files alike. It looks at the first
/// significant content for XML (skipping a BOM, whitespace, the XML declaration, comments and a DOCTYPE) and
/// otherwise for the three markers of the text layout. Never parses anything as XML.
public enum LayoutSniffer {
    /// The layout of `body`: `.xml` for ownership XML (or an XML declaration with no root yet), `.text` for the
    /// text layout, nil for anything else.
    public static func layout(of body: some Collection<UInt8>) -> Layout? {
        switch classify(body) {
        case .ownershipXML, .xmlWithoutRoot: .xml
        case .textLayout: .text
        case .htmlView: .html
        case .otherXML, .other: nil
        }
    }

    public static func classify(_ body: some Collection<UInt8>) -> ContentKind {
        if let kind = body.withContiguousStorageIfAvailable({ classify(buffer: $0) }) { return kind }
        return Array(body).withUnsafeBufferPointer { classify(buffer: $0) }
    }

    public static func classify(buffer: UnsafeBufferPointer<UInt8>) -> ContentKind {
        classify(ByteScan(buffer), 0..<buffer.count)
    }

    static func classify(_ scan: ByteScan, _ range: Range<Int>) -> ContentKind {
        let start = scan.skipWhitespace(from: range.lowerBound, end: range.upperBound)
        let declared = scan.hasPrefix(xmlDeclaration, at: start)
            && start + 5 < range.upperBound && (scan[start + 5].isSpaceTabCROrLF || scan[start + 5] == 0x3F)
        let root = start < range.upperBound && scan[start] == .lessThan
            ? rootElement(scan, from: start, end: range.upperBound) : nil
        if let root, isOwnershipDocument(scan, root) { return .ownershipXML }
        let isHTML = root.map { scan.localName($0).count == 4 && scan.hasPrefix(html, at: scan.localName($0).lowerBound) }
        if isHTML == true, isHTMLView(scan, range) { return .htmlView }
        if declared {
            guard let root else { return .xmlWithoutRoot }
            return isHTML == true ? .other : .otherXML(root: scan.string(root, limit: 128))
        }
        if isHTML == true { return .other }
        return isTextLayout(scan, range) ? .textLayout : .other
    }

    /// Whether the body is the text layout: a form title, the box-1 label, and a TAB-separated table header
    /// line ("1. Title of Security (Instr. 3)<TAB>2. …"). The TAB is what tells it from the pre-2003 free-form
    /// text Forms 4 (`|` columns) and from HTML renderings, which carry the same words.
    static func isTextLayout(_ scan: ByteScan, _ range: Range<Int>) -> Bool {
        let (from, end) = (range.lowerBound, range.upperBound)
        guard scan.find(changesTitle, from: from, end: end) != nil || scan.find(initialTitle, from: from, end: end) != nil,
            scan.find(nameAndAddress, from: from, end: end) != nil
        else { return false }
        for label in [titleOfSecurity, titleOfDerivativeSecurity] {
            var i = from
            while let hit = scan.find(label, from: i, end: end) {
                let lineEnd = min(scan.lineEnd(from: hit), end)
                if scan.index(of: .tab, from: hit, end: lineEnd) != nil { return true }
                i = lineEnd
            }
        }
        return false
    }

    /// Whether an `<html>` page is the SEC's view of a Form 3, 4 or 5: one of the three OMB numbers and the box-1
    /// label (whose words a page may wrap after "Reporting"). The words are the text layout's, the markup is HTML.
    static func isHTMLView(_ scan: ByteScan, _ range: Range<Int>) -> Bool {
        let (from, end) = (range.lowerBound, range.upperBound)
        guard scan.find(nameAndAddressWrapped, from: from, end: end) != nil else { return false }
        return ombNumbers.contains { scan.find($0, from: from, end: end) != nil }
    }

    /// The name of the first element as a String (for messages).
    static func rootElementName(_ scan: ByteScan, from: Int, end: Int) -> String? {
        rootElement(scan, from: from, end: end).map { scan.string($0, limit: 128) }
    }

    /// Whether the element name at `name` is `ownershipDocument` (any namespace prefix). XML names are
    /// case-sensitive.
    static func isOwnershipDocument(_ scan: ByteScan, _ name: Range<Int>) -> Bool {
        let local = scan.localName(name)
        guard local.count == ownershipDocument.count else { return false }
        for (k, b) in ownershipDocument.enumerated() where scan[local.lowerBound + k] != b { return false }
        return true
    }

    /// The name of the first element, after the prolog (processing instructions, comments, DOCTYPE with an
    /// internal subset). Nil when the content before it is not markup or ends first.
    static func rootElement(_ scan: ByteScan, from: Int, end: Int) -> Range<Int>? {
        var i = from
        while true {
            i = scan.skipWhitespace(from: i, end: end)
            guard i + 1 < end, scan[i] == .lessThan else { return nil }
            if scan[i + 1] == 0x3F {  // <? … ?>
                guard let close = scan.find(piEnd, from: i + 2, end: end) else { return nil }
                i = close + 2
            } else if scan.hasPrefix(commentStart, at: i) {
                guard let close = scan.find(commentEnd, from: i + 4, end: end) else { return nil }
                i = close + 3
            } else if scan[i + 1] == 0x21 {  // <!DOCTYPE …[ … ]>
                var depth = 0
                var k = i + 2
                while k < end {
                    let b = scan[k]
                    if b == 0x5B { depth += 1 } else if b == 0x5D { depth -= 1 } else if b == .greaterThan && depth <= 0 { break }
                    k += 1
                }
                guard k < end else { return nil }
                i = k + 1
            } else {
                var k = i + 1
                while k < end, k - i <= 128 {
                    let b = scan[k]
                    if b.isSpaceTabCROrLF || b == .greaterThan || b == 0x2F { break }
                    k += 1
                }
                guard k > i + 1 else { return nil }
                return (i + 1)..<k
            }
        }
    }

    private static let ownershipDocument = Array("ownershipDocument".utf8)
    private static let html = BytePattern("html")
    private static let xmlDeclaration = BytePattern("<?xml")
    private static let piEnd = BytePattern("?>")
    private static let commentStart = BytePattern("<!--")
    private static let commentEnd = BytePattern("-->")
    private static let changesTitle = BytePattern("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP")
    private static let initialTitle = BytePattern("STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES")
    private static let nameAndAddress = BytePattern("Name and Address of Reporting Person")
    private static let nameAndAddressWrapped = BytePattern("Name and Address of Reporting")
    private static let ombNumbers = [BytePattern("3235-0104"), BytePattern("3235-0287"), BytePattern("3235-0362")]
    private static let titleOfSecurity = BytePattern("Title of Security")
    private static let titleOfDerivativeSecurity = BytePattern("Title of Derivative Security")
}

extension LayoutSniffer {
    /// Cheap check used on every non-ownership-typed document of a submission: is its root `ownershipDocument`?
    static func hasOwnershipRoot(_ scan: ByteScan, _ range: Range<Int>) -> Bool {
        let start = scan.skipWhitespace(from: range.lowerBound, end: range.upperBound)
        guard start < range.upperBound, scan[start] == .lessThan,
            let root = rootElement(scan, from: start, end: range.upperBound)
        else { return false }
        return isOwnershipDocument(scan, root)
    }
}
