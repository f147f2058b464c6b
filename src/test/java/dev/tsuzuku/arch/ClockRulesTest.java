package dev.tsuzuku.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The same inputs give the same bytes, on any day and in any time zone: only the entry points read
 * the wall clock (as UTC) and hand it on as a {@link Clock}; nothing reads the machine's zone.
 */
class ClockRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tsuzuku");

    @Test
    void nothing_reads_the_machines_time_zone() {
        noClasses().should().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(ZoneId.class, "systemDefault")
                .orShould().callMethod(TimeZone.class, "getDefault")
                .because("a command run in Tokyo must write what the same command writes in Berlin; use Clock.systemUTC()")
                .check(MAIN);
    }

    @Test
    void nothing_reads_the_wall_clock_without_a_clock_handed_to_it() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("inject the Clock so tests can fix the time")
                .check(MAIN);
    }

    /**
     * One known exception: {@code LlmWriter}'s convenience constructors default the clock that
     * measures its per-episode deadline (its text never depends on the time, and its tests pass a
     * clock they move). It should take the studio's clock; until then it is named here.
     */
    @Test
    void only_the_entry_points_take_the_system_clock() {
        noClasses().that().resideOutsideOfPackages("dev.tsuzuku.cli..", "dev.tsuzuku.app..")
                .and().doNotHaveFullyQualifiedName("dev.tsuzuku.story.LlmWriter")
                .should().callMethod(Clock.class, "systemUTC")
                .because("the CLI and the composition root pick the clock; everything else is handed one")
                .check(MAIN);
    }
}
