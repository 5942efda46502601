package org.qinglian.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.TestBundles;
import org.qinglian.platform.Exchange;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.ScanProgress;
import org.qinglian.risk.RiskLibrary.ScanReport;
import org.qinglian.risk.rules.SqlRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A scan runs a rule again only for what changed since it last ran: not at all when
 * nothing it reads changed, for the regions an import changed when the rule reads by
 * village, over all otherwise; and its findings are those of a scan of everything (every
 * rule over all data finds nothing to add, change or withdraw after it). Its own
 * database: the test changes the sample.
 */
@IntegrationTest
@TestPropertySource(properties = { "qinglian.test.database=incremental-scan", "qinglian.risk.scan-after-import=false" })
class IncrementalScanTests {

	@Autowired
	Exchange exchange;

	@Autowired
	RiskLibrary library;

	@Autowired
	JdbcClient jdbc;

	/** Every rule reading vouchers; those of them read by village. */
	static final Set<String> VOUCHER_RULES = Set.of("cash_in_cashless_village", "kin_contractor",
			"lease_income_missing", "payment_over_contract", "split_award", "voucher_disclosure_late", "white_slip");

	static final Set<String> VOUCHER_RULES_BY_VILLAGE = Set.of("cash_in_cashless_village", "lease_income_missing",
			"voucher_disclosure_late", "white_slip");

	@Test
	void aScanRunsARuleAgainForWhatChangedOnlyAndFindsWhatAWholeScanFinds() throws Exception {
		Path bundle = TestBundles.copy(SampleCounty.bundle());
		exchange.importBundle(bundle, Exchange.Progress.NONE);
		ScanReport first = library.scan(ScanProgress.NONE);
		assertThat(first.created()).isPositive();

		ScanReport nothingNew = library.scan(ScanProgress.NONE);
		assertThat(nothingNew.skipped()).as("nothing changed: no rule runs").isEqualTo(SqlRule.all().size());
		assertThat(nothingNew.findings()).isEqualTo(first.findings());
		assertThat(nothingNew.created() + nothingNew.changed() + nothingNew.withdrawn()).isZero();

		// an import changing two vouchers: one of village A loses its invoice (a white
		// slip found), one of a white slip's in village B moves to village C
		String[] a = jdbc.sql("""
				select voucher_id || ',' || region_code from ast_voucher
				where direction = 'expense' and invoice_no is not null and amount >= 5000
				  and category not in ('subsidy_payout', 'labor') order by voucher_id limit 1""")
			.query(String.class)
			.single()
			.split(",");
		String[] b = jdbc.sql("""
				select split_part(unnest(string_to_array(records, ';')), ':', 2) || ',' || region_code
				from risk_finding where rule_code = 'white_slip' and region_code <> ?
				order by 1 limit 1""").param(a[1]).query(String.class).list().get(0).split(",");
		String c = village(a[1], b[1]);
		edit(bundle, "vouchers.csv", cells -> {
			if (cells[0].equals(a[0])) {
				cells[10] = "";
				return true;
			}
			if (cells[0].equals(b[0])) {
				cells[1] = c;
				return true;
			}
			return false;
		}, 2);
		assertThat(exchange.importBundle(bundle, Exchange.Progress.NONE).rowsChanged()).isEqualTo(2);

		ScanReport incremental = library.scan(ScanProgress.NONE);
		assertThat(incremental.regions()).as("the villages of the rows changed, before and after")
			.containsExactlyInAnyOrder(a[1], b[1], c);
		assertThat(incremental.byRegion()).isEqualTo(VOUCHER_RULES_BY_VILLAGE.size());
		assertThat(incremental.skipped()).as("the rules that read no voucher")
			.isEqualTo(SqlRule.all().size() - VOUCHER_RULES.size());
		assertThat(jdbc.sql("""
				select count(*) from risk_finding where rule_code = 'white_slip' and region_code = ?
				  and status = 'open' and records like ?""")
			.params(a[1], "%vouchers.csv:" + a[0] + "%")
			.query(Integer.class)
			.single()).as("village A's white slip").isOne();
		assertThat(jdbc.sql("""
				select count(*) from risk_finding where rule_code = 'white_slip' and region_code = ?
				  and status = 'open' and records like ?""")
			.params(c, "%vouchers.csv:" + b[0] + "%")
			.query(Integer.class)
			.single()).as("the moved voucher's white slip, in village C").isOne();
		assertThatAWholeScanChangesNothing(incremental);

		// a finding of a rule whose key has no region (unit_price_over_reference: the
		// project) withdrawn while in one village, then found again in another, each step
		// by an import noting only the regions it changed
		String[] p = jdbc.sql("""
				select x.project_id || ',' || x.region_code || ',' || x.started_on from risk_finding f
				join ast_project x on f.records like '%projects.csv:' || x.project_id
				where f.rule_code = 'unit_price_over_reference' order by 1 limit 1""")
			.query(String.class)
			.single()
			.split(",");
		String d = village(p[1], p[1]);
		edit(bundle, "projects.csv", cells -> {
			if (cells[0].equals(p[0])) {
				cells[1] = d;
				cells[7] = "";
				cells[11] = d;
				return true;
			}
			return false;
		}, 1);
		exchange.importBundle(bundle, Exchange.Progress.NONE);
		ScanReport moved = library.scan(ScanProgress.NONE);
		assertThat(moved.regions()).containsExactlyInAnyOrder(p[1], d);
		assertThat(moved.withdrawn()).as("no start day, no quarter to price it in").isPositive();
		edit(bundle, "projects.csv", cells -> {
			if (cells[0].equals(p[0])) {
				cells[7] = p[2];
				return true;
			}
			return false;
		}, 1);
		exchange.importBundle(bundle, Exchange.Progress.NONE);
		ScanReport again = library.scan(ScanProgress.NONE);
		assertThat(again.regions()).containsExactly(d);
		assertThat(jdbc.sql("""
				select region_code || ',' || status from risk_finding
				where rule_code = 'unit_price_over_reference' and records like ?""")
			.param("%projects.csv:" + p[0])
			.query(String.class)
			.single()).as("found again, in its new village").isEqualTo(d + ",open");

		// a voucher changed by hand, not by an import: not noted by region, the voucher
		// rules run over all
		jdbc.sql("update ast_voucher set invoice_no = null where voucher_id = (select min(voucher_id) from ast_voucher "
				+ "where direction = 'expense' and invoice_no is not null and amount >= 5000 "
				+ "and category not in ('subsidy_payout', 'labor'))")
			.update();
		ScanReport byHand = library.scan(ScanProgress.NONE);
		assertThat(byHand.byRegion()).isZero();
		assertThat(byHand.skipped()).isEqualTo(SqlRule.all().size() - VOUCHER_RULES.size());
		assertThat(byHand.created() + byHand.changed()).isPositive();

		// a re-import restoring it: the village it is in is scanned again
		exchange.importBundle(bundle, Exchange.Progress.NONE);
		ScanReport restored = library.scan(ScanProgress.NONE);
		assertThat(restored.byRegion()).isEqualTo(VOUCHER_RULES_BY_VILLAGE.size());
		assertThat(restored.regions()).hasSize(1);
		// after four incremental scans in a row
		assertThatAWholeScanChangesNothing(restored);
		assertThat(exchange.awaitFollowUps(Duration.ofMinutes(1))).isTrue();
	}

	/** A village other than those given. */
	private String village(String one, String other) {
		return jdbc.sql("""
				select region_code from jur_region where level = 'village' and region_code not in (?, ?)
				order by region_code limit 1""").params(one, other).query(String.class).single();
	}

	/** Edits the rows of a bundle's file (no quoted cells), its manifest with it. */
	private static void edit(Path bundle, String file, Predicate<String[]> edit, int rows) throws Exception {
		Path path = bundle.resolve(file);
		List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
		int edited = 0;
		for (int i = 1; i < lines.size(); i++) {
			String[] cells = lines.get(i).split(",", -1);
			if (edit.test(cells)) {
				edited++;
			}
			lines.set(i, String.join(",", cells));
		}
		assertThat(edited).as(file).isEqualTo(rows);
		Files.write(path, lines, StandardCharsets.UTF_8);
		TestBundles.rehash(bundle, file);
	}

	private void assertThatAWholeScanChangesNothing(ScanReport incremental) {
		List<String> before = findings();
		ScanReport whole = library.scanAll(ScanProgress.NONE);
		assertThat(whole.created() + whole.changed() + whole.withdrawn())
			.as("what a scan of everything finds beyond the incremental one")
			.isZero();
		assertThat(whole.findings()).isEqualTo(incremental.findings());
		assertThat(findings()).containsExactlyElementsOf(before);
	}

	private List<String> findings() {
		return jdbc.sql("""
				select concat_ws('|', finding_id, rule_code, subject_id, region_code, period, amount, records,
				                 explanation, fingerprint, status, last_changed)
				from risk_finding order by finding_id""").query(String.class).list();
	}

}
