package org.qinglian.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.TableChanges;
import org.qinglian.risk.RiskRule;
import org.qinglian.risk.internal.FindingReconciliation.Found;
import org.qinglian.risk.rules.SqlRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rule that says it reads some tables by village ({@code -- by village:}) finds, run
 * for one village (its tables narrowed to that village's rows, the findings not filtered
 * after), exactly the findings of that village it finds run over all: on the dev sample,
 * for every such rule and every region that has findings or rows. And what each rule
 * reads is known to the scan (else it would run every time).
 */
@IntegrationTest
@TestPropertySource(properties = "qinglian.test.database=dev-sample-findings")
class ByVillageRulesTests {

	@Autowired
	SampleCounty county;

	@Autowired
	Scanner scanner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TableChanges changes;

	@Test
	@Transactional
	void aRuleRunForOneVillageFindsThatVillagesFindingsOfARunOverAll() {
		county.loaded();
		assertThat(compareEveryRegion()).isEqualTo(7 * regions().size());
	}

	/**
	 * The same with the rows of the tables read by village dealt out to the villages by a
	 * hash of each row (rolled back after): what a rule reads by village must not depend
	 * on rows of the sample staying in their villages (a person's payments in one
	 * village, a project's vouchers in its own).
	 */
	@Test
	@Transactional
	void soEvenWhenTheRowsOfItsTablesAreDealtOutToOtherVillages() {
		county.loaded();
		Set<String> tables = new TreeSet<>();
		SqlRule.all().forEach(r -> tables.addAll(r.definition().byVillage()));
		for (String table : tables) {
			int moved = jdbc.update("update " + table + " t set region_code = v.villages[1 + abs(hashtext(t::text)) "
					+ "% cardinality(v.villages)] from (select array_agg(region_code order by region_code) as villages "
					+ "from jur_region where level = 'village') v");
			assertThat(moved).as(table).isPositive();
		}
		assertThat(compareEveryRegion()).isEqualTo(7 * regions().size());
	}

	private List<String> regions() {
		return jdbc.queryForList("select region_code from jur_region order by 1", String.class);
	}

	private int compareEveryRegion() {
		Scanner.Context context = scanner.context();
		int checked = 0;
		for (RiskRule rule : SqlRule.all()) {
			if (rule.definition().byVillage().isEmpty()) {
				continue;
			}
			Map<String, Found> all = scanner.run(rule, scanner.params(rule, context), null);
			assertThat(all).as(rule.code() + " finds something on the dev sample").isNotEmpty();
			for (String region : regions()) {
				Map<String, Found> one = scanner.run(rule, scanner.params(rule, context), Set.of(region));
				Map<String, Found> expected = new TreeMap<>();
				all.forEach((id, f) -> {
					if (region.equals(f.regionCode())) {
						expected.put(id, f);
					}
				});
				assertThat(new TreeMap<>(one)).as(rule.code() + " for " + region).isEqualTo(expected);
				checked++;
			}
		}
		return checked;
	}

	@Test
	void whatEveryRuleReadsIsKnownAndItsTablesByVillageHaveARegion() {
		county.loaded();
		Set<String> counted = changes.counted();
		Map<String, RuleInputs> inputs = RuleInputs.of(jdbc, counted, SqlRule.all());
		for (RiskRule rule : SqlRule.all()) {
			RuleInputs in = inputs.get(rule.code());
			assertThat(in.known()).as(rule.code() + " reads only tables whose changes are counted").isTrue();
			assertThat(in.tables()).as(rule.code()).isNotEmpty().allMatch(counted::contains);
			for (String table : rule.definition().byVillage()) {
				assertThat(in.tables()).as(rule.code() + " reads " + table).contains(table);
				assertThat(jdbc.queryForObject("select count(*) from information_schema.columns "
						+ "where table_name = ? and column_name = 'region_code'", Integer.class, table))
					.as(table + " has a region")
					.isOne();
			}
		}
		assertThat(inputs.get("subsidy_after_death").tables()).as("through the kept ties of the registries")
			.contains("ast_death_received", "jur_person", "ast_subsidy");
		assertThat(inputs.get("kin_subsidy").tables()).as("through the near kin and the cadres' positions")
			.contains("jur_kin", "jur_person", "jur_position", "ast_subsidy");
	}

}
