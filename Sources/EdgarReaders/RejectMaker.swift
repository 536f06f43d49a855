import EdgarCore

/// Builds the read-stage rejects of one source, so every reject names the archive the same way.
struct RejectMaker {
    let label: String

    func make(_ code: RejectCode, member: String?, _ message: String, excerpt: UnsafeRawBufferPointer? = nil) -> Reject {
        Reject(
            source: SourceRef(archive: label, member: member), stage: .read, code: code, message: message,
            excerpt: excerpt.flatMap { $0.isEmpty ? nil : Reject.excerpt(of: $0) })
    }

    func make(_ code: RejectCode, member: String?, _ message: String, excerptBytes: [UInt8]) -> Reject {
        Reject(
            source: SourceRef(archive: label, member: member), stage: .read, code: code, message: message,
            excerpt: excerptBytes.isEmpty ? nil : Reject.excerpt(of: excerptBytes))
    }

    func failure(_ code: RejectCode, keepable: Bool, _ message: String) -> SourceFailure {
        SourceFailure(reject: make(code, member: nil, message), keepable: keepable)
    }
}
