package dev.tsuzuku.story;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A local OpenAI chat-completions endpoint for tests: each request gets the next queued answer
 * (the last one repeats), every request body is kept, and each answer reports 100 prompt and 20
 * completion tokens.
 */
public final class ChatStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Deque<Function<String, String>> answers = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();

    public ChatStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Function<String, String> next;
            synchronized (this) {
                requests.add(body);
                next = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            ObjectNode r = JSON.createObjectNode().put("id", "x").put("object", "chat.completion").put("created", 1).put("model", "stub");
            ObjectNode choice = r.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", next.apply(body));
            r.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
            byte[] out = JSON.writeValueAsBytes(r);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    /** Queues an answer computed from the request body. */
    public synchronized ChatStub then(Function<String, String> answer) {
        answers.add(answer);
        return this;
    }

    /** Queues a fixed answer. */
    public ChatStub then(String answer) {
        return then(body -> answer);
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The base URL to give the client ({@code http://127.0.0.1:PORT/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
