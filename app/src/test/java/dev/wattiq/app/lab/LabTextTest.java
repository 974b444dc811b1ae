package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Progress on a terminal is one bar redrawn in place; in a log it is a line per trial. */
class LabTextTest {
    /** What {@code progress} prints for trials named {@code names}, from start to finish. */
    private static String printed(Function<PrintWriter, LabProgress> progress, List<String> names) {
        StringWriter s = new StringWriter();
        LabProgress p = progress.apply(new PrintWriter(s, true));
        p.started(names.size());
        for (int i = 0; i < names.size(); i++) p.trialDone(BalanceTest.trial(names.get(i), 1, 0, 1, 0.9, 0.01), i + 1, names.size());
        p.finished();
        return s.toString();
    }

    @Test
    void theBarRedrawsInPlaceAndEndsWithANewline() {
        assertThat(printed(LabText::bar, List.of("seed", "quality"))).startsWith("\r[....")
                .contains("\r[###############...............] 1/2 seed").contains("\r[##############################] 2/2 quality")
                .endsWith(System.lineSeparator()).doesNotContain("\n[");
    }

    @Test
    void linesHaveNoCarriageReturns() {
        assertThat(printed(LabText::lines, List.of("seed"))).isEqualTo("wattiq: seed done in 1.00 s" + System.lineSeparator());
    }

    @Test
    void standardErrorOfTheTestRunIsNotATerminal() {
        assertThat(Terminal.stderr()).isFalse(); // surefire's forked JVM writes stderr to a pipe
    }
}
