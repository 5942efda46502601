package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.qinglian.SampleCounty;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Exchange.ImportReport;

import org.springframework.test.context.TestPropertySource;

/**
 * The dev sample goes in, comes out the same, and goes in again without a change. Its own
 * database.
 */
@TestPropertySource(properties = "qinglian.test.database=round-trip")
class RoundTripTests extends BundleTest {

	@Test
	void theDevSampleImportsExportsToTheSameRowsAndReimportsWithoutChange() throws IOException {
		ImportReport first = exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		assertThat(first.rowsRead()).isEqualTo(61_114);
		assertThat(first.rowsChanged()).isEqualTo(first.rowsRead());
		assertThat(jdbc.sql("select count(*) from ast_voucher").query(Long.class).single()).isEqualTo(15_656);
		assertThat(jdbc.sql("select count(*) from int_report where reporter_enc like 'P%'").query(Long.class).single())
			.as("no reporter stored in clear")
			.isZero();

		ImportReport again = exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		assertThat(again.rowsChanged()).isZero();
		assertThat(again.importedBefore()).isTrue();

		Path out = tmp.resolve("export");
		exchange.exportBundle(out, true);
		try (var files = Files.list(SampleCounty.bundle())) {
			for (Path original : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
				String name = original.getFileName().toString();
				assertThat(sortedRows(out.resolve(name))).as(name).isEqualTo(sortedRows(original));
			}
		}

		ImportReport reimport = exchange.importBundle(out, Exchange.Progress.NONE);
		assertThat(reimport.rowsChanged()).isZero();
	}

	@Test
	void casesAndAnswersEnteredInThePlatformGoOutAndComeBackWithoutTheReportersIdentityOrReceipt() throws IOException {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		String report = jdbc.sql("select min(report_id) from int_report").query(String.class).single();
		String caseId = jdbc.sql("select min(case_id) from cas_case").query(String.class).single();
		String person = jdbc.sql("select min(person_id) from jur_person").query(String.class).single();
		jdbc.sql(
				"""
						update int_report set category = 'projects', acknowledged_on = received_on + 3, answer = '已答复：属实',
						       rated_on = received_on + 40, review_requested_on = received_on + 40, reviewed_on = received_on + 60,
						       review_conclusion = '维持', receipt_hash = 'not-for-export', identity_enc = 'not-for-export'
						where report_id = ?""")
			.param(report)
			.update();
		jdbc.sql("""
				update cas_case set typical = true, reviewed_on = filed_on + 30, review_opinion = '属实',
				       decided_on = filed_on + 40, notice_text = '某某违规', notice_published = filed_on + 50
				where case_id = ?""").param(caseId).update();
		jdbc.sql(
				"""
						insert into cas_followup (case_id, kind, due_on, done_on, evidence, done_by) values
						(?, 'notice', '2020-06-01', '2020-05-20', '已通报', 'u1'), (?, 'return_visit', '2020-12-01', null, null, null)""")
			.params(caseId, caseId)
			.update();
		jdbc.sql("""
				insert into cas_education_event (event_id, region_code, held_on, kind, title, place, recorded_by)
				values ('JY2020-1', '330683101000', '2020-04-01', 'court_hearing', '庭审旁听', '县法院', 'u1')""").update();
		jdbc.sql("insert into cas_event_attendee (event_id, person_id) values ('JY2020-1', ?)").param(person).update();
		List<String> tables = List.of("cas_followup", "cas_education_event", "cas_event_attendee");
		Map<String, List<Map<String, Object>>> before = new HashMap<>();
		for (String t : tables) {
			before.put(t, jdbc.sql("select * from " + t + " order by 1, 2").query().listOfRows());
		}
		String answersBefore = jdbc.sql("""
				select concat_ws('|', category, acknowledged_on, answer, rated_on, review_requested_on, reviewed_on,
				       review_conclusion) from int_report where report_id = ?""")
			.param(report)
			.query(String.class)
			.single();

		Path out = tmp.resolve("live");
		exchange.exportBundle(out, false);
		String reports = Files.readString(out.resolve("reports.csv"));
		assertThat(reports).contains("已答复：属实").doesNotContain("not-for-export");
		assertThat(Files.readString(out.resolve("cases.csv"))).contains("某某违规");

		// the records go, and come back from the bundle
		for (String t : tables) {
			jdbc.sql("delete from " + t).update();
		}
		jdbc.sql("update int_report set answer = null, category = null where report_id = ?").param(report).update();
		exchange.importBundle(out, Exchange.Progress.NONE);
		for (String t : tables) {
			assertThat(jdbc.sql("select * from " + t + " order by 1, 2").query().listOfRows()).as(t)
				.isEqualTo(before.get(t));
		}
		assertThat(jdbc.sql("""
				select concat_ws('|', category, acknowledged_on, answer, rated_on, review_requested_on, reviewed_on,
				       review_conclusion) from int_report where report_id = ?""")
			.param(report)
			.query(String.class)
			.single()).isEqualTo(answersBefore);
	}

	@Test
	void anExportWithoutIdentitiesSealsEveryReporterAndReimportsHereUnchanged() throws IOException {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		Path out = tmp.resolve("sealed");
		exchange.exportBundle(out, false);
		int sealedReports = 0;
		try (CsvReader csv = new CsvReader(
				new InputStreamReader(Files.newInputStream(out.resolve("reports.csv")), StandardCharsets.UTF_8))) {
			int at = csv.next().indexOf("reporter_id");
			List<String> rec;
			while ((rec = csv.next()) != null) {
				if (rec.get(at) != null) {
					assertThat(rec.get(at)).as("every reporter sealed").startsWith("sealed:");
					sealedReports++;
				}
			}
		}
		assertThat(sealedReports).as("named reports").isPositive();
		assertThat(Files.getPosixFilePermissions(out.resolve("reports.csv")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(exchange.importBundle(out, Exchange.Progress.NONE).rowsChanged()).isZero();

		// a sealed value moved to another report does not open there
		List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("reports.csv")));
		int named = -1;
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).contains(",sealed:")) {
				named = i;
				break;
			}
		}
		String[] fields = lines.get(named).split(",", -1);
		fields[0] = "RMOVED01";
		lines.add(String.join(",", fields));
		Files.write(out.resolve("reports.csv"), lines);
		assertThatThrownBy(() -> exchange.importBundle(out, Exchange.Progress.NONE))
			.isInstanceOf(BundleRejectedException.class)
			.satisfies(ex -> assertThat(((BundleRejectedException) ex).problems())
				.anyMatch(p -> p.startsWith("reports.csv:" + lines.size() + ": reporter_id: is sealed with a key")));
	}

	@Test
	void anExportIsAuditedBeforeItsFilesAndLeavesNoneWhenItFails() throws IOException {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		Path out = tmp.resolve("failing");
		// a folder where the export's vouchers.csv would go: the export fails half-way
		Files.createDirectories(out.resolve("vouchers.csv").resolve("in-the-way"));
		long before = jdbc.sql("select count(*) from plt_audit_log where action = 'export'").query(Long.class).single();
		assertThatThrownBy(() -> exchange.exportBundle(out, true)).isInstanceOf(RuntimeException.class);
		assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'export'").query(Long.class).single())
			.as("the attempt is on record")
			.isEqualTo(before + 1);
		try (var files = Files.list(out)) {
			assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("vouchers.csv");
		}
	}

	@Test
	void aZippedBundleImportsLikeTheFolder() throws IOException {
		Path zip = tmp.resolve("sample.zip");
		try (var zos = new ZipOutputStream(Files.newOutputStream(zip)); var files = Files.list(SampleCounty.bundle())) {
			for (Path p : files.filter(Files::isRegularFile).toList()) {
				zos.putNextEntry(new ZipEntry("dev-sample/" + p.getFileName()));
				Files.copy(p, zos);
				zos.closeEntry();
			}
		}
		assertThat(exchange.importBundle(zip, Exchange.Progress.NONE).rowsRead()).isEqualTo(61_114);
	}

	/**
	 * The rows of a CSV file as maps by header, so that column order and row order do not
	 * matter.
	 */
	private static List<String> sortedRows(Path file) throws IOException {
		List<String> rows = new ArrayList<>();
		try (CsvReader csv = new CsvReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
			List<String> header = csv.next();
			List<String> rec;
			while ((rec = csv.next()) != null) {
				Map<String, String> row = new HashMap<>();
				for (int i = 0; i < header.size(); i++) {
					// an empty field and a column the file does not have read alike
					if (rec.get(i) != null && !rec.get(i).isEmpty()) {
						row.put(header.get(i), rec.get(i));
					}
				}
				rows.add(new TreeMap<>(row).toString());
			}
		}
		rows.sort(null);
		return rows;
	}

}
