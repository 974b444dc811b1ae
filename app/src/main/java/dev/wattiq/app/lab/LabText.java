package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.lab.experiments.WarmUp;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Lab and demo results as the terminal shows them: the table ({@link LabTable}) on standard output, notes and progress on standard error. */
final class LabText {
    private LabText() {
    }

    static void lab(PrintWriter out, PrintWriter err, LabResult r) {
        LabTable.print(r.trials(), r.methods(), null, out);
        notes(err, r.notes());
    }

    static void demo(PrintWriter out, PrintWriter err, DemoResult r) {
        LabTable.print(r.trials(), r.methods(), r.balance(), out);
        notes(err, r.notes());
    }

    private static void notes(PrintWriter err, List<String> notes) {
        for (String n : notes) err.println("wattiq: " + n);
    }

    /** {@code lab}'s progress: a line per trial with its loop time. */
    static LabProgress lines(PrintWriter err) {
        return new Progress(err) {
            @Override
            public void trialDone(Trial t, int done, int total) {
                err.println("wattiq: " + t.name() + " done in " + String.format(Locale.ROOT, "%.2f s", t.loopSeconds()));
                err.flush();
            }
        };
    }

    /** {@code demo}'s progress on a terminal: one bar, redrawn in place, ended by a newline. */
    static LabProgress bar(PrintWriter err) {
        return new Progress(err) {
            @Override
            public void started(int total) {
                bar(err, 0, total, "starting");
            }

            @Override
            public void trialDone(Trial t, int done, int total) {
                bar(err, done, total, t.name());
            }

            @Override
            public void finished() {
                err.println();
            }
        };
    }

    private static void bar(PrintWriter err, int done, int total, String what) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " " + String.format("%-20s", what));
        err.flush();
    }

    /** Says the warm-up; the rest as a subclass prints it. */
    private abstract static class Progress implements LabProgress {
        private final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void warmedUp(WarmUp w) {
            err.println("wattiq: " + w.describe());
            err.flush();
        }

        @Override
        public void started(int total) {
        }

        @Override
        public void finished() {
        }
    }
}
