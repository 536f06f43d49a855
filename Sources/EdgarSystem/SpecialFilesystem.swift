import CEdgarSystem
import SystemPackage

/// Kernel pseudo-filesystems (/proc, /sys and their kin) are refused as inputs. Their files look regular to
/// `stat` but report size 0, change while read, and hold process and machine state (command lines,
/// environments, keys): a glob such as `/proc/*/status` would copy that into reject excerpts that travel with
/// the output. No filing lives there, so the refusal costs nothing.
public enum SpecialFilesystem {
    /// The filesystem's name when the open descriptor `fd` is on a pseudo-filesystem, else nil.
    public static func name(of fd: FileDescriptor) -> String? {
        name(magic: cedgar_fs_magic_fd(fd.rawValue))
    }

    /// The same for a path (symbolic links followed).
    public static func name(ofPath path: String) -> String? {
        name(magic: cedgar_fs_magic_path(path))
    }

    /// `f_type` values from linux/magic.h.
    private static func name(magic: Int64) -> String? {
        switch magic {
        case 0x9fa0: "proc"
        case 0x6265_6572: "sysfs"
        case 0x6462_6720: "debugfs"
        case 0x7472_6163: "tracefs"
        case 0x7363_6673: "securityfs"
        case 0x0027_e0eb: "cgroup"
        case 0x6367_7270: "cgroup2"
        case 0x1cd1: "devpts"
        case 0x6265_6570: "configfs"
        case 0xcafe_4a11: "bpf"
        case 0x6165_676c: "pstore"
        case 0xde5e_81e4: "efivarfs"
        case 0xf97c_ff8c: "selinuxfs"
        case 0x4249_4e4d: "binfmt_misc"
        default: nil
        }
    }

    /// The reason given for refusing a file there.
    public static func refusal(_ name: String) -> String {
        "it is on the \(name) pseudo-filesystem, which holds kernel state, not filings; such files are never read"
    }
}
