package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.testing.StubLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The stub libamd_smi.so of {@code src/test/c/stub_amd_smi.c} (see {@link StubLibrary}): each one a private copy with its
 * own control file. Used by the app module's tests too.
 */
public final class StubAmdSmi {
    /** Which build of the stub. */
    public enum Build { FULL, NO_ENERGY_NO_PROCESSES }

    private StubAmdSmi() {
    }

    /** A fresh stub in {@code dir}, serving what {@code controlLines} describe. */
    public static StubLibrary create(Path dir, String... controlLines) throws IOException {
        return create(dir, Build.FULL, controlLines);
    }

    public static StubLibrary create(Path dir, Build build, String... controlLines) throws IOException {
        return build == Build.FULL
                ? StubLibrary.create(dir, "stub_amd_smi.c", "libamd_smi.so", List.of(), "libamd_smi.so", controlLines)
                : StubLibrary.create(dir, "stub_amd_smi.c", "libamd_smi-old.so", List.of("-DSTUB_NO_ENERGY", "-DSTUB_NO_PROCESSES"),
                        "libamd_smi.so", controlLines);
    }
}
