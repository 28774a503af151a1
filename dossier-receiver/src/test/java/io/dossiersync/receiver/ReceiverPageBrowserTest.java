package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dossiersync.core.NamespaceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The receiver page in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}; no driver download): the feature list, a heading rendered from {@code spec.md},
 * a {@code <script>} in a body shown as text and never run, and the page refreshing itself after a
 * new delivery. Skips, saying why, where no browser is installed. With {@code
 * -Dreceiver.page.screenshot=PATH} it saves a screenshot of the page there (the README's).
 */
class ReceiverPageBrowserTest {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String TOKEN = "browser-token";
  private static final NamespaceRef BETA =
      new NamespaceRef(WireSamples.PROJECT, "048-beta", "main", "software-dev", "1");

  @TempDir Path profile;
  private ReferenceReceiver receiver;
  private ChromeDriver browser;

  @BeforeEach
  void start() {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "no browser: install Debian's chromium and chromium-driver (see .ci/run) to run this");
    receiver = ReferenceReceiver.builder().token(TOKEN).requireIndexEntry(false).start();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1100,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void thePageShowsFeaturesRendersMarkdownNeverRunsABodysScriptAndRefreshesItself()
      throws Exception {
    ReceiverClient client = new ReceiverClient(receiver.baseUri(), TOKEN);
    client.push(
        push(
            "spec.md",
            "# Sign-in with passkeys\n\nUsers sign in **without** a"
                + " password.\n\n<script>window.bodyScriptRan = true;</script>\n\n- [x] scope\n- [ ] rollout\n"));
    client.push(push("contracts/api.yaml", "openapi: 3.1.0\npaths:\n  /login: {}\n"));
    client.push(push(BETA, "plan.md", "## Plan\n\n1. migrate\n2. ship\n"));

    browser.get(receiver.baseUri() + "/");

    List<String> features =
        browser.findElements(By.cssSelector("li.feature a")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(features).containsExactly("047-some-name", "048-beta");
    assertThat(
            browser.findElement(By.cssSelector("div[data-path='spec.md'] .markdown h1")).getText())
        .isEqualTo("Sign-in with passkeys");
    assertThat(browser.findElement(By.cssSelector("div[data-path='spec.md'] .markdown")).getText())
        .contains("<script>window.bodyScriptRan = true;</script>");
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return window.bodyScriptRan === undefined"))
        .isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector(".markdown script"))).isEmpty();
    screenshotIfAsked();

    client.push(push(BETA, "spec.md", "# Beta arrives later\n"));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//h1[text()='Beta arrives later']")));
    assertThat(browser.findElements(By.cssSelector("div.artifact"))).hasSize(4);
  }

  private void screenshotIfAsked() throws Exception {
    String target = System.getProperty("receiver.page.screenshot");
    if (target != null && !target.isBlank()) {
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(Path.of(target), png);
    }
  }
}
