package dev.wattiq.meter.control;

import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Window;

/** For {@code bench.ControlBench}: one session's request handling, reached from outside the package. */
public final class ControlBenchAccess {
    private final ControlSession session;

    public ControlBenchAccess(Meter meter, Window run) {
        ControlLimits limits = new ControlLimits(16 * 1024, 256, 1024, Integer.MAX_VALUE, 64, 32); // no cap on windows per run
        ControlState state = new ControlState(meter, run, "bench", limits, r -> { });
        this.session = new ControlSession(() -> state, limits, "bench");
    }

    public void openClose(String name) {
        String a = session.handle("{\"op\":\"open\",\"name\":\"" + name + "\",\"id\":1}");
        String b = session.handle("{\"op\":\"close\",\"name\":\"" + name + "\",\"id\":2}");
        if (!a.contains("\"ok\":true") || !b.contains("\"ok\":true")) throw new IllegalStateException(a + " / " + b);
    }

    /** Open, close, then the window's energy (waits for the meter's reading after the close). */
    public void openCloseFetch(String name) {
        session.handle("{\"op\":\"open\",\"name\":\"" + name + "\",\"id\":1}");
        String b = session.handle("{\"op\":\"close\",\"name\":\"" + name + "\",\"id\":2}");
        String ref = b.substring(b.indexOf("\"ref\":") + 6, b.lastIndexOf("}}"));
        String c = session.handle("{\"op\":\"window\",\"ref\":" + ref + ",\"id\":3}");
        if (!c.contains("\"energy_j\"")) throw new IllegalStateException(b + " / " + c);
    }

    public void work() {
        session.handle("{\"op\":\"work\",\"steps\":1,\"samples\":32,\"tokens\":4096}");
    }
}
