package org.qinglian.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.IntegrationTest;
import org.qinglian.Labels;
import org.qinglian.SampleCounty;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.IdentityCodes;
import org.qinglian.platform.Role;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Registries as other departments record them (QDX 1.1): each reading of the spec that
 * ties a row to a person, and those that must tie it to nobody; and the labelled county
 * of version 1.1, whose every scheme the rules find and nothing else.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "qinglian.test.database=received", "qinglian.risk.scan-after-import=false" })
class RegistriesAsReceivedTests {

	static final Path SAMPLE_C = SampleCounty.beside("dev-sample-c");

	@Autowired
	Exchange exchange;

	@Autowired
	RiskLibrary risk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SampleCounty county;

	String village;

	@Autowired
	ReceivedRegistries registries;

	@BeforeEach
	void sample() {
		if (jdbc.sql("select count(*) from jur_region").query(Long.class).single() == 0) {
			exchange.importBundle(SAMPLE_C, Exchange.Progress.NONE);
		}
		village = jdbc.sql("select min(region_code) from jur_region where level = 'village'")
			.query(String.class)
			.single();
	}

	/** A person of the county with a valid ID number made of the given 17 digits. */
	String person(String id, String first17, String name, String born) {
		String number = first17 + IdentityCodes.idNumberCheck(first17);
		jdbc.sql("""
				insert into jur_person (person_id, id_number, name, birth_date, region_code)
				values (?, ?, ?, ?::date, ?) on conflict do nothing""")
			.params(id, number, name, born, village)
			.update();
		return number;
	}

	Map<String, Object> tie(String given, String idNumber, String name, String born) {
		return jdbc.sql("select person_id, tie, detail from ast_tie(?, ?, ?, ?::date)")
			.params(given, idNumber, name, born)
			.query()
			.singleRow();
	}

	@AfterEach
	void removeTestPeople() {
		jdbc.sql("delete from jur_person where person_id like 'T\\_%'").update();
	}

	@Test
	void eachReadingTiesARowOrSaysWhyItTiesNobody() {
		String zhang = person("T_ZHANG", "33068319600101001", "张卫国", "1960-01-01");
		// 1. linked by the source
		assertThat(tie("T_ZHANG", null, null, null)).containsEntry("tie", "linked")
			.containsEntry("person_id", "T_ZHANG");
		// 3. a valid number, the name with spaces (ASCII and ideographic) equal
		assertThat(tie(null, zhang, "张 卫\u3000国", null)).containsEntry("tie", "number")
			.containsEntry("person_id", "T_ZHANG");
		// 2. the old 15-digit form of the number: 19 inserted, check computed
		String old = zhang.substring(0, 6) + zhang.substring(8, 17);
		Map<String, Object> upgraded = tie(null, old, "张卫国", null);
		assertThat(upgraded).containsEntry("tie", "old_number").containsEntry("person_id", "T_ZHANG");
		assertThat((String) upgraded.get("detail")).contains("15位旧号").contains(zhang);
		// a valid number under another name: a conflict, nobody
		assertThat(tie(null, zhang, "李四", null)).containsEntry("tie", "conflict").containsEntry("person_id", null);
		// a valid number nobody of the county has, and an old number of someone outside
		String stranger = "33068119700101002" + IdentityCodes.idNumberCheck("33068119700101002");
		assertThat(tie(null, stranger, "王五", null)).containsEntry("tie", "not_of_county");
		assertThat(tie(null, "330681700101002", "王五", null)).containsEntry("tie", "not_of_county");
		// 4. a typing error: one digit wrong (so the check fails), or two adjacent digits
		// swapped, one keystroke from exactly one person of that name
		String typo = zhang.substring(0, 10) + (zhang.charAt(10) == '9' ? '8' : '9') + zhang.substring(11);
		assertThat(tie(null, typo, "张卫国", null)).containsEntry("tie", "typo").containsEntry("person_id", "T_ZHANG");
		String swapped = zhang.substring(0, 12) + zhang.charAt(13) + zhang.charAt(12) + zhang.substring(14);
		assertThat(swapped).as("two different adjacent digits").isNotEqualTo(zhang);
		assertThat(IdentityCodes.idNumberCheck(swapped.substring(0, 17))).as("the swap breaks the check")
			.isNotEqualTo(swapped.charAt(17));
		assertThat(tie(null, swapped, "张卫国", null)).containsEntry("tie", "typo");
		// a typing error from someone of another name, or with no name: nobody
		assertThat(tie(null, typo, "李卫国", null).get("person_id")).isNull();
		assertThat(tie(null, typo, null, null)).containsEntry("tie", "too_little");
		// a VALID number one keystroke from someone of the same name is another person's:
		// never tied to them
		String neighbour17 = zhang.substring(0, 16) + (zhang.charAt(16) == '9' ? '8' : '9');
		String neighbour = neighbour17 + IdentityCodes.idNumberCheck(neighbour17);
		assertThat(tie(null, neighbour, "张卫国", null)).containsEntry("tie", "not_of_county")
			.containsEntry("person_id", null);
		// a valid number with no name; an old number under another name; the source's
		// link wins
		assertThat(tie(null, zhang, null, null)).containsEntry("tie", "number");
		assertThat(tie(null, old, "李四", null)).containsEntry("tie", "conflict");
		assertThat(tie("T_ZHANG", stranger, "王五", null)).containsEntry("tie", "linked");
		// two person rows of one identity are one person, not two
		jdbc.sql("""
				insert into jur_person (person_id, id_number, name, birth_date, region_code)
				values ('T_ZHANG_TWIN', ?, '张卫国', '1960-01-01', ?)""").params(zhang, village).update();
		assertThat(tie(null, null, "张卫国", "1960-01-01")).containsEntry("tie", "name_birth");
		// a namesake whose birth date is unknown is born on the day of their number
		person("T_WANG1", "33068319550505001", "王建", null);
		person("T_WANG2", "33068319550505002", "王建", "1955-05-05");
		assertThat(tie(null, null, "王建", "1955-05-05")).containsEntry("tie", "ambiguous");
		// ... but one keystroke from two people of the same name: nobody
		String a = person("T_LIU1", "33068319700202101", "刘芳", "1970-02-02");
		String b = person("T_LIU2", "33068319700202102", "刘芳", "1970-02-02");
		assertThat(a.charAt(17)).as("their check characters differ").isNotEqualTo(b.charAt(17));
		String both = a.substring(0, 17) + b.charAt(17);
		assertThat(tie(null, both, "刘芳", null)).containsEntry("tie", "ambiguous").containsEntry("person_id", null);
		// 5. no number: name and birth date, exactly one
		assertThat(tie(null, null, "张卫国", "1960-01-01")).containsEntry("tie", "name_birth")
			.containsEntry("person_id", "T_ZHANG");
		// a namesake with another birth date, and too little to tell
		assertThat(tie(null, null, "张卫国", "1961-01-01")).containsEntry("tie", "not_of_county");
		assertThat(tie(null, null, "张卫国", null)).containsEntry("tie", "too_little");
		person("T_ZHANG2", "33068319600101011", "张卫国", "1960-01-01");
		assertThat(tie(null, null, "张卫国", "1960-01-01")).containsEntry("tie", "ambiguous")
			.containsEntry("person_id", null);
	}

	@Test
	void everySchemeOfTheLabelledCountyIsFoundAndNothingElse() throws IOException {
		risk.scan(RiskLibrary.ScanProgress.NONE);
		StringWriter out = new StringWriter();
		risk.writeFindings(out);
		Labels.Score score = Labels.score(SAMPLE_C, out.toString());
		List<CSVRecord> findings = score.findings();
		assertThat(score.missed()).as("recall 1.000 for every scheme: labelled cases no finding names").isEmpty();
		assertThat(score.unlabelled()).as("precision 1.000: findings of no labelled case").isEmpty();
		Set<String> perScheme = new TreeSet<>();
		score.schemes().forEach(sc -> perScheme.add(sc.get("scheme")));
		assertThat(perScheme).as("every scheme of the sample").hasSize(14);
		// a finding says how a registry row it rests on was tied, when it was not linked
		assertThat(findings).as("an explanation telling how a death or a car was tied")
			.anyMatch(f -> f.get("explanation").contains("（死亡登记身份证号") || f.get("explanation").contains("（车辆登记"));
		// the rows that must tie to nobody do, with their reasons (the sample has people
		// of
		// other counties and a valid number under another name)
		assertThat(jdbc.sql("select distinct tie from ast_received_tie where person_id is null")
			.query(String.class)
			.list()).contains("not_of_county", "conflict");
	}

	@Test
	void aDibaoFindingOnPropertiesSaysHowTheyWereTied() {
		String number = person("T_DIBAO", "33068319500101002", "王测房", "1950-01-01");
		jdbc.sql("update jur_person set household_id = 'T_HOUSEHOLD' where person_id = 'T_DIBAO'").update();
		try {
			jdbc.sql("""
					insert into ast_property_received (record_id, id_number, name, address, area, registered_on)
					values ('T_PR1', ?, '王测房', '测试路1号', 80, '2010-01-01'),
					       ('T_PR2', ?, '王 测房', '测试路2号', 90, '2011-01-01')""")
				.params(number, number.substring(0, 6) + number.substring(8, 17))
				.update();
			jdbc.sql("""
					insert into ast_subsidy (payment_id, program, recipient_id, region_code, period, amount, paid_on)
					values ('T_SUB1', 'dibao', 'T_DIBAO', ?, '2020-03', 500.00, '2020-03-10')""")
				.param(village)
				.update();
			risk.scan(RiskLibrary.ScanProgress.NONE);
			assertThat(jdbc.sql("""
					select explanation from risk_finding where rule_code = 'dibao_ineligible_household'
					  and subject_id = 'T_DIBAO' and status <> 'withdrawn'""").query(String.class).single())
				.contains("有房产2套及以上（房产登记测试路1号：身份证号一致；测试路2号：身份证号为15位旧号，升级为" + number + "后一致）");
		}
		finally {
			jdbc.sql("delete from ast_property_received where record_id like 'T\\_%'").update();
			jdbc.sql("delete from ast_subsidy where payment_id like 'T\\_%'").update();
		}
	}

	@Test
	void theTiesAreKeptWithTheRowsAndTiedAgainWhenThePersonsChange() {
		registries.tie();
		assertThat(registries.tie()).as("nothing changed, nothing tied again").isFalse();
		Map<String, Object> outsider = jdbc.sql("""
				select r.record_id, r.id_number, r.name from ast_death_received r
				join ast_tie_kept k on k.file = 'deaths.csv' and k.record_id = r.record_id
				where k.tie = 'not_of_county' and length(r.id_number) = 18 and jur_id_valid(upper(r.id_number))
				  and r.name is not null order by r.record_id limit 1""").query().singleRow();
		String record = (String) outsider.get("record_id");
		// the person comes into the county's registry: the death now names them
		jdbc.sql("insert into jur_person (person_id, id_number, name, region_code) values ('T_NEWCOMER', ?, ?, ?)")
			.params(outsider.get("id_number"), outsider.get("name"), village)
			.update();
		assertThat(registries.tie()).isTrue();
		assertThat(
				jdbc.sql("select person_id || '/' || tie from ast_tie_kept where file = 'deaths.csv' and record_id = ?")
					.param(record)
					.query(String.class)
					.single())
			.isEqualTo("T_NEWCOMER/number");
		assertThat(jdbc.sql("select count(*) from ast_death_evidence where record_id = ? and person_id = 'T_NEWCOMER'")
			.param(record)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the person's name corrected in place: the same number under another name is a
		// conflict
		jdbc.sql("update jur_person set name = '另一个名字' where person_id = 'T_NEWCOMER'").update();
		assertThat(registries.tie()).isTrue();
		assertThat(jdbc.sql("select tie from ast_tie_kept where file = 'deaths.csv' and record_id = ?")
			.param(record)
			.query(String.class)
			.single()).isEqualTo("conflict");
		// a received row changed after it was tied is no evidence until it is tied again
		jdbc.sql("update jur_person set name = ? where person_id = 'T_NEWCOMER'").param(outsider.get("name")).update();
		registries.tie();
		jdbc.sql("update ast_death_received set name = name || '甲' where record_id = ?").param(record).update();
		assertThat(jdbc.sql("select count(*) from ast_death_evidence where record_id = ?")
			.param(record)
			.query(Long.class)
			.single()).isZero();
		jdbc.sql("update ast_death_received set name = left(name, length(name) - 1) where record_id = ?")
			.param(record)
			.update();
		jdbc.sql("delete from jur_person where person_id = 'T_NEWCOMER'").update();
		assertThat(registries.tie()).isTrue();
		assertThat(jdbc.sql("select tie from ast_tie_kept where file = 'deaths.csv' and record_id = ?")
			.param(record)
			.query(String.class)
			.single()).isEqualTo("not_of_county");
	}

	@Test
	void aBundleOfVersionOnePointOneGoesOutAsOneAndComesBackUnchanged(@TempDir Path tmp) throws IOException {
		Path out = tmp.resolve("export");
		exchange.exportBundle(out, true);
		assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"version\" : \"1.1\"");
		assertThat(Files.readAllLines(out.resolve("deaths.csv")).get(0))
			.isEqualTo("record_id,person_id,id_number,name,birth_date,death_date");
		assertThat(exchange.importBundle(out, Exchange.Progress.NONE).rowsChanged()).isZero();
		// a number that is neither old nor new is still a row error, named with its line
		List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("deaths.csv")));
		String[] fields = lines.get(1).split(",", -1);
		fields[2] = "3306831234";
		lines.set(1, String.join(",", fields));
		Files.write(out.resolve("deaths.csv"), lines);
		assertThatThrownBy(() -> exchange.importBundle(out, Exchange.Progress.NONE))
			.isInstanceOf(BundleRejectedException.class)
			.satisfies(ex -> assertThat(((BundleRejectedException) ex).problems())
				.anyMatch(p -> p.startsWith("deaths.csv:2: id_number:")));
		// the registries of version 1 into this installation of 1.1 registries: refused
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE))
			.isInstanceOf(BundleRejectedException.class)
			.satisfies(ex -> assertThat(((BundleRejectedException) ex).problems())
				.anyMatch(p -> p.startsWith("deaths.csv") && p.contains("one form")));
	}

	@Test
	void theRowsThatTieToNobodyAreListedForTheStaffWhoCheckThem() throws Exception {
		String township = jdbc.sql("select min(region_code) from jur_region where level = 'township'")
			.query(String.class)
			.single();
		county.withUser("rr_county", Role.COUNTY_STAFF, SampleCounty.COUNTY)
			.withUser("rr_township", Role.TOWNSHIP_STAFF, township)
			.withUser("rr_cadre", Role.VILLAGE_CADRE, village);
		registries.tie();
		long untied = jdbc.sql("select count(*) from ast_received_tie where person_id is null")
			.query(Long.class)
			.single();
		String conflict = jdbc.sql("""
				select min(record_id) from ast_received_tie where tie = 'conflict'""").query(String.class).single();
		assertThat(conflict).as("the sample has a valid number under another name").isNotNull();
		String all = mvc.get()
			.uri("/api/v1/registries/untied?limit=1000")
			.with(county.signedIn("rr_county"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(all).contains(conflict).contains("\"tie\":\"conflict\"");
		assertThat(all.split("\"recordId\"", -1).length - 1).isEqualTo((int) Math.min(untied, 1000));
		// a township sees the rows that may be its people's, not the deaths of people of
		// other counties whose name none of its people bears
		String outsider = jdbc
			.sql("""
					select min(t.record_id) from ast_received_tie t where t.tie = 'not_of_county' and t.id_number like '330681%'
					  and not exists (select 1 from jur_person p where jur_name_key(p.name) = jur_name_key(t.name))""")
			.query(String.class)
			.single();
		assertThat(outsider).as("the sample has a death of another county's person").isNotNull();
		assertThat(all).contains(outsider);
		String own = mvc.get()
			.uri("/api/v1/registries/untied?limit=1000")
			.with(county.signedIn("rr_township"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).doesNotContain(outsider);
		assertThat(own.split("\"recordId\"", -1).length).isLessThan(all.split("\"recordId\"", -1).length);
		assertThat(mvc.get().uri("/staff/registries/untied").with(county.signedIn("rr_township")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("未能对应到本县人员的登记记录");
		assertThat(mvc.get().uri("/staff/registries/untied").with(county.signedIn("rr_cadre")).exchange())
			.hasStatus(403);
		// the outsider comes to live in the county: the list ties again before it answers
		Map<String, Object> row = jdbc.sql("select id_number, name from ast_death_received where record_id = ?")
			.param(outsider)
			.query()
			.singleRow();
		jdbc.sql("insert into jur_person (person_id, id_number, name, region_code) values ('T_MOVED', ?, ?, ?)")
			.params(row.get("id_number"), row.get("name"), village)
			.update();
		assertThat(mvc.get()
			.uri("/api/v1/registries/untied?limit=1000")
			.with(county.signedIn("rr_county"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(outsider);
	}

}
