package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The guided troubleshooter in a real browser: Debian's headless Chromium driven through Debian's chromedriver, both
 * by path (Selenium Manager is not used, nothing is downloaded). Walks the whole flow as a user would, keyboard
 * included, and saves screenshots in target/screenshots/.
 */
class GuidedPageIT {
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    private static final String URL = "http://tfs.contoso.com:8080/tfs";

    private static TestServer service;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled("GuidedPageIT");
        profile = Files.createTempDirectory("chromium-profile");
        service = TestServer.withStore(profile.resolve("outcomes"), profile.resolve("token"));
        browser = HeadlessChromium.start(profile, 900, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.stop(browser, service, profile);
    }

    @BeforeEach
    void desktopWidth() {
        browser.manage().window().setSize(new Dimension(1024, 900));
    }

    private static void open(String query) {
        browser.get(service.base.resolve("/" + query).toString());
        settled();
    }

    /** Waits until the page has rendered what it fetched (it marks itself aria-busy meanwhile). */
    private static void settled() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "false".equals(d.findElement(By.tagName("body")).getAttribute("aria-busy")));
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private static List<String> resultTitles() {
        return browser.findElements(By.cssSelector("#results > li > h3")).stream().map(WebElement::getText).toList();
    }

    private static String query() {
        return browser.getCurrentUrl().replaceFirst("^[^?]*", "");
    }

    private static void screenshot(String name) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebElement button(String text) {
        return browser.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals(text) && b.isDisplayed())
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    @Test
    void theWholeGuidedFlow() throws Exception {
        open("");
        assertThat(byId("start").isDisplayed()).isTrue();
        // Every symptom is a checkbox inside its own label, in plain words.
        List<WebElement> symptoms = browser.findElements(By.cssSelector("#symptoms label"));
        assertThat(symptoms).extracting(WebElement::getText).contains("TF31002: unable to connect", "401 Not Authorized");
        assertThat(browser.findElement(By.cssSelector("label[for=errorMessage]")).getText()).startsWith("The error message");
        assertThat(browser.findElement(By.cssSelector("label[for=serverUrl]")).getText()).startsWith("The address you connect to");

        // Nothing given: the message stands by the symptoms.
        button("Find the cause").click();
        assertThat(byId("symptoms-error").getText()).isEqualTo("Tick what you see, or paste the error message.");

        // A bad address: the service's error stands by its field, which gets focus and is marked invalid.
        symptoms.get(0).click();
        byId("serverUrl").sendKeys("https://bob:secret@ contoso");
        button("Find the cause").click();
        settled();
        assertThat(byId("serverUrl-error").getText()).isEqualTo("serverUrl: 'https://***@ contoso' is not a URL. Accepted: an"
                + " address such as https://dev.azure.com/fabrikam or http://tfs.contoso.com:8080/tfs.");
        assertThat(byId("serverUrl").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("serverUrl").getAttribute("aria-describedby")).contains("serverUrl-error");
        assertThat(focused().getAttribute("id")).isEqualTo("serverUrl");
        screenshot("bad-input.png");

        // Corrected: the address says it is a server, so the first question is about the scope.
        byId("serverUrl").clear();
        byId("serverUrl").sendKeys(URL);
        button("Find the cause").click();
        settled();
        assertThat(query()).isEqualTo("?symptoms=TF31002&serverUrl=http%3A%2F%2Ftfs.contoso.com%3A8080%2Ftfs");
        assertThat(byId("question-text").getText())
                .isEqualTo("Does the problem happen on one computer only, or on several computers or for several users?");
        assertThat(focused().getAttribute("id")).isEqualTo("question-text");
        assertThat(byId("status").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElements(By.cssSelector("#results > li"))).hasSize(5);
        screenshot("first-question.png");

        // Answered with the keyboard: from the focused question, Tab reaches the first answer.
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("One computer, while others connect");
        focused().sendKeys(Keys.TAB);
        focused().sendKeys(Keys.ENTER);
        settled();
        assertThat(query()).endsWith("&scope=several-computers");
        assertThat(resultTitles()).first().isEqualTo("1. The TFSService account password expired or is wrong");
        assertThat(byId("status").getText()).isEqualTo("Most likely now: The TFSService account password expired or is wrong"
                + " (possible). " + browser.findElement(By.id("more")).getText().replaceAll("\\D", "") + " causes fit.");
        WebElement first = browser.findElement(By.cssSelector("#results > li"));
        assertThat(first.getText()).contains("POSSIBLE", "Why: the server URL's host tfs.contoso.com is not an Azure DevOps"
                + " Services address, so it is an Azure DevOps Server; several computers or users fail to connect",
                "Source: Troubleshoot connecting to a project");
        assertThat(first.findElement(By.tagName("a")).getAttribute("href"))
                .isEqualTo("https://learn.microsoft.com/azure/devops/server/admin/change-service-account-password");
        browser.manage().window().setSize(new Dimension(1024, 1400));
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("guided.png");
        browser.manage().window().setSize(new Dimension(1024, 900));

        // Skip: the question is not asked again; another one comes.
        String skipped = byId("question-text").getText();
        button("Skip this question").click();
        settled();
        assertThat(query()).contains("&skip=");
        assertThat(byId("question-text").getText()).isNotEqualTo(skipped);

        // "Did not help" rules the first row out and re-ranks; back and forward walk the history.
        first = browser.findElement(By.cssSelector("#results > li"));
        first.findElement(By.xpath(".//button[.='I tried this, it did not help']")).click();
        settled();
        assertThat(query()).endsWith("&ruledOut=service-account-password");
        assertThat(resultTitles()).first().isEqualTo("1. The application-tier server is unavailable");
        browser.navigate().back();
        settled();
        assertThat(resultTitles()).first().isEqualTo("1. The TFSService account password expired or is wrong");
        browser.navigate().forward();
        settled();
        assertThat(resultTitles()).first().isEqualTo("1. The application-tier server is unavailable");

        // "This fixed it" confirms the row: it comes first, marked confirmed.
        String fixedLink = query();
        browser.findElement(By.cssSelector("#results > li")).findElement(By.xpath(".//button[.='This fixed it']")).click();
        settled();
        assertThat(query()).isEqualTo(fixedLink + "&confirmed=app-tier-unavailable");
        assertThat(byId("status").getText()).isEqualTo("Glad that fixed it. The cause you confirmed is listed first.");
        assertThat(browser.findElement(By.cssSelector("#results > li .status")).getText()).isEqualTo("CONFIRMED");
        // Both clicks were recorded, each on the facts it was advised for.
        com.fasterxml.jackson.databind.JsonNode outcomes = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(service.admin("/api/admin/outcomes").body());
        assertThat(outcomes.get("rows").toString()).isEqualTo("[{\"row\":\"app-tier-unavailable\",\"title\":\"The application-tier"
                + " server is unavailable\",\"fixed\":1,\"notFixed\":0,\"fixRate\":1.0},{\"row\":\"service-account-password\","
                + "\"title\":\"The TFSService account password expired or is wrong\",\"fixed\":0,\"notFixed\":1,\"fixRate\":0.0}]");

        // The link is the state: opened afresh, it shows the same.
        String shared = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(shared);
        settled();
        assertThat(resultTitles()).first().isEqualTo("1. The application-tier server is unavailable");
        assertThat(browser.findElements(By.cssSelector("#known li"))).extracting(WebElement::getText)
                .contains("You see: TF31002: unable to connect", "Where: several computers or users", "The address: " + URL);
    }

    private static final String SEVERAL_USERS = "?symptoms=TF31002&serverUrl="
            + java.net.URLEncoder.encode(URL, java.nio.charset.StandardCharsets.UTF_8) + "&scope=several-computers";
    private static final String ROLE_QUESTION = "Are you the administrator of the server or organization?";

    /** The facts the page sends to POST /api/diagnose, as its own script builds them from the link. */
    private static String factsSent() {
        return (String) browser.executeScript("return JSON.stringify(factsOf(params()))");
    }

    @Test
    void iDontKnowIsRememberedInTheFactsAndNotAskedAgain() {
        open(SEVERAL_USERS);
        assertThat(byId("question-text").getText()).isEqualTo(ROLE_QUESTION);

        button("I don't know").click();
        settled();
        assertThat(query()).endsWith("&scope=several-computers&dontKnow=role");
        assertThat(factsSent()).isEqualTo("{\"scope\":\"several-computers\",\"serverUrl\":\"" + URL + "\",\"symptoms\":[\"TF31002\"],"
                + "\"dontKnow\":[\"role\"]}");
        assertThat(browser.findElements(By.cssSelector("#known li"))).extracting(WebElement::getText)
                .contains("You do not know: " + ROLE_QUESTION);
        assertThat(byId("question-text").getText()).isEqualTo("Does the server use SSL (an https:// address)?");
        assertThat(resultTitles()).first().isEqualTo("1. The TFSService account password expired or is wrong");

        // The next answer keeps it: the role is still not asked.
        button("No").click();
        settled();
        assertThat(query()).endsWith("&dontKnow=role&no=ssl-configured");
        assertThat(byId("question-text").getText()).isEqualTo("Do the clients connect to servers of different versions?");
        assertThat(factsSent()).contains("\"dontKnow\":[\"role\"]", "\"context\":{\"ssl-configured\":false}");
    }

    @Test
    void aUserOnSeveralComputersGetsTheHandoffWithTheAdministratorsChecksInTheDocumentsOrder() throws Exception {
        open(SEVERAL_USERS);
        assertThat(byId("handoff-section").isDisplayed()).isFalse();
        assertThat(byId("question-text").getText()).isEqualTo(ROLE_QUESTION);

        button("No, I am not the administrator").click();
        settled();
        assertThat(query()).endsWith("&role=user");
        assertThat(resultTitles()).startsWith("1. Ask the administrator to confirm the server is up, and to read the application"
                + " tier's event logs", "2. The TFSService account password expired or is wrong");
        List<WebElement> results = browser.findElements(By.cssSelector("#results > li"));
        assertThat(results.get(0).findElements(By.cssSelector(".status.administrator"))).isEmpty();
        assertThat(results.get(1).findElement(By.cssSelector(".status.administrator")).getAttribute("textContent"))
                .isEqualTo("only an administrator can do this");

        assertThat(byId("handoff-section").isDisplayed()).isTrue();
        assertThat(byId("handoff-heading").getText()).isEqualTo("For your administrator");
        assertThat(browser.findElements(By.cssSelector("#handoff-checks > li"))).extracting(WebElement::getText).containsExactly(
                "The TFSService account password expired or is wrong read more",
                "The application-tier server is unavailable read more",
                "The network is unavailable read more",
                "A website identity of the server is configured wrongly read more",
                "Access to a website of the server is restricted read more",
                "The firewall or the ports are configured wrongly read more",
                "Trust relationships between domains are configured wrongly read more",
                "Servers of different versions share the same GUIDs and confuse the client cache read more");
        assertThat(browser.findElement(By.cssSelector("#handoff-checks > li a")).getAttribute("href"))
                .isEqualTo("https://learn.microsoft.com/azure/devops/server/admin/change-service-account-password");
        List<String> message = List.of(byId("handoff-text").getText().split("\n"));
        assertThat(message.subList(0, 3)).containsExactly("To the administrator of the server: several computers cannot connect.",
                "Reported: the server URL's host tfs.contoso.com is not an Azure DevOps Services address, so it is an Azure DevOps"
                        + " Server (inferred); several computers or users fail to connect; TF31002 is shown by Visual Studio (Team"
                        + " Explorer), so the user connects from Visual Studio (inferred); the user reported TF31002: unable to connect.",
                "Ruled out: nothing yet.");
        assertThat(message.get(4)).startsWith("1. The TFSService account password expired or is wrong [service-account-password]: ");
        assertThat(message.get(5)).startsWith("2. The application-tier server is unavailable [app-tier-unavailable]: ");

        browser.manage().window().setSize(new Dimension(1024, 1600));
        browser.executeScript("document.getElementById('handoff-section').scrollIntoView()");
        screenshot("handoff.png");
    }

    @Test
    void aLinkWithBadFactsShowsTheErrorByTheForm() {
        open("?symptoms=TF31002&product=nonsense");
        assertThat(byId("start").isDisplayed()).isTrue();
        assertThat(byId("form-error").getText()).startsWith("product: 'nonsense' is not accepted. Accepted: services, server");
    }

    @Test
    void readableOnAPhoneWidthScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 800));
        open("?symptoms=TF31002&serverUrl=" + java.net.URLEncoder.encode(URL, java.nio.charset.StandardCharsets.UTF_8)
                + "&scope=several-computers");
        JavascriptExecutor script = browser;
        long width = (Long) script.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) script.executeScript("return document.documentElement.clientWidth");
        assertThat(width).as("no sideways scrolling").isLessThanOrEqualTo(viewport);
        assertThat(button("Skip this question").getSize().getHeight()).as("buttons big enough to tap").isGreaterThanOrEqualTo(44);
        screenshot("phone.png");
    }
}
