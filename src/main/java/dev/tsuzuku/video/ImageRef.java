package dev.tsuzuku.video;

import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An image handed to a provider: either a URL it can fetch (https, or a vendor asset id) or the
 * bytes themselves with their media type. Each adapter picks the form its API wants (a data URL,
 * raw Base64, a multipart file part).
 */
public final class ImageRef {
    private final URI url;
    private final byte[] bytes;
    private final String mediaType;

    private ImageRef(URI url, byte[] bytes, String mediaType) {
        this.url = url;
        this.bytes = bytes;
        this.mediaType = mediaType;
    }

    public static ImageRef url(URI url) {
        return new ImageRef(Objects.requireNonNull(url, "url"), null, null);
    }

    public static ImageRef bytes(byte[] bytes, String mediaType) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("image bytes are empty");
        }
        if (mediaType == null || !mediaType.startsWith("image/")) {
            throw new IllegalArgumentException("media type must be image/*, was " + mediaType);
        }
        return new ImageRef(null, bytes.clone(), mediaType.toLowerCase(java.util.Locale.ROOT));
    }

    public static ImageRef png(byte[] bytes) {
        return bytes(bytes, "image/png");
    }

    public boolean isUrl() {
        return url != null;
    }

    public URI url() {
        return url;
    }

    public byte[] data() {
        return bytes == null ? null : bytes.clone();
    }

    public String mediaType() {
        return mediaType;
    }

    /** The URL, or the bytes as a {@code data:image/png;base64,…} URL. */
    public String urlOrDataUrl() {
        return isUrl() ? url.toString() : "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** The URL, or the bytes as bare Base64 (Kling wants no {@code data:} prefix). */
    public String urlOrBase64() {
        return isUrl() ? url.toString() : Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRef other && Objects.equals(url, other.url) && Arrays.equals(bytes, other.bytes)
                && Objects.equals(mediaType, other.mediaType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, Arrays.hashCode(bytes), mediaType);
    }

    @Override
    public String toString() {
        return isUrl() ? "ImageRef[" + dev.tsuzuku.provider.ProviderHttp.where(url) + "]"
                : "ImageRef[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
