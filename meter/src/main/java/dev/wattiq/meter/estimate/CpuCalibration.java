package dev.wattiq.meter.estimate;

import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * This machine's CPU-time model, fitted by {@code wattiq calibrate} to paired wall readings under a load sweep:
 * {@code wall_w = idle_w + w_per_busy_cpu x busy logical CPUs}. Saved with its date, host, CPU and wall source, and its
 * error; the estimate uses it instead of the shipped tables on the same host with the same CPU model and CPU count
 * ({@link #model}), so that {@code cpu + memory} of the estimate is the fitted wall.
 *
 * @param date           when it was fitted
 * @param host           the machine's host name
 * @param cpuModel       {@code /proc/cpuinfo}'s model name
 * @param logicalCpus    logical CPUs online when fitted
 * @param wallSource     the wall sensor it was fitted against, e.g. {@code hwmon power_meter (hwmon1)}
 * @param idleWatts      the wall at zero busy CPUs, in watts
 * @param wattsPerBusyCpu the wall's rise per busy logical CPU, in watts
 * @param rmseWatts      the fit's root-mean-square error over its points, in watts
 * @param looRmseWatts   leave-one-out error (each point predicted by a fit without it), in watts: the out-of-sample error
 * @param points         the (busy CPUs, wall watts) pairs
 */
public record CpuCalibration(Instant date, String host, String cpuModel, int logicalCpus, String wallSource, double idleWatts,
                             double wattsPerBusyCpu, double rmseWatts, double looRmseWatts, List<Point> points) {
    /** The {@link CpuPowerTable.Row#model()} of a calibrated model. */
    public static final String CALIBRATED = "calibrated";

    /** One step of the sweep: busy logical CPUs (from /proc/stat) and the wall's average power, over the same stretch. */
    public record Point(double busyCpus, double wallWatts) {
    }

    public CpuCalibration {
        points = List.copyOf(points);
        if (logicalCpus < 1) throw new IllegalArgumentException("logical CPUs must be >= 1");
    }

    /**
     * The CPU model to estimate with, on a machine with {@code cpuModelNow} and {@code cpusNow}, memory drawing
     * {@code memoryWatts}: the fit less the memory, so that cpu + memory is the fitted wall. Empty, with why, when
     * the machine is not the one calibrated or the fit is unusable.
     */
    public Result model(String cpuModelNow, int cpusNow, double memoryWatts) {
        if (!cpuModel.equals(cpuModelNow) || logicalCpus != cpusNow) {
            return new Result(Optional.empty(), "the calibration of " + date + " is for " + cpuModel + " with " + logicalCpus
                    + " logical CPUs, this machine has " + cpuModelNow + " with " + cpusNow + ": run wattiq calibrate again");
        }
        if (!(wattsPerBusyCpu > 0) || !(idleWatts > 0)) {
            return new Result(Optional.empty(), "the calibration of " + date + " is unusable (idle " + fmt(idleWatts) + " W, "
                    + fmt(wattsPerBusyCpu) + " W per busy CPU): run wattiq calibrate again on a quiet machine");
        }
        double idle = Math.max(0, idleWatts - memoryWatts);
        double max = idle + wattsPerBusyCpu * logicalCpus;
        CpuPowerTable.Row row = new CpuPowerTable.Row(CALIBRATED, logicalCpus, max, idle, describe(), date.atZone(java.time.ZoneOffset.UTC).getYear());
        return new Result(Optional.of(new CpuPowerModel(cpuModelNow, row, logicalCpus, max, idle, false)), "");
    }

    /** A calibrated model, or why there is none. */
    public record Result(Optional<CpuPowerModel> model, String whyNot) {
    }

    /** Where the coefficients come from, for the assumptions. */
    public String describe() {
        return "wattiq calibrate on " + host + " at " + date + " against the wall (" + wallSource + "): idle " + fmt(idleWatts) + " W, "
                + fmt(wattsPerBusyCpu) + " W per busy logical CPU, fit error " + fmt(rmseWatts) + " W RMS (" + fmt(looRmseWatts)
                + " W leave-one-out) over " + points.size() + " load steps";
    }

    /** Writes the calibration to {@code file} whole (a temporary file moved into place). */
    public void write(Path file) throws IOException {
        StringBuilder s = new StringBuilder("# wattiq calibrate: this machine's CPU-time model, fitted to paired wall readings\n");
        s.append("# wall_w = idle_w + w_per_busy_cpu x busy logical CPUs (from /proc/stat)\n");
        line(s, "date", date.toString());
        line(s, "host", host);
        line(s, "cpu_model", cpuModel);
        line(s, "logical_cpus", Integer.toString(logicalCpus));
        line(s, "wall_source", wallSource);
        line(s, "idle_w", num(idleWatts));
        line(s, "w_per_busy_cpu", num(wattsPerBusyCpu));
        line(s, "rmse_w", num(rmseWatts));
        line(s, "loo_rmse_w", num(looRmseWatts));
        List<String> ps = new ArrayList<>();
        for (Point p : points) ps.add(num(p.busyCpus()) + ":" + num(p.wallWatts()));
        line(s, "points", String.join(";", ps));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, s, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a calibration file.
     *
     * @throws UserInputException naming the file, what is wrong, and the fix (run wattiq calibrate again)
     */
    public static CpuCalibration read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("cannot read the calibration " + file + " (" + e.getMessage() + "): run wattiq calibrate again, or delete it");
        }
        return parse(text, file.toString());
    }

    static CpuCalibration parse(String text, String where) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw bad(where, "not a properties file (" + e.getMessage() + ")");
        }
        try {
            List<Point> points = new ArrayList<>();
            String ps = need(p, "points", where);
            for (String pair : ps.isBlank() ? new String[0] : ps.split(";")) {
                String[] xy = pair.split(":");
                if (xy.length != 2) throw bad(where, "points holds '" + pair + "', not busy:watts");
                points.add(new Point(finite(xy[0], "points", where), finite(xy[1], "points", where)));
            }
            int cpus = Integer.parseInt(need(p, "logical_cpus", where).strip());
            if (cpus < 1) throw bad(where, "logical_cpus is " + cpus);
            return new CpuCalibration(Instant.parse(need(p, "date", where).strip()), need(p, "host", where), need(p, "cpu_model", where), cpus,
                    need(p, "wall_source", where), finite(need(p, "idle_w", where), "idle_w", where),
                    finite(need(p, "w_per_busy_cpu", where), "w_per_busy_cpu", where), finite(need(p, "rmse_w", where), "rmse_w", where),
                    finite(need(p, "loo_rmse_w", where), "loo_rmse_w", where), points);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(where, e.getMessage());
        }
    }

    private static String need(Properties p, String key, String where) {
        String v = p.getProperty(key);
        if (v == null) throw bad(where, "it has no " + key);
        return v;
    }

    private static double finite(String v, String key, String where) {
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw bad(where, key + " holds '" + v.strip() + "', not a number");
        }
        if (!Double.isFinite(d)) throw bad(where, key + " is " + v.strip());
        return d;
    }

    private static UserInputException bad(String where, String what) {
        return new UserInputException("the calibration " + where + " is malformed: " + what + "; run wattiq calibrate again, or delete it");
    }

    private static void line(StringBuilder s, String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        try (java.io.StringWriter w = new java.io.StringWriter()) {
            one.store(w, null);
            for (String l : w.toString().split("\n")) if (!l.startsWith("#")) s.append(l.strip()).append('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    static String fmt(double d) {
        return CpuPowerModel.fmt(d);
    }
}
