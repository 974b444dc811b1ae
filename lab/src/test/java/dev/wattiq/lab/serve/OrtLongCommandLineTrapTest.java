package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known trap: onnxruntime 1.29.0 crashed at start-up when the java command line exceeded ~3-4 KB (a long -cp), while
 * 1.28.0 did not. This launches a fresh JVM with a class path over 8 KB that loads ONNX Runtime and embeds one
 * sentence with the shipped int8 model; a crash, a hang or a wrong answer fails the test. Checked by hand on
 * 2026-11-27: with onnxruntime 1.29.0 on the class path this child dies with SIGSEGV (exit 139); with 1.28.0 it prints
 * "ok dim=384".
 */
class OrtLongCommandLineTrapTest {
    /** The child JVM's entry point. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (Embedder e = Embedder.open(Precision.INT8, 1)) {
                float[] v = e.embed(List.of("It is a truth universally acknowledged."))[0];
                System.out.println("ok dim=" + v.length + " ort=" + OrtEnvironment.getEnvironment().getVersion());
            }
        }
    }

    @Test
    void ortStartsAndInfersWithACommandLineOverEightKilobytes(@TempDir Path tmp) throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(Child.class, Embedder.class, dev.wattiq.meter.UserInputException.class, OrtEnvironment.class, HuggingFaceTokenizer.class,
                ai.djl.util.Utils.class, com.google.gson.Gson.class, com.sun.jna.Native.class,
                org.apache.commons.compress.archivers.ArchiveEntry.class, org.slf4j.LoggerFactory.class,
                dev.wattiq.meter.UserInputException.class)) { // the lab's input errors extend the meter's base type
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        for (String model : List.of("all-minilm-l6-v2-q.onnx")) {
            var url = getClass().getClassLoader().getResource(model);
            assertThat(url).as("model jar on the test class path").isNotNull();
            String jar = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
            entries.add(jar);
        }
        int i = 0;
        while (String.join(File.pathSeparator, entries).length() < 8 * 1024) {
            entries.add(tmp.resolve("padding-to-make-the-command-line-long-" + i++ + ".jar").toString());
        }
        String classPath = String.join(File.pathSeparator, entries);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "--enable-native-access=ALL-UNNAMED", "-Dslf4j.internal.verbosity=ERROR", "-cp", classPath, Child.class.getName()));
        assertThat(String.join(" ", cmd).length()).isGreaterThan(8 * 1024);

        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("child JVM finished; output:%n%s", out).isTrue();
        assertThat(p.exitValue()).as("child JVM exit code; output:%n%s", out).isZero();
        assertThat(out).contains("ok dim=384");
    }

    @Test
    void pinnedOnnxRuntimeIsNotTheCrashingRelease() {
        assertThat(OrtEnvironment.getEnvironment().getVersion()).isNotEqualTo("1.29.0");
    }
}
