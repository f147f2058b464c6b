package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void hashes_are_the_standard_sha256_in_lower_case_hex() {
        assertThat(Sha256.hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void text_is_hashed_as_its_utf8_bytes() {
        assertThat(Sha256.hex("続く")).isEqualTo(Sha256.hex("続く".getBytes(StandardCharsets.UTF_8)));
    }
}
