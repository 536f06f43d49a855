import Foundation

/// A throwaway PostgreSQL server from Debian's `postgresql` package: `initdb` into a temporary folder, started on a
/// free loopback port with its unix socket in that folder, trust authentication, stopped and removed by `stop()`.
///
/// `initdb` refuses to run as root, so as root (CI) the server runs as the `postgres` user the package creates,
/// through `runuser`; `psql` itself runs as the caller, so `\copy` reads the caller's files.
public struct PostgresServer: Sendable {
    public let folder: String
    public let port: Int
    let bin: String
    let asUser: String?

    /// Starts a server, or says why it cannot (the message a skipping test prints).
    public static func start() -> Result<PostgresServer, Unavailable> {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let bin = versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).map({ "/usr/lib/postgresql/\($0)/bin" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") })
        else { return .failure(Unavailable("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")) }
        let asUser: String? = getuid() == 0 ? "postgres" : nil
        let folder = NSTemporaryDirectory() + "edgar-pg-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
            if let asUser {
                guard let user = getpwnam(asUser) else { return .failure(Unavailable("running as root, and no \(asUser) user")) }
                for path in [folder, folder + "/data"] { chown(path, user.pointee.pw_uid, user.pointee.pw_gid) }
            }
            chmod(folder + "/data", 0o700)
        } catch {
            return .failure(Unavailable("cannot make \(folder): \(error)"))
        }
        let server = PostgresServer(folder: folder, port: freePort(), bin: bin, asUser: asUser)
        let initdb = server.tool("initdb", ["-D", folder + "/data", "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"])
        guard let initdb, initdb.status == 0 else {
            server.remove()
            return .failure(Unavailable("initdb failed: \(initdb?.stderr.suffix(400) ?? "cannot start")"))
        }
        let options = "-p \(server.port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off"
        // The server outlives pg_ctl and would hold open whatever it inherits: a pipe we read to its end, or the
        // socket Foundation's Process watches to see the child exit. So pg_ctl writes to a file, and a shell closes
        // every other descriptor before it starts.
        let started = server.tool(
            "pg_ctl", ["-D", folder + "/data", "-o", options, "-l", folder + "/server.log", "-w", "start"],
            outputFile: folder + "/pg_ctl.out", closingDescriptors: true)
        guard let started, started.status == 0 else {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            server.remove()
            return .failure(Unavailable("pg_ctl start failed: \(started?.stderr ?? "cannot start") \(log.suffix(400))"))
        }
        return .success(server)
    }

    /// `psql` on this server, with `ON_ERROR_STOP`; `script` is the SQL to run (`-f`), `arguments` follow it.
    public func psql(file script: String, _ arguments: [String] = []) -> ProcessRun? {
        ProcessRun.run(
            "psql",
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(port), "-U", "postgres", "-d", "postgres",
             "-f", script] + arguments)
    }

    /// One query's rows, as `psql -A -t` prints them (`|` between columns).
    public func query(_ sql: String) -> ProcessRun? {
        ProcessRun.run(
            "psql",
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(port), "-U", "postgres",
             "-d", "postgres", "-c", sql])
    }

    public func stop() {
        _ = tool("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        remove()
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    func tool(_ name: String, _ arguments: [String], outputFile: String? = nil, closingDescriptors: Bool = false) -> ProcessRun? {
        var command = (asUser.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? []) + [bin + "/" + name] + arguments
        if closingDescriptors {
            let closeAll = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@""#
            command = ["/bin/bash", "-c", closeAll, "bash"] + command
        }
        return ProcessRun.run(command[0], Array(command.dropFirst()), outputFile: outputFile)
    }

    /// A loopback port nobody listens on now (the kernel's pick for an ephemeral bind).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public struct Unavailable: Error, Sendable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
