package org.qinglian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The pages in Debian's headless Chromium, as a villager on a phone and a township
 * officer would use them. Needs {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (apt: chromium chromium-driver); CI installs them and
 * fails without them ({@code CI} set), elsewhere the tests are skipped when they are
 * missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SampleCounty.class)
@TestPropertySource(properties = "qinglian.test.database=browser")
class BrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/chromium"))
				&& Files.isExecutable(Path.of("/usr/bin/chromedriver"));
		if (!installed && System.getenv("CI") != null) {
			throw new AssertionError("CI runs the browser tests: install Debian's chromium and chromium-driver");
		}
		Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + Files.createTempDirectory("qinglian-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Autowired
	SampleCounty county;

	@BeforeEach
	void county() {
		county.loaded().withUser("changle", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void aVillagerReadsThePowerListOnAPhoneWithoutSidewaysScrolling() {
		browser.manage().window().setSize(new Dimension(375, 812));
		browser.get(url("/"));
		browser.findElement(By.cssSelector("ul.villages a")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("小微权力清单");
		assertThat(browser.findElements(By.cssSelector(".flow svg"))).hasSize(28);
		Number overflow = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
		browser.findElement(By.linkText("English")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("list of small and micro powers");
		browser.get(url("/?lang=zh_CN"));
	}

	@Test
	void anOfficerSignsInTriagesAndSeesTheChartsDrawn() {
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("changle");
		browser.findElement(By.id("password")).sendKeys(SampleCounty.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit].primary")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工作台");

		browser.get(url("/staff/ecology/330683102000"));
		List<?> canvases = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			var found = d.findElements(By.cssSelector("div.chart canvas"));
			return found.isEmpty() ? null : found;
		});
		assertThat(canvases).isNotEmpty();

		browser.get(url("/staff/findings"));
		browser.findElement(By.cssSelector("tbody tr td a")).click();
		browser.findElement(By.id("reason")).sendKeys("已核实：村里已补录发票");
		browser.findElement(By.xpath("//form[contains(@action,'dismiss')]//button")).click();
		// the form posts and the browser follows the redirect: wait for the page that
		// answers
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("已核实：村里已补录发票"));
		assertThat(browser.getPageSource()).contains("已排除");
	}

}
