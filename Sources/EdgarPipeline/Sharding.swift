import EdgarCore
import Foundation

/// Splits the inputs of a run across N independent processes with no coordinator: an input goes to the shard
/// given by a hash of its path, so the same input always lands on the same shard however the list changes.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && index >= 0 && index < count)
        self.index = index
        self.count = count
    }

    public static let whole = Shard(index: 0, count: 1)

    public func owns(_ input: String) -> Bool {
        count == 1 || Shard.bucket(of: input, count: count) == index
    }

    static func bucket(of input: String, count: Int) -> Int {
        var hasher = SHA256()
        hasher.update(Array(input.utf8))
        let digest = hasher.finalize()
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count))
    }

    /// The index from the schedulers' array-job variables, in this order: Kubernetes Indexed Job,
    /// AWS Batch array job, Slurm job array.
    public static let indexVariables = ["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "SLURM_ARRAY_TASK_ID"]

    public static func indexFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        for name in indexVariables {
            if let raw = environment[name], let value = Int(raw.trimmingCharacters(in: .whitespaces)) { return value }
        }
        return nil
    }
}
