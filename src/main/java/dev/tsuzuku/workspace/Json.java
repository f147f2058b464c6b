package dev.tsuzuku.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The JSON form of artifacts: one configured mapper, pretty output, clear errors on bad files. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new TsuzukuException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static void writeFile(Path target, Object value) {
        AtomicFiles.write(target, write(value));
    }

    /** Reads a JSON artifact; a missing or broken file is bad input that names the file and line. */
    public static <T> T readFile(Path file, Class<T> type, String howToMake) {
        return parse(file, readText(file, howToMake), type, howToMake);
    }

    /** The text of a JSON artifact; a missing file is bad input that says how to make it. */
    public static String readText(Path file, String howToMake) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), "is not a regular file (a folder, named pipe or device)",
                    "move it aside and run: " + howToMake);
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "file not found", howToMake);
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + AtomicFiles.reason(e), e);
        }
    }

    /** Maps the text of {@code file} to {@code type}; what does not fit is named by line and field path. */
    public static <T> T parse(Path file, String text, Class<T> type, String howToMake) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
            throw new BadInputException(new Problem(file.toString(), line, col,
                    "not valid " + type.getSimpleName() + " JSON" + (path.isEmpty() ? "" : " at " + path)
                            + ": " + plain(e),
                    "fix the file by hand, or delete it and run: " + howToMake));
        }
    }

    /** {@code episodes[2].number}, not Jackson's {@code dev.tsuzuku.model.Season["episodes"]->…}. */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The problem in words a user knows: no Java type names, no Jackson feature names. */
    private static String plain(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not " + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType());
        }
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        return message.replaceAll("\\s*\\(for [^)]*\\)", "").replaceAll("`[\\w.$]+\\.(\\w+)`", "$1").replace("`", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [ … ]";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        return "an object { … }";
    }
}
