package org.budgetledger.web.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service's OpenAPI description as the capability that owns an operation completes it (its
 * {@code *ApiDocs} customizer): examples built from the same types the operation answers with and
 * serialized by the application's ObjectMapper, so an example has the real shape (a renamed field changes
 * it too); closed sets taken from the code that decides them. An operation or answer the description lacks
 * is left alone (ApiDescriptionTest finds operations without examples or descriptions).
 */
public final class ApiDescription {

    public static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private final OpenAPI api;
    private final ObjectMapper json;

    public ApiDescription(OpenAPI api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    /** An example JSON request body. */
    public ApiDescription request(PathItem.HttpMethod method, String path, String name, Object value) {
        operation(method, path).map(Operation::getRequestBody).map(body -> body.getContent())
                .map(content -> content.get(JSON))
                .ifPresent(media -> media.addExamples(name, example(name, value)));
        return this;
    }

    /** An example JSON answer with the given status. */
    public ApiDescription answer(PathItem.HttpMethod method, String path, String status, String name, Object value) {
        return answer(method, path, status, JSON, name, value);
    }

    /** An example answer of another media type (a CSV text, an HTML fragment): the value as it is sent. */
    public ApiDescription answer(PathItem.HttpMethod method, String path, String status, String mediaType, String name,
                              Object value) {
        media(method, path, status, mediaType).ifPresent(media -> media.addExamples(name, example(name, value)));
        return this;
    }

    /** The answer's media type, created when the operation documents the status but not that media type. */
    public Optional<MediaType> media(PathItem.HttpMethod method, String path, String status, String mediaType) {
        return operation(method, path).map(Operation::getResponses).map(responses -> responses.get(status))
                .map(response -> content(response).computeIfAbsent(mediaType, type -> new MediaType()));
    }

    /** A reference to the schema of a type, added to the components (with the schemas it refers to) if missing. */
    public Schema<?> schemaOf(Class<?> type) {
        // the converters springdoc uses for this version of the specification, with its own registered
        var resolved = ModelConverters.getInstance(api.getSpecVersion() == SpecVersion.V31)
                .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        resolved.referencedSchemas.forEach((name, schema) -> {
            if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey(name)) {
                api.getComponents().addSchemas(name, schema);
            }
        });
        return resolved.schema;
    }

    /**
     * The schema with its values listed: a new schema, since springdoc shares one schema instance among
     * parameters of the same type (setting an enum on it would list these values for all of them).
     */
    public static Schema<String> closedSet(Schema<?> schema, List<String> values) {
        StringSchema closed = new StringSchema();
        closed.setEnum(new ArrayList<>(values));
        if (schema != null) {
            closed.setDescription(schema.getDescription());
            closed.setDefault(schema.getDefault());
        }
        return closed;
    }

    public Optional<Operation> operation(PathItem.HttpMethod method, String path) {
        return Optional.ofNullable(api.getPaths()).map(paths -> paths.get(path))
                .map(item -> item.readOperationsMap().get(method));
    }

    private Example example(String name, Object value) {
        return new Example().summary(name).value(value instanceof String text ? text : json.valueToTree(value));
    }

    private static Content content(ApiResponse response) {
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        return response.getContent();
    }
}
