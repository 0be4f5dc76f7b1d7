package org.budgetledger.web.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.ProblemDetail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error of the API is one schema, {@code Problem} (RFC 9457 with the machine {@code code}), and every
 * operation documents the errors any request can meet: 401 and 429 (authentication), 400 when it takes
 * parameters or a body, 413 and 415 when it takes a body, 503 (a database outage). An operation documents
 * its own 403, 404, 409 and 422 with {@code @ApiResponse(responseCode, description)}, naming the codes in
 * backticks; the content — the schema and an example per named code, as {@link ProblemResponses} answers
 * it — is filled in here.
 */
public class ProblemApiResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+)`");

    static {
        // a ProblemDetail anywhere in an answer (a batch item's problem) is the same Problem
        SpringDocUtils.getConfig().replaceWithSchema(ProblemDetail.class, new Schema<>().$ref(REF));
    }

    private final ObjectMapper json;

    ProblemApiResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(SCHEMA, schema(new ApiDescription(api, json).schemaOf(FieldError.class)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(this::document));
    }

    private void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            addIfAbsent(responses, "400", "`VALIDATION_FAILED`: a parameter or the body is not valid (`errors` names "
                    + "the fields)" + (body ? "; `MALFORMED_REQUEST`: the body is not readable JSON" : ""));
        }
        addIfAbsent(responses, "401", "`UNAUTHORIZED`: no credentials, wrong credentials, or a token not accepted");
        if (body) {
            addIfAbsent(responses, "413", "`PAYLOAD_TOO_LARGE`: the body is larger than the service accepts");
            addIfAbsent(responses, "415", "`UNSUPPORTED_MEDIA_TYPE`: the body is not of the documented media type");
        }
        addIfAbsent(responses, "429", "`LOGIN_LOCKED`: too many failed logins of this name; see `Retry-After`");
        addIfAbsent(responses, "503", "`SERVICE_UNAVAILABLE`: the database cannot be reached; nothing was stored, "
                + "try again after `Retry-After`");
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach((status, response) -> {
            // springdoc gives an annotated error without content the operation's return type: replace it
            if (status.compareTo("400") >= 0 && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, problems(status, response.getDescription())));
            }
            sorted.addApiResponse(status, response);
        });
        operation.setResponses(sorted);
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    /** The Problem schema with an example of each code the description names (or of the status's usual code). */
    private MediaType problems(String status, String description) {
        MediaType problems = new MediaType().schema(new Schema<>().$ref(REF));
        List<ProblemCode> named = named(description == null ? "" : description, Integer.parseInt(status));
        if (named.isEmpty()) {
            Arrays.stream(ProblemCode.values()).filter(code -> code.httpStatus() == Integer.parseInt(status))
                    .findFirst().ifPresent(named::add);
        }
        for (ProblemCode code : named) {
            var body = ProblemResponses.problem(code, code.title(), code == ProblemCode.VALIDATION_FAILED
                    ? List.of(new FieldError("year", "required")) : List.of()).getBody();
            problems.addExamples(code.name(), new Example().summary(code.title()).value(json.valueToTree(body)));
        }
        return problems;
    }

    private static List<ProblemCode> named(String description, int status) {
        Matcher matcher = CODE.matcher(description);
        List<ProblemCode> codes = new ArrayList<>();
        while (matcher.find()) {
            Arrays.stream(ProblemCode.values())
                    .filter(code -> code.name().equals(matcher.group(1)) && code.httpStatus() == status)
                    .findFirst().ifPresent(codes::add);
        }
        return codes;
    }

    private static Schema<?> schema(Schema<?> fieldError) {
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details, application/problem+json) with a machine `code`")
                .addProperty("type", new StringSchema().format("uri").description("a URI naming the problem"))
                .addProperty("title", new StringSchema().description("the code's title"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what happened to this request, in English"))
                .addProperty("instance", new StringSchema().format("uri").description("the request's path"))
                .addProperty("code", new StringSchema().description("the machine code; the API description lists them")
                        ._enum(Arrays.stream(ProblemCode.values()).map(Enum::name).toList()))
                .addProperty("errors", new ArraySchema().items(fieldError).description("for validation: each field that is wrong"))
                .required(List.of("type", "title", "status", "code"));
    }
}
