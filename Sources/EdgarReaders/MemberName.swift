/// Member names are labels only: kept as read, with NUL and invalid UTF-8 bytes shown as U+FFFD.
enum MemberName {
    static func label<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // 0xFF is never valid UTF-8, so mapping NUL to it makes the decoder substitute U+FFFD.
        if !bytes.contains(0) { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 == 0 ? 0xFF : $0 }, as: UTF8.self)
    }
}
