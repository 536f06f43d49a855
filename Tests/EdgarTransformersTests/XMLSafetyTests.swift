import EdgarCore
import EdgarTransformers
import Foundation
import Testing

/// Hostile and broken inputs: nothing is expanded or fetched, and every refusal says why.
@Suite struct XMLSafetyTests {
    let parser = XMLOwnershipParser()
    typealias H = XMLTestHelpers

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <ownershipDocument><remarks>&lol9;</remarks></ownershipDocument>
        """

    /// The file's first line, so the test can tell whether it leaked into the document.
    static let secretPath = "/etc/hostname"

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE ownershipDocument [ <!ENTITY xxe SYSTEM "file://\(secretPath)"> ]>
        <ownershipDocument><remarks>&xxe;</remarks></ownershipDocument>
        """

    static let externalDTD = """
        <?xml version="1.0"?>
        <!DOCTYPE ownershipDocument SYSTEM "http://127.0.0.1:9/ownership.dtd">
        <ownershipDocument><remarks>x</remarks></ownershipDocument>
        """

    @Test(arguments: [
        ("billion laughs", billionLaughs), ("external entity", externalEntity), ("external DTD", externalDTD),
        ("bare doctype", "<!DOCTYPE ownershipDocument><ownershipDocument/>"),
    ])
    func doctypesAreRefusedBeforeExpansion(_ name: String, _ document: String) throws {
        // Refused as unsafe_xml naming the DOCTYPE: the parser stopped at the declaration, so no entity was expanded
        // and nothing was fetched (an expanded billion laughs would exhaust memory long before a result).
        let rejection = try #require(H.rejection(parser, H.bytes(document)), "\(name) parsed")
        #expect(rejection.code == .unsafeXML, "\(name): \(rejection)")
        #expect(rejection.message.contains("DOCTYPE"))
    }

    @Test func theParserStillWorksAfterAnUnsafeDocument() throws {
        _ = H.rejection(parser, H.bytes(Self.externalEntity))
        let document = try parser.parse(H.bytes("<ownershipDocument><remarks>after</remarks></ownershipDocument>"))
        #expect(document.remarks == "after")
    }

    // An undeclared entity, an unclosed tag, a stray `&`, a document cut between two elements, a lying encoding
    // declaration and nesting past --max-xml-depth: each reject with its message is a case in Tests/Cases/xml-rejects.

    @Test func everyTruncationIsMalformedWithLine() throws {
        let full = H.bytes("<?xml version=\"1.0\"?>\n<ownershipDocument>\n<issuer>\n<issuerName>X</issuerName>\n</issuer>\n</ownershipDocument>\n")
        let rootClosed = full.count - 1  // the final "\n" may go; any shorter prefix is cut inside the document
        for length in 0..<rootClosed {
            let rejection = try #require(H.rejection(parser, Array(full.prefix(length))), "prefix of \(length) bytes parsed")
            #expect(rejection.code == .malformedXML)
            #expect(rejection.message.hasPrefix("line "), "\(rejection.message)")
        }
        #expect(try parser.parse(Array(full.prefix(rootClosed))).issuer.name == "X")
    }

    @Test func emptyAndBlankDocumentsAreMalformed() throws {
        for document in ["", " \n\r\n\t"] {
            let rejection = try #require(H.rejection(parser, H.bytes(document)))
            #expect(rejection.code == .malformedXML)
            #expect(rejection.message.contains("no root element"), "\(rejection.message)")
        }
    }

    /// One level less than the case xml-rejects/deeper-than-limit (rejected at depth 8) still parses.
    @Test func justWithinTheDepthLimitParses() throws {
        let parser = XMLOwnershipParser(limits: XMLLimits(maxDepth: 8))
        let shallow = "<ownershipDocument>" + String(repeating: "<a>", count: 7) + String(repeating: "</a>", count: 7)
            + "<remarks>r</remarks></ownershipDocument>"
        #expect(try parser.parse(H.bytes(shallow)).remarks == "r")
    }

    @Test func largerThanTheLimitIsMemberTooLarge() throws {
        let parser = XMLOwnershipParser(limits: XMLLimits(maxDocumentBytes: 100))
        let document = "<ownershipDocument><remarks>" + String(repeating: "x", count: 100) + "</remarks></ownershipDocument>"
        let rejection = try #require(H.rejection(parser, H.bytes(document)))
        #expect(rejection.code == .memberTooLarge)  // contract 1.1: a size limit, not a parse failure
        #expect(rejection.message.contains("larger than the limit of 100"))
    }

    @Test func otherRootsAreNotOwnershipForms() throws {
        let rejection = try #require(H.rejection(parser, H.bytes("<?xml version=\"1.0\"?><edgarSubmission><x/></edgarSubmission>")))
        #expect(rejection == DocumentRejection(.notOwnershipForm, "root element is <edgarSubmission>, not <ownershipDocument>"))
    }

    @Test func undeclaredWindows1252IsRetried() throws {
        var bytes = H.bytes("<?xml version=\"1.0\"?>\n<ownershipDocument><reportingOwner><reportingOwnerId><rptOwnerName>Ren")
        bytes.append(0xE9)  // é in Latin-1 / Windows-1252, invalid as UTF-8
        bytes += H.bytes(" Dupont </rptOwnerName></reportingOwnerId></reportingOwner><remarks>")
        bytes.append(0x93)  // a Windows-1252 left double quote (a C1 control in Latin-1)
        bytes += H.bytes("ok</remarks></ownershipDocument>")
        let document = try parser.parse(bytes)
        #expect(document.reportingOwners.first?.name == "René Dupont ")
        #expect(document.remarks == "\u{201C}ok")
        #expect(document.decodedAsWindows1252)

        // The next document on the same parser is UTF-8 again.
        let next = try parser.parse(H.bytes("<ownershipDocument><remarks>Ren\u{E9}</remarks></ownershipDocument>"))
        #expect(next.remarks == "René")
        #expect(!next.decodedAsWindows1252)
    }

    @Test func aDeclaredEncodingIsHonoured() throws {
        var latin1 = H.bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><ownershipDocument><remarks>Ren")
        latin1.append(0xE9)
        latin1 += H.bytes("</remarks></ownershipDocument>")
        let document = try parser.parse(latin1)
        #expect(document.remarks == "René")
        #expect(!document.decodedAsWindows1252)
        // The same bytes declared UTF-8 are malformed_xml: the case xml-rejects/declared-utf8-is-latin1.
    }

    @Test func leadingWhitespaceAndByteOrderMarkAreSkipped() throws {
        let document = "<?xml version=\"1.0\"?>\n<ownershipDocument><remarks>r</remarks></ownershipDocument>"
        for prefix in ["\n", "\r\n  \t", "\u{FEFF}", "\u{FEFF}\n", ""] {
            #expect(try parser.parse(H.bytes(prefix + document)).remarks == "r", "prefix \(Array(prefix.utf8))")
        }
        #expect(try parser.parse(H.bytes("\n<ownershipDocument><remarks>no declaration</remarks></ownershipDocument>")).remarks
            == "no declaration")
    }

    @Test func entitiesAndCharacterReferencesAreDecoded() throws {
        let document = "<ownershipDocument><remarks>SVP, CLO &amp; Secretary (&quot;NACM&quot;) &lt;&gt;&apos; Jos&#xE9; &#233;<![CDATA[ <raw> & ]]></remarks></ownershipDocument>"
        #expect(try parser.parse(H.bytes(document)).remarks == "SVP, CLO & Secretary (\"NACM\") <>' José é <raw> & ")
    }
}
