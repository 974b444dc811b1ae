package dev.wattiq.meter.gpu;

/**
 * A vendor library's return code as a constant (NVML's {@code nvmlReturn_t}, AMD SMI's {@code amdsmi_status_t}) with
 * what a user can do about it. Each vendor's codes are its own table; looking a number up in one, and quoting a failed
 * call with its fix, work the same for both.
 */
public interface GpuStatus {
    /** One row of a vendor's table: the numeric code and what the user can do about it (empty where nothing applies). */
    record Entry(int code, String fix) {
    }

    /** This constant's row. */
    Entry entry();

    /** The numeric code. */
    default int code() {
        return entry().code();
    }

    /** What the user can do about it; empty where nothing applies. */
    default String fix() {
        return entry().fix();
    }

    /** Whether the code says "this GPU or library cannot do that" rather than "something broke". */
    boolean meansCapabilityAbsent();

    /** The constant among {@code values} with {@code code}; {@code fallback} for codes they do not name. */
    static <S extends GpuStatus> S of(S[] values, int code, S fallback) {
        for (S s : values) {
            if (s.code() == code) return s;
        }
        return fallback;
    }

    /**
     * The message of a failed call: {@code subject: function failed: text (detail): fix}, without the subject or the
     * fix where they are empty.
     *
     * @param text   the library's own text for the code
     * @param detail how the code is quoted, e.g. {@code code 10}
     */
    static String failure(String subject, String function, String text, String detail, GpuStatus status) {
        String where = subject.isEmpty() ? "" : subject + ": ";
        return where + function + " failed: " + text + " (" + detail + ")" + (status.fix().isEmpty() ? "" : ": " + status.fix());
    }
}
