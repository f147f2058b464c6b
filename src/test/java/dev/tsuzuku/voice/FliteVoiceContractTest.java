package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The voice contract against the real flite; fails in CI when flite is missing (scripts/setup.sh installs it). */
class FliteVoiceContractTest extends VoiceContract {
    static final String MISSING = "flite is not on the PATH, so the flite voice contract cannot run;"
            + " install it with: bash scripts/setup.sh (or apt-get install flite)";

    @BeforeAll
    static void needsFlite() {
        if (Programs.onPath("flite")) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(MISSING + " (CI=true: this contract must run)");
        }
        System.err.println("WARNING: " + MISSING + " — SKIPPED");
        assumeTrue(false, MISSING);
    }

    @Override
    Voice voice() {
        return FliteVoice.local();
    }
}
