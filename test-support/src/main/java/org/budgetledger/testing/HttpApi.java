package org.budgetledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.util.Map;

/** A service's HTTP API as a client sees it: status and JSON body, no exceptions for 4xx. */
public final class HttpApi {

    public record Answer(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient http;

    /** As the test administrator (ADMIN of every unit). */
    public HttpApi(int port) {
        this(port, TestUsers.ADMIN, TestUsers.ADMIN);
    }

    /** As the given user; a null user sends no credentials at all. */
    public HttpApi(int port, String user, String password) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (user != null) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(user, password, java.nio.charset.StandardCharsets.UTF_8));
        }
        this.http = builder.build();
    }

    public static HttpApi as(int port, String user) {
        return new HttpApi(port, user, user);
    }

    public static HttpApi anonymous(int port) {
        return new HttpApi(port, null, null);
    }

    public Answer post(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.bodyTo(byte[].class))));
    }

    public Answer postRaw(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.bodyTo(byte[].class))));
    }

    public Answer send(String method, String path, String body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(), read(response.bodyTo(byte[].class))));
    }

    /** A file upload: multipart/form-data with the file as the part {@code file}. */
    public Answer postFile(String path, String fileName, byte[] content) {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.bodyTo(byte[].class))));
    }

    /** Several files in one upload: multipart/form-data with each file as a part {@code file}, in order. */
    public Answer postFiles(String path, Map<String, byte[]> files) {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        files.forEach((fileName, content) -> parts.part("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }));
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.bodyTo(byte[].class))));
    }

    /** The body of a GET as text (CSV, say), failing on anything but 200. */
    public String getText(String path) {
        return http.get().uri(path).retrieve().body(String.class);
    }

    public Answer get(String path) {
        return http.get().uri(path)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.bodyTo(byte[].class))));
    }

    /** The body as JSON, or as a text node when it is something else (YAML, HTML, CSV). */
    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
