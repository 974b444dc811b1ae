package dev.wattiq.meter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The console line for each skipped test, and the module's list at the end, through a real JUnit launcher. */
class SkipReasonsTest {
    /** Run only by the launcher below (Surefire leaves nested classes alone). */
    static class Sample {
        @Test
        void needsAProgram() {
            Assumptions.assumeTrue(false, "/usr/bin/prometheus is missing: apt-get install -y prometheus");
        }

        @Test
        @Disabled("flaky on this VM")
        void disabled() {
        }

        @Test
        void runs() {
        }
    }

    @Test
    void eachSkipSaysWhyAndTheEndListsThemAll() {
        PrintStream before = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            var launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new SkipReasons()).build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build());
        } finally {
            System.setOut(before);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8).lines().sorted().toList()).containsExactly(
                "[SKIPPED]   SkipReasonsTest$Sample.disabled: flaky on this VM",
                "[SKIPPED]   SkipReasonsTest$Sample.needsAProgram: /usr/bin/prometheus is missing: apt-get install -y prometheus",
                "[SKIPPED] 2 tests were skipped here:",
                "[SKIPPED] SkipReasonsTest$Sample.disabled: flaky on this VM",
                "[SKIPPED] SkipReasonsTest$Sample.needsAProgram: /usr/bin/prometheus is missing: apt-get install -y prometheus");
    }
}
