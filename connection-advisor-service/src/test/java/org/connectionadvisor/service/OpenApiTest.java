package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /openapi.json against the service's real answers: every response of every route, errors included, is validated
 * with a JSON Schema validator against the schema the document gives for its path, method and status.
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + TestServer.TOKEN;
    /** JSON Schema 2020-12, the dialect of OpenAPI 3.1, knowing "components" as a place for schemas, not a keyword. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("components")).build()));

    private JsonNode document;
    private final Set<String> covered = new TreeSet<>();
    private final List<String> invalid = new ArrayList<>();

    /** Validates a response against the document: its status must be listed, its body must fit that status's schema. */
    private void check(String path, String method, HttpResponse<String> response) throws Exception {
        String where = method.toUpperCase() + " " + path + " " + response.statusCode();
        problems(path, method, response.statusCode(), response.body()).forEach(problem -> invalid.add(where + ": " + problem));
        covered.add(method.toUpperCase() + " " + path);
    }

    private List<String> problems(String path, String method, int status, String body) throws Exception {
        String where = method.toUpperCase() + " " + path + " " + status;
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(where + " is in the document").isFalse();
        JsonNode described = operation.path("responses").path(String.valueOf(status));
        assertThat(described.isMissingNode()).as(where + " is documented").isFalse();
        if (described.has("$ref")) {
            described = document.at(described.get("$ref").asText().substring(1));
        }
        JsonNode schemaNode = described.path("content").path("application/json").path("schema");
        assertThat(schemaNode.isMissingNode()).as(where + " has a JSON schema").isFalse();
        // The schema with the document's components beside it, so that its #/components/... references resolve.
        ObjectNode root = schemaNode.deepCopy();
        root.set("components", document.get("components"));
        JsonSchema schema = SCHEMAS.getSchema(root);
        Set<ValidationMessage> messages = schema.validate(JSON.readTree(body));
        return messages.stream().map(ValidationMessage::getMessage).toList();
    }

    @Test
    void everyRealResponseFitsTheDocument(@TempDir Path rules, @TempDir Path secrets) throws Exception {
        try (TestServer service = TestServer.withRules(rules, secrets.resolve("token"));
                TestServer packaged = TestServer.packaged()) {
            HttpResponse<String> served = service.get("/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            document = JSON.readTree(served.body());
            assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");

            for (String facts : List.of(TestServer.FACTS, "{}", "{\"symptoms\": [\"HTTP-401\"], \"product\": \"services\","
                    + " \"context\": {\"personal-and-work-accounts\": true, \"b2b-guest\": false}, \"ruledOut\": [\"service-status\"]}",
                    "{\"product\": \"server\", \"symptoms\": [\"TF31002\"], \"os\": \"windows-7\", \"confirmed\": [\"clear-client-cache\"]}")) {
                check("/api/diagnose", "post", service.diagnose(facts));
            }
            check("/api/diagnose", "post", service.diagnose("{\"product\": \"tsf\"}"));
            check("/api/diagnose", "post", service.diagnose("not json"));
            check("/api/diagnose", "post", service.post("/api/diagnose", "{}", "Content-Type", "text/plain"));
            check("/api/diagnose", "post", service.diagnose("{" + " ".repeat(ServerOptions.MAX_BODY_BYTES) + "}"));
            check("/api/diagnose", "post", service.put("/api/diagnose"));
            check("/api/vocabulary", "get", service.get("/api/vocabulary"));
            check("/health", "get", service.get("/health"));
            check("/health", "get", packaged.get("/health"));
            check("/api/admin/rules", "get", service.get("/api/admin/rules"));
            check("/api/admin/rules", "get", service.get("/api/admin/rules", "Authorization", BEARER));
            check("/api/admin/rules", "get", packaged.get("/api/admin/rules", "Authorization", BEARER));
            check("/api/admin/reload", "post", service.post("/api/admin/reload", "", "Authorization", BEARER));
            check("/api/admin/rules", "get", service.get("/api/admin/rules", "Authorization", BEARER));
            Files.writeString(rules.resolve("broken.drl"), "package org.connectionadvisor.drl;\nrule \"broken\" when then oops\n");
            String log = TestServer.standardErrorOf(() -> check("/api/admin/reload", "post",
                    service.post("/api/admin/reload", "", "Authorization", BEARER)));
            assertThat(log).contains("were not reloaded");
            check("/api/admin/rules", "get", service.get("/api/admin/rules", "Authorization", BEARER));
            check("/health", "get", service.get("/health"));
            assertThat(TestServer.standardErrorOf(() -> check("/api/admin/reload", "post",
                    service.post("/api/admin/reload", "", "Authorization", "Bearer wrong")))).contains("a wrong admin token from");
            check("/api/admin/reload", "post", service.get("/api/admin/reload", "Authorization", BEARER));
            check("/openapi.json", "get", served);
        }
        try (TestServer packaged = TestServer.start(new ServerOptions("127.0.0.1", 0, null, false, writeToken(secrets)))) {
            check("/api/admin/reload", "post", packaged.post("/api/admin/reload", "", "Authorization", BEARER));
        }

        try (TestServer stored = TestServer.withStore(secrets.resolve("data"), secrets.resolve("token-3"))) {
            document = JSON.readTree(stored.get("/openapi.json").body());
            String outcome = "{\"facts\": " + TestServer.FACTS + ", \"row\": \"service-account-password\", \"result\": \"%s\"}";
            HttpResponse<String> recorded = stored.outcome(outcome.formatted("not-fixed"));
            check("/api/outcomes", "post", recorded);
            check("/api/outcomes", "post", stored.outcome(outcome.formatted("fixed")));
            check("/api/outcomes", "post", stored.outcome("{\"facts\": {}, \"row\": \"nothing\", \"result\": \"fixed\"}"));
            check("/api/outcomes", "post", stored.outcome("{\"facts\": {}, \"row\": \"wrong-server-url\"}"));
            check("/api/outcomes", "post", stored.outcome("[]"));
            check("/api/outcomes", "post", stored.outcome("{" + " ".repeat(ServerOptions.MAX_BODY_BYTES) + "}"));
            check("/api/outcomes", "post", stored.post("/api/outcomes", "{}", "Content-Type", "text/plain"));
            check("/api/outcomes", "post", stored.get("/api/outcomes"));
            String unresolved = "{\"facts\": {\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"serverUrl\":"
                    + " \"https://me:secret@dev.azure.com/org\", \"errorMessage\": \"TF400813: not authorized\"},"
                    + " \"row\": \"wrong-server-url\", \"result\": \"not-fixed\"}";
            String key = JSON.readTree(stored.outcome(unresolved).body()).get("case").asText();
            check("/api/admin/outcomes", "get", stored.admin("/api/admin/outcomes"));
            check("/api/admin/outcomes", "get", stored.get("/api/admin/outcomes"));
            String sample = "/api/admin/outcomes/cases/{key}/sample";
            check(sample, "get", stored.admin("/api/admin/outcomes/cases/" + key + "/sample"));
            check(sample, "get", stored.admin("/api/admin/outcomes/cases/" + "0".repeat(64) + "/sample"));
            check(sample, "get", stored.post("/api/admin/outcomes/cases/" + key + "/sample", "", "Authorization", BEARER));
        }

        assertThat(invalid).isEmpty();
        // The validator does look: a body off the document is caught.
        assertThat(problems("/health", "get", 200, "{\"status\": \"ok\", \"rules\": {}, \"lastReload\": null, \"extra\": 1}"))
                .hasSize(4);
        assertThat(covered).containsExactlyInAnyOrder("POST /api/diagnose", "GET /api/vocabulary", "GET /health",
                "GET /api/admin/rules", "POST /api/admin/reload", "GET /openapi.json", "POST /api/outcomes",
                "GET /api/admin/outcomes", "GET /api/admin/outcomes/cases/{key}/sample");
    }

    private static Path writeToken(Path secrets) throws Exception {
        Path token = secrets.resolve("token-2");
        Files.writeString(token, TestServer.TOKEN);
        return token;
    }
}
