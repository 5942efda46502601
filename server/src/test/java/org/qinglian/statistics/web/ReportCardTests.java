package org.qinglian.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Command;
import org.qinglian.platform.Role;
import org.qinglian.statistics.ReportCard;
import org.qinglian.statistics.ReportCard.Metric;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The report card of a county whose history has the seed's counts (the article's 2020
 * against 2019, put in 2032 against 2031 beside the sample county's own years), through
 * the service, the command and the page: the seed's figures must come out.
 */
@TestPropertySource(properties = { "qinglian.test.database=reports", "qinglian.intake.rate-limit=0" })
class ReportCardTests extends PageTest {

	static final int BEFORE = 2031;

	static final int YEAR = 2032;

	@Autowired
	ReportCard card;

	@Autowired
	List<Command> commands;

	String v101;

	String v102;

	@BeforeEach
	void history() {
		county.loaded();
		v101 = village("330683101%");
		v102 = village("330683102%");
		county.withUser("rc_county", Role.COUNTY_STAFF, SampleCounty.COUNTY)
			.withUser("rc_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("rc_cadre", Role.VILLAGE_CADRE, v101);
		if (jdbc.sql("select count(*) from int_report where report_id like 'SEED%'").query(Long.class).single() > 0) {
			return;
		}
		// year, reports, accusations, reports about rural cadres, accusations to township
		// offices, township cases, of them self-handled
		history(BEFORE, 2000, 1250, 2000, 1000, 120, 29);
		history(YEAR, 1612, 859, 1537, 785, 157, 50);
		// duplicates of a report of the year: counted apart, never in the four report
		// metrics
		jdbc.sql("""
				insert into int_report (report_id, received_on, channel, kind, anonymous, region_code, unit_code,
				    rural_cadre, duplicate_of, closed_on)
				select 'SEED-DUP-' || i, make_date(:year, 6, 1), 'visit', 'accusation', true, :v101,
				       '330683101000', true, 'SEED-' || :year || '-0', make_date(:year, 6, 1)
				from generate_series(0, 29) i""").param("year", YEAR).param("v101", v101).update();
		// the five follow-ups of one case: three done in time, one late, one not done
		jdbc.sql("""
				insert into cas_followup (case_id, kind, due_on, done_on, evidence) values
				('SEED-2032-0', 'notice', '2032-04-01', '2032-03-20', 'x'),
				('SEED-2032-0', 'analysis', '2032-04-01', '2032-04-01', 'x'),
				('SEED-2032-0', 'warning_education', '2032-05-01', '2032-04-30', 'x'),
				('SEED-2032-0', 'rectification', '2032-06-01', '2032-06-02', 'x'),
				('SEED-2032-0', 'return_visit', '2032-09-01', null, null)""").update();
	}

	void history(int year, int reports, int accusations, int rural, int townshipAccusations, int townshipCases,
			int selfHandled) {
		jdbc.sql("""
				insert into int_report (report_id, received_on, channel, kind, anonymous, region_code, unit_code,
				    rural_cadre, closed_on)
				select 'SEED-' || :year || '-' || i, make_date(:year, 1 + i % 12, 1 + i % 28), 'visit',
				       case when i < :acc then 'accusation' else 'other' end, true,
				       case when i % 2 = 0 then :v101 else :v102 end,
				       case when i < :tacc then (case when i % 2 = 0 then '330683101000' else '330683102000' end)
				            else '330683000000' end,
				       i < :rural, make_date(:year, 1 + i % 12, 1 + i % 28)
				from generate_series(0, :n - 1) i""")
			.param("year", year)
			.param("acc", accusations)
			.param("tacc", townshipAccusations)
			.param("rural", rural)
			.param("n", reports)
			.param("v101", v101)
			.param("v102", v102)
			.update();
		jdbc.sql("""
				insert into cas_case (case_id, filed_on, unit_code, self_handled, joint, recovered)
				select 'SEED-' || :year || '-' || i, make_date(:year, 3, 1 + i % 28),
				       case when i < :cases then (case when i % 2 = 0 then '330683101000' else '330683102000' end)
				            else '330683000000' end,
				       i < :self, i % 10 = 0, 100.50
				from generate_series(0, :cases + 9) i""")
			.param("year", year)
			.param("cases", townshipCases)
			.param("self", selfHandled)
			.update();
	}

	String village(String pattern) {
		return jdbc.sql("select min(region_code) from jur_region where level = 'village' and region_code like ?")
			.param(pattern)
			.query(String.class)
			.single();
	}

	Map<String, Metric> county() {
		return card.of(YEAR, SampleCounty.COUNTY)
			.stream()
			.collect(Collectors.toMap(Metric::metric, Function.identity()));
	}

	@Test
	void theSeedsFiguresComeOut() {
		Map<String, Metric> m = county();
		assertThat(m.get("township_cases_filed").value()).isEqualByComparingTo("157");
		assertThat(oneDecimal(m.get("township_self_handled_cases"))).isEqualByComparingTo("72.4");
		assertThat(oneDecimal(m.get("township_accusations"))).isEqualByComparingTo("-21.5");
		assertThat(oneDecimal(m.get("reports"))).isEqualByComparingTo("-19.4");
		assertThat(m.get("accusations").changePct()).isEqualByComparingTo("-31.28");
		assertThat(m.get("rural_cadre_reports").changePct()).isEqualByComparingTo("-23.15");
		assertThat(m.get("duplicate_reports").value()).isEqualByComparingTo("30");
		assertThat(m.get("reports").value()).as("duplicates count once").isEqualByComparingTo("1612");
		assertThat(m.get("cases_filed").value()).isEqualByComparingTo("167");
		assertThat(m.get("joint_cases").value()).isEqualByComparingTo("17");
		assertThat(m.get("recovered_funds").value()).isEqualByComparingTo("16783.50");
		assertThat(card.of(YEAR, SampleCounty.COUNTY).stream().map(Metric::metric).toList())
			.as("the spec's metrics, in its order")
			.containsExactly("reports", "accusations", "rural_cadre_reports", "township_accusations",
					"township_cases_filed", "township_self_handled_cases", "duplicate_reports", "clues", "cases_filed",
					"joint_cases", "recovered_funds", "followups_due", "followups_on_time");
		assertThat(m.get("followups_due").value()).isEqualByComparingTo("5");
		assertThat(m.get("followups_on_time").value()).isEqualByComparingTo("3");
	}

	@Test
	void aTownshipsCardCountsItsOwnOfficeAndVillages() {
		Map<String, Metric> own = card.of(YEAR, SampleCounty.GANLIN)
			.stream()
			.collect(Collectors.toMap(Metric::metric, Function.identity()));
		Map<String, Metric> other = card.of(YEAR, SampleCounty.CHANGLE)
			.stream()
			.collect(Collectors.toMap(Metric::metric, Function.identity()));
		assertThat(own.get("township_cases_filed").value().add(other.get("township_cases_filed").value()))
			.isEqualByComparingTo("157");
		assertThat(own.get("reports").value().add(other.get("reports").value())).isEqualByComparingTo("1612");
	}

	@Test
	void theCommandWritesTheSpecsCsv() throws Exception {
		Command command = commands.stream().filter(c -> c.name().equals("report-card")).findFirst().orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Command.execute(command, List.of("--year", String.valueOf(YEAR)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("metric,region_code,year,value,previous,change_pct");
		assertThat(lines).contains("accusations,330683000000,2032,859,1250,-31.28",
				"township_cases_filed,330683000000,2032,157,120,30.83");
		assertThat(Command.execute(command, List.of("--year", "2032", "--region", v101),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
			.as("a village has no report card")
			.isEqualTo(2);
	}

	@Test
	void thePageAndTheWorkbookShowTheSameFigures() throws Exception {
		MvcTestResult page = mvc.get()
			.uri("/staff/report-card?year=" + YEAR)
			.with(county.signedIn("rc_county"))
			.exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("-31.28%")
			.contains("+72.41%")
			.contains("/staff/report-card?year=2032&amp;region=330683101000");
		assertThat(mvc.get()
			.uri("/staff/report-card?year=" + YEAR + "&region=" + SampleCounty.CHANGLE)
			.with(county.signedIn("rc_township"))
			.exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/staff/report-card").with(county.signedIn("rc_cadre")).exchange()).hasStatus(403);
		MvcTestResult xlsx = mvc.get()
			.uri("/staff/report-card.xlsx?year=" + YEAR)
			.with(county.signedIn("rc_county"))
			.exchange();
		assertThat(xlsx).hasStatusOk();
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			// row 2 is the first metric: reports
			assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1612.0);
			assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(-19.4);
		}
	}

	static BigDecimal oneDecimal(Metric m) {
		return m.changePct().setScale(1, RoundingMode.HALF_UP);
	}

}
