package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in Debian's headless Chromium (as GuidedPageIT drives it): outcomes posted over HTTP, the token
 * typed in, then the chart's bars, the rows that never fixed anything and a case exported as a sample file.
 * Screenshots in target/screenshots/.
 */
class AdminPageIT {
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    private static final String UNRESOLVED = "{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"]}";

    private static TestServer service;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled("AdminPageIT");
        profile = Files.createTempDirectory("chromium-admin-profile");
        service = TestServer.withStore(profile.resolve("outcomes"), profile.resolve("token"));
        browser = HeadlessChromium.start(profile.resolve("chromium"), 1100, Map.of(
                "download.default_directory", profile.resolve("downloads").toString(), "download.prompt_for_download", false));
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.stop(browser, service, profile);
    }

    private static void settled() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "false".equals(d.findElement(By.tagName("body")).getAttribute("aria-busy")));
    }

    private static void post(String facts, String row, String result) throws Exception {
        assertThat(service.outcome("{\"facts\": " + facts + ", \"row\": \"" + row + "\", \"result\": \"" + result + "\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void theTokenThenTheChartTheRowsThatNeverFixedAndAnExportedCase() throws Exception {
        post(TestServer.FACTS, "service-account-password", "fixed");
        post(TestServer.FACTS, "service-account-password", "fixed");
        post(TestServer.FACTS, "app-tier-unavailable", "not-fixed");
        post(TestServer.FACTS, "service-account-password", "not-fixed");
        post(UNRESOLVED, "wrong-server-url", "not-fixed");

        browser.get(service.base.resolve("/admin").toString());
        assertThat(browser.findElement(By.id("outcomes")).isDisplayed()).isFalse();
        browser.findElement(By.id("token")).sendKeys("wrong");
        assertThat(TestServer.standardErrorOf(() -> {
            browser.findElement(By.cssSelector("#login button[type=submit]")).click();
            settled();
        })).contains("a wrong admin token from 127.0.0.1 for GET /api/admin/outcomes");
        assertThat(browser.findElement(By.id("token-error")).getText()).isEqualTo("That token is not the service's admin token.");

        browser.findElement(By.id("token")).sendKeys(TestServer.TOKEN);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        settled();
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("5 outcomes recorded.");
        // One bar per row, in id order, as wide as its fix rate (of 520 units).
        List<String> bars = browser.findElements(By.cssSelector("#chart g.row")).stream()
                .map(row -> row.getAttribute("data-row") + " " + row.findElement(By.cssSelector("rect.bar")).getAttribute("width")
                        + " " + row.findElements(By.tagName("text")).get(1).getText())
                .toList();
        assertThat(bars).containsExactly("app-tier-unavailable 2 0% (0/1)", "service-account-password 347 67% (2/3)",
                "wrong-server-url 2 0% (0/1)");
        assertThat(browser.findElements(By.cssSelector("#never-fixed li")).stream().map(WebElement::getText).toList())
                .containsExactly("app-tier-unavailable The application-tier server is unavailable: tried 1 time",
                        "wrong-server-url " + title("wrong-server-url") + ": tried 1 time");
        // The token is in this tab's sessionStorage only.
        assertThat(browser.executeScript("return [sessionStorage.getItem('connection-advisor-admin-token'), localStorage.length]"))
                .isEqualTo(List.of(TestServer.TOKEN, 0L));
        assertThat(browser.getCurrentUrl()).doesNotContain(TestServer.TOKEN);
        screenshot("admin-page");

        List<WebElement> cases = browser.findElements(By.cssSelector("#unresolved > li"));
        assertThat(cases).hasSize(1);
        String key = cases.get(0).getAttribute("data-key");
        cases.get(0).findElement(By.cssSelector("button.export")).click();
        Path downloaded = profile.resolve("downloads").resolve("recorded-" + key.substring(0, 12) + ".json");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(downloaded));
        assertThat(Files.readString(downloaded)).isEqualTo(service.admin("/api/admin/outcomes/cases/" + key + "/sample").body());
    }

    private static String title(String row) throws Exception {
        for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(service.admin("/api/admin/outcomes").body()).get("rows")) {
            if (node.get("row").asText().equals(row)) {
                return node.get("title").asText();
            }
        }
        throw new AssertionError(row);
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
