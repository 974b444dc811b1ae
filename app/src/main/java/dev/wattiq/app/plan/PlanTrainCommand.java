package dev.wattiq.app.plan;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.meter.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wattiq plan train}: time, device-hours, energy, cost and CO2e of a training run, and how it scales. */
@Command(name = "train", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true,
        description = "Budget a training run: FLOPs = 6·N·D, the step physics (kernels, memory-bound work, communication, pipeline bubble), goodput, device power, host overhead, PUE, the ledger's bill; every figure with its 80%% interval.")
public final class PlanTrainCommand extends JsonCommand.Sited {
    @Mixin
    PlanTargetOptions target;
    @Option(names = "--tokens", paramLabel = "D", converter = HumanNumber.class, description = "Training tokens, e.g. 15T.")
    Double tokens;
    @Option(names = "--device-hours", paramLabel = "X", converter = HumanNumber.class, description = "Known device-hours: replaces the time model.")
    Double deviceHours;
    @Option(names = "--device-power", paramLabel = "W", converter = HumanNumber.class, description = "Average watts per device: replaces the power model.")
    Double devicePower;
    @Option(names = "--mfu", paramLabel = "U", description = "Achieved model FLOPs utilisation in (0, 1]: replaces the utilisation model.")
    Double mfu;
    @Option(names = "--tp", paramLabel = "T", description = "Tensor-parallel degree (default: the smallest that holds the weights in a node; 1 for MoE).")
    Integer tensorParallel;
    @Option(names = "--pp", paramLabel = "P", description = "Pipeline-parallel degree (default: what tensor parallelism alone cannot hold); the bubble lowers utilisation.")
    Integer pipelineParallel;
    @Option(names = "--recompute", description = "Full activation recomputation: 8·N·D instead of 6·N·D.")
    boolean recompute;
    @Option(names = "--list-hardware", description = "List the hardware catalogue and exit.")
    boolean listHardware;
    @Option(names = "--list-models", description = "List the published architectures and exit.")
    boolean listModels;
    Clock clock = Clock.system();

    /** The request these options make. */
    TrainRequest request() {
        return new TrainRequest(target.target(site.request()), tokens, deviceHours, devicePower, mfu, tensorParallel, pipelineParallel, recompute);
    }

    @Override
    public Integer call() {
        if (listHardware || listModels) {
            PlanText.catalogue(out(), listHardware, listModels);
            return 0;
        }
        jsonOut.check();
        TrainPlan p = TrainPlan.of(request(), clock);
        PlanText.train(out(), err(), p);
        jsonOut.write(() -> PlanJson.train(p));
        return 0;
    }
}
