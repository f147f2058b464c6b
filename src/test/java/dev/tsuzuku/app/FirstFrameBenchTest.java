package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first-frame bench's reading of the page's marks and its summary; the timing itself is only printed by bench serve. */
class FirstFrameBenchTest {
    @Test
    void the_pages_marks_are_read_and_a_page_without_a_frame_is_a_failure_saying_how_far_it_got() throws Exception {
        FirstFrameBench.Load l = FirstFrameBench.load("{\"loadeddata\": 412, \"playing\": 430, \"painted\": 433, \"source\": \"hls.js\"}");
        assertThat(l).isEqualTo(new FirstFrameBench.Load(412, 430, 433, "hls.js"));
        // a browser without requestVideoFrameCallback: painted is taken as playing
        assertThat(FirstFrameBench.load("{\"loadeddata\": 10, \"playing\": 20, \"source\": \"mp4\"}").painted()).isEqualTo(20);
        assertThatThrownBy(() -> FirstFrameBench.load("{\"timeout\": true, \"state\": {\"loadeddata\": 300}}"))
                .isInstanceOf(TsuzukuException.class).hasMessageContaining("no frame within 20 s").hasMessageContaining("loadeddata");
    }

    @Test
    void the_summary_gives_median_and_worst() {
        List<FirstFrameBench.Load> loads = List.of(new FirstFrameBench.Load(100, 120, 110, "hls.js"),
                new FirstFrameBench.Load(300, 320, 900, "hls.js"), new FirstFrameBench.Load(200, 220, 210, "hls.js"));
        assertThat(FirstFrameBench.summary(loads)).contains("hls.js", "3 loads", "painted median 210 ms", "worst 900 ms",
                "loadeddata median 200 ms", "playing median 220 ms");
        assertThat(FirstFrameBench.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
