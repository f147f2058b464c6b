package dev.tsuzuku.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A series' released episodes as JSON Feed 1.1 (https://jsonfeed.org/version/1.1) and RSS 2.0
 * with Media RSS (http://search.yahoo.com/mrss/) enclosures, so apps and aggregators pick up
 * each drop. Pure: the caller gives only released episodes (with their URLs); the newest comes first.
 */
public final class Feeds {
    public static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";
    public static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Feeds() {}

    /** The series: its page, the feed's own address, and what the feed says about it. */
    public record Channel(String id, String title, String description, String language, String homeUrl,
                          String jsonFeedUrl, String rssUrl) {}

    /** One released episode with the public URLs of its page, video and cover. */
    public record Item(int episode, String title, String summary, Instant releasedAt, String pageUrl, String videoUrl,
                       long videoBytes, double durationSeconds, int width, int height, String coverUrl) {}

    private static List<Item> newestFirst(List<Item> items) {
        return items.stream().sorted(Comparator.comparing(Item::releasedAt).reversed()
                .thenComparing(Comparator.comparingInt(Item::episode).reversed())).toList();
    }

    /** The stable id of an episode in both feeds (the guid / id): never its URL, which may move. */
    public static String itemId(Channel c, Item i) {
        return "tsuzuku:" + c.id() + ":episode:" + i.episode();
    }

    public static String jsonFeed(Channel c, List<Item> items) {
        ObjectNode f = JSON.createObjectNode();
        f.put("version", JSON_FEED_VERSION);
        f.put("title", c.title());
        f.put("home_page_url", c.homeUrl());
        f.put("feed_url", c.jsonFeedUrl());
        if (c.description() != null && !c.description().isBlank()) {
            f.put("description", c.description());
        }
        f.put("language", c.language());
        ArrayNode list = f.putArray("items");
        for (Item i : newestFirst(items)) {
            ObjectNode o = list.addObject();
            o.put("id", itemId(c, i));
            o.put("url", i.pageUrl());
            o.put("title", i.title());
            o.put("content_text", i.summary() == null || i.summary().isBlank() ? i.title() : i.summary());
            if (i.summary() != null && !i.summary().isBlank()) {
                o.put("summary", i.summary());
            }
            if (i.coverUrl() != null) {
                o.put("image", i.coverUrl());
            }
            o.put("date_published", DateTimeFormatter.ISO_INSTANT.format(i.releasedAt()));
            ObjectNode a = o.putArray("attachments").addObject();
            a.put("url", i.videoUrl());
            a.put("mime_type", "video/mp4");
            a.put("title", i.title());
            a.put("size_in_bytes", i.videoBytes());
            a.put("duration_in_seconds", Math.round(i.durationSeconds()));
        }
        try {
            return JSON.writeValueAsString(f) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON feed of plain values cannot fail to serialise", e);
        }
    }

    public static String rss(Channel c, List<Item> items, Instant built) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("media", MEDIA_RSS);
            x.writeNamespace("atom", ATOM);
            x.writeStartElement("channel");
            text(x, "title", c.title());
            text(x, "link", c.homeUrl());
            text(x, "description", c.description() == null || c.description().isBlank() ? c.title() : c.description());
            text(x, "language", c.language());
            text(x, "lastBuildDate", rfc822(built));
            text(x, "generator", "Tsuzuku");
            x.writeEmptyElement("atom", "link", ATOM);
            x.writeAttribute("href", c.rssUrl());
            x.writeAttribute("rel", "self");
            x.writeAttribute("type", "application/rss+xml");
            for (Item i : newestFirst(items)) {
                x.writeStartElement("item");
                text(x, "title", i.title());
                text(x, "link", i.pageUrl());
                x.writeStartElement("guid");
                x.writeAttribute("isPermaLink", "false");
                x.writeCharacters(itemId(c, i));
                x.writeEndElement();
                text(x, "pubDate", rfc822(i.releasedAt()));
                text(x, "description", i.summary() == null || i.summary().isBlank() ? i.title() : i.summary());
                x.writeEmptyElement("enclosure");
                x.writeAttribute("url", i.videoUrl());
                x.writeAttribute("length", Long.toString(i.videoBytes()));
                x.writeAttribute("type", "video/mp4");
                x.writeEmptyElement("media", "content", MEDIA_RSS);
                x.writeAttribute("url", i.videoUrl());
                x.writeAttribute("type", "video/mp4");
                x.writeAttribute("medium", "video");
                x.writeAttribute("fileSize", Long.toString(i.videoBytes()));
                x.writeAttribute("duration", Long.toString(Math.round(i.durationSeconds())));
                x.writeAttribute("width", Integer.toString(i.width()));
                x.writeAttribute("height", Integer.toString(i.height()));
                x.writeAttribute("isDefault", "true");
                x.writeStartElement("media", "title", MEDIA_RSS);
                x.writeCharacters(xml(i.title()));
                x.writeEndElement();
                if (i.coverUrl() != null) {
                    x.writeEmptyElement("media", "thumbnail", MEDIA_RSS);
                    x.writeAttribute("url", i.coverUrl());
                    x.writeAttribute("width", Integer.toString(i.width()));
                    x.writeAttribute("height", Integer.toString(i.height()));
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the RSS feed: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xml(value == null ? "" : value));
        x.writeEndElement();
    }

    /** Text XML 1.0 can hold: control characters other than tab and newlines are dropped. */
    static String xml(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    /** RFC 822 dates as RSS 2.0 wants them, in GMT: "Tue, 08 Dec 2026 23:00:00 GMT". */
    static String rfc822(Instant t) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).format(t.atZone(ZoneOffset.UTC));
    }
}
