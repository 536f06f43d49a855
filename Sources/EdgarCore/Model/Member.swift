/// One file's bytes as the reader hands them on: a loose file, a `.gz` payload, or a tar/zip member.
public struct Member: Sendable {
    /// The input path as given.
    public var archive: String
    /// The path inside a tar or zip (a label only, never a path to write to); nil for plain and `.gz` inputs.
    public var path: String?
    public var bytes: [UInt8]

    public init(archive: String, path: String?, bytes: [UInt8]) {
        self.archive = archive
        self.path = path
        self.bytes = bytes
    }

    /// The name used to guess what the member is: the member path, else the archive's file name.
    public var name: String { path ?? archive }
}
