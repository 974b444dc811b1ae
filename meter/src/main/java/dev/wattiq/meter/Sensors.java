package dev.wattiq.meter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Picks sensors at run time (after OSHI's {@code SystemInfoFactory}): for each role ({@code cpu}, {@code gpu})
 * the available provider with the highest priority that opens; one that throws is skipped and the reason kept,
 * so the user can be told why, e.g., RAPL was not used.
 */
public final class Sensors {
    /** The outcome of selection: the open sensors and one line per provider that was skipped. */
    public record Selection(List<Sensor> sensors, List<String> skipped) {
        public Selection {
            sensors = List.copyOf(sensors);
            skipped = List.copyOf(skipped);
        }
    }

    private Sensors() {
    }

    /** Providers registered in {@code META-INF/services/dev.wattiq.meter.SensorProvider}. */
    public static List<SensorProvider> discovered() {
        List<SensorProvider> out = new ArrayList<>();
        ServiceLoader.load(SensorProvider.class, Sensors.class.getClassLoader()).forEach(out::add);
        return out;
    }

    public static Selection select(SensorEnvironment env) {
        return select(env, discovered());
    }

    /** "name: message", without a second "name: " where the provider's message already starts with it. */
    static String named(SensorProvider p, String message) {
        String prefix = p.name() + ": ";
        return message != null && message.startsWith(prefix) ? message : prefix + message;
    }

    public static Selection select(SensorEnvironment env, List<SensorProvider> providers) {
        Map<String, List<SensorProvider>> byRole = new LinkedHashMap<>();
        providers.stream()
                .sorted(Comparator.comparing(SensorProvider::covers).thenComparing(Comparator.comparingInt(SensorProvider::priority).reversed()))
                .forEach(p -> byRole.computeIfAbsent(p.covers(), k -> new ArrayList<>()).add(p));
        List<Sensor> open = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (var entry : byRole.entrySet()) {
            for (SensorProvider p : entry.getValue()) {
                boolean available;
                try {
                    available = p.isAvailable(env);
                } catch (RuntimeException e) {
                    skipped.add(p.name() + ": availability check failed: " + e);
                    continue;
                }
                if (!available) continue;
                try {
                    open.add(p.open(env));
                    break;
                } catch (SensorException e) {
                    skipped.add(named(p, e.getMessage()));
                } catch (UserInputException e) {
                    throw e; // the user's figure is wrong: say so, do not fall back to another sensor
                } catch (RuntimeException e) {
                    skipped.add(p.name() + ": failed to open: " + e);
                }
            }
        }
        return new Selection(open, skipped);
    }
}
