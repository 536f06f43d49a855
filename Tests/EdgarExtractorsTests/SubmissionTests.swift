import EdgarCore
import EdgarExtractors
import Testing

/// Synthetic submissions: attachments, amendments, PEM, tag case, missing pieces.
struct SubmissionTests {
    static let uuencoded = """
        begin 644 signature.jpg
        M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``@&!@<&!0@'!P<)"0@*#!0-#`L+
        M#!D2$P\\4'1H?'AT:'!P@)"XG("(L(QP<*#<I+#`Q-#0T'R<Y/3@R/"XS-#+_
        `
        end
        """

    @Test func form4WithExhibitAndUuencodedAttachmentYieldsOnlyTheForm() throws {
        let submission = completeSubmission(
            type: "4",
            documents: [
                ("4", 1, "form4.xml", "<XML>\n\(form4XML)\n</XML>"),
                ("EX-24", 2, "poa.htm", "<html><body>POWER OF ATTORNEY</body></html>"),
                ("GRAPHIC", 3, "signature.jpg", Self.uuencoded),
            ])
        let outcome = extract(bytes(submission), archive: "feed.tar", path: "0000000001-25-000001.txt")
        #expect(outcome.rejects.isEmpty)
        #expect(outcome.skipped.isEmpty)
        try #require(outcome.documents.count == 1)
        let document = outcome.documents[0]
        #expect(text(document.body) == "\n\(form4XML)\n")
        #expect(document.source == SourceRef(archive: "feed.tar", member: "0000000001-25-000001.txt", documentSequence: "1"))
        #expect(document.documentType == "4")
        #expect(document.envelope?.acceptanceDatetime == "20250110160730")
        #expect(document.envelope?.period == "20250109")
        #expect(document.accessionFromName == nil)
    }

    @Test func submissionWithoutAccessionTakesItFromTheMemberName() throws {
        let nc = "<SUBMISSION>\n<TYPE>4\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n\(form4XML)\n</XML>\n</TEXT>\n</DOCUMENT>\n"
        let fromPath = extract(bytes(nc), archive: "0000000001-25-000001.tar", path: "20250213/000112760225004598.nc")
        #expect(fromPath.documents.first?.accessionFromName == "0001127602-25-004598")
        #expect(fromPath.documents.first?.envelope?.accessionNumber == nil)
        let notInherited = extract(bytes(nc), archive: "0000000001-25-000001.tar", path: "20250213/a.nc")
        #expect(notInherited.documents.first?.accessionFromName == nil)
    }

    @Test func amendmentIsAnOwnershipDocument() throws {
        let submission = completeSubmission(type: "4/A", documents: [(" 4/a ", 1, nil, "<XML>\n\(form4XML)\n</XML>")])
        let outcome = extract(bytes(submission))
        try #require(outcome.documents.count == 1)
        #expect(outcome.documents[0].envelope?.submissionType == "4/A")
        #expect(outcome.documents[0].documentType == "4/a")
        #expect(outcome.documents[0].layout == .xml)
    }

    @Test(arguments: ["3", "3/A", "5", "5/A"])
    func otherOwnershipTypesAreSelected(_ type: String) {
        let outcome = extract(bytes(completeSubmission(type: type, documents: [(type, 1, nil, "<XML>\n\(form4XML)\n</XML>")])))
        #expect(outcome.documents.count == 1)
    }

    @Test func documentWithOwnershipRootIsSelectedWhateverItsType() throws {
        let submission = completeSubmission(
            type: "8-K", documents: [("EX-99", 1, nil, "Some exhibit"), ("XML", 2, nil, "<XML>\n\(form4XML)\n</XML>")])
        let outcome = extract(bytes(submission))
        try #require(outcome.documents.count == 1)
        #expect(outcome.documents[0].source.documentSequence == "2")
        #expect(outcome.skipped.isEmpty)
    }

    @Test func textLayoutDocumentKeepsTheBytesBetweenTextTags() throws {
        let layout = "\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n1. Name and Address of Reporting Person* <u>X</u>\n"
            + "1. Title of Security (Instr. 3)\t2. Transaction Date\n"
        let submission = completeSubmission(type: "4", documents: [("4", 1, nil, layout)])
        let document = try #require(extract(bytes(submission)).documents.first)
        #expect(document.layout == .text)
        #expect(text(document.body) == "\n\(layout)\n")
    }

    // An HTML Form 4 (unrecognized_layout), a Form 4 holding another XML form (not_ownership_form), a Form 4 with
    // only exhibits and Form 4 documents cut short (missing_required_field): the cases Tests/Cases/submission-rejects.

    @Test func submissionWithoutOwnershipDocumentIsSkippedUnderItsType() {
        let outcome = extract(bytes(completeSubmission(type: "13F-HR", documents: [("13F-HR", 1, nil, "<XML>\n<?xml version=\"1.0\"?><edgarSubmission/>\n</XML>")])))
        #expect(outcome.skipped == ["13F-HR"])
        #expect(outcome.documents.isEmpty && outcome.rejects.isEmpty)
    }

    @Test func submissionWithoutTypeIsSkippedAsUnknown() {
        let outcome = extract(bytes("<SUBMISSION>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nhello\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"))
        #expect(outcome.skipped == ["UNKNOWN"])
    }

    @Test func envelopeTagsMatchWithoutCase() throws {
        let nc = "<submission>\n<accession-number>0000000002-25-000002\n<type>4\n<filing-date>20250301\n<period>20250228\n"
            + "<document>\n<type>4\n<sequence>7\n<filename>f.xml\n<text>\n<xml>\n\(form4XML)\n</xml>\n</text>\n</document>\n</submission>\n"
        let document = try #require(extract(bytes(nc)).documents.first)
        #expect(document.envelope == Envelope(accessionNumber: "0000000002-25-000002", submissionType: "4", filingDate: "20250301", period: "20250228"))
        #expect(document.source.documentSequence == "7")
        #expect(text(document.body) == "\n\(form4XML)\n")
    }

    @Test func bareAmpersandsInTheEnvelopeAreHarmless() throws {
        let nc = "<SUBMISSION>\n<ACCESSION-NUMBER>0000000002-25-000002\n<TYPE>4\n<ISSUER>\n<COMPANY-DATA>\n"
            + "<ORGANIZATION-NAME>07 Trade & Services\n</COMPANY-DATA>\n</ISSUER>\n"
            + "<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<TEXT>\n<XML>\n\(form4XML)\n</XML>\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"
        #expect(extract(bytes(nc)).documents.count == 1)
    }

    @Test func pemWrapperIsRemovedAndDashEscapesUndone() throws {
        let xml = "<?xml version=\"1.0\"?>\n<ownershipDocument>\n<remarks>\n- - dashed line\n</remarks>\n</ownershipDocument>"
        let inner = completeSubmission(type: "4", documents: [("4", 1, nil, "<XML>\n\(xml)\n</XML>")])
        let pem = """
            -----BEGIN PRIVACY-ENHANCED MESSAGE-----
            Proc-Type: 2001,MIC-CLEAR
            Originator-Name: webmaster@www.sec.gov
            MIC-Info: RSA-MD5,RSA,
             uJrPK/OCrvckcqsp4kkteg==

            \(inner)-----END PRIVACY-ENHANCED MESSAGE-----

            """
        let outcome = extract(bytes(pem))
        try #require(outcome.documents.count == 1)
        #expect(text(outcome.documents[0].body) == "\n<?xml version=\"1.0\"?>\n<ownershipDocument>\n<remarks>\n- dashed line\n</remarks>\n</ownershipDocument>\n")
        #expect(outcome.documents[0].envelope?.accessionNumber == "0000000001-25-000001")
    }

    @Test func imsDocumentIsAnEnvelope() throws {
        let ims = "<IMS-DOCUMENT>0000000003-94-000003.txt : 19940101\n<IMS-HEADER>0000000003-94-000003.hdr.sgml : 19940101\n"
            + "ACCESSION NUMBER:\t\t0000000003-94-000003\nCONFORMED SUBMISSION TYPE:\t10-K\nFILED AS OF DATE:\t\t19940101\n"
            + "</IMS-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<TEXT>\nannual report\n</TEXT>\n</DOCUMENT>\n</IMS-DOCUMENT>\n"
        #expect(extract(bytes(ims)).skipped == ["10-K"])
    }
}
