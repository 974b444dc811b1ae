package dev.wattiq.meter.testing;

/**
 * A {@link FakeBmc} in a process of its own (for benchmarks: its CPU time stays out of the measured JVM). Prints its URL
 * on the first line of stdout and serves until stdin closes. Usage: {@code FakeBmcMain USER PASSWORD WATTS}.
 */
public final class FakeBmcMain {
    private FakeBmcMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.ENVIRONMENT_METRICS, args[0], args[1])) {
            bmc.power(Double.parseDouble(args[2]));
            System.out.println(bmc.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until our parent goes
            }
        }
    }
}
