#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// Environment variables, read one at a time with `getenv`: `ProcessInfo`'s `environment`
/// builds a dictionary of the whole environment on every read, about half a million instructions
/// that a run paid several times for a handful of variables.
public enum Environment {
    /// The variable's value, or nil when it is unset.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variable's value when it is set and not empty.
    public static func nonEmpty(_ name: String) -> String? {
        value(name).flatMap { $0.isEmpty ? nil : $0 }
    }
}
