package dev.wattiq.planner.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fits of the shipped data, stored by the build ({@code dev.wattiq.planner.Calibrate}, run by Maven after
 * compiling) so a plan does not refit 36 runs and 114 rows with their folds at every start. The file carries the
 * SHA-256 of every data file the fit reads; when they differ (or the file is absent, as in an IDE), the planners fit
 * in code at first use instead. {@code plan validate} always refits (it needs every fold).
 */
public final class StoredCalibration {
    /** Where the build writes it, on the class path. */
    public static final String RESOURCE = "/dev/wattiq/planner/calibration.properties";
    /** The data files the fits read. */
    public static final List<String> INPUTS = List.of("defaults.csv", "fitted.csv", "hardware.csv", "models.csv",
            "validation/training_runs.csv", "validation/inference.csv");
    private static final Optional<StoredCalibration> SHIPPED = load();
    private final Map<String, Double> values;

    public StoredCalibration(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    /** The stored fit, when present and made from the data files now on the class path. */
    public static Optional<StoredCalibration> shipped() {
        return SHIPPED;
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) throw new IllegalStateException(RESOURCE + " has no " + key + ": rebuild the planner");
        return v;
    }

    /** The spread stored under {@code prefix}.lo, .hi and .count. */
    public Spread spread(String prefix) {
        return new Spread(get(prefix + ".lo"), get(prefix + ".hi"), (int) get(prefix + ".count"));
    }

    /** SHA-256 of the concatenated data files, as hex. */
    public static String inputsDigest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : INPUTS) {
                try (InputStream in = StoredCalibration.class.getResourceAsStream("/dev/wattiq/planner/" + name)) {
                    if (in == null) throw new IllegalStateException("shipped data file " + name + " is missing: rebuild");
                    md.update(name.getBytes(StandardCharsets.UTF_8));
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot digest the planner's data files", e);
        }
    }

    /** The text of a stored calibration: one key=value per line, the inputs' digest first. */
    public static String format(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder("# written by dev.wattiq.planner.Calibrate from the data files; do not edit\n");
        sb.append("inputs_sha256=").append(inputsDigest()).append('\n');
        for (Map.Entry<String, Double> e : values.entrySet()) {
            sb.append(e.getKey()).append('=').append(Double.toString(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    private static Optional<StoredCalibration> load() {
        try (InputStream in = StoredCalibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return Optional.empty();
            Map<String, Double> v = new LinkedHashMap<>();
            String digest = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int eq = line.indexOf('=');
                if (eq < 0) return Optional.empty();
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                if (key.equals("inputs_sha256")) digest = value;
                else v.put(key, Double.parseDouble(value));
            }
            return inputsDigest().equals(digest) ? Optional.of(new StoredCalibration(v)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
