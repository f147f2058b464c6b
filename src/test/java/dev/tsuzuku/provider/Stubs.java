package dev.tsuzuku.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Fixtures shared by the provider adapter tests (documented shapes live in src/test/resources/providers). */
public final class Stubs {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T08:00:00Z"), ZoneOffset.UTC);
    public static final Duration CONNECT = Duration.ofSeconds(2);
    public static final Duration REQUEST = Duration.ofSeconds(5);

    private Stubs() {}

    public static byte[] resource(String name) {
        try (InputStream in = Stubs.class.getResourceAsStream("/providers/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture providers/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON fixture with {@code ${BASE}} replaced by the stub's base URL. */
    public static String fixture(String name, String base) {
        return new String(resource(name), StandardCharsets.UTF_8).replace("${BASE}", base);
    }

    /** The real 1 s, 72x128 H.264 clip served as a finished take. */
    public static byte[] mp4() {
        return resource("take.mp4");
    }

    /** A real PNG, a vertical gradient, small. */
    public static byte[] png(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < height; y++) {
            g.setColor(new Color(40 + y * 150 / height, 60, 180 - y * 100 / height));
            g.drawLine(0, y, width, y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Runs the call, expects a {@link ProviderException}, and checks no secret leaked into it. */
    public static ProviderException failure(ThrowingCallable call, String... secrets) {
        ProviderException e = catchThrowableOfType(ProviderException.class, call);
        assertThat(e).as("a ProviderException").isNotNull();
        assertNoSecret(e, secrets);
        return e;
    }

    /** No secret in the message, toString or failure of the exception or any of its causes. */
    public static void assertNoSecret(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String s : secrets) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(s);
                assertThat(t.toString()).doesNotContain(s);
                if (t instanceof ProviderException pe) {
                    assertThat(pe.failure().toString()).doesNotContain(s);
                }
            }
        }
    }
}
