package io.tessera.catalogserver.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}), pointed at one running server, with screenshots into a directory.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final String base;
  private final Path profile;
  private final Path screenshots;

  private Browser(String base, Path screenshots) throws IOException {
    this.base = base;
    this.screenshots = screenshots;
    this.profile = Files.createTempDirectory("tessera-ui-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-GB",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  /** What is missing for browser tests on this machine, or null when both programs are there. */
  static String missing() {
    List<Path> absent =
        Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
    return absent.isEmpty()
        ? null
        : "browser tests skipped: "
            + absent
            + " not found (apt-get install chromium chromium-driver; .ci/run does)";
  }

  static Browser open(String base) {
    try {
      return new Browser(
          base, Path.of(System.getProperty("tessera.screenshots", "target/ui-screenshots")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a UI route such as {@code #/search?q=orders}. */
  void go(String route) {
    driver.get(base + "/" + route);
  }

  /** Waits for an element to be visible. */
  WebElement await(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks an element, looking it up again if a re-render replaced it in the meantime. */
  void click(By by) {
    until(
        d -> {
          d.findElement(by).click();
          return true;
        });
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The current URL's fragment, decoded as the browser shows it. */
  /** Signs in through the header's dialog with an API token and waits until it took. */
  void signIn(String secret) {
    await(By.id("signin-button"));
    click(By.id("signin-button")); // the header re-renders it when the session is checked
    await(By.id("signin-token")).sendKeys(secret);
    click(By.id("signin-submit"));
    await(By.id("signout-button"));
  }

  /** Back to the home page with nothing kept in the tab: signed out, as a new visitor. */
  void signOutAndForget() {
    go("#/");
    script("sessionStorage.clear(); localStorage.clear();");
    driver().navigate().refresh();
    await(By.id("signin-button"));
  }

  /** Replaces what a field holds with the text. */
  void replaceText(String id, String text) {
    WebElement input = await(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /**
   * The error message shown beside {@code control}, tied to it by {@code aria-describedby} (an id
   * with {@code -error-}), after checking it sits in the control's field.
   */
  String errorBeside(WebElement control) {
    String describedBy =
        until(
            d -> {
              String ids = control.getDomAttribute("aria-describedby");
              return ids != null && ids.contains("-error-") ? ids : null;
            });
    String errorId =
        List.of(describedBy.split(" ")).stream()
            .filter(i -> i.contains("-error-"))
            .findFirst()
            .orElseThrow();
    WebElement container =
        control.findElement(By.xpath("ancestor::*[contains(@class,'field')][1]"));
    org.assertj.core.api.Assertions.assertThat(container.findElements(By.id(errorId)))
        .as("the error sits next to its field")
        .hasSize(1);
    return driver().findElement(By.id(errorId)).getText();
  }

  String route() {
    String url = driver.getCurrentUrl();
    int hash = url.indexOf('#');
    return hash < 0 ? "" : url.substring(hash);
  }

  /** Saves the viewport as {@code <name>.png} in the screenshot directory. */
  void screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the top of the page, {@code height} pixels tall, as {@code <name>.png}. */
  void screenshot(String name, int height) {
    Dimension size = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(size.getWidth(), height));
      script("window.scrollTo(0, 0)");
      screenshot(name);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
