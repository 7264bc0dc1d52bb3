package org.connectionadvisor.service;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its chromedriver, given by path (Selenium Manager is not used, nothing is
 * downloaded), as the browser tests drive them; a test class is skipped with one line saying why when they are missing.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    /**
     * The tests use no DevTools protocol, so Selenium's notice that it has no CDP bindings for this Chromium release
     * is noise in the build's output. Held here: java.util.logging keeps its loggers only weakly.
     */
    private static final Logger CDP_NOTICES = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CDP_CHOICE = quiet("org.openqa.selenium.chromium.ChromiumDriver");

    private HeadlessChromium() {
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Skips the calling test class, saying so in one line, when the two packages are not installed. */
    static void assumeInstalled(String testClass) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String skipped = testClass + " skipped: no Chromium (the browser tests need /usr/bin/chromium and"
                + " /usr/bin/chromedriver: apt-get install chromium chromium-driver)";
        if (!installed) {
            // Surefire shows a class skipped in @BeforeAll as 0 tests run, without the reason: say it in one line.
            System.out.println(skipped);
        }
        Assumptions.assumeTrue(installed, skipped);
    }

    /** A browser with its own profile in {@code profile}, a window of 1024 x {@code height}, and Chromium {@code prefs}. */
    static ChromeDriver start(Path profile, int height, Map<String, Object> prefs) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1024," + height, "--lang=en-US");
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(driver, options);
    }

    /** Quits the browser and the service and removes the temporary folder, whichever of them was started. */
    static void stop(ChromeDriver browser, TestServer service, Path folder) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
