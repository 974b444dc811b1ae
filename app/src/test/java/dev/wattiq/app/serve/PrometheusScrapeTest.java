package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.External;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus (Debian's package) scrapes a real wattiq serve on loopback; PromQL returns the energy put in. */
class PrometheusScrapeTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void promqlSeesTheEnergyTheCounterMoved() throws Exception {
        Path prometheus = External.require("/usr/bin/prometheus", "prometheus");
        Path token = Files.writeString(dir.resolve("token"), "prom-scrape-token-0123456789\n");
        try (ServeProcess serve = ServeProcess.onFakeRapl(dir, 5_000_000, "--token-file", token.toString())) {
            ServeProcess.setEnergy(serve.sysfs, 5_000_000 + 123_250_000); // +123.25 J
            int port = External.freePort();
            String target = URI.create(serve.base).getAuthority();
            Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 900ms
                    scrape_configs:
                      - job_name: wattiq
                        authorization:
                          type: Bearer
                          credentials_file: %s
                        static_configs:
                          - targets: ['%s']
                    """.formatted(token, target));
            Process p = new ProcessBuilder(prometheus.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String query = "sum(wattiq_energy_joules_total{job=\"wattiq\",component=\"cpu_package\"})";
                String url = "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
                double[] value = {Double.NaN};
                ServeProcess.eventually(Duration.ofSeconds(60), () -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode result = new ObjectMapper().readTree(r.body()).path("data").path("result");
                    if (result.isEmpty()) return false;
                    value[0] = Double.parseDouble(result.get(0).get("value").get(1).asText());
                    return value[0] == 123.25;
                });
                assertThat(value[0]).isEqualTo(123.25);
                String up = "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode("up{job=\"wattiq\"}", StandardCharsets.UTF_8);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(up)).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("\"1\"]");
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }
}
