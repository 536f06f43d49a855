#if canImport(Glibc)
import Glibc
#endif
import EdgarCore
import EdgarReaders
import FuzzSupport

// InputReader over a fuzzed file (zip, gzip, tar or plain, sniffed from its bytes; the seeds are zips). The
// reader needs a path (the zip central directory is read by offset), so each input is written to one temp
// file per process, reused. Oracles: no crash or hang; no member above the limit; every source failure carries
// a reject.

let limits = ReaderLimits(maxMemberBytes: 1 << 20, maxCompressionRatio: 100)
// tmpfs when there is one: a disk-backed /tmp made the writes the bottleneck (processes waiting on I/O).
let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
let path = "\(directory)/edgar-fuzzzip-\(getpid()).bin"
let reader = InputReader(limits: limits)

func write(_ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fuzzFailure("cannot open \(path)") }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { fuzzFailure("cannot write \(path)") }
        done += n
    }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    write(fuzzBytes(data, count))
    var members = 0
    let summary = reader.read(path: path, label: "fuzz.zip") { event in
        if case .member(let member) = event {
            members += 1
            if member.bytes.count > limits.maxMemberBytes {
                fuzzFailure("member of \(member.bytes.count) bytes emitted, limit \(limits.maxMemberBytes)")
            }
        }
    }
    if summary.members != members { fuzzFailure("summary says \(summary.members) members, \(members) emitted") }
    if summary.bytesRead > count { fuzzFailure("read \(summary.bytesRead) bytes of a \(count)-byte file") }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 { fuzzOne(data, count) }

// libFuzzer leaves through exit(), which runs atexit handlers; the handler cannot capture, so it rebuilds the name.
atexit {
    unlink("/dev/shm/edgar-fuzzzip-\(getpid()).bin")
    unlink("/tmp/edgar-fuzzzip-\(getpid()).bin")
}
runFuzzer { data, count in fuzzOne(data, count) }
