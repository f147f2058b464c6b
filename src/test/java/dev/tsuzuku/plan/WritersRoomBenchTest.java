package dev.tsuzuku.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Source;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WritersRoomBenchTest {

    @Test
    void a_novel_of_the_requested_size_repeats_the_tales_under_renumbered_chapters() throws Exception {
        String sample = Files.readString(SampleBook.FILE);

        String novel = WritersRoomBench.novel(sample, 600_000);
        Source source = Ingest.parse("novel.txt", novel);

        assertThat(novel.length()).isBetween(600_000, 660_000);
        assertThat(novel).startsWith("CHAPTER 1. MY LORD BAG OF RICE\n\n").contains("CHAPTER 30. ");
        assertThat(source.chapters()).hasSizeGreaterThan(30);
        assertThat(novel).doesNotContain("Gutenberg");
    }

    @Test
    void the_report_measures_each_size_and_computes_linearity_from_the_clock_it_is_given() throws Exception {
        // A clock that advances one millisecond per reading: figures are exact and repeatable.
        AtomicLong ticks = new AtomicLong();
        WritersRoomBench bench = new WritersRoomBench(Files.readString(SampleBook.FILE), () -> ticks.addAndGet(1_000_000));

        WritersRoomBench.Report report = bench.run(new int[] {40_000, 80_000}, 12);

        assertThat(report.runs()).hasSize(2);
        assertThat(report.runs().get(1).episodes()).isGreaterThan(report.runs().get(0).episodes());
        assertThat(report.runs()).allSatisfy(r -> assertThat(r.planSeconds()).isEqualTo(0.001));
        assertThat(report.linearity()).isCloseTo(0.001 / (2.0 * 0.001) * (80_000.0 / report.runs().get(1).bytes())
                * (report.runs().get(0).bytes() / 40_000.0), org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.fixedCount().episodes()).isEqualTo(12);
    }
}
