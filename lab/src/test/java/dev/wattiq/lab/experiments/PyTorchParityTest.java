package dev.wattiq.lab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch (Debian's python3-torch) and this engine train the identical problem: the same data and initial weights,
 * exported by examples/seed/fixed_dataset.py. Their loss trajectories must agree step by step. Also runs the
 * article's snippets in examples/seed briefly. Skipped, saying why, when /usr/bin/python3 has no torch.
 */
class PyTorchParityTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path EXAMPLES = Path.of("..", "examples", "seed").toAbsolutePath().normalize();

    static boolean torchAvailable() throws Exception {
        if (!Files.isExecutable(PYTHON)) return false;
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit of %s; output:%n%s", cmd, out).isZero();
        return out;
    }

    @Test
    void sameLossTrajectoryAsPyTorch(@TempDir Path dir) throws Exception {
        assumeTrue(torchAvailable(), "skipped: /usr/bin/python3 cannot import torch (apt-get install python3-torch libopenblas0-pthread)");
        run(List.of(PYTHON.toString(), EXAMPLES.resolve("fixed_dataset.py").toString(), dir.toString(),
                "--rows", "500", "--steps", "60", "--batch", "100", "--width", "1000"));
        List<String> lines = Files.readAllLines(dir.resolve("losses.txt"));
        double[] java = FixedDataset.read(dir, 1000).train(60, 100, 0.01f);
        assertThat(lines).hasSize(60);
        for (int s = 0; s < 60; s++) {
            double torch = Double.parseDouble(lines.get(s));
            assertThat(Math.abs(java[s] - torch) / torch).as("step %d: java %s, torch %s", s, java[s], torch).isLessThan(1e-5);
        }
        assertThat(java[59]).isLessThan(java[0]); // it learnt something: the trajectory is not flat
    }

    @Test
    void articleSnippetsRunAndPrintQuality() throws Exception {
        assumeTrue(torchAvailable(), "skipped: /usr/bin/python3 cannot import torch (apt-get install python3-torch libopenblas0-pthread)");
        List<String> small = List.of("--steps", "30", "--width", "200", "--device", "cpu", "--threads", "1");
        for (String script : List.of("train.py", "mixed_precision.py", "prune.py")) {
            List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON.toString(), EXAMPLES.resolve(script).toString()));
            cmd.addAll(small);
            String out = run(cmd);
            assertThat(out).as(script).contains("r2=").contains("test_mse=").contains("gap_to_floor=").contains("loop_s=");
        }
        List<String> seed = new java.util.ArrayList<>(List.of(PYTHON.toString(), EXAMPLES.resolve("train.py").toString(), "--task", "random"));
        seed.addAll(small);
        assertThat(run(seed)).contains("experiment=seed").contains("final_loss=").doesNotContain("r2=");
        List<String> ddp = new java.util.ArrayList<>(List.of(PYTHON.toString(), EXAMPLES.resolve("ddp.py").toString(), "--workers", "2", "--port", "29633"));
        ddp.addAll(small);
        assertThat(run(ddp)).contains("experiment=parallel-k2").contains("r2=");
    }
}
