package dev.wattiq.meter.control;

import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.GatedSensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window's open and close are answered while the meter's sensor read is held (a sensor that takes as long as the
 * test likes): the replies never wait for hardware; the window's energy, asked for by its ref, comes once the read does.
 */
class ControlSlowSensorTest {
    @TempDir
    Path runtime;
    final ManualClock clock = new ManualClock();
    final GatedSensor gpu = new GatedSensor(clock, 300.0); // a steady 300 W
    final Meter meter = Meter.start(List.of(gpu), SensorEnvironment.system().withClock(clock), Duration.ofMillis(5));
    final Window run = meter.window("run");
    final ControlState state = new ControlState(meter, run, "run-slow", ControlLimits.DEFAULT, r -> { });
    ControlServer server;

    @AfterEach
    void close() {
        gpu.open();
        if (server != null) server.close();
        meter.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void openAndCloseAreAnsweredWhileASensorReadIsHeld() throws Exception {
        server = ControlServer.bind(Map.of("XDG_RUNTIME_DIR", runtime.toString()), ControlLimits.DEFAULT, "run-slow");
        server.serve(state);
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(server.socketPath()));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            clock.advance(Duration.ofSeconds(1));
            meter.sampleNow(); // a reading at 1 s (300 J)
            gpu.shut();
            assertThat(gpu.awaitHeld(10_000)).as("the sampler is stuck in a read").isTrue();

            clock.advance(Duration.ofMillis(500));
            assertThat(ask(ch, in, "{\"op\":\"open\",\"name\":\"epoch-0\",\"id\":1}")).isEqualTo("{\"id\":1,\"ok\":true,\"name\":\"epoch-0\",\"start_s\":1.5}");
            clock.advance(Duration.ofMillis(250));
            assertThat(ask(ch, in, "{\"op\":\"close\",\"name\":\"epoch-0\",\"id\":2}")).isEqualTo(
                    "{\"id\":2,\"ok\":true,\"window\":{\"name\":\"epoch-0\",\"start_s\":1.5,\"duration_s\":0.25,"
                            + "\"work\":{\"steps\":0,\"samples\":0,\"tokens\":0},\"ref\":0}}");
            assertThat(gpu.held()).as("both replies came while the read was still held").isPositive();

            send(ch, "{\"op\":\"window\",\"ref\":0,\"id\":3}"); // the energy needs the held read
            CompletableFuture<String> energy = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(200);
            assertThat(energy).as("no energy before the read returns").isNotDone();
            clock.advance(Duration.ofMillis(250));
            gpu.open(); // the read returns at 2 s (600 J); the window's stamps lie between 1 s and 2 s
            assertThat(energy.get(10, TimeUnit.SECONDS)).isEqualTo("{\"id\":3,\"ok\":true,\"window\":{\"name\":\"epoch-0\",\"start_s\":1.5,"
                    + "\"duration_s\":0.25,\"energy_j\":{\"total\":75.0,\"by_component\":{\"gpu\":75.0}},\"method\":\"measured\","
                    + "\"work\":{\"steps\":0,\"samples\":0,\"tokens\":0},\"ref\":0}}");
        }
        assertThat(state.windows()).singleElement().satisfies(r -> assertThat(r.measurement().totalJoules()).isEqualTo(75.0));
    }

    static void send(SocketChannel ch, String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) ch.write(b);
    }

    static String ask(SocketChannel ch, BufferedReader in, String line) throws IOException {
        send(ch, line);
        return in.readLine();
    }
}
