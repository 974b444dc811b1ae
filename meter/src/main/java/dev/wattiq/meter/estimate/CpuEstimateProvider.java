package dev.wattiq.meter.estimate;

import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.proc.CpuInfo;
import dev.wattiq.meter.proc.MachineCpuReader;
import dev.wattiq.meter.proc.MachineCpuTimes;
import dev.wattiq.meter.proc.MemInfo;
import dev.wattiq.meter.proc.ProcessAttribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fallback for role {@code cpu}: a {@link CpuEstimateSensor} from procfs alone. Low priority, so a readable
 * hardware counter (RAPL) always wins; available wherever {@code <procfs>/stat} is readable (any Linux).
 */
public final class CpuEstimateProvider extends SensorProvider.Base {
    /** Below every counter-based provider. */
    public static final int PRIORITY = 10;

    public CpuEstimateProvider() {
        super("cpu-estimate", PRIORITY, "cpu");
    }

    @Override
    public boolean isAvailable(SensorEnvironment env) {
        return Files.isReadable(env.procfsRoot().resolve("stat"));
    }

    @Override
    public Sensor open(SensorEnvironment env) throws SensorException {
        Path proc = env.procfsRoot();
        MachineCpuReader machine = null;
        ProcessAttribution attribution = null;
        try {
            CpuInfo cpuInfo = CpuInfo.parse(read(proc.resolve("cpuinfo")));
            MemInfo mem = MemInfo.parse(read(proc.resolve("meminfo")));
            machine = MachineCpuReader.open(proc);
            int cpus = MachineCpuTimes.onlineCpus(machine.readAll());
            if (cpus == 0) cpus = Math.max(1, cpuInfo.logicalCpus());
            CpuPowerTable table = CpuPowerTable.shipped();
            CpuPowerModel model = CpuPowerModel.resolve(table, cpuInfo.modelName(), cpus, env.cpuWatts());
            double wPerGb;
            String memSource;
            if (env.memoryWattsPerGb().isPresent()) {
                wPerGb = env.memoryWattsPerGb().getAsDouble();
                if (!(wPerGb >= 0) || Double.isInfinite(wPerGb)) {
                    throw new SensorException("--memory-watts-per-gb must be a non-negative number, got " + wPerGb);
                }
                memSource = "override: --memory-watts-per-gb";
            } else {
                wPerGb = table.memory().wattsPerGb();
                memSource = table.memory().source() + ", " + table.memory().year();
            }
            String calibrationNote = null;
            if (env.cpuCalibration().isPresent()) {
                if (env.cpuWatts().isPresent()) {
                    calibrationNote = "not used: --cpu-watts overrides it";
                } else {
                    CpuCalibration.Result r = env.cpuCalibration().get().model(cpuInfo.modelName(), cpus, wPerGb * mem.totalBytes() / (double) (1L << 30));
                    if (r.model().isPresent()) model = r.model().get();
                    else calibrationNote = "not used: " + r.whyNot();
                }
            }
            if (env.scope() == Scope.PROCESS) {
                if (env.rootPid() <= 0) throw new SensorException("process scope needs the pid of the measured process; use machine scope to charge everything");
                attribution = ProcessAttribution.open(proc, env.rootPid(), env.clock().monotonicNanos());
            }
            CpuEstimateSensor sensor = new CpuEstimateSensor(env.clock(), env.scope(), machine, attribution, model, wPerGb, memSource, mem.totalBytes());
            if (calibrationNote != null) sensor.note("cpu_calibration", calibrationNote);
            return sensor;
        } catch (IOException | IllegalArgumentException e) {
            if (machine != null) machine.close();
            if (attribution != null) attribution.close();
            throw new SensorException("cpu-estimate: cannot read procfs under " + proc + ": " + e.getMessage()
                    + "; check --procfs-root (it must hold stat, cpuinfo and meminfo)", e);
        } catch (SensorException | UserInputException e) {
            if (machine != null) machine.close();
            if (attribution != null) attribution.close();
            throw e;
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
