package dev.wattiq.app.store;

import dev.wattiq.ledger.Bill;
import dev.wattiq.meter.control.Work;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the user sees it: what {@code --json-out}, {@code wattiq show} and the summary print.
 * Energies are in joules, power in watts; unknown numbers are NaN (printed as null), unknown objects null.
 *
 * @param runId               the run's id
 * @param status              {@code running}, {@code complete} or {@code incomplete}
 * @param command             the command and its arguments
 * @param exitCode            the command's exit code (128+N after signal N); null when unknown
 * @param startedAt           wall time at start
 * @param endedAt             wall time at end (for an incomplete run: the last stored sample), or null
 * @param durationSeconds     length of the run
 * @param scope               {@code process} or {@code machine}
 * @param intervalSeconds     sampling interval
 * @param labels              user labels, sorted by key
 * @param job                 job id, or null
 * @param host                host name, or null
 * @param method              weakest method over all components, or null when unknown (incomplete run)
 * @param totalJoules         charged energy, all components
 * @param joulesByComponent   charged energy per component
 * @param avgPowerWatts       total / duration
 * @param peakPowerWatts      highest sampled power
 * @param idlePowerWatts      the machine's baseline power, reported separately (NaN when unknown)
 * @param samples             number of power samples
 * @param devices             energy per component and device; a wall (node-level) source is a row of component
 *                            {@code wall}, never part of {@code totalJoules} or {@code joulesByComponent}
 * @param assumptions         model names and coefficients behind estimated figures
 * @param notes               warnings the user must see
 * @param bill                what the run cost at its site (the ledger's bill), or null when it could not be made
 * @param windows             windows opened and closed from inside the command, in order of start
 * @param work                steps, samples and tokens the command reported ({@link Work#NONE} when it reported none)
 */
public record RunRecord(String runId, String status, List<String> command, Integer exitCode, Instant startedAt, Instant endedAt,
                        double durationSeconds, String scope, double intervalSeconds, Map<String, String> labels, String job, String host,
                        String method, double totalJoules, Map<String, Double> joulesByComponent, double avgPowerWatts,
                        double peakPowerWatts, double idlePowerWatts, long samples, List<DeviceEnergy> devices,
                        Map<String, String> assumptions, List<String> notes, Bill bill, List<RunWindow> windows, Work work) {
    /**
     * The start of a note saying a figure could not be charged (a run too short to measure): {@link #tooShort()} finds
     * it, {@code --json-out} says {@code too_short: true} with the reasons, and nothing downstream prices such a run.
     */
    public static final String TOO_SHORT = "too short: ";

    public RunRecord {
        command = List.copyOf(command);
        labels = new java.util.TreeMap<>(labels);
        joulesByComponent = new LinkedHashMap<>(joulesByComponent);
        devices = List.copyOf(devices);
        assumptions = new java.util.TreeMap<>(assumptions);
        notes = List.copyOf(notes);
        windows = List.copyOf(windows);
        work = work == null ? Work.NONE : work;
    }

    /** A run without windows or work. */
    public RunRecord(String runId, String status, List<String> command, Integer exitCode, Instant startedAt, Instant endedAt,
                     double durationSeconds, String scope, double intervalSeconds, Map<String, String> labels, String job, String host,
                     String method, double totalJoules, Map<String, Double> joulesByComponent, double avgPowerWatts,
                     double peakPowerWatts, double idlePowerWatts, long samples, List<DeviceEnergy> devices,
                     Map<String, String> assumptions, List<String> notes, Bill bill) {
        this(runId, status, command, exitCode, startedAt, endedAt, durationSeconds, scope, intervalSeconds, labels, job, host, method,
                totalJoules, joulesByComponent, avgPowerWatts, peakPowerWatts, idlePowerWatts, samples, devices, assumptions, notes, bill,
                List.of(), Work.NONE);
    }

    /** Energy of one component on one device; {@code name} and {@code uuid} come from the sensor's device list (or null). */
    public record DeviceEnergy(String component, String device, double energyJoules, double deviceEnergyJoules, String method,
                               String name, String uuid) {
        /** Whether this row is the wall (a node-level source), not a component. */
        public boolean isWall() {
            return dev.wattiq.meter.EnergyCounter.WALL.equals(component);
        }
    }

    /** The wall's energy over the run (whole machine, joules); empty without a wall source. */
    public java.util.OptionalDouble wallJoules() {
        double w = 0;
        boolean any = false;
        for (DeviceEnergy d : devices) {
            if (!d.isWall()) continue;
            any = true;
            w += Double.isFinite(d.deviceEnergyJoules()) ? d.deviceEnergyJoules() : d.energyJoules();
        }
        return any ? java.util.OptionalDouble.of(w) : java.util.OptionalDouble.empty();
    }

    /** The components' whole-device energy (joules), the side of the wall they explain; {@code component} null for all. */
    public double componentsDeviceJoules(String component) {
        double c = 0;
        for (DeviceEnergy d : devices) {
            if (d.isWall() || component != null && !component.equals(d.component())) continue;
            c += Double.isFinite(d.deviceEnergyJoules()) ? d.deviceEnergyJoules() : d.energyJoules();
        }
        return c;
    }

    /** {@code wall - components}: what the component counters miss (fans, PSU losses, the rest); NaN without a wall. */
    public double otherJoules() {
        java.util.OptionalDouble w = wallJoules();
        return w.isPresent() ? w.getAsDouble() - componentsDeviceJoules(null) : Double.NaN;
    }

    /** A copy with the ledger's bill set. */
    public RunRecord withBill(Bill c) {
        return new RunRecord(runId, status, command, exitCode, startedAt, endedAt, durationSeconds, scope, intervalSeconds, labels, job,
                host, method, totalJoules, joulesByComponent, avgPowerWatts, peakPowerWatts, idlePowerWatts, samples, devices,
                assumptions, notes, c, windows, work);
    }

    /** A copy with one more note. */
    public RunRecord withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new RunRecord(runId, status, command, exitCode, startedAt, endedAt, durationSeconds, scope, intervalSeconds, labels, job,
                host, method, totalJoules, joulesByComponent, avgPowerWatts, peakPowerWatts, idlePowerWatts, samples, devices,
                assumptions, n, bill, windows, work);
    }

    /** A copy with these labels added (a key already there takes the new value): tags given from inside the command. */
    public RunRecord withLabels(Map<String, String> more) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.putAll(more);
        return new RunRecord(runId, status, command, exitCode, startedAt, endedAt, durationSeconds, scope, intervalSeconds, l, job,
                host, method, totalJoules, joulesByComponent, avgPowerWatts, peakPowerWatts, idlePowerWatts, samples, devices,
                assumptions, notes, bill, windows, work);
    }

    /** A copy with the windows and work reported from inside the command. */
    public RunRecord withWindows(List<RunWindow> w, Work k) {
        return new RunRecord(runId, status, command, exitCode, startedAt, endedAt, durationSeconds, scope, intervalSeconds, labels, job,
                host, method, totalJoules, joulesByComponent, avgPowerWatts, peakPowerWatts, idlePowerWatts, samples, devices,
                assumptions, notes, bill, w, k);
    }

    /** Why a figure of this run could not be charged (the notes that start with {@link #TOO_SHORT}); empty for most runs. */
    public List<String> tooShort() {
        List<String> out = new ArrayList<>();
        for (String n : notes) if (n.startsWith(TOO_SHORT)) out.add(n.substring(TOO_SHORT.length()));
        return out;
    }

    /**
     * The run's energy as a value to compare or price: {@link #totalJoules()}, or NaN when nothing was charged (too
     * short to measure, or nothing measured): 0 J is no value, it would always look best.
     */
    public double chargedJoulesOrNaN() {
        return !tooShort().isEmpty() || method == null || !(totalJoules > 0) ? Double.NaN : totalJoules;
    }

    /** Joules per unit of work over the whole run: total / count, NaN when the count is zero. */
    public static double per(double joules, long count) {
        return count > 0 ? joules / count : Double.NaN;
    }
}
