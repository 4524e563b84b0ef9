package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (both installed by .ci/run). The flags
 * keep Chromium from reaching for the network, which this machine does not have.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("lockbox.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("lockbox.chromedriver", "/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriver driver;

  Browser() {
    try {
      profile = Files.createTempDirectory("lockbox-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1500",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  void open(String url) {
    driver.get(url);
  }

  String url() {
    return driver.getCurrentUrl();
  }

  WebElement find(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  String text(String css) {
    return find(css).getText();
  }

  void signIn(String user) {
    find("#username").sendKeys(user);
    find("#password").sendKeys(user);
    find("#sign-in").click();
  }

  /** The visible text inside an iframe (the Temporal Web UI renders user metadata in them). */
  String frameText(String css) {
    WebElement frame = find(css);
    driver.switchTo().frame(frame);
    try {
      return find("body").getText();
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  /** Waits until the page's text contains every one of the texts. */
  void awaitText(String... texts) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> {
              String page = d.findElement(By.tagName("body")).getText();
              return java.util.Arrays.stream(texts).allMatch(page::contains);
            });
  }

  /** Every URL the page loaded, from the browser's own resource timing. */
  @SuppressWarnings("unchecked")
  java.util.List<String> loadedUrls() {
    return (java.util.List<String>)
        driver.executeScript(
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([location.href]);");
  }

  /** Whether the current page has no element matching the selector (no waiting). */
  boolean pageHasNo(String css) {
    return driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /** The window's size in CSS pixels, e.g. 390 wide for a phone. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  void forgetSession() {
    driver.manage().deleteAllCookies();
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
