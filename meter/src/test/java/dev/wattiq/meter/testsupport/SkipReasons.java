package dev.wattiq.meter.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console why each skipped test was skipped (Maven's summary only counts them): a test aborted by an
 * assumption (a missing outside program, a machine that has real hardware) or disabled prints one line with its
 * reason, and the module's skips are listed again when its tests end. Registered through
 * META-INF/services for every module whose tests carry this class (meter's, and through its test-jar lab's and app's).
 */
public final class SkipReasons implements TestExecutionListener {
    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        report(test, result.getThrowable().map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).orElse("aborted"));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) return;
        StringBuilder b = new StringBuilder("[SKIPPED] " + skipped.size() + (skipped.size() == 1 ? " test was" : " tests were") + " skipped here:");
        for (String s : skipped) b.append(System.lineSeparator()).append("[SKIPPED]   ").append(s);
        System.out.println(b);
        System.out.flush();
        skipped.clear();
    }

    private synchronized void report(TestIdentifier test, String reason) {
        String line = name(test) + ": " + (reason == null || reason.isBlank() ? "no reason given" : reason.strip()
                .replaceFirst("^Assumption failed: ", "").replaceFirst("^skipped: ", ""));
        skipped.add(line);
        System.out.println("[SKIPPED] " + line);
        System.out.flush();
    }

    static String name(TestIdentifier test) {
        return test.getSource().map(s -> {
            if (s instanceof MethodSource m) return simple(m.getClassName()) + "." + m.getMethodName();
            if (s instanceof ClassSource c) return simple(c.getClassName());
            return test.getDisplayName();
        }).orElse(test.getDisplayName());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
