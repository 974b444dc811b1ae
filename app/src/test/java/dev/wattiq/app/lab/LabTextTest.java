package dev.wattiq.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress on a terminal is one bar redrawn in place; in a log it is a line per trial. */
class LabTextTest {
    @Test
    void theBarRedrawsInPlaceAndEndsWithANewline() {
        StringWriter s = new StringWriter();
        LabProgress p = LabText.bar(new PrintWriter(s, true));
        p.started(2);
        p.trialDone(BalanceTest.trial("seed", 1, 0, 1, 0.9, 0.01), 1, 2);
        p.trialDone(BalanceTest.trial("quality", 1, 0, 1, 0.9, 0.01), 2, 2);
        p.finished();
        assertThat(s.toString()).startsWith("\r[....").contains("\r[###############...............] 1/2 seed")
                .contains("\r[##############################] 2/2 quality").endsWith(System.lineSeparator()).doesNotContain("\n[");
    }

    @Test
    void linesHaveNoCarriageReturns() {
        StringWriter s = new StringWriter();
        LabProgress p = LabText.lines(new PrintWriter(s, true));
        p.started(1);
        p.trialDone(BalanceTest.trial("seed", 1, 0, 1, 0.9, 0.01), 1, 1);
        p.finished();
        assertThat(s.toString()).isEqualTo("wattiq: seed done in 1.00 s" + System.lineSeparator());
    }

    @Test
    void standardErrorOfTheTestRunIsNotATerminal() {
        assertThat(Terminal.stderr()).isFalse(); // surefire's forked JVM writes stderr to a pipe
    }
}
