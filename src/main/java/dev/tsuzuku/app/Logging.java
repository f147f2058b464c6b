package dev.tsuzuku.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Where the libraries' log lines go (Flyway, Hikari and LangChain4j log through SLF4J). Warnings
 * and errors always reach stderr as one short line without a stack trace. While a {@link Studio}
 * is open, everything from DEBUG up also goes to {@code .tsuzuku/logs/tsuzuku.log} in its
 * workspace, rolled at 5 MB with three old files kept. Secrets are masked in every line, on the
 * console and in the file: the values of environment variables whose names say key, token, secret
 * or password, and whatever is handed to {@link #neverLog}.
 */
public final class Logging {
    static final String CONSOLE_PATTERN = "%-5level %logger{0}: %msg%nopex%n";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36} - %msg%n%ex";
    static final String FILE = "tsuzuku.log";
    static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|passw|credential).*");
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    /** Open workspace logs by folder, with how many open studios use each. */
    private static final Map<Path, Attached> ATTACHED = new HashMap<>();

    static {
        System.getenv().forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                neverLog(value);
            }
        });
    }

    private Logging() {}

    private record Attached(RollingFileAppender<ILoggingEvent> appender, int users) {}

    /** Masks {@code secret} (and its first 8 characters, when it is long) in every later log line. */
    public static void neverLog(String secret) {
        if (secret != null && secret.strip().length() >= 6) {
            SECRETS.add(secret.strip());
        }
    }

    static String redact(String line) {
        String out = line;
        for (String s : SECRETS) {
            out = out.replace(s, REDACTED);
            if (s.length() >= 12) {
                out = out.replace(s.substring(0, 8), REDACTED);
            }
        }
        return out;
    }

    /**
     * Sends debug and up to {@code logsDir}/tsuzuku.log until {@link #leave} is called as often as
     * this answered true. A folder that cannot be created costs only the file (false): the caller's
     * own error says why.
     */
    public static synchronized boolean enter(Path logsDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return false;
        }
        Path key = logsDir.toAbsolutePath().normalize();
        Attached known = ATTACHED.get(key);
        if (known != null) {
            ATTACHED.put(key, new Attached(known.appender(), known.users() + 1));
            return true;
        }
        try {
            Files.createDirectories(key);
        } catch (IOException | SecurityException e) {
            return false;
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("workspace-log " + key);
        file.setFile(key.resolve(FILE).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(file);
        rolling.setFileNamePattern(key.resolve("tsuzuku.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(ctx);
        size.setMaxFileSize(FileSize.valueOf("5MB"));
        size.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.setEncoder(encoder(ctx, FILE_PATTERN));
        file.start();
        if (!file.isStarted()) {
            return false;
        }
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        root.setLevel(Level.DEBUG);
        ATTACHED.put(key, new Attached(file, 1));
        return true;
    }

    /** Undoes one {@link #enter}; the last one closes the file, and the libraries are quiet below WARN again. */
    public static synchronized void leave(Path logsDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        Path key = logsDir.toAbsolutePath().normalize();
        Attached known = ATTACHED.remove(key);
        if (known == null) {
            return;
        }
        if (known.users() > 1) {
            ATTACHED.put(key, new Attached(known.appender(), known.users() - 1));
            return;
        }
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(known.appender());
        known.appender().stop();
        if (ATTACHED.isEmpty()) {
            root.setLevel(Level.WARN);
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, String pattern) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(ctx);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    /** A pattern layout that masks the secrets in the whole formatted line, stack trace included. */
    static final class RedactingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return redact(super.doLayout(event));
        }
    }

    /**
     * Logback's configuration, found through {@code META-INF/services} (no XML to parse at every
     * start): WARN and up to stderr, short.
     */
    public static final class Console extends ContextAwareBase implements Configurator {
        @Override
        public ExecutionStatus configure(LoggerContext ctx) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(ctx);
            console.setName("console");
            console.setTarget("System.err");
            console.setEncoder(encoder(ctx, CONSOLE_PATTERN));
            ThresholdFilter warn = new ThresholdFilter();
            warn.setLevel(Level.WARN.levelStr);
            warn.start();
            console.addFilter(warn);
            console.start();
            Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
            root.addAppender(console);
            root.setLevel(Level.WARN);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
    }
}
