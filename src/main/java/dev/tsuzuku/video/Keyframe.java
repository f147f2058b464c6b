package dev.tsuzuku.video;

/**
 * A generated keyframe: the image as a URL to fetch soon (Seedream's links last 24 h) or as
 * bytes (OpenAI's GPT image models always answer Base64), its size as the vendor reports it,
 * and what the vendor billed.
 */
public record Keyframe(ImageRef image, String size, Usage usage) {}
