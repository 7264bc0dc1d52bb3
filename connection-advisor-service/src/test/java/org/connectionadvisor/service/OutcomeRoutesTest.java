package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/outcomes, GET /api/admin/outcomes and a case's sample: exact statuses and bodies, and nothing stored from bad input. */
class OutcomeRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPTED_ROW = "Accepted: the id of a row of the rules (a string).";
    @TempDir
    static Path temp;
    private static TestServer service;
    private static String version;

    @BeforeAll
    static void start() throws Exception {
        service = TestServer.withStore(temp.resolve("data"), temp.resolve("token"));
        version = JSON.readTree(service.get("/health").body()).path("rules").path("version").asText();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String outcome(String row, String result) {
        return "{\"facts\": " + TestServer.FACTS + ", \"row\": \"" + row + "\", \"result\": \"" + result + "\"}";
    }

    private static Map<String, Object> error(String error, String field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("field", field);
        return json;
    }

    private static long total() throws Exception {
        return JSON.readTree(service.admin("/api/admin/outcomes").body()).get("total").asLong();
    }

    @Test
    void badOutcomesAreOneLineFourHundredsAndStoreNothing() throws Exception {
        long before = total();
        HttpResponse<String> unknownRow = service.outcome(outcome("no-such-row", "fixed"));
        HttpResponse<String> missingResult = service.outcome("{\"facts\": {}, \"row\": \"wrong-server-url\"}");
        HttpResponse<String> wrongResult = service.outcome(outcome("wrong-server-url", "maybe"));
        HttpResponse<String> rowNumber = service.outcome("{\"facts\": {}, \"row\": 5, \"result\": \"fixed\"}");
        HttpResponse<String> factsArray = service.outcome("{\"facts\": [], \"row\": \"wrong-server-url\", \"result\": \"fixed\"}");
        HttpResponse<String> badFacts = service.outcome("{\"facts\": {\"product\": \"tsf\"}, \"row\": \"wrong-server-url\", \"result\": \"fixed\"}");
        HttpResponse<String> extra = service.outcome("{\"facts\": {}, \"row\": \"wrong-server-url\", \"result\": \"fixed\", \"who\": 1}");
        HttpResponse<String> notJson = service.outcome("fixed");
        HttpResponse<String> huge = service.outcome("{\"facts\": {\"symptoms\": [\"" + "x".repeat(ServerOptions.MAX_BODY_BYTES) + "\"]},"
                + " \"row\": \"wrong-server-url\", \"result\": \"fixed\"}");
        HttpResponse<String> text = service.post("/api/outcomes", outcome("wrong-server-url", "fixed"), "Content-Type", "text/plain");

        assertThat(unknownRow.statusCode()).isEqualTo(404);
        assertThat(ApiTest.json(unknownRow)).isEqualTo(error("row: 'no-such-row' is not a row of the rules " + version
                + ". Accepted: one of the ids the rules recommend (diagnose lists them).", "row"));
        assertThat(missingResult.statusCode()).isEqualTo(400);
        assertThat(ApiTest.json(missingResult)).isEqualTo(error("result: missing. Accepted: \"fixed\" or \"not-fixed\".", "result"));
        assertThat(ApiTest.json(wrongResult)).isEqualTo(error("result: 'maybe' is not a result. Accepted: \"fixed\" or \"not-fixed\".", "result"));
        assertThat(rowNumber.statusCode()).isEqualTo(400);
        assertThat(ApiTest.json(rowNumber)).isEqualTo(error("row: 5 is a number. " + ACCEPTED_ROW, "row"));
        assertThat(ApiTest.json(factsArray)).isEqualTo(error("facts: [] is a array. Accepted: a JSON object of facts, as diagnose reads them.", "facts"));
        assertThat(badFacts.statusCode()).isEqualTo(400);
        assertThat(ApiTest.json(badFacts).get("field")).isEqualTo("facts");
        assertThat((String) ApiTest.json(badFacts).get("error")).startsWith("facts: product: 'tsf' is not accepted.");
        assertThat(ApiTest.json(extra)).isEqualTo(error("'who' is not a field of an outcome. Accepted: facts, row, result.", "who"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat((String) ApiTest.json(notJson).get("error")).startsWith("outcome: not JSON (");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(ApiTest.json(huge)).isEqualTo(Map.of("error", "the request body is larger than 65536 bytes; a facts object is a few hundred."));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void outcomesAreRecordedSummarisedAndExportedAsSamples() throws Exception {
        HttpResponse<String> fixed = service.outcome(outcome("service-account-password", "fixed"));
        String unresolvedFacts = "{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"]}";
        HttpResponse<String> notFixed = service.outcome("{\"facts\": " + unresolvedFacts + ", \"row\": \"wrong-server-url\","
                + " \"result\": \"not-fixed\"}");

        assertThat(fixed.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(fixed.body());
        assertThat(created.get("case").asText()).matches("[0-9a-f]{64}");
        assertThat(fixed.body()).isEqualTo("{\n  \"case\" : \"" + created.get("case").asText() + "\",\n  \"row\" : \"service-account-password\","
                + "\n  \"result\" : \"fixed\",\n  \"rulesVersion\" : \"" + version + "\"\n}\n");
        assertThat(notFixed.statusCode()).isEqualTo(201);
        String key = JSON.readTree(notFixed.body()).get("case").asText();

        HttpResponse<String> summary = service.admin("/api/admin/outcomes");
        assertThat(summary.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(summary.body());
        JsonNode rows = json.get("rows");
        assertThat(rows.findValuesAsText("row")).contains("service-account-password", "wrong-server-url");
        JsonNode account = row(rows, "service-account-password");
        assertThat(account.get("title").asText()).isEqualTo("The TFSService account password expired or is wrong");
        assertThat(account.get("fixed").asLong()).isPositive();
        assertThat(row(rows, "wrong-server-url").get("fixRate").asDouble()).isEqualTo(0.0);
        assertThat(json.get("versions").get(0).get("rulesVersion").asText()).isEqualTo(version);
        JsonNode unresolved = json.get("unresolved").get(0);
        assertThat(unresolved.get("key").asText()).isEqualTo(key);
        assertThat(unresolved.get("facts")).isEqualTo(JSON.readTree(unresolvedFacts));
        assertThat(unresolved.get("notFixedBy")).isEqualTo(JSON.readTree("[\"wrong-server-url\"]"));

        HttpResponse<String> sample = service.admin("/api/admin/outcomes/cases/" + key + "/sample");
        assertThat(sample.statusCode()).isEqualTo(200);
        assertThat(sample.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"recorded-" + key.substring(0, 12) + ".json\"");
        JsonNode exported = JSON.readTree(sample.body());
        assertThat(exported.get("description").asText())
                .isEqualTo("Recorded case " + key.substring(0, 12) + ": nothing fixed it; did not help: wrong-server-url");
        assertThat(exported.get("facts")).isEqualTo(JSON.readTree(unresolvedFacts));
        List<String> ids = JSON.readTree(service.diagnose(unresolvedFacts).body()).get("recommendations").findValuesAsText("id");
        assertThat(exported.get("expected").get("ids").toString()).isEqualTo(JSON.writeValueAsString(ids));
    }

    private static JsonNode row(JsonNode rows, String id) {
        for (JsonNode row : rows) {
            if (row.get("row").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row " + id + " in " + rows);
    }

    @Test
    void theAdminPageIsServedFromTheJarUnderThePagesPolicy() throws Exception {
        HttpResponse<String> page = service.get("/admin");
        HttpResponse<String> script = service.get("/admin.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; img-src 'self' data:;"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        assertThat(page.body()).contains("<script src=\"/admin.js\" defer></script>").doesNotContain("http://", "https://");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("sessionStorage").doesNotContain("localStorage.setItem");
    }

    @Test
    void theAdminRoutesNeedTheTokenAndAnUnknownCaseIsA404() throws Exception {
        String unknown = "0".repeat(64);
        HttpResponse<String> noToken = service.get("/api/admin/outcomes");
        HttpResponse<String> missing = service.admin("/api/admin/outcomes/cases/" + unknown + "/sample");
        HttpResponse<String> shape = service.admin("/api/admin/outcomes/cases/ABC/sample");
        HttpResponse<String> post = service.post("/api/admin/outcomes/cases/" + unknown + "/sample", "", "Authorization", "Bearer " + TestServer.TOKEN);

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ApiTest.json(missing)).isEqualTo(Map.of("error", "case: '" + unknown + "' is not a recorded case. Accepted:"
                + " a key that GET /api/admin/outcomes lists (64 hexadecimal digits)."));
        assertThat(shape.statusCode()).isEqualTo(404);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    }
}
