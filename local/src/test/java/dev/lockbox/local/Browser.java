package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
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

  /** At most this wide is a phone: every page found there must fit its width. */
  static final int PHONE = 480;

  private final Path profile;
  private final ChromeDriver driver;
  private boolean phone;

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

  /**
   * The element, once the page has it. On a phone-wide window the page it is on must not scroll
   * sideways, so every page a test looks at there is checked.
   */
  WebElement find(String css) {
    WebElement found =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    if (phone) {
      assertFitsTheWindow();
    }
    return found;
  }

  /**
   * Fails when the page is wider than the window (it would scroll sideways), naming the elements
   * that stick out on the right.
   */
  @SuppressWarnings("unchecked")
  void assertFitsTheWindow() {
    java.util.Map<String, Object> page =
        (java.util.Map<String, Object>)
            driver.executeScript(
                "const w = document.documentElement.clientWidth;"
                    + " const out = [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
                    + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                    + " + (e.className && typeof e.className === 'string'"
                    + " ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));"
                    + " return {scrollWidth: document.documentElement.scrollWidth, width: w,"
                    + " path: location.pathname + location.search, outside: out};");
    long scrollWidth = ((Number) page.get("scrollWidth")).longValue();
    long width = ((Number) page.get("width")).longValue();
    if (scrollWidth > width) {
      throw new AssertionError(
          page.get("path")
              + " scrolls sideways: "
              + scrollWidth
              + " px wide in a "
              + width
              + " px window; sticking out: "
              + page.get("outside"));
    }
  }

  /**
   * Clicks a link or a form's button that loads another page and waits until that page has replaced
   * this one: without the wait, an element found next could still be this page's own (same id,
   * stale text) and go stale while being read.
   */
  void follow(String css) {
    // A mark on this document; the next document has none. (Waiting for the old <html> to go
    // stale fails now and then: chromedriver may answer "node does not belong to the document"
    // mid-navigation instead of "stale element".)
    driver.executeScript("window.lockboxLeaving = true;");
    find(css).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(WebDriverException.class) // asked while the navigation is under way
        .until(d -> !Boolean.TRUE.equals(driver.executeScript("return window.lockboxLeaving;")));
  }

  String text(String css) {
    return find(css).getText();
  }

  /** On the sign-in page: signs in as a demo user (password = user name). */
  void signIn(String user) {
    find("#username").sendKeys(user);
    find("#password").sendKeys(user);
    follow("#sign-in");
  }

  /**
   * Opens a portal page signed out, signs in there as the demo user and waits until the portal
   * brings them back to it.
   */
  void openAs(String url, String user) {
    open(url);
    signIn(user);
    find("main");
  }

  /** On a request page: approves (with a comment, if any) and waits for the result page. */
  void approve(String comment) {
    decide("#approve-comment", "#approve", comment);
  }

  /** On a request page: denies (with a comment, if any) and waits for the result page. */
  void deny(String comment) {
    decide("#deny-comment", "#deny", comment);
  }

  private void decide(String commentField, String button, String comment) {
    if (comment != null) {
      find(commentField).sendKeys(comment);
    }
    follow(button);
    find("#outcome");
  }

  /** The visible text inside an iframe (the Temporal Web UI renders user metadata in them). */
  String frameText(String css) {
    WebElement frame = find(css);
    // A lazily loaded frame (the dev outbox's emails) loads once it is near the view.
    driver.executeScript("arguments[0].scrollIntoView();", frame);
    driver.switchTo().frame(frame);
    try {
      // The frame scrolls on its own: only the page around it must fit a phone.
      return new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")))
          .getText();
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
    phone = width <= PHONE;
  }

  /** The page's width in CSS pixels as the browser lays it out. */
  long viewportWidth() {
    return ((Number) driver.executeScript("return window.innerWidth;")).longValue();
  }

  /** Whether the window is phone-wide: pages found are checked to fit it. */
  boolean phone() {
    return phone;
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
