package dev.wattiq.app.plan;

import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.InputFiles;
import dev.wattiq.app.cli.SiteRequest;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@link PlanTarget}, a picocli mixin of {@code plan train} and {@code plan infer}. */
public final class PlanTargetOptions {
    @Mixin
    DeviceOptions device;
    @Option(names = "--model", paramLabel = "NAME", description = "Published architecture from models.csv (e.g. llama-2-70b): its size, layers and KV cache (train: and tokens) unless given.")
    String model;
    @Option(names = "--params", paramLabel = "N", converter = HumanNumber.class, description = "Total parameters, e.g. 70B or 70e9 (infer without --model: a generic Llama-like shape).")
    Double params;
    @Option(names = "--active-params", paramLabel = "A", converter = HumanNumber.class, description = "Parameters active per token (MoE); default = --params.")
    Double activeParams;
    @Option(names = "--hardware-file", paramLabel = "FILE", description = "Your own devices (any accelerator the catalogue lacks): a CSV with "
            + "hardware.csv's columns, one row per device; plan one by its id with --hardware (a file of one device needs none). "
            + "Its figures are listed as yours.")
    Path hardwareFile;
    @Option(names = "--host-overhead", paramLabel = "F", description = "Host and network power as a fraction of device power (default 0.21; 0 = devices only, as most published figures).")
    Double hostOverhead;
    @Option(names = "--embodied", description = "Add the devices' manufacturing CO2e (hardware.csv, where published), amortised over a 4-year life.")
    boolean embodied;

    PlanTarget target(SiteRequest site) {
        return new PlanTarget(model, params, activeParams, device.hardware(), device.devices(), device.precision(), hostOverhead,
                device.start(), embodied, site, hardwareFile == null ? null
                        : new PlanTarget.HardwareFile(hardwareFile.toString(), InputFiles.read("--hardware-file", hardwareFile)));
    }
}
