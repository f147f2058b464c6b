package dev.tsuzuku.studio;

import dev.tsuzuku.studio.SeriesDesk.Drop;
import dev.tsuzuku.studio.SeriesDesk.EpisodeReview;
import dev.tsuzuku.studio.SeriesDesk.EpisodeView;
import dev.tsuzuku.studio.SeriesDesk.SeriesView;
import dev.tsuzuku.studio.SeriesDesk.ShotView;
import dev.tsuzuku.studio.SeriesDesk.Stage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The studio's pages, rendered on the server from the same views the API returns; the buttons
 * call the API through {@code studio.js} (no inline script: the pages' CSP allows only this
 * server's files). Everything from the workspace is HTML-escaped.
 */
final class Pages {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    String login() {
        return head("Studio login", null)
                + "<main class=\"login\"><h1>Tsuzuku studio</h1>"
                + "<form id=\"login\"><label for=\"password\">Password or token</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required autofocus>"
                + "<button type=\"submit\" id=\"login-button\">Log in</button>"
                + "<p class=\"message\" id=\"message\" role=\"status\"></p></form>"
                + "<p class=\"hint\">The token is printed once by <code>tsuzuku serve</code> on first start, or set with "
                + "<code>" + StudioLogin.PASSWORD_ENV + "</code>.</p></main>" + foot();
    }

    String dashboard(List<SeriesView> series, String csrf) {
        StringBuilder b = new StringBuilder(head("Studio", csrf));
        b.append("<header><h1>Tsuzuku studio</h1><button class=\"quiet\" data-logout>Log out</button></header><main>");
        if (series.isEmpty()) {
            b.append("<p>No series served.</p>");
        }
        for (SeriesView s : series) {
            b.append("<section class=\"series\" id=\"series-").append(esc(s.id())).append("\"><h2>").append(esc(s.title()))
                    .append(" <small>").append(esc(s.id())).append("</small></h2>");
            for (String w : s.warnings()) {
                b.append("<p class=\"warning\">").append(esc(w)).append("</p>");
            }
            b.append("<table class=\"episodes\"><thead><tr><th>#</th><th>Episode</th><th>Status</th><th>Pipeline</th>"
                    + "<th>Cost / budget</th><th></th></tr></thead><tbody>");
            for (EpisodeView e : s.episodes()) {
                b.append("<tr data-episode=\"").append(e.number()).append("\"><td>").append(e.number()).append("</td><td>")
                        .append(esc(e.title())).append("</td><td><span class=\"status status-").append(esc(e.status()))
                        .append("\">").append(esc(e.status())).append("</span></td><td class=\"stages\">");
                for (Stage st : e.stages()) {
                    b.append("<span class=\"stage").append(st.done() ? " done" : "").append("\" title=\"").append(esc(st.name()))
                            .append(st.done() ? " done" : " to do").append("\">").append(esc(st.name())).append("</span>");
                }
                b.append("</td><td>").append(cost(e.cost())).append("</td><td><a href=\"").append(reviewHref(s.id(), e.number()))
                        .append("\">review</a></td></tr>");
            }
            b.append("</tbody></table>");
            b.append("<h3>Drop calendar</h3>");
            if (s.buffer() != null) {
                b.append("<p class=\"buffer\">Buffer: ").append(s.buffer().ready()).append(" ready ahead of the drops (target ")
                        .append(s.buffer().target()).append(")");
                if (s.buffer().runsOutAt() != null) {
                    b.append("; the first drop not covered is ").append(UTC.format(s.buffer().runsOutAt()));
                }
                b.append("</p>");
            }
            if (s.calendar().isEmpty()) {
                b.append("<p>No drop schedule.</p>");
            } else {
                b.append("<table class=\"calendar\"><thead><tr><th>#</th><th>Drops</th><th>Ready</th></tr></thead><tbody>");
                for (Drop d : s.calendar()) {
                    b.append("<tr><td>").append(d.episode()).append("</td><td>").append(esc(d.local())).append("</td><td>")
                            .append(d.released() ? "released" : d.ready() ? "ready" : "<span class=\"late\">not ready</span>")
                            .append("</td></tr>");
                }
                b.append("</tbody></table>");
            }
            b.append("</section>");
        }
        return b.append("</main>").append(foot()).toString();
    }

    String review(SeriesView series, EpisodeReview r, List<String> providers, String csrf) {
        EpisodeView e = r.episode();
        String base = "/api/series/" + path(series.id()) + "/episodes/" + e.number();
        StringBuilder b = new StringBuilder(head("Review episode " + e.number(), csrf));
        b.append("<header><h1><a href=\"/studio\">Studio</a> › ").append(esc(series.title())).append(" › Episode ")
                .append(e.number()).append("</h1><button class=\"quiet\" data-logout>Log out</button></header><main class=\"review\">");
        b.append("<section class=\"left\"><h2>").append(esc(e.title())).append("</h2>")
                .append("<p>Status: <span id=\"status\" class=\"status status-").append(esc(e.status())).append("\">")
                .append(esc(e.status())).append("</span> · updated ").append(UTC.format(e.updatedAt()))
                .append(e.approvedBy() == null ? "" : " · approved by " + esc(e.approvedBy()) + " " + UTC.format(e.approvedAt()))
                .append(" · cost ").append(cost(e.cost())).append("</p>");
        b.append("<div class=\"actions\"><button id=\"approve\" data-post=\"").append(base).append("/approve\"")
                .append(e.status().equals("produced") ? "" : " disabled").append(">Approve</button>")
                .append("<button id=\"release\" data-post=\"").append(base).append("/release\"")
                .append(e.status().equals("approved") ? "" : " disabled").append(">Release now</button></div>")
                .append("<p class=\"message\" id=\"message\" role=\"status\"></p>");
        b.append("<h3>Hook</h3><blockquote id=\"hook\">").append(esc(r.hook())).append("</blockquote>");
        if (r.coldOpen() != null && !r.coldOpen().isBlank()) {
            b.append("<h3>Cold open</h3><p>").append(esc(r.coldOpen())).append("</p>");
        }
        b.append("<h3>Script</h3><pre id=\"script\">").append(esc(r.script())).append("</pre></section>");
        b.append("<section class=\"right\"><h3>Animatic</h3>");
        if (r.animatic()) {
            String media = "/studio/media/" + path(series.id()) + "/" + e.number() + "/";
            b.append("<video id=\"animatic\" controls playsinline preload=\"metadata\" poster=\"").append(media)
                    .append("cover.jpg\" src=\"").append(media).append("episode.mp4\"><track kind=\"subtitles\" default src=\"")
                    .append(media).append("episode.vtt\" srclang=\"und\" label=\"Subtitles\"></video>");
        } else {
            b.append("<p>Not produced yet: <code>tsuzuku produce DIR --episode ").append(e.number()).append("</code></p>");
        }
        b.append("<h3>Shots</h3><table class=\"shots\"><thead><tr><th>#</th><th>Kind</th><th>s</th><th>Prompt</th><th>Regenerate with</th></tr></thead><tbody>");
        for (ShotView s : r.shots()) {
            b.append("<tr><td>").append(s.index()).append("</td><td>").append(esc(s.kind())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", s.seconds())).append("</td><td class=\"prompt\">").append(esc(s.prompt()))
                    .append("</td><td><select aria-label=\"provider for shot ").append(s.index()).append("\" id=\"provider-")
                    .append(s.index()).append("\">");
            for (String p : providers) {
                b.append("<option>").append(esc(p)).append("</option>");
            }
            b.append("</select> <button data-regenerate=\"").append(base).append("/shots/").append(s.index())
                    .append("/regenerate\" data-shot=\"").append(s.index()).append("\">Regenerate</button></td></tr>");
        }
        b.append("</tbody></table><h3>Regenerations</h3><ul id=\"jobs\" class=\"jobs\" aria-live=\"polite\"></ul></section></main>");
        return b.append(foot()).toString();
    }

    private static String cost(SeriesDesk.Cost c) {
        if (c == null || (c.estimated() == null && c.actual() == null && c.budget() == null)) {
            return "<span class=\"muted\">no paid generation</span>";
        }
        String money = money(c.actual() != null ? c.actual() : c.estimated(), c.currency())
                + (c.actual() == null ? " est." : "");
        if (c.budget() == null) {
            return esc(money);
        }
        double spent = c.actual() != null ? c.actual() : c.estimated() == null ? 0 : c.estimated();
        return "<span class=\"" + (spent > c.budget() ? "over" : "within") + "\">" + esc(money + " / " + money(c.budget(), c.currency()))
                + "</span>";
    }

    private static String money(Double v, String currency) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f %s", v, currency);
    }

    private static String reviewHref(String series, int episode) {
        return "/studio/series/" + path(series) + "/episodes/" + episode;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String head(String title, String csrf) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (csrf == null ? "" : "<meta name=\"csrf-token\" content=\"" + esc(csrf) + "\">")
                + "<title>" + esc(title) + " · Tsuzuku</title><link rel=\"stylesheet\" href=\"/studio/assets/studio.css\">"
                + "<script src=\"/studio/assets/studio.js\" defer></script></head><body>";
    }

    private static String foot() {
        return "</body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
