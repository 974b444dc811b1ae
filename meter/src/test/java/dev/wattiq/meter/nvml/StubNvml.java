package dev.wattiq.meter.nvml;

import dev.wattiq.meter.testing.StubLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The stub libnvidia-ml.so of {@code src/test/c/stub_nvml.c} (see {@link StubLibrary}): each one a private copy with its
 * own control file, so tests do not share NVML state. Used by the app module's tests too.
 */
public final class StubNvml {
    private StubNvml() {
    }

    /** A fresh stub (all NVML symbols) in {@code dir}, serving what {@code controlLines} describe. */
    public static StubLibrary create(Path dir, String... controlLines) throws IOException {
        return create(dir, false, controlLines);
    }

    /**
     * A fresh stub in {@code dir}; with {@code oldDriver} it lacks the symbols an old driver lacks
     * (total energy, process utilisation, _v3 running processes).
     */
    public static StubLibrary create(Path dir, boolean oldDriver, String... controlLines) throws IOException {
        return StubLibrary.create(dir, "stub_nvml.c", oldDriver ? "libnvidia-ml-old.so" : "libnvidia-ml-stub.so",
                oldDriver ? List.of("-DSTUB_OLD_DRIVER") : List.of(), "libnvidia-ml.so", controlLines);
    }
}
