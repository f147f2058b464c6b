package dev.tsuzuku.release;

import static dev.tsuzuku.store.EpisodeStatus.APPROVED;
import static dev.tsuzuku.store.EpisodeStatus.PRODUCED;
import static dev.tsuzuku.store.EpisodeStatus.RELEASED;
import static dev.tsuzuku.store.EpisodeStatus.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.release.DropRules.Decision;
import dev.tsuzuku.release.DropRules.EpisodeState;
import dev.tsuzuku.store.EpisodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropRulesTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ReleaseCalendar CAL = new ReleaseCalendar(new DropSchedule(LocalTime.of(18, 0), NY), LocalDate.of(2026, 12, 1));
    private static final Instant SLOT = ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, NY).toInstant();

    private static List<EpisodeState> season(EpisodeStatus... statuses) {
        List<EpisodeState> out = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            out.add(new EpisodeState(i + 1, "E" + (i + 1), statuses[i], statuses[i] == RELEASED ? SLOT : null));
        }
        return out;
    }

    @Test
    void a_drop_releases_the_next_approved_episode_and_is_late_only_well_after_its_time() {
        assertThat(DropRules.atDrop(season(RELEASED, APPROVED, APPROVED), SLOT, SLOT.plusSeconds(10)))
                .isEqualTo(new Decision.Release(2, false));
        assertThat(DropRules.atDrop(season(RELEASED, APPROVED), SLOT, SLOT.plus(Duration.ofHours(3))))
                .isEqualTo(new Decision.Release(2, true));
    }

    @Test
    void a_drop_never_jumps_ahead_to_a_later_approved_episode() {
        Decision d = DropRules.atDrop(season(RELEASED, PRODUCED, APPROVED), SLOT, SLOT);
        assertThat(d).isInstanceOf(Decision.Miss.class);
        assertThat(((Decision.Miss) d).episode()).isEqualTo(2);
        assertThat(((Decision.Miss) d).why()).isEqualTo("is produced but not approved");
        assertThat(DropRules.atDrop(season(RELEASED, RELEASED), SLOT, SLOT)).isInstanceOf(Decision.SeasonOver.class);
    }

    @Test
    void a_person_releases_in_order_and_only_approved_episodes() {
        assertThat(DropRules.refuseRelease(season(RELEASED, APPROVED), 2)).isEmpty();
        assertThat(DropRules.refuseRelease(season(RELEASED, APPROVED, APPROVED), 3)).contains(
                "episode 2 is not released yet; episodes come out in order");
        assertThat(DropRules.refuseRelease(season(RELEASED, WRITTEN), 2)).contains("episode 2 is only written, not produced");
        assertThat(DropRules.refuseRelease(season(RELEASED), 1)).isEmpty();
        assertThat(DropRules.refuseRelease(season(RELEASED), 7)).contains("the season has no episode 7");
    }

    @Test
    void the_plan_assigns_drops_in_order_counts_the_buffer_and_names_what_to_produce() {
        Instant now = SLOT.plusSeconds(60); // just after the first drop
        DropRules.Plan p = DropRules.plan(season(RELEASED, APPROVED, PRODUCED, WRITTEN, WRITTEN, WRITTEN), CAL, now, 4);
        assertThat(p.released()).extracting(EpisodeState::number).containsExactly(1);
        assertThat(p.upcoming()).extracting(DropRules.Upcoming::episode).containsExactly(2, 3, 4, 5, 6);
        assertThat(p.upcoming().get(0).drop()).isEqualTo(ZonedDateTime.of(2026, 12, 2, 18, 0, 0, 0, NY));
        assertThat(p.finishedAhead()).isEqualTo(2);
        assertThat(p.bufferLow()).isTrue();
        assertThat(p.toProduce()).containsExactly(4, 5);
        assertThat(p.warning()).hasValueSatisfying(w -> {
            assertThat(w.episode()).isEqualTo(3);
            assertThat(w.drop()).isEqualTo(ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, NY));
            assertThat(w.message()).contains("Thu 2026-12-03 18:00 EST").contains("episode 3").contains("approve it");
        });
    }

    @Test
    void a_full_buffer_asks_for_nothing_and_warns_of_nothing() {
        DropRules.Plan p = DropRules.plan(season(APPROVED, APPROVED, APPROVED, WRITTEN), CAL, SLOT.minusSeconds(60), 3);
        assertThat(p.finishedAhead()).isEqualTo(3);
        assertThat(p.bufferLow()).isFalse();
        assertThat(p.toProduce()).isEmpty();
        assertThat(p.warning()).isEmpty();
    }
}
