package dev.wattiq.app.plan;

import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.IsoInstant;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * What a run is planned on and when: {@code --hardware}, {@code --devices}, {@code --precision} and {@code --start},
 * a picocli mixin of {@code plan train}, {@code plan infer} (through {@link PlanTargetOptions}) and {@code tune llm}.
 * One declaration, so the flags keep one type and one help text everywhere.
 */
public final class DeviceOptions {
    @Option(names = "--hardware", paramLabel = "H", description = "Device from the catalogue (case-insensitive), e.g. H100-SXM, A100-80GB, L4, MI300X, TPUv4.")
    String hardware;
    @Option(names = "--devices", paramLabel = "K", converter = HumanNumber.class, description = "Devices (plan infer: per model replica); default: the fewest that hold the model's state (tune llm: whole nodes).")
    Double devices;
    @Option(names = "--precision", paramLabel = "P", defaultValue = PlanTarget.DEFAULT_PRECISION, description = "Arithmetic precision: fp32, tf32, bf16, fp8, int8 (plan infer also int4, mxfp4); default ${DEFAULT-VALUE}.")
    String precision;
    @Option(names = "--start", paramLabel = "TIME", converter = IsoInstant.class, description = "Start (ISO-8601 with offset) for time-dependent tariffs and carbon series; default now (tune llm: on the hour).")
    Instant start;

    /** The device named, or null. */
    public String hardware() {
        return hardware;
    }

    /** The number of devices, or null for the planner's default. */
    public Integer devices() {
        return PlanTarget.count("--devices", devices);
    }

    public String precision() {
        return precision;
    }

    /** The start, or null for now. */
    public Instant start() {
        return start;
    }
}
