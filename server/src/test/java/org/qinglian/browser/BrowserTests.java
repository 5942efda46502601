package org.qinglian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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
@TestPropertySource(properties = { "qinglian.test.database=browser",
		"spring.autoconfigure.exclude=org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration" })
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

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void county() {
		county.loaded()
			.withUser("changle", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE)
			.withUser("bw_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("bw_approver", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("bw_county", Role.COUNTY_STAFF, SampleCounty.COUNTY);
	}

	void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(SampleCounty.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit].primary")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff"));
	}

	/**
	 * Submits the form whose action ends with the given path, and waits for the page it
	 * leads to.
	 */
	void submit(String actionEnd) {
		WebElement form = browser.findElement(By.xpath("//form[substring(@action, string-length(@action) - "
				+ (actionEnd.length() - 1) + ") = '" + actionEnd + "']"));
		WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
		button.click();
		awaitNextPage(button);
	}

	/**
	 * Waits until the page the element was on is gone (Chromium may answer "not in the
	 * document" rather than "stale" while it navigates) and the next one is loaded.
	 */
	void awaitNextPage(WebElement old) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			try {
				old.isEnabled();
				return false;
			}
			catch (WebDriverException ex) {
				return true;
			}
		});
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	String village101() {
		return jdbc
			.sql("select min(region_code) from jur_region where level = 'village' and region_code like '330683101%'")
			.query(String.class)
			.single();
	}

	@Test
	void anAnonymousVillagerReportsOnAPhoneAndTheCountyReviewsTheUnsatisfiedAnswer() {
		String village = village101();
		browser.manage().window().setSize(new Dimension(375, 812));
		browser.manage().deleteAllCookies();
		browser.get(url("/public/report"));
		new Select(browser.findElement(By.id("regionCode"))).selectByValue(village);
		browser.findElement(By.id("text")).sendKeys("村里修路的钱去向不明，路只修了一半。");
		browser.findElement(By.cssSelector("form button[type=submit].primary")).click();
		String receipt = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("receipt")))
			.getText();
		assertThat(receipt.replace(" ", "")).hasSize(20).containsOnlyDigits();
		Number overflow = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
		String id = jdbc.sql("select max(report_id) from int_report where entered_at is not null and region_code = ?")
			.param(village)
			.query(String.class)
			.single();

		browser.manage().window().setSize(new Dimension(1280, 900));
		signIn("bw_township");
		browser.get(url("/staff/reports"));
		browser.findElement(By.linkText(id)).click();
		new Select(browser.findElement(By.id("category"))).selectByValue("projects");
		submit("/classify");
		assertThat(browser.getPageSource()).contains("工程项目");
		submit("/assign");
		browser.findElement(By.id("answer")).sendKeys("经核查，第二期工程明年开工，资金专户存放。");
		submit("/answer");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已答复");

		browser.manage().window().setSize(new Dimension(375, 812));
		browser.manage().deleteAllCookies();
		browser.get(url("/public/follow"));
		browser.findElement(By.id("receipt")).sendKeys(receipt);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		assertThat(
				new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("answer"))).getText())
			.contains("第二期工程明年开工");
		assertThat(browser.getPageSource()).doesNotContain("bw_township");
		WebElement unsatisfied = browser.findElement(By.id("unsatisfied"));
		unsatisfied.click();
		awaitNextPage(unsatisfied);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("复查中");

		browser.manage().window().setSize(new Dimension(1280, 900));
		signIn("bw_county");
		browser.get(url("/staff/reports/" + id));
		browser.findElement(By.id("conclusion")).sendKeys("复查认为答复属实，维持原答复。");
		submit("/review");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已复查");
	}

	@Test
	void aClueBecomesAJointCaseAndEndsWithItsFiveFollowups() {
		String village = village101();
		String cadre = jdbc.sql("""
				select min(person_id) from jur_position where region_code = ? and role = 'accountant'""")
			.param(village)
			.query(String.class)
			.single();
		browser.manage().window().setSize(new Dimension(1280, 900));
		signIn("bw_township");
		browser.get(url("/staff/clues"));
		new Select(browser.findElement(By.id("source"))).selectByValue("inspection");
		browser.findElement(By.id("sourceId")).sendKeys("JC-2026-11");
		browser.findElement(By.id("regionCode")).sendKeys(village);
		browser.findElement(By.id("subjectId")).sendKeys(cadre);
		browser.findElement(By.id("summary")).sendKeys("报账员涉嫌截留集体资金");
		submit("/staff/clues");
		browser.findElement(By.cssSelector("input[name=disposition][value=preliminary_verification]")).click();
		browser.findElement(By.id("reason")).sendKeys("线索具体，可查性强");
		new Select(browser.findElement(By.id("approver"))).selectByValue("bw_approver");
		submit("/dispose");
		String clueUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("awaiting")).getText()).contains("bw_approver");
		signIn("bw_approver");
		browser.get(clueUrl);
		submit("/approve");
		signIn("bw_township");
		browser.get(clueUrl);
		browser.findElement(By.cssSelector("input[name=handling][value=joint]")).click();
		new Select(browser.findElement(By.id("caseApprover"))).selectByValue("bw_approver");
		submit("/case");
		signIn("bw_approver");
		browser.get(clueUrl);
		submit("/approve");
		String caseUrl = browser.getCurrentUrl();
		assertThat(caseUrl).contains("/staff/cases/AJ");

		signIn("bw_county");
		browser.get(caseUrl);
		browser.findElement(By.cssSelector("input[name=member][value=bw_county]")).click();
		browser.findElement(By.cssSelector("input[name=member][value=bw_township]")).click();
		new Select(browser.findElement(By.id("lead"))).selectByValue("bw_county");
		submit("/group");
		assertThat(browser.findElement(By.id("group")).getText()).contains("bw_county").contains("bw_township");
		browser.findElement(By.id("members")).sendKeys("县纪委、甘霖镇");
		browser.findElement(By.id("conclusions")).sendKeys("截留属实，建议严重警告");
		submit("/rounds");
		browser.findElement(By.id("opinion")).sendKeys("事实清楚，证据确凿");
		submit("/review");
		browser.findElement(By.id("violation")).sendKeys("截留集体资金");
		new Select(browser.findElement(By.id("sanction"))).selectByValue("party_serious_warning");
		submit("/decision");
		assertThat(browser.findElements(By.cssSelector("div.followup"))).hasSize(5);
		for (String kind : List.of("notice", "analysis", "warning_education", "rectification", "return_visit")) {
			WebElement card = browser.findElement(By.cssSelector("div.followup[data-kind=" + kind + "]"));
			card.findElement(By.name("evidence")).sendKeys(kind + "：已完成，材料存档");
			submit("/followups/" + kind);
		}
		assertThat(browser.findElements(By.cssSelector("div.followup form"))).isEmpty();
		submit("/close");
		assertThat(browser.getPageSource()).contains("已结案");
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void aVillagerReadsThePowerListOnAPhoneWithoutSidewaysScrolling() {
		browser.manage().window().setSize(new Dimension(375, 812));
		browser.get(url("/"));
		browser.findElement(By.cssSelector("ul.villages a")).click();
		browser.findElement(By.linkText("小微权力清单")).click();
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
	void anOfficerOnAPhoneVerifiesAStepOnSiteAndRaisesATip() throws Exception {
		var use = jdbc.sql("""
				select e.region_code, e.exercise_id from pow_exercise e
				where e.region_code like '330683102%' and exists (select 1 from pow_exercise_event ev
				where ev.exercise_id = e.exercise_id) order by e.started_on desc, e.exercise_id limit 1""")
			.query()
			.singleRow();
		String village = (String) use.get("region_code");
		county.withUser("bw_officer", Role.VILLAGE_MONITOR, village);
		browser.manage().window().setSize(new Dimension(375, 812));
		signIn("bw_officer");
		browser.findElement(By.linkText("我的网格")).click();
		browser.findElement(By.cssSelector("a[href*='exercise=" + use.get("exercise_id") + "']")).click();
		browser.findElement(By.id("discrepancy")).click();
		browser.findElement(By.id("note")).sendKeys("公示栏未张贴该事项的公示");
		fitsTheScreen();
		screenshot("verify-phone");
		submit("/grid/verifications");
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("现场核实已记录");
		assertThat(browser.findElement(By.id("tipText")).getAttribute("value")).isEqualTo("公示栏未张贴该事项的公示");
		submit("/officer/reports");
		fitsTheScreen();
		assertThat(jdbc.sql("""
				select count(*) from int_report where submitted_by = 'bw_officer' and channel = 'info_officer'
				and region_code = ? and text = '公示栏未张贴该事项的公示'""").param(village).query(Long.class).single()).isOne();
		assertThat(jdbc.sql("""
				select count(*) from net_verification where recorded_by = 'bw_officer' and outcome = 'discrepancy'
				and exercise_id = ?""").param(use.get("exercise_id")).query(Long.class).single()).isOne();
		// what became of it: the tip and the verification on the officer's pages
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("公示栏未张贴该事项的公示");
		browser.get(url("/grid"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("发现问题");
	}

	@Test
	void aLiaisonStationTakesAnOrderAndClosesIt() throws Exception {
		String village = village101();
		jdbc.sql("""
				insert into net_station (station_id, township_code, name, opened_on, created_by)
				values ('BW-ST', '330683101000', '甘霖镇第一联络站', date '2020-03-01', 'test') on conflict do nothing""")
			.update();
		jdbc.sql(
				"insert into net_station_village (station_id, village_code) values ('BW-ST', ?) on conflict do nothing")
			.param(village)
			.update();
		county.withUser("bw_station", Role.VILLAGE_MONITOR, village);
		browser.manage().window().setSize(new Dimension(375, 812));
		signIn("bw_station");
		browser.findElement(By.linkText("联络站接单")).click();
		new Select(browser.findElement(By.id("kind"))).selectByValue("request");
		browser.findElement(By.id("summary")).sendKeys("村道路灯损坏多日无人修");
		browser.findElement(By.id("villagerName")).sendKeys("李大伯");
		fitsTheScreen();
		submit("/stations/orders");
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已接单");
		String orderId = jdbc.sql("select order_id from net_order where taken_by = 'bw_station'")
			.query(String.class)
			.single();
		WebElement link = browser.findElement(By.linkText(orderId));
		link.click();
		awaitNextPage(link);
		browser.findElement(By.id("answer")).sendKeys("已联系村委会，三日内修复");
		submit("/answer");
		submit("/close");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结");
		screenshot("order-phone");
		// the township sees the station's queue with the closed order and the time it
		// took
		browser.manage().window().setSize(new Dimension(1280, 900));
		signIn("bw_township");
		browser.get(url("/stations"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(orderId, "已办结");
		assertThat(jdbc.sql("select closed_at is not null and answer is not null from net_order where order_id = ?")
			.param(orderId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void theCountyViewDrillsDownToAVillage() {
		browser.manage().window().setSize(new Dimension(1280, 900));
		signIn("bw_county");
		browser.get(url("/staff/county?year=2020"));
		assertThat(browser.findElements(By.cssSelector("#townships tbody tr"))).hasSize(2);
		WebElement township = browser.findElement(By.linkText("甘霖镇"));
		township.click();
		awaitNextPage(township);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("甘霖镇");
		List<WebElement> tiles = browser.findElements(By.cssSelector("#villages li.tile"));
		assertThat(tiles).isNotEmpty();
		WebElement village = tiles.get(0).findElement(By.tagName("a"));
		String name = village.getText();
		village.click();
		awaitNextPage(village);
		assertThat(browser.getCurrentUrl()).contains("/staff/villages/330683101");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(name);
	}

	/** No sideways scrolling on the page as it is shown now. */
	void fitsTheScreen() {
		Number overflow = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(overflow.intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
	}

	/** Keeps a screenshot of the page as a test artifact, in target/screenshots. */
	void screenshot(String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aVillagerOpensAVillageOnAPhoneItsUsesOfPowerAndAMonthOfItsBooks() throws Exception {
		browser.manage().window().setSize(new Dimension(375, 812));
		browser.manage().deleteAllCookies();
		browser.get(url("/"));
		browser.findElement(By.cssSelector("ul.villages a")).click();
		assertThat(browser.findElement(By.cssSelector("nav.tabs")).getText()).contains("财务收支").contains("惠民资金");
		assertThat(browser.findElements(By.cssSelector("div.card"))).hasSizeGreaterThanOrEqualTo(3);
		fitsTheScreen();
		screenshot("village-phone");
		browser.findElement(By.linkText("权力运行")).click();
		WebElement first = browser.findElement(By.cssSelector("tbody tr td a"));
		first.click();
		awaitNextPage(first);
		assertThat(browser.findElements(By.cssSelector(".flow svg"))).hasSize(1);
		assertThat(browser.findElement(By.cssSelector("span.verdict")).getText()).isNotBlank();
		fitsTheScreen();
		screenshot("exercise-phone");
		browser.findElement(By.linkText("财务收支")).click();
		assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(1);
		assertThat(browser.findElement(By.tagName("h2")).getText()).matches(".*\\d{4}-\\d{2}.*财务收支");
		fitsTheScreen();
		screenshot("vouchers-phone");
	}

	@Test
	void aCadreBooksAndPublishesAVoucherCorrectsItAndThePrintedSheetSaysSo() throws Exception {
		String village = village101();
		county.withUser("bw_cadre", Role.VILLAGE_CADRE, village);
		browser.manage().window().setSize(new Dimension(375, 812));
		signIn("bw_cadre");
		browser.get(url("/village/desk"));
		browser.findElement(By.linkText("记一笔收支")).click();
		browser.findElement(By.id("amount")).sendKeys("436.50");
		new Select(browser.findElement(By.id("category"))).selectByValue("office");
		browser.findElement(By.id("counterpartyName")).sendKeys("镇上打印店");
		browser.findElement(By.id("summary")).sendKeys("打印村务公开栏资料");
		browser.findElement(By.id("invoiceNo")).sendKeys("FP-20261130");
		submit("/village/vouchers");
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("待公开");
		fitsTheScreen();
		submit("/village/publish");
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("已公开 1 条记录");

		String month = LocalDate.now().toString().substring(0, 7);
		byte[] pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/public/villages/" + village + "/sheets/" + month))).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.body();
		String qr;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("打印村务公开栏资料");
			BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
			qr = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
				.getText();
		}
		browser.manage().deleteAllCookies();
		browser.get(qr);
		assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("一致");

		signIn("bw_cadre");
		browser.get(url("/village/desk"));
		browser.findElement(By.xpath("//tr[td[text()='打印村务公开栏资料']]//a")).click();
		WebElement amount = browser.findElement(By.id("amount"));
		amount.clear();
		amount.sendKeys("346.50");
		browser.findElement(By.id("reason")).sendKeys("金额录入有误，发票为346.50元");
		WebElement save = browser.findElement(By.cssSelector("button[type=submit].primary"));
		save.click();
		awaitNextPage(save);
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("已更正");

		browser.manage().deleteAllCookies();
		browser.get(url("/public/villages/" + village + "/vouchers?month=" + month));
		browser.findElement(By.linkText("已更正（第 2 版）")).click();
		List<WebElement> versions = browser.findElements(By.cssSelector("div.version"));
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).getText()).contains("第 2 版").contains("金额录入有误，发票为346.50元").contains("346.50");
		assertThat(versions.get(1).getText()).contains("第 1 版").contains("436.50");
		fitsTheScreen();
		screenshot("history-phone");
		browser.get(qr);
		assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("打印后已有更正");
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
