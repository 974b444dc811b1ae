package dev.wattiq.app.cli;

import dev.wattiq.app.store.Hosts;
import dev.wattiq.app.store.WattiqHome;
import dev.wattiq.meter.estimate.CpuCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where {@code wattiq calibrate} keeps this machine's fit: {@code $WATTIQ_HOME/calibration/<host>.properties}. */
public final class Calibrations {
    private Calibrations() {
    }

    /** The file of this host's calibration (one per host: a shared WATTIQ_HOME serves several machines). */
    public static Path file() {
        return WattiqHome.resolve().resolve("calibration").resolve(safe(Hosts.name()) + ".properties");
    }

    /** This host's calibration, if one was saved; a malformed file is a one-line error naming the fix. */
    public static Optional<CpuCalibration> forThisHost() {
        Path f = file();
        return Files.isRegularFile(f) ? Optional.of(CpuCalibration.read(f)) : Optional.empty();
    }

    private static String safe(String host) {
        String h = host == null || host.isBlank() ? "localhost" : host;
        return h.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
