package dev.tsuzuku.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real runner against /bin/sh. That children die with a killed JVM is KillDuringCutTest's job. */
class LocalProcessRunnerTest extends ProcessRunnerContract {

    @Override
    ProcessRunner runner() {
        return ProcessRunner.local();
    }

    @Override
    List<String> echo(int code) {
        return List.of("sh", "-c", "cat; printf 'err:%s' \"$GREETING\" >&2; exit " + code);
    }

    @Override
    List<String> slow() {
        return List.of("sh", "-c", "sleep 30");
    }

    @Override
    List<String> noisy() {
        return List.of("sh", "-c", "head -c 300000 /dev/zero | tr '\\000' x >&2; printf END >&2");
    }

    @Test
    void on_linux_with_setpriv_children_are_bound_to_the_jvm() {
        boolean linux = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv"));

        assertThat(Children.system().dieWithParent()).isEqualTo(linux && setpriv);
        if (Children.system().dieWithParent()) {
            assertThat(Children.system().wrap(List.of("/usr/bin/ffmpeg", "-version")))
                    .containsExactly("/usr/bin/setpriv", "--pdeathsig", "KILL", "--", "/usr/bin/ffmpeg", "-version");
        }
    }
}
