package org.qinglian.disclosure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.PageTest;
import org.qinglian.intake.PublicReports;
import org.qinglian.platform.Command;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The public pages leak nothing internal: the demo county is generated and loaded, a
 * report, a clue, a case and the risk library's findings are made, staff accounts with
 * their names; then every link of the public pages, from the home page on, is followed as
 * nobody signed in, and no page (nor any month's notice-board sheet of a village) shows a
 * report, clue, case or finding, a staff member's name, or an ID number in full.
 */
@TestPropertySource(properties = { "qinglian.test.database=leaks", "qinglian.intake.rate-limit=0" })
class PublicPagesLeakTests extends PageTest {

	static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");

	@Autowired
	List<Command> commands;

	@Autowired
	Exchange exchange;

	@Autowired
	RiskLibrary risk;

	@Autowired
	PublicReports reports;

	@TempDir
	Path tmp;

	@Test
	void noPublicPageShowsAnythingInternal() throws Exception {
		Command demo = commands.stream().filter(c -> c.name().equals("demo")).findFirst().orElseThrow();
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertThat(Command.execute(demo, List.of("--out", tmp.resolve("demo").toString(), "--no-load"), quiet, quiet))
			.isZero();
		exchange.importBundle(tmp.resolve("demo"), Exchange.Progress.NONE);
		exchange.awaitFollowUps(Duration.ofMinutes(2));
		risk.scan(RiskLibrary.ScanProgress.NONE);

		String village = jdbc.sql("select min(region_code) from jur_region where level = 'village'")
			.query(String.class)
			.single();
		String subject = jdbc.sql("select min(person_id) from jur_position where region_code = ?")
			.param(village)
			.query(String.class)
			.single();
		reports.submit(new PublicReports.Submission("web", village, "accusation", "泄露测试：村主任私分征地补偿款八万元", null, subject,
				false, "泄露测试举报人", "13911112222", List.of()));
		county.withUser("leak_staff", Role.TOWNSHIP_STAFF, village.substring(0, 9) + "000");
		jdbc.sql("update plt_user set display_name = '泄露测试干部' where username = 'leak_staff'").update();
		jdbc.sql(
				"""
						insert into cas_clue (clue_id, source, source_id, region_code, subject_id, summary, opened_by, opened_at)
						values ('LEAK-CLUE-1', 'inspection', 'L-1', ?, ?, '泄露测试线索摘要', 'leak_staff', now())""")
			.params(village, subject)
			.update();
		jdbc.sql(
				"""
						insert into cas_case (case_id, filed_on, unit_code, self_handled, joint, subject_id, region_code, violation)
						values ('LEAK-CASE-1', current_date, ?, true, false, ?, ?, '泄露测试违纪事实')""")
			.params(village.substring(0, 9) + "000", subject, village)
			.update();

		// what a village entered and has not published: a voucher waiting, a step of a
		// use of power
		county.withUser("leak_cadre", Role.VILLAGE_CADRE, village);
		assertThat(mvc.post()
			.uri("/village/vouchers")
			.multipart()
			.with(county.signedIn("leak_cadre"))
			.with(csrf())
			.param("village", village)
			.param("bookedOn", LocalDate.now().toString())
			.param("direction", "expense")
			.param("amount", "66.00")
			.param("method", "bank")
			.param("category", "office")
			.param("summary", "泄露测试待公开凭证")
			.param("invoiceNo", "L-1")
			.exchange()).hasStatus(302);
		String exercise = jdbc
			.sql("select min(exercise_id) from pow_exercise where region_code = ? and status = 'open'")
			.param(village)
			.query(String.class)
			.single();
		if (exercise == null) {
			String item = jdbc.sql("select min(item_code) from pow_step").query(String.class).single();
			assertThat(mvc.post()
				.uri("/village/exercises")
				.with(county.signedIn("leak_cadre"))
				.with(csrf())
				.param("village", village)
				.param("itemCode", item)
				.param("title", "泄露测试未公开事项")
				.param("startedOn", LocalDate.now().toString())
				.exchange()).hasStatus(302);
			exercise = jdbc.sql("select max(exercise_id) from pow_exercise where exercise_id like 'QL-E-%'")
				.query(String.class)
				.single();
		}
		String step = jdbc.sql("""
				select min(s.step_code) from pow_step s join pow_exercise e on e.item_code = s.item_code
				where e.exercise_id = ? and not exists (select 1 from pow_exercise_event ev
				  where ev.exercise_id = e.exercise_id and ev.step_code = s.step_code)""")
			.param(exercise)
			.query(String.class)
			.single();
		assertThat(mvc.post()
			.uri("/village/exercises/" + exercise + "/steps")
			.with(county.signedIn("leak_cadre"))
			.with(csrf())
			.param("stepCode", step)
			.param("occurredOn", LocalDate.now().toString())
			.param("evidence", "泄露测试未公开步骤")
			.param("confirmed", "true")
			.exchange()).hasStatus(302);

		Set<String> secrets = new LinkedHashSet<>(List.of("泄露测试", "LEAK-CLUE-1", "LEAK-CASE-1", "13911112222"));
		secrets.addAll(jdbc.sql("select report_id from int_report").query(String.class).list());
		secrets.addAll(jdbc.sql("select text from int_report where length(text) >= 12").query(String.class).list());
		secrets.addAll(jdbc.sql("select finding_id from risk_finding").query(String.class).list());
		secrets.addAll(jdbc.sql("select explanation from risk_finding").query(String.class).list());
		secrets.addAll(jdbc.sql("select display_name from plt_user where length(display_name) >= 3")
			.query(String.class)
			.list());
		secrets.addAll(jdbc.sql("""
				select distinct p.name from jur_person p join jur_position q on q.person_id = p.person_id
				where q.role in ('township_staff', 'township_secretary', 'county_staff') and length(p.name) >= 2""")
			.query(String.class)
			.list());
		Set<String> idNumbers = new HashSet<>(jdbc.sql("select id_number from jur_person").query(String.class).list());
		assertThat(jdbc.sql("select count(*) from risk_finding").query(Long.class).single()).isPositive();

		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		Set<String> seen = new HashSet<>(queue);
		List<String> leaks = new ArrayList<>();
		int pages = 0;
		while (!queue.isEmpty()) {
			String uri = queue.poll();
			MvcTestResult r = mvc.get().uri(uri).exchange();
			assertThat(r.getResponse().getStatus()).as(uri).isEqualTo(200);
			pages++;
			String type = String.valueOf(r.getResponse().getContentType());
			String text;
			if (type.startsWith("application/pdf")) {
				try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
					text = new PDFTextStripper().getText(doc);
				}
			}
			else if (type.startsWith("text/html")) {
				text = HtmlUtils.htmlUnescape(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
				Matcher links = HREF.matcher(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
				while (links.find()) {
					String link = HtmlUtils.htmlUnescape(links.group(1));
					if (crawled(link, village) && seen.add(link)) {
						queue.add(link);
					}
				}
			}
			else {
				continue;
			}
			for (String s : secrets) {
				if (text.contains(s)) {
					leaks.add(uri + " shows '" + s + "'");
				}
			}
			Matcher ids = ID_NUMBER.matcher(text);
			while (ids.find()) {
				if (idNumbers.contains(ids.group())) {
					leaks.add(uri + " shows the ID number " + ids.group());
				}
			}
		}
		assertThat(pages).as("pages crawled").isGreaterThan(500);
		assertThat(seen).anyMatch(u -> u.contains("/subsidies?month="))
			.anyMatch(u -> u.contains("/sheets/"))
			.anyMatch(u -> u.contains("/exercises/"));
		assertThat(leaks).isEmpty();
		// what a reporter may do stays public (a form, not a leak)
		assertThat(mvc.post()
			.uri("/public/follow")
			.with(csrf())
			.param("receipt", "0")
			.exchange()
			.getResponse()
			.getStatus()).isLessThan(500);
	}

	/**
	 * A link the crawl follows: the portal's own public pages (the sign-in, the API page
	 * and style sheets are not village data); every village's pages, the sheets of one
	 * village (the others are made alike).
	 */
	static boolean crawled(String link, String sheetVillage) {
		if (!link.startsWith("/") || link.startsWith("//") || link.contains("lang=")) {
			return false;
		}
		if (link.contains("/sheets/")) {
			return link.startsWith("/public/villages/" + sheetVillage + "/");
		}
		return link.equals("/") || (link.startsWith("/public/") && !link.startsWith("/public/api"));
	}

}
