package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.eclipse.jetty.http.DateGenerator;
import org.junit.jupiter.api.Test;

/** The request headers that decide between 200, 206, 304 and 416, read as RFC 7232/7233 say. */
class MediaFileTest {
    private static final String TAG = "\"18c4a1b2c3d-493e0\"";
    private static final long MODIFIED = 1_700_000_000_123L;

    @Test
    void if_none_match_takes_a_list_weak_tags_and_a_star_and_decides_over_if_modified_since() {
        assertThat(MediaFile.notModified(TAG, null, TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.notModified("\"x\", W/" + TAG, null, TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.notModified("*", null, TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.notModified("\"x\"", DateGenerator.formatDate(MODIFIED), TAG, MODIFIED)).isFalse();
        assertThat(MediaFile.notModified(null, null, TAG, MODIFIED)).isFalse();
    }

    @Test
    void if_modified_since_compares_whole_seconds_and_ignores_a_date_it_cannot_read() {
        assertThat(MediaFile.notModified(null, DateGenerator.formatDate(MODIFIED), TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.notModified(null, DateGenerator.formatDate(MODIFIED + 60_000), TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.notModified(null, DateGenerator.formatDate(MODIFIED - 1_000), TAG, MODIFIED)).isFalse();
        assertThat(MediaFile.notModified(null, "yesterday", TAG, MODIFIED)).isFalse();
    }

    @Test
    void if_range_keeps_the_range_only_for_the_strong_tag_or_the_exact_date() {
        assertThat(MediaFile.rangeStillApplies(null, TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.rangeStillApplies(TAG, TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.rangeStillApplies("W/" + TAG, TAG, MODIFIED)).as("weak tags never match for a range").isFalse();
        assertThat(MediaFile.rangeStillApplies("\"older\"", TAG, MODIFIED)).isFalse();
        assertThat(MediaFile.rangeStillApplies(DateGenerator.formatDate(MODIFIED), TAG, MODIFIED)).isTrue();
        assertThat(MediaFile.rangeStillApplies(DateGenerator.formatDate(MODIFIED + 5_000), TAG, MODIFIED)).isFalse();
        assertThat(MediaFile.rangeStillApplies("not a date", TAG, MODIFIED)).isFalse();
    }

    @Test
    void a_range_is_one_satisfiable_byte_span_or_the_whole_file_or_416() {
        assertThat(MediaFile.range("bytes=0-99", 1000)).contains(new MediaFile.Span(0, 99));
        assertThat(MediaFile.range("bytes=900-", 1000)).contains(new MediaFile.Span(900, 999));
        assertThat(MediaFile.range("bytes=-10", 1000)).contains(new MediaFile.Span(990, 999));
        assertThat(MediaFile.range("bytes=0-5000", 1000)).contains(new MediaFile.Span(0, 999));
        assertThat(MediaFile.range("bytes=0-1,5-6", 1000)).isEqualTo(Optional.empty());
        assertThat(MediaFile.range("items=0-1", 1000)).isEqualTo(Optional.empty());
        assertThat(MediaFile.range("bytes=1000-", 1000)).isNull();
        assertThat(MediaFile.range("bytes=99999999999999999999-", 1000)).isNull();
    }
}
