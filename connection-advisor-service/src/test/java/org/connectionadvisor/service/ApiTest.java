package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API on the packaged rules: exact statuses and bodies, errors as JSON, limits. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose // started in @BeforeAll, not when the class is loaded: a test run may load every class first
    private static TestServer service;

    @BeforeAll
    static void start() throws Exception {
        service = TestServer.packaged();
    }

    static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JSON.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static Map<String, Object> error(String error, String field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("field", field);
        return json;
    }

    @Test
    void diagnoseAnswersExactlyWhatDiagnoseFormatJsonPrints() throws Exception {
        HttpResponse<String> response = service.diagnose(TestServer.FACTS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ConnectionAdvisor.withDefaultRules().diagnose(Facts.fromJson(TestServer.FACTS)).toJson() + "\n");
        assertThat(list(json(response).get("recommendations")).get(0)).containsEntry("id", "service-account-password");
    }

    @Test
    void badFactsAreTheCliLineWithoutItsPrefixAndTheField() throws Exception {
        HttpResponse<String> response = service.diagnose("{\"prodcut\": \"tfs\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).isEqualTo(error("'prodcut' is not a known field. Accepted fields: product, scope, client,"
                + " visualStudioVersion, serverVersion, os, symptoms, context, errorMessage, serverUrl, confirmed, ruledOut, role,"
                + " dontKnow. Did you mean 'product'?", "prodcut"));
        assertThat(json(service.diagnose("{\"symptoms\": \"TF31002\"}"))).isEqualTo(error(
                "symptoms: expected a list of strings such as [\"TF31002\"], got a string \"TF31002\".", "symptoms"));
        assertThat(json(service.diagnose("[1]"))).isEqualTo(error(
                "the input must be a JSON object of facts, such as {\"symptoms\": [\"TF31002\"]}; got a list.", null));
    }

    @Test
    void echoedValuesHaveControlCharactersEscapedAndUrlCredentialsRedacted() throws Exception {
        HttpResponse<String> url = service.diagnose("{\"serverUrl\": \"https://bob:hunter2@ tfs\"}");
        HttpResponse<String> control = service.diagnose("{\"scope\": \"one\\ncomputer\\u0007\"}");

        assertThat(url.statusCode()).isEqualTo(400);
        assertThat(json(url)).isEqualTo(error("serverUrl: 'https://***@ tfs' is not a URL. Accepted: an address such as"
                + " https://dev.azure.com/fabrikam or http://tfs.contoso.com:8080/tfs.", "serverUrl"));
        assertThat(url.body()).doesNotContain("hunter2");
        assertThat(json(control)).isEqualTo(error("scope: 'one\\ncomputer\\u0007' has a control or invisible character (\\n)"
                + " at character 4. Accepted: printable characters only.", "scope"));
    }

    @Test
    void aBodyThatIsNotUtf8IsBadInput() throws Exception {
        byte[] head = ("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 3\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + 3);
        request[head.length] = '"';
        request[head.length + 1] = (byte) 0xff;
        request[head.length + 2] = '"';

        String answer = service.raw(request);

        assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("{\n  \"error\" : \"the body is not UTF-8 text; facts are a"
                + " JSON object in UTF-8.\",\n  \"field\" : null\n}\n");
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        HttpResponse<String> plain = service.post("/api/diagnose", TestServer.FACTS, "Content-Type", "text/plain");
        HttpResponse<String> latin = service.post("/api/diagnose", TestServer.FACTS, "Content-Type", "application/json; charset=iso-8859-1");

        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(json(plain)).isEqualTo(Map.of("error", "Content-Type: 'text/plain' is not accepted. Accepted: application/json (UTF-8)."));
        assertThat(latin.statusCode()).isEqualTo(415);
        assertThat(service.post("/api/diagnose", TestServer.FACTS, "Content-Type", "Application/JSON; charset=\"UTF-8\"").statusCode())
                .isEqualTo(200);
        assertThat(service.raw("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"))
                .startsWith("HTTP/1.1 415 ").contains("\"error\" : \"Content-Type: 'null' is not accepted.");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        char[] padding = new char[ServerOptions.MAX_BODY_BYTES];
        Arrays.fill(padding, ' ');
        HttpResponse<String> declared = service.diagnose("{\"symptoms\": [\"TF31002\"]" + new String(padding) + "}");
        String chunked = chunkedOverLimit();

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared)).isEqualTo(Map.of("error", "the request body is larger than 65536 bytes; a facts object is a few hundred."));
        assertThat(chunked).startsWith("HTTP/1.1 413 ").contains("\"error\" : \"the request body is larger than 65536 bytes");
        assertThat(service.diagnose("{\"symptoms\": [\"TF31002\"]" + " ".repeat(60_000) + "}").statusCode()).isEqualTo(200);
    }

    private static String chunkedOverLimit() throws Exception {
        StringBuilder request = new StringBuilder("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int chunk = 0; chunk < 9; chunk++) {
            request.append("2000\r\n").append(" ".repeat(0x2000)).append("\r\n");
        }
        return service.raw(request.append("0\r\n\r\n").toString());
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405AsJson() throws Exception {
        HttpResponse<String> unknown = service.get("/api/nothing?x=1");
        HttpResponse<String> method = service.get("/api/diagnose");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).isEqualTo(Map.of("error", "no such route: GET /api/nothing. Routes: GET /, POST /api/diagnose, POST /api/outcomes,"
                + " GET /api/vocabulary, GET /health, GET /openapi.json."));
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("POST, OPTIONS"); // RFC 9110: every method the route answers
        assertThat(json(method)).isEqualTo(Map.of("error", "GET /api/diagnose is not allowed; use POST."));
    }

    @Test
    void withoutATokenFileTheAdminRoutesDoNotExist() throws Exception {
        HttpResponse<String> rules = service.get("/api/admin/rules", "Authorization", "Bearer " + TestServer.TOKEN);

        assertThat(rules.statusCode()).isEqualTo(404);
        assertThat(json(rules)).isEqualTo(Map.of("error", "no such route: GET /api/admin/rules. The admin routes are off:"
                + " start the service with --admin-token-file FILE."));
        assertThat(service.post("/api/admin/reload", "").statusCode()).isEqualTo(404);
    }

    @Test
    void healthGivesTheRulesVersionAndNoReloadYet() throws Exception {
        HttpResponse<String> health = service.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("status", "ok");
        expected.put("rules", Map.of("source", "packaged", "version", ConnectionAdvisor.withDefaultRules().rulesVersion(), "rows", 41));
        expected.put("lastReload", null);
        assertThat(json(health)).isEqualTo(expected);
    }

    @Test
    void theVocabularyListsFieldsValuesLabelsAndQuestions() throws Exception {
        Map<String, Object> vocabulary = json(service.get("/api/vocabulary"));

        List<Map<String, Object>> fields = list(vocabulary.get("fields"));
        assertThat(fields).extracting(f -> f.get("name")).containsExactly("product", "scope", "client",
                "visualStudioVersion", "serverVersion", "os", "symptoms", "context", "errorMessage", "serverUrl", "confirmed", "ruledOut",
                "role", "dontKnow");
        assertThat(fields.get(1)).isEqualTo(Map.of("name", "scope", "kind", "one", "aliases", Map.of(), "values", List.of(
                Map.of("value", "one-computer", "label", "one computer, while others connect"),
                Map.of("value", "several-computers", "label", "several computers or users"))));
        assertThat(list(fields.get(7).get("values"))).first().isEqualTo(Map.of("value", "remote-worker",
                "label", "you work remotely", "labelNo", "you do not work remotely"));
        assertThat(list(fields.get(10).get("values"))).hasSize(41).contains(Map.of("value", "service-account-password",
                "label", "The TFSService account password expired or is wrong"));
        List<Map<String, Object>> questions = list(vocabulary.get("questions"));
        assertThat(questions).extracting(q -> q.get("id")).startsWith("product", "scope", "client", "os",
                "visualStudioVersion", "serverVersion", "signed-in-with", "role", "remote-worker").doesNotContain("signed-in-with-work");
        assertThat(questions.get(6)).isEqualTo(Map.of("id", "signed-in-with", "text", "Which account did you sign in with?",
                "answers", List.of(Map.of("value", "work", "label", "you signed in with the work or school account"),
                        Map.of("value", "personal", "label", "you signed in with the personal Microsoft account"),
                        Map.of("value", "dont-know", "label", "I don't know")), "answeredBy", "user", "asked", true));
        // One definition: the questions the service publishes are the library's catalogue.
        assertThat(questions).extracting(q -> q.get("id")).containsExactlyElementsOf(
                org.connectionadvisor.QuestionCatalogue.all().stream().map(org.connectionadvisor.Question::id).toList());
        assertThat(questions).filteredOn(q -> q.get("id").equals("serverVersion")).extracting(q -> q.get("answeredBy"))
                .containsExactly("administrator");
        // "It worked yesterday" is volunteered: a form may offer it, the advisor does not ask it.
        assertThat(questions).filteredOn(q -> q.get("asked").equals(false)).extracting(q -> q.get("id")).containsExactly("recent-change");
        assertThat(vocabulary.get("signedInWith")).isEqualTo(Map.of("work", "signed-in-with-work", "personal", "signed-in-with-personal"));
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = service.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
        assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>").doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(service.get("/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(service.get("/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void adminRoutesNeedTheBearerTokenAndReloadFromTheDirectory(@TempDir Path rules, @TempDir Path secrets) throws Exception {
        try (TestServer admin = TestServer.withRules(rules, secrets.resolve("token"))) {
            HttpResponse<String> none = admin.get("/api/admin/rules");
            AtomicReference<HttpResponse<String>> wrong = new AtomicReference<>();
            long began = System.nanoTime();
            String refusals = TestServer.standardErrorOf(() -> {
                wrong.set(admin.post("/api/admin/reload", "", "Authorization", "Bearer " + TestServer.TOKEN + "x"));
                admin.get("/api/admin/rules", "Authorization", "Bearer guess");
            });
            // Logged without the token, and slowed: 100 ms, then 200 ms for the second wrong token in a row.
            assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(300_000_000L);
            assertThat(refusals.lines().map(line -> line.replaceFirst("^\\[[^]]*] ", ""))).containsExactly(
                    "WARN org.connectionadvisor.service.AdminGate - a wrong admin token from 127.0.0.1"
                            + " for POST /api/admin/reload (1 in a row from that address); answering 401 in 100 ms",
                    "WARN org.connectionadvisor.service.AdminGate - a wrong admin token from 127.0.0.1"
                            + " for GET /api/admin/rules (2 in a row from that address); answering 401 in 200 ms");
            assertThat(refusals).doesNotContain(TestServer.TOKEN, "guess");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(json(none)).isEqualTo(Map.of("error", "the admin routes need the header Authorization: Bearer <the token"
                    + " in the service's --admin-token-file>."));
            assertThat(wrong.get().statusCode()).isEqualTo(401);

            String bearer = "Bearer " + TestServer.TOKEN;
            Map<String, Object> listed = json(admin.get("/api/admin/rules", "Authorization", bearer));
            assertThat(listed).containsEntry("source", "directory").containsEntry("directory", rules.toString())
                    .containsEntry("lastReload", null);
            assertThat(list(listed.get("rows"))).hasSize(41).contains(Map.of("id", "service-account-password",
                    "title", "The TFSService account password expired or is wrong", "file", "server-several-users.drl"));

            HttpResponse<String> applied = admin.post("/api/admin/reload", "", "Authorization", bearer);
            assertThat(applied.statusCode()).isEqualTo(200);
            assertThat(json(applied)).isEqualTo(Map.of("applied", true, "problems", List.of(), "version", listed.get("version")));

            Files.writeString(rules.resolve("broken.drl"), "package org.connectionadvisor.drl;\n\nrule \"broken\"\nwhen\n    Symptom( code == \n"
                    + "then\nend\n");
            AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
            String log = TestServer.standardErrorOf(() -> refused.set(admin.post("/api/admin/reload", "", "Authorization", bearer)));
            assertThat(log).contains("were not reloaded; the previous rules keep serving", "broken.drl:");
            assertThat(refused.get().statusCode()).isEqualTo(422);
            Map<String, Object> result = json(refused.get());
            assertThat(result).containsEntry("applied", false).containsEntry("version", listed.get("version"));
            List<Map<String, Object>> problems = list(result.get("problems"));
            assertThat(problems).isNotEmpty().allSatisfy(problem ->
                    assertThat(problem.get("file")).isEqualTo(rules.resolve("broken.drl").toString()));
            Map<String, Object> last = map(json(admin.get("/health")).get("lastReload"));
            assertThat(last).containsEntry("applied", false).containsEntry("problems", problems.size()).containsKey("at");
        }
    }

    @Test
    void thePackagedRulesCannotBeReloaded(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("token"), TestServer.TOKEN);
        try (TestServer packaged = TestServer.start(new ServerOptions("127.0.0.1", 0, null, false, secrets.resolve("token")))) {
            HttpResponse<String> response = packaged.post("/api/admin/reload", "", "Authorization", "Bearer " + TestServer.TOKEN);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json(response)).isEqualTo(Map.of("error", "the service serves the packaged rules, which never change;"
                    + " start it with --rules DIR to reload."));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
