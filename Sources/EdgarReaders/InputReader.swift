import EdgarCompression
import EdgarCore
import EdgarSystem

/// Stage 1: turns one input file into a stream of members, recognising gzip, tar and zip by their bytes, with
/// memory bounded by the member limit whatever the input size.
public struct InputReader: Sendable {
    public var limits: ReaderLimits
    /// When set, every byte read from an input file is added to it as it is read (for progress).
    public var consumed: ByteCounter?

    public init(limits: ReaderLimits = .init(), consumed: ByteCounter? = nil) {
        self.limits = limits
        self.consumed = consumed
    }

    /// Reads `path` (a file). `label` is the input path as given (goes into `Member.archive` / `SourceRef.archive`).
    /// Calls `body` for each member or member-level reject, in file order. Errors thrown by `body` propagate (used
    /// for cancellation).
    public func read(path: String, label: String, _ body: (ReadEvent) throws -> Void) rethrows -> ReadSummary {
        try readTyped(path: path, label: label, body)
    }

    /// The same as `read`, keeping the closure's error type.
    public func readTyped<E: Error>(
        path: String, label: String, _ body: (ReadEvent) throws(E) -> Void
    ) throws(E) -> ReadSummary {
        let rejects = RejectMaker(label: label)
        let file: InputFile
        do {
            file = try InputFile.open(path)
        } catch {
            return ReadSummary(
                bytesRead: 0, sha256: "", members: 0,
                failure: rejects.failure(.unreadableInput, keepable: false, "cannot \(error)"))
        }
        let stream = SourceStream(file: file, consumed: consumed)
        var members = 0
        var events = 0
        // The format readers throw untyped errors (zlib's, the file's); the body's errors travel boxed so they
        // are told apart from those and rethrown as they came.
        func emit(_ event: ReadEvent) throws {
            events += 1
            if case .member = event { members += 1 }
            do throws(E) { try body(event) } catch { throw BodyError(error: error) }
        }

        var failure: SourceFailure?
        do {
            let first = try stream.next()
            switch SniffedFormat(first) {
            case .empty:
                break
            case .gzip:
                failure = try GzipSource(label: label, limits: limits).read(stream, first: first, emit)
            case .zip:
                failure = try ZipReader(file: file, label: label, limits: limits).read(emit)
            case .tar:
                failure = try readTar(stream, first: first, label: label, emit)
            case .plain:
                try readPlain(stream, first: first, rejects: rejects, emit)
            }
            try stream.drain()
        } catch let error as BodyError<E> {
            throw error.error
        } catch let error as SystemError {
            // An I/O error part-way through: nothing after it can be trusted.
            failure = rejects.failure(.unreadableInput, keepable: false, "cannot \(error)")
        } catch {
            failure = rejects.failure(.unreadableInput, keepable: false, "cannot read \(path): \(error)")
        }
        if failure == nil && events == 0 {
            let message = stream.bytesRead == 0
                ? "the file is empty" : "the archive or compressed stream holds no members"
            do { try emit(.reject(rejects.make(.emptyInput, member: nil, message))) } catch let error as BodyError<E> {
                throw error.error
            } catch {}
        }
        return ReadSummary(bytesRead: stream.bytesRead, sha256: stream.digest(), members: members, failure: failure)
    }

    private func readTar(
        _ stream: SourceStream, first: UnsafeRawBufferPointer, label: String, _ emit: (ReadEvent) throws -> Void
    ) throws -> SourceFailure? {
        var tar = TarDecoder(label: label, maxMemberBytes: limits.maxMemberBytes, siftAbove: limits.siftMembersAbove)
        var chunk = first
        while !chunk.isEmpty {
            try tar.feed(chunk, emit)
            chunk = try stream.next()
        }
        guard let truncation = tar.finish() else { return nil }
        return RejectMaker(label: label).failure(.truncatedArchive, keepable: true, truncation)
    }

    private func readPlain(
        _ stream: SourceStream, first: UnsafeRawBufferPointer, rejects: RejectMaker, _ emit: (ReadEvent) throws -> Void
    ) throws {
        func tooLarge(_ size: String) throws {
            try emit(.reject(rejects.make(
                .memberTooLarge, member: nil,
                "the file is \(size) bytes, above the \(limits.maxMemberBytes)-byte member limit; skipped",
                excerpt: first)))
        }
        guard stream.file.size <= limits.maxMemberBytes else { return try tooLarge("\(stream.file.size)") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stream.file.size)
        bytes.append(raw: first)
        while !stream.atEnd {
            let chunk = try stream.next()
            // The file may have grown since it was opened.
            guard bytes.count + chunk.count <= limits.maxMemberBytes else { return try tooLarge("more than \(bytes.count)") }
            bytes.append(raw: chunk)
        }
        try emit(.member(Member(archive: rejects.label, path: nil, bytes: bytes)))
    }
}

/// An error thrown by the caller's closure, carried through the untyped layers untouched.
struct BodyError<E: Error>: Error {
    var error: E
}

/// The format of an input, from its first bytes (never its name).
enum SniffedFormat {
    case empty, gzip, zip, tar, plain

    init(_ head: UnsafeRawBufferPointer) {
        if head.isEmpty {
            self = .empty
        } else if head.count >= 2 && head[0] == 0x1f && head[1] == 0x8b {
            self = .gzip
        } else if head.count >= 4 && head[0] == 0x50 && head[1] == 0x4b
            && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))
        {
            self = .zip
        } else if TarDecoder.looksLikeTar(head) {
            self = .tar
        } else {
            self = .plain
        }
    }
}
