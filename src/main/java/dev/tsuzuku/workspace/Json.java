package dev.tsuzuku.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
        try {
            return MAPPER.readValue(Files.readString(file), type);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "file not found", howToMake);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String path = e instanceof JsonMappingException m ? m.getPathReference() : "";
            throw new BadInputException(new Problem(file.toString(), line, col,
                    "not valid " + type.getSimpleName() + " JSON" + (path.isEmpty() ? "" : " at " + path)
                            + ": " + e.getOriginalMessage(),
                    "fix the file by hand, or delete it and run: " + howToMake));
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
