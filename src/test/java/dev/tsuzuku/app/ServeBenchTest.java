package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's arithmetic and nginx's config; the timing itself is only ever printed by {@code tsuzuku bench serve}. */
class ServeBenchTest {
    private static final String WRK = """
            Running 5s test @ http://127.0.0.1:40000/media/bench/1/0123456789abcdef/episode.mp4
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    80.12ms   20.00ms 400.00ms   70.00%
                Req/Sec     5.00      2.00    10.00     60.00%
              Latency Distribution
                 50%   70.00ms
                 75%   90.00ms
                 90%  120.00ms
                 99%    1.50s
              52 requests in 5.01s, 1.63GB read
              Non-2xx or 3xx responses: 2
            Requests/sec:     10.38
            Transfer/sec:    332.50MB
            """;

    @Test
    void wrk_output_gives_requests_bytes_p99_and_failures() {
        ServeBench.Wrk w = ServeBench.parse(WRK);
        assertThat(w.requestsPerSecond()).isEqualTo(10.38);
        assertThat(w.bytesPerSecond()).isCloseTo(332.5 * 1024 * 1024, within(1.0));
        assertThat(w.p99Millis()).isEqualTo(1500.0);
        assertThat(w.failures()).isEqualTo(2);
        assertThat(w.requests()).isEqualTo(52);
        assertThat(ServeBench.parse(WRK.replace("1.50s", "812.00us")).p99Millis()).isCloseTo(0.812, within(1e-9));
    }

    @Test
    void the_table_gives_the_ratio_over_all_runs_the_pair_range_and_cpu_per_request_and_flags_failed_requests() {
        ServeBench.Run s1 = new ServeBench.Run(new ServeBench.Wrk(100, 80 << 20, 3.0, 0, 500), 0.5);
        ServeBench.Run s2 = new ServeBench.Run(new ServeBench.Wrk(120, 100 << 20, 5.0, 0, 600), 0.6);
        ServeBench.Run n1 = new ServeBench.Run(new ServeBench.Wrk(120, 100 << 20, 2.0, 0, 600), 0.3);
        ServeBench.Run n2 = new ServeBench.Run(new ServeBench.Wrk(150, 125 << 20, 2.0, 0, 750), 0.3);
        ServeBench.Row row = new ServeBench.Row("HLS segment", List.of(s1, s2), List.of(n1, n2));
        assertThat(row.ratio()).isCloseTo(180.0 / 225.0, within(1e-9));
        assertThat(row.spread()).containsExactly(0.8, 0.8);
        assertThat(ServeBench.Row.cpuMicros(row.server())).isCloseTo(1e6 * 1.1 / 1100, within(1e-6));
        ServeBench.Row catalogue = new ServeBench.Row("catalogue",
                List.of(new ServeBench.Run(new ServeBench.Wrk(900, 1 << 20, 4.25, 3, 4500), 0.9)), List.of());
        assertThat(catalogue.ratio()).isNaN();
        List<String> table = ServeBench.render(List.of(row, catalogue));
        assertThat(table.get(1)).contains("HLS segment", "110", "5.00", "90.0", "112.5", "80%", "80-80%", "1000|444").doesNotContain("failed");
        assertThat(table.get(2)).contains("catalogue", "900", "4.25", " 200", "(failed requests!)");
    }

    @Test
    void proc_stat_gives_pid_parent_and_cpu_ticks_even_with_spaces_in_the_name() {
        String line = "4242 (nginx: worker) S 4200 4200 4200 0 -1 4194624 120 0 0 0 37 5 0 0 20 0 1 0 123 1000 10";
        assertThat(ServeBench.statLine(line)).containsExactly(4242L, 4200L, 42L);
    }

    @Test
    void nginx_serves_the_same_paths_from_the_same_folder_without_the_edition() {
        String conf = ServeBench.nginxConf(Path.of("/tmp/b"), 41000, false);
        assertThat(conf).contains("listen 127.0.0.1:41000;", "alias /tmp/b/media/$1/$2/$3;", "sendfile on;", "access_log off;")
                .doesNotContain("user root");
        assertThat(ServeBench.nginxConf(Path.of("/tmp/b"), 41000, true)).startsWith("user root;");
    }
}
