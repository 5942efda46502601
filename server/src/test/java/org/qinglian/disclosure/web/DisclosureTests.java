package org.qinglian.disclosure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.Images;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.Publications.SheetCheck.Verdict;
import org.qinglian.assets.VillageBooks;
import org.qinglian.disclosure.VillageDesk;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.Command;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.db.EmbeddedDatabase;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a village publishes and what the public sees of it: imported records published
 * once, a cadre's booking (flagged, confirmed, with its scan) waiting until the village
 * publishes it, a correction as a new version with its reason, the notice-board sheet and
 * its QR code, the log that finds a changed version, and what is refused.
 */
@TestPropertySource(properties = { "qinglian.test.database=disclosure" })
class DisclosureTests extends PageTest {

	/** A voucher's scan: a photo that also carries where it was taken. */
	static final byte[] PNG = Images.pngWithText("GPS", "29.5085N 120.7744E Xiaomi 13");

	@Autowired
	Publications publications;

	@Autowired
	Exchange exchange;

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RiskLibrary risk;

	@Autowired
	VillageDesk desk;

	@Autowired
	List<Command> commands;

	LocalDate today = LocalDate.now();

	String village;

	String cashless;

	@BeforeEach
	void cadres() {
		county.loaded();
		// a village that is not cashless, and one that is
		village = jdbc.sql("""
				select min(region_code) from jur_region where level = 'village' and cashless_since is null
				  and parent_code = ?""").param(SampleCounty.GANLIN).query(String.class).single();
		cashless = jdbc
			.sql("select min(region_code) from jur_region where level = 'village' and cashless_since is not null")
			.query(String.class)
			.single();
		county.withUser("d_cadre", Role.VILLAGE_CADRE, village)
			.withUser("d_cashless", Role.VILLAGE_CADRE, cashless)
			.withUser("d_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN);
	}

	MvcTestResult post(String user, String uri, String... params) {
		var request = mvc.post().uri(uri).with(county.signedIn(user)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	String page(String uri) {
		MvcTestResult r = mvc.get().uri(uri).exchange();
		assertThat(r).as(uri).hasStatusOk();
		try {
			return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Books a voucher at the desk; returns its id. */
	/**
	 * Sends the desk's voucher form: an office expense by bank with an invoice, today,
	 * but for what {@code more} says otherwise (name, value pairs).
	 */
	MvcTestResult send(String user, String villageCode, String summary, String amount, boolean scan, String... more) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("village", villageCode);
		form.put("bookedOn", today.toString());
		form.put("direction", "expense");
		form.put("amount", amount);
		form.put("method", "bank");
		form.put("category", "office");
		form.put("counterpartyName", "县城文具店");
		form.put("summary", summary);
		form.put("invoiceNo", "INV-1");
		for (int i = 0; i < more.length; i += 2) {
			form.put(more[i], more[i + 1]);
		}
		var request = mvc.post().uri("/village/vouchers").multipart();
		if (scan) {
			request.file(new MockMultipartFile("scan", "scan.png", "image/png", PNG));
		}
		request.with(county.signedIn(user)).with(csrf());
		form.forEach(request::param);
		return request.exchange();
	}

	/** Books a voucher at the desk, with its scan; returns its id. */
	String book(String user, String villageCode, String summary, String amount, String... more) {
		assertThat(send(user, villageCode, summary, amount, true, more)).as("booking " + summary).hasStatus(302);
		return jdbc.sql("select voucher_id from ast_voucher where summary = ?")
			.param(summary)
			.query(String.class)
			.single();
	}

	@Test
	void anImportPublishesWhatItsSourceDisclosedAndAnUnchangedBundleNothingMore() {
		long disclosed = jdbc
			.sql("select count(*) from ast_voucher where disclosed_on is not null and voucher_id not like 'QL-%'")
			.query(Long.class)
			.single();
		long published = jdbc
			.sql("""
					select count(distinct record_id) from dis_version where kind = 'voucher' and record_id not like 'QL-%'""")
			.query(Long.class)
			.single();
		assertThat(published).isEqualTo(disclosed).isPositive();
		assertThat(jdbc.sql("""
				select count(*) from dis_version d join ast_voucher v on v.voucher_id = d.record_id
				where d.kind = 'voucher' and d.version = 1 and d.published_on <> v.disclosed_on""")
			.query(Long.class)
			.single()).as("an imported voucher is published on the day its source disclosed it").isZero();
		long subsidies = jdbc.sql("select count(*) from ast_subsidy").query(Long.class).single();
		assertThat(jdbc.sql("select count(distinct record_id) from dis_version where kind = 'subsidy'")
			.query(Long.class)
			.single()).isEqualTo(subsidies);
		long head = publications.head();
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		assertThat(exchange.awaitFollowUps(Duration.ofMinutes(1))).isTrue();
		assertThat(publications.head()).as("nothing changed, nothing published").isEqualTo(head);
		// files said to have changed, and nothing in them did: no act either
		transactions.executeWithoutResult(t -> events.publishEvent(new BundleImported(0, Set.of("subsidies.csv"))));
		assertThat(exchange.awaitFollowUps(Duration.ofMinutes(1))).isTrue();
		assertThat(publications.head()).isEqualTo(head);
		assertThat(publications.verify().intact()).isTrue();
	}

	@Test
	void aCadresVoucherWaitsUntilTheVillagePublishesIt() throws Exception {
		// an expense without an invoice is flagged, and saved once confirmed
		MvcTestResult flagged = send("d_cadre", village, "购买办公桌椅一套", "1500", false, "invoiceNo", "", "counterpartyName",
				"");
		assertThat(flagged).hasStatusOk();
		assertThat(flagged.getResponse().getContentAsString()).contains("没有发票");
		assertThat(jdbc.sql("select count(*) from ast_voucher where summary = '购买办公桌椅一套'").query(Long.class).single())
			.isZero();
		String id = book("d_cadre", village, "购买办公桌椅一套", "1500", "invoiceNo", "", "confirmed", "true");
		String month = today.toString().substring(0, 7);
		assertThat(page("/public/villages/" + village + "/vouchers?month=" + month)).doesNotContain("购买办公桌椅一套");
		MvcTestResult desk = mvc.get().uri("/village/desk").with(county.signedIn("d_cadre")).exchange();
		assertThat(desk).hasStatusOk();
		assertThat(desk.getResponse().getContentAsString()).contains(id).contains("购买办公桌椅一套");

		assertThat(post("d_cadre", "/village/publish", "village", village)).hasStatus(302);
		assertThat(page("/public/villages/" + village + "/vouchers?month=" + month)).contains("购买办公桌椅一套");
		assertThat(jdbc.sql("select disclosed_on from ast_voucher where voucher_id = ?")
			.param(id)
			.query(LocalDate.class)
			.single()).as("the risk library reads what was published").isEqualTo(today);
		MvcTestResult scan = mvc.get().uri("/public/scans/" + id).exchange();
		assertThat(scan).hasStatusOk().hasContentType("image/png");
		byte[] served = scan.getResponse().getContentAsByteArray();
		assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(40);
		assertThat(new String(served, StandardCharsets.ISO_8859_1)).as("what the camera wrote is not published")
			.doesNotContain("Xiaomi")
			.doesNotContain("29.5085N");
		assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'publish' and target_id = ?")
			.param(village)
			.query(Long.class)
			.single()).isPositive();
		// published, it waits no more
		assertThat(jdbc.sql("select count(*) from dis_hold where record_id = ?").param(id).query(Long.class).single())
			.isZero();
		// and the next scan reads it like imported data: an expense of 1,000 or more
		// without an invoice
		risk.scan(RiskLibrary.ScanProgress.NONE);
		assertThat(jdbc.sql("""
				select count(*) from risk_finding where rule_code = 'white_slip' and status <> 'withdrawn'
				  and records like '%vouchers.csv:' || ? || '%'""").param(id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void whatWaitsIsNotPublicAndTextNamingAPersonIsRefused() throws Exception {
		String id = book("d_cadre", village, "待公开的一笔支出", "88.00");
		assertThat(mvc.get().uri("/public/records/voucher/" + id).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/public/scans/" + id).exchange()).hasStatus(404);
		MvcTestResult refused = send("d_cadre", village, "付给330683199001011234的劳务费", "50", false);
		assertThat(refused).hasStatusOk();
		assertThat(refused.getResponse().getContentAsString()).contains("不能含身份证号或手机号");
		assertThat(jdbc.sql("select count(*) from ast_voucher where summary like '付给3306%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void cashInACashlessVillageIsRefusedBeforeAnythingIsSaved() throws Exception {
		MvcTestResult r = send("d_cashless", cashless, "现金买茶叶", "200", false, "method", "cash", "confirmed", "true");
		assertThat(r).hasStatusOk();
		assertThat(r.getResponse().getContentAsString()).contains("无现金村");
		assertThat(jdbc.sql("select count(*) from ast_voucher where summary = '现金买茶叶'").query(Long.class).single())
			.isZero();
		// and a cadre books only for their own village
		assertThat(send("d_cashless", village, "x", "1", false)).hasStatus(404);
	}

	@Test
	void aCorrectionIsANewVersionWithItsReasonAndThePrintedSheetSaysItChanged() throws Exception {
		String id = book("d_cadre", village, "修理村部水管", "860.00");
		post("d_cadre", "/village/publish", "village", village);
		String month = today.toString().substring(0, 7);
		Publications.Sheet printed = publications.sheet(village, month);
		assertThat(publications.check(village, month, printed.actSeq(), printed.hash()).verdict())
			.isEqualTo(Verdict.MATCHES);

		// a correction of what was published needs its reason
		MvcTestResult noReason = post("d_cadre", "/village/vouchers/" + id + "/correct", "bookedOn", today.toString(),
				"direction", "expense", "amount", "680.00", "method", "bank", "category", "office", "summary", "修理村部水管",
				"invoiceNo", "INV-1");
		assertThat(noReason).hasStatusOk();
		assertThat(publications.history("voucher", id)).hasSize(1);
		assertThat(post("d_cadre", "/village/vouchers/" + id + "/correct", "bookedOn", today.toString(), "direction",
				"expense", "amount", "680.00", "method", "bank", "category", "office", "summary", "修理村部水管", "invoiceNo",
				"INV-1", "reason", "金额录入错误，应为680元"))
			.hasStatus(302);
		List<Publications.Version> history = publications.history("voucher", id);
		assertThat(history).extracting(Publications.Version::version).containsExactly(1, 2);
		assertThat(history.get(1).reason()).isEqualTo("金额录入错误，应为680元");
		assertThat(history.get(0).content().get("amount").toString()).isEqualTo("860.00");
		String page = page("/public/records/voucher/" + id);
		assertThat(page).contains("金额录入错误，应为680元").contains("860.00").contains("680.00");

		Publications.SheetCheck after = publications.check(village, month, printed.actSeq(), printed.hash());
		assertThat(after.verdict()).isEqualTo(Verdict.CHANGED);
		assertThat(after.changed()).extracting(Publications.Version::recordId).containsExactly(id);
		assertThat(publications.check(village, month, printed.actSeq(), "0".repeat(64)).verdict())
			.isEqualTo(Verdict.UNKNOWN);
		assertThat(publications.check(village, month, printed.actSeq() + 1000, printed.hash()).verdict())
			.isEqualTo(Verdict.UNKNOWN);
		assertThat(publications.verify().intact()).isTrue();
	}

	@Test
	void aCorrectionThatMovesAVoucherToAnotherMonthLeavesItsOldMonthChanged() throws Exception {
		LocalDate lastMonth = today.withDayOfMonth(1).minusDays(1);
		String old = lastMonth.toString().substring(0, 7);
		String id = book("d_cadre", village, "挪月份的凭证", "77.00", "bookedOn", lastMonth.toString());
		post("d_cadre", "/village/publish", "village", village);
		Publications.Sheet printed = publications.sheet(village, old);
		assertThat(printed.records()).extracting(Publications.Version::recordId).contains(id);
		assertThat(post("d_cadre", "/village/vouchers/" + id + "/correct", "bookedOn", today.toString(), "direction",
				"expense", "amount", "77.00", "method", "bank", "category", "office", "summary", "挪月份的凭证", "invoiceNo",
				"INV-1", "reason", "日期记错了"))
			.hasStatus(302);
		assertThat(publications.published(village, "voucher", old)).extracting(Publications.Version::recordId)
			.doesNotContain(id);
		assertThat(page("/public/villages/" + village + "/vouchers?month=" + old)).doesNotContain("挪月份的凭证");
		Publications.SheetCheck check = publications.check(village, old, printed.actSeq(), printed.hash());
		assertThat(check.verdict()).isEqualTo(Verdict.CHANGED);
		assertThat(check.changed()).extracting(Publications.Version::recordId).contains(id);
		assertThat(check.printed()).extracting(Publications.Version::recordId).contains(id);
		// the hash of a month that shows nothing proves nothing
		Publications.Sheet empty = publications.sheet(village, "2001-01");
		assertThat(publications.check(village, "2001-01", empty.actSeq(), empty.hash()).verdict())
			.isEqualTo(Verdict.UNKNOWN);
	}

	@Test
	void aVoucherIsLateTheDayAfterThe10thOfTheNextMonthDecemberIncluded() {
		String id = county.as("d_cadre",
				() -> desk.bookVoucher(new VillageBooks.VoucherEntry(village, LocalDate.of(2025, 12, 31), "expense",
						new BigDecimal("10.00"), "bank", "年末", "office", "年末最后一笔", "INV-12"), null, false));
		assertThat(id).startsWith("QL-V-");
		VillageDesk.Lateness onTheTenth = lateness(LocalDate.of(2026, 1, 10));
		VillageDesk.Lateness onTheEleventh = lateness(LocalDate.of(2026, 1, 11));
		assertThat(onTheEleventh.undisclosedVouchers() - onTheTenth.undisclosedVouchers()).isEqualTo(1);
		assertThat(onTheEleventh.oldestDue()).isBeforeOrEqualTo(LocalDate.of(2026, 1, 10));
		assertThat(onTheEleventh.waiting()).isPositive();
		long lateBefore = lateness(today).lateVouchers();
		county.as("d_cadre", () -> desk.publish(village));
		assertThat(jdbc.sql("select disclosed_on from ast_voucher where voucher_id = ?")
			.param(id)
			.query(LocalDate.class)
			.single()).isEqualTo(today);
		assertThat(lateness(today).lateVouchers()).as("disclosed, but late").isEqualTo(lateBefore + 1);
	}

	VillageDesk.Lateness lateness(LocalDate on) {
		return county.as("d_township", () -> desk.late(SampleCounty.GANLIN, on))
			.stream()
			.filter(l -> l.villageCode().equals(village))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theSheetIsChineseTextWithAQrCodeThatOpensItsVerification() throws Exception {
		book("d_cadre", village, "村道路灯电费", "312.40");
		post("d_cadre", "/village/publish", "village", village);
		String month = today.toString().substring(0, 7);
		MvcTestResult pdf = mvc.get().uri("/public/villages/" + village + "/sheets/" + month).exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		String villageName = jdbc.sql("select name from jur_region where region_code = ?")
			.param(village)
			.query(String.class)
			.single();
		try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(doc);
			for (var font : doc.getPage(0).getResources().getFontNames()) {
				assertThat(doc.getPage(0).getResources().getFont(font).isEmbedded()).as("font " + font).isTrue();
			}
			assertThat(text).contains(villageName).contains("村道路灯电费").contains("312.40");
			BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
			String url = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
				.getText();
			URI uri = URI.create(url);
			assertThat(uri.getPath()).isEqualTo("/public/villages/" + village + "/sheets/" + month + "/verify");
			assertThat(page(uri.getPath() + "?" + uri.getRawQuery())).contains("一致：打印的公开表与网上公开的内容相同");
		}
	}

	@Test
	void aChangedVersionBreaksTheLogAndTheApplicationCannotChangeOne() throws Exception {
		assertThat(publications.verify().intact()).isTrue();
		assertThatThrownBy(() -> jdbc.sql("update dis_version set content = content where version = 1").update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from dis_act").update()).rootCause()
			.hasMessageContaining("permission denied");
		Long seq = jdbc.sql("select min(act_seq) from dis_version where kind = 'subsidy'").query(Long.class).single();
		try (Connection su = database.server().superuserConnection("qinglian"); Statement st = su.createStatement()) {
			String first = "(select kind, record_id, version from dis_version where kind = 'subsidy' order by record_id limit 1)";
			try {
				st.execute("update dis_version set content = replace(content, '\"amount\": ', '\"amount\": 1')"
						+ " where (kind, record_id, version) = " + first);
				Publications.Verification broken = publications.verify();
				assertThat(broken.intact()).isFalse();
				assertThat(broken.brokenAct()).isEqualTo(seq);
				assertThat(broken.reason()).contains("does not match its hash");
			}
			finally {
				st.execute("update dis_version set content = replace(content, '\"amount\": 1', '\"amount\": ')"
						+ " where (kind, record_id, version) = " + first);
			}
			// the reason of a version, which is not in its content, is covered by its act
			try {
				st.execute("update dis_version set reason = 'rewritten' where (kind, record_id, version) = " + first);
				assertThat(publications.verify().reason()).isEqualTo("its versions are not the ones it published");
			}
			finally {
				st.execute("update dis_version set reason = null where (kind, record_id, version) = " + first);
			}
			String actor = jdbc.sql("select actor from dis_act where seq = ?").param(seq).query(String.class).single();
			assertThat(actor).matches("import:[0-9]+");
			try {
				st.execute("update dis_act set actor = 'someone else' where seq = " + seq);
				assertThat(publications.verify().reason()).isEqualTo("its own record was changed");
			}
			finally {
				st.execute("update dis_act set actor = '" + actor + "' where seq = " + seq);
			}
		}
		assertThat(publications.verify().intact()).isTrue();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		Command command = commands.stream().filter(c -> c.name().equals("disclosure")).findFirst().orElseThrow();
		assertThat(Command.execute(command, List.of("verify"), print, print)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("The publication log is intact");
	}

	@Test
	void anImportLeavesWhatAVillageHasNotPublishedYet() {
		String contract = jdbc.sql("select min(name) from jur_organization").query(String.class).single();
		assertThat(post("d_cadre", "/village/contracts", "village", village, "kind", "lease", "counterpartyName",
				contract, "signedOn", today.toString(), "startOn", today.toString(), "annualRent", "12000",
				"awardMethod", "open_tender"))
			.hasStatus(302);
		String id = jdbc.sql("select max(contract_id) from ast_contract where contract_id like 'QL-C-%'")
			.query(String.class)
			.single();
		// an imported contract changed by the source: the import publishes its next
		// version, not the held one
		String imported = jdbc.sql("""
				select min(contract_id) from ast_contract where contract_id not like 'QL-%' and region_code = ?""")
			.param(village)
			.query(String.class)
			.single();
		jdbc.sql("update ast_contract set bidders = coalesce(bidders, 0) + 1 where contract_id = ?")
			.param(imported)
			.update();
		transactions.executeWithoutResult(t -> events.publishEvent(new BundleImported(0, Set.of("contracts.csv"))));
		assertThat(exchange.awaitFollowUps(Duration.ofMinutes(1))).isTrue();
		assertThat(publications.history("contract", id)).isEmpty();
		List<Publications.Version> corrected = publications.history("contract", imported);
		assertThat(corrected).hasSizeGreaterThanOrEqualTo(2);
		assertThat(corrected.get(corrected.size() - 1).reason()).isEqualTo("导入数据更正");
		post("d_cadre", "/village/publish", "village", village);
		assertThat(publications.history("contract", id)).hasSize(1);
		assertThat(page("/public/villages/" + village + "/contracts")).contains(contract);
	}

	@Test
	void aStepOutOfItsFlowIsFlaggedThenShownRedOnThePublicPage() throws Exception {
		String item = jdbc.sql("""
				select min(item_code) from pow_step s where exists (select 1 from pow_step t
				  where t.item_code = s.item_code and t.after is not null and t.after <> '')""")
			.query(String.class)
			.single();
		assertThat(post("d_cadre", "/village/exercises", "village", village, "itemCode", item, "title", "村道硬化工程决策",
				"startedOn", today.toString()))
			.hasStatus(302);
		String id = jdbc.sql("select max(exercise_id) from pow_exercise where exercise_id like 'QL-E-%'")
			.query(String.class)
			.single();
		// a step whose predecessor is not recorded
		String late = jdbc.sql("""
				select step_code from pow_step where item_code = ? and after is not null and after <> ''
				order by seq desc limit 1""").param(item).query(String.class).single();
		MvcTestResult flagged = post("d_cadre", "/village/exercises/" + id + "/steps", "stepCode", late, "occurredOn",
				today.toString(), "evidence", "会议纪要");
		assertThat(flagged).hasStatusOk();
		assertThat(flagged.getResponse().getContentAsString()).contains("与流程不符");
		assertThat(jdbc.sql("select count(*) from pow_exercise_event where exercise_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(post("d_cadre", "/village/exercises/" + id + "/steps", "stepCode", late, "occurredOn",
				today.toString(), "evidence", "会议纪要", "confirmed", "true"))
			.hasStatus(302);
		assertThat(page("/public/villages/" + village + "/exercises")).doesNotContain("村道硬化工程决策");
		post("d_cadre", "/village/publish", "village", village);
		String page = page("/public/villages/" + village + "/exercises/" + id);
		assertThat(page).contains("村道硬化工程决策").contains("verdict red").contains("会议纪要");
	}

	@Test
	void aCachedPageKeepsItsHeadersAndASignedInSessionIsNeverServedFromTheCache() throws Exception {
		String uri = "/public/villages/" + village;
		MvcTestResult first = mvc.get().uri(uri).exchange();
		MvcTestResult second = mvc.get().uri(uri).exchange();
		assertThat(second).hasStatusOk();
		assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(second.getResponse().getHeader("Content-Security-Policy")).isNotBlank()
			.isEqualTo(first.getResponse().getHeader("Content-Security-Policy"));
		assertThat(second.getResponse().getHeader("Set-Cookie")).isNull();
		// a request on a session goes through the security filters and is drawn for its
		// user
		MockHttpSession session = new MockHttpSession();
		MvcTestResult signedIn = mvc.get().uri(uri).session(session).with(county.signedIn("d_cadre")).exchange();
		assertThat(signedIn.getResponse().getContentAsString()).contains("/logout").contains("/village/desk");
		assertThat(page(uri)).as("and its page is not kept for others").doesNotContain("/logout");
		// the page is kept until something is published
		String name = jdbc.sql("select name from jur_region where region_code = ?")
			.param(village)
			.query(String.class)
			.single();
		jdbc.sql("update jur_region set name = ? where region_code = ?").params(name + "（缓存）", village).update();
		try {
			assertThat(page(uri)).doesNotContain(name + "（缓存）");
			assertThat(page(uri + "?unrelated=1")).as("a parameter the page does not read neither draws nor flushes it")
				.doesNotContain(name + "（缓存）");
			book("d_cadre", village, "缓存测试支出", "12.00");
			post("d_cadre", "/village/publish", "village", village);
			assertThat(page(uri)).contains(name + "（缓存）").contains("缓存测试支出");
		}
		finally {
			jdbc.sql("update jur_region set name = ? where region_code = ?").params(name, village).update();
			post("d_cadre", "/village/publish", "village", village);
		}
	}

	@Test
	void townshipStaffSeeWhatIsLateVillageByVillage() throws Exception {
		MvcTestResult r = mvc.get().uri("/staff/disclosure").with(county.signedIn("d_township")).exchange();
		assertThat(r).hasStatusOk();
		String html = r.getResponse().getContentAsString();
		long villages = jdbc.sql("select count(*) from jur_region where level = 'village' and parent_code = ?")
			.param(SampleCounty.GANLIN)
			.query(Long.class)
			.single();
		assertThat(html.split("/staff/villages/").length - 1).isEqualTo((int) villages);
		assertThat(mvc.get().uri("/staff/disclosure").with(county.signedIn("d_cadre")).exchange()).hasStatus(403);
	}

}
