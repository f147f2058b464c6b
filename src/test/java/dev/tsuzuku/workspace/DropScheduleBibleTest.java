package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.pipeline.InputHash;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drop schedule's release settings in series.yaml: skip days, buffer, start (decision 0025). */
class DropScheduleBibleTest {
    static final String VALID = """
            id: tales
            title: Tales
            language: en
            cast:
              - name: Taro
                role: lead
            """;

    static Bible load(String yaml) {
        return BibleFile.parse("series.yaml", yaml);
    }

    static List<String> problems(String yaml) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> load(yaml));
        assertThat(e).as("expected %s to be refused", yaml).isNotNull();
        return e.problems().stream().map(Problem::render).toList();
    }

    @Test
    void skip_days_buffer_and_start_are_read_and_written_back() {
        Bible b = load(VALID + "schedule: {time: \"18:30\", zone: America/New_York, skip: [Sunday, 2026-12-25], buffer: 5,"
                + " start: 2026-12-01}\n");
        DropSchedule s = b.schedule();
        assertThat(s.time()).isEqualTo(LocalTime.of(18, 30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(s.skipDays()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(s.skipDates()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThat(s.bufferOrDefault()).isEqualTo(5);
        assertThat(s.start()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(load(BibleFile.render(b)).schedule()).isEqualTo(s);
        assertThat(load(VALID).schedule().bufferOrDefault()).isEqualTo(DropSchedule.DEFAULT_BUFFER);
    }

    @Test
    void bad_release_settings_are_named_with_their_line_and_fix() {
        assertThat(problems(VALID + "schedule: {skip: [sundy, 2026-13-01]}\n")).containsExactly(
                "series.yaml:7:19: schedule.skip[0]: 'sundy' is neither a weekday nor a date\n"
                        + "    fix: did you mean 'sunday'? write a weekday (monday … sunday) or a date as YYYY-MM-DD, like 2026-12-25",
                "series.yaml:7:26: schedule.skip[1]: '2026-13-01' is neither a weekday nor a date\n"
                        + "    fix: write a weekday (monday … sunday) or a date as YYYY-MM-DD, like 2026-12-25");
        assertThat(problems(VALID + "schedule: {buffer: -2}\n")).containsExactly(
                "series.yaml:7:20: schedule.buffer: -2 is negative\n"
                        + "    fix: use how many finished episodes to keep ahead of the drops, 0–365 (leave it out for the default, 3)");
        assertThat(problems(VALID + "schedule: {start: next monday}\n")).singleElement().asString()
                .startsWith("series.yaml:7:19: schedule.start: 'next monday' is not a date as YYYY-MM-DD");
        assertThat(problems(VALID + "schedule: {skip: sunday}\n")).singleElement().asString().contains("expected a list");
        assertThat(problems(VALID + "schedule:\n  skip: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]\n"))
                .singleElement().asString().contains("skips every day of the week");
        assertThat(problems(VALID + "schedule: {skips: [sunday]}\n")).singleElement().asString()
                .contains("unknown key 'skips'").contains("did you mean 'skip'?");
    }

    @Test
    void the_release_settings_never_change_what_the_stages_hash() {
        Bible plain = load(VALID + "schedule: {time: \"18:00\", zone: Asia/Tokyo}\n");
        Bible more = load(VALID + "schedule: {time: \"18:00\", zone: Asia/Tokyo, skip: [sunday], buffer: 9, start: 2027-01-01}\n");
        assertThat(InputHash.of("t", 1).add(more).hex()).isEqualTo(InputHash.of("t", 1).add(plain).hex());
        Bible other = load(VALID + "schedule: {time: \"19:00\", zone: Asia/Tokyo}\n");
        assertThat(InputHash.of("t", 1).add(other).hex()).isNotEqualTo(InputHash.of("t", 1).add(plain).hex());
    }
}
