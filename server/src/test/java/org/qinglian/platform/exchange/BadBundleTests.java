package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange;

import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.IdentityCodes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One fixture per kind of bad input: each is refused with its place named, and nothing is
 * written.
 */
class BadBundleTests extends BundleTest {

	static Stream<Arguments> badBundles() {
		return Stream.of(
				bad("unknown column",
						b -> b.with("vouchers.csv", "disclosed_on\n", "disclosed_on,remark\n")
							.with("vouchers.csv", "2019-02-05\n", "2019-02-05,x\n"),
						"vouchers.csv:1: remark: unknown column"),
				// a required column (an optional one may be missing: a bundle written
				// before it was added)
				bad("missing column",
						b -> b.with("power_exercises.csv", ",status\n", "\n")
							.with("power_exercises.csv", ",done\n", "\n"),
						"power_exercises.csv:1: status: the column is missing from the header"),
				bad("word outside the vocabulary", b -> b.with("vouchers.csv", ",bank,PB", ",cheque,PB"),
						"vouchers.csv:2: method: 'cheque' is not one of bank, cash, mobile, other"),
				bad("impossible date", b -> b.with("vouchers.csv", "2019-01-02", "2019-02-30"),
						"vouchers.csv:2: booked_on: '2019-02-30' is not a day of the calendar"),
				bad("money with three decimals", b -> b.with("vouchers.csv", "749.97", "749.975"),
						"vouchers.csv:2: amount: '749.975' has more than 2 decimals"),
				bad("money as a float", b -> b.with("vouchers.csv", "749.97", "7.4997e2"),
						"vouchers.csv:2: amount: '7.4997e2' is not an amount in yuan (e.g. 1234.50)"),
				bad("wrong ID number check character",
						b -> b.with("persons.csv", TestBundle.validId("33068319680322241"),
								"33068319680322241" + wrongIdCheck()),
						"persons.csv:2: id_number: the check character of the ID number is wrong"),
				bad("wrong credit code check character",
						b -> b.with("organizations.csv", TestBundle.validCredit("91330683224183651"),
								"91330683224183651" + wrongCreditCheck()),
						"organizations.csv:2: credit_code: the check character of the credit code is wrong"),
				bad("required value missing", b -> b.with("vouchers.csv", ",2019-01-02,", ",,"),
						"vouchers.csv:2: booked_on: is required"),
				bad("duplicate id", b -> b.with("vouchers.csv", "V2", "V1"),
						"vouchers.csv:3: voucher_id: repeats the key of line 2"),
				bad("reference that does not resolve", b -> b.with("vouchers.csv", ",bank,PB", ",bank,PZZ"),
						"vouchers.csv:2: counterparty_id: 'PZZ"),
				bad("list element that does not resolve", b -> b.with("vouchers.csv", ";PB", ";NOBODY"),
						"vouchers.csv:3: approver_ids: 'NOBODY"),
				bad("too few fields", b -> b.with("vouchers.csv", ",,,2019-02-05\nV2", ",,2019-02-05\nV2"),
						"vouchers.csv:2: -: has 14 fields, the header has 15"),
				bad("quote not closed", b -> b.with("vouchers.csv", "\"护林员报酬, 一月\"", "\"护林员报酬, 一月"), "vouchers.csv:"),
				bad("region outside the county",
						b -> b.with("regions.csv", "330683101201,溪坪村", "330684101201,溪坪村")
							.with("persons.csv", "330683101201,13900000000", "330684101201,13900000000"),
						"regions.csv:4: region_code: is not in the county of the manifest"),
				bad("birth date that contradicts the ID number", b -> b.with("persons.csv", "1968-03-22", "1968-03-23"),
						"persons.csv:2: birth_date: does not match the birth date in the ID number"),
				bad("value longer than its column", b -> b.with("persons.csv", "王强", "王".repeat(300)),
						"persons.csv:2: name: has 300 characters, at most 100 are kept"),
				bad("village under the county",
						b -> b.with("regions.csv", "village,330683101000", "village,330683000000"),
						"regions.csv:4: parent_code: a county has no parent, a township's parent is the county, a village's a township"),
				bad("step after a step the item does not have",
						b -> b.with("power_steps.csv", "committee_director,proposal", "committee_director,approval"),
						"power_steps.csv:3: after: names a step that is not a step of the same item"),
				bad("most days fewer than least days", b -> b.with("power_steps.csv", ",5,10,", ",5,4,"),
						"power_steps.csv:3: max_days: is less than min_days"),
				bad("event of a step the item does not have",
						b -> b.with("exercise_events.csv", ",disclose,2019-03-02", ",approval,2019-03-02"),
						"exercise_events.csv:3: step_code: is not a step of the exercise's power item"),
				bad("position that ends before it starts", b -> b.with("positions.csv", "2020-12-31", "2016-12-31"),
						"positions.csv:2: end_date: is before start_date"),
				bad("anonymous report naming its reporter", b -> b.with("reports.csv", ",false,PB", ",true,PB"),
						"reports.csv:2: reporter_id: an anonymous report names no reporter"));
	}

	private static Arguments bad(String name, UnaryOperator<TestBundle> change, String expected) {
		return Arguments.of(name, change, expected);
	}

	private static char wrongIdCheck() {
		char right = IdentityCodes.idNumberCheck("33068319680322241");
		return right == '1' ? '2' : '1';
	}

	private static char wrongCreditCheck() {
		char right = IdentityCodes.creditCodeCheck("91330683224183651");
		return right == 'A' ? 'B' : 'A';
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBundles")
	void aBadRowIsNamedAndNothingIsWritten(String name, UnaryOperator<TestBundle> change, String expected)
			throws Exception {
		long before = totalRows();
		Path dir = change.apply(TestBundle.valid("X" + Math.abs(name.hashCode()))).write(tmp.resolve("b"));
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex).as(name).isNotNull();
		assertThat(ex.problems()).as(name).singleElement().satisfies(p -> assertThat(p).startsWith(expected));
		assertThat(totalRows()).as("rows after a refused bundle").isEqualTo(before);
	}

	@Test
	void aProblemAfterRowsHaveGoneToTheDatabaseStillWritesNothing() throws Exception {
		long before = totalRows();
		TestBundle b = TestBundle.valid("LATE");
		StringBuilder rows = new StringBuilder(b.files.get("vouchers.csv"));
		for (int i = 0; i < 6000; i++) {
			rows.append("VL")
				.append(i)
				.append(",330683101201,2019-03-01,expense,12.50,bank,,某某,office,办公用品采购（一批）,,PALATE,,,2019-04-01\n");
		}
		rows.append("VLBAD,330683101201,2019-03-01,expense,12.50,bank,,某某,office,办公用品,,NOBODY,,,2019-04-01\n");
		b.files.put("vouchers.csv", rows.toString());
		Path dir = b.write(tmp.resolve("late"));
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex.problems()).singleElement()
			.satisfies(p -> assertThat(p).startsWith("vouchers.csv:6004: approver_ids: 'NOBODY' is not a person_id"));
		assertThat(totalRows()).isEqualTo(before);
	}

	@Test
	void theValidFixtureImports() throws Exception {
		Path dir = TestBundle.valid("OK").write(tmp.resolve("ok"));
		assertThat(exchange.importBundle(dir, Exchange.Progress.NONE).rowsRead()).isEqualTo(TestBundle.VALID_ROWS);
		assertThat(jdbc.sql("select count(*) from ast_voucher where voucher_id like 'V_OK'").query(Long.class).single())
			.isEqualTo(2);
		assertThat(exchange.importBundle(dir, Exchange.Progress.NONE).rowsChanged()).isZero();
	}

	@Test
	void aByteOrderMarkIsIgnored() throws Exception {
		TestBundle b = TestBundle.valid("BOM");
		b.files.put("vouchers.csv", "\uFEFF" + b.files.get("vouchers.csv"));
		assertThat(exchange.importBundle(b.write(tmp.resolve("bom")), Exchange.Progress.NONE).rowsRead())
			.isEqualTo(TestBundle.VALID_ROWS);
	}

	@Test
	void aFileThatIsNotUtf8IsNamed() throws Exception {
		Path dir = TestBundle.valid("GBK").write(tmp.resolve("gbk"));
		// the same text in GBK, as an export from an old system might be, with the
		// manifest's hash updated
		String text = Files.readString(dir.resolve("vouchers.csv"));
		Files.write(dir.resolve("vouchers.csv"), text.getBytes(Charset.forName("GBK")));
		String manifest = Files.readString(dir.resolve("manifest.json"));
		String sha = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("vouchers.csv"))));
		manifest = manifest.replaceAll("(\"vouchers.csv\":\\{\"rows\":2,\"sha256\":\")[0-9a-f]{64}", "$1" + sha);
		Files.writeString(dir.resolve("manifest.json"), manifest);
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex.problems()).contains("vouchers.csv:0: -: is not UTF-8 text");
	}

	@Test
	void aLaterBundleMergesByIdAndMayReferToRowsAlreadyLoaded() throws Exception {
		exchange.importBundle(TestBundle.valid("INC").write(tmp.resolve("first")), Exchange.Progress.NONE);
		// the next bundle: a correction of one voucher and a new one, its people only in
		// the database
		TestBundle next = new TestBundle();
		next.files.put("regions.csv", TestBundle.valid("INC").files.get("regions.csv"));
		next.files.put("vouchers.csv",
				"""
						voucher_id,region_code,booked_on,direction,amount,method,counterparty_id,counterparty_name,category,summary,invoice_no,approver_ids,project_id,exercise_id,disclosed_on
						V1INC,330683101201,2019-01-02,expense,759.97,bank,PBINC,李芳,labor,护林员报酬（更正）,66458091,PAINC,,,2019-02-05
						V3INC,330683101201,2019-02-02,expense,120.00,bank,PBINC,李芳,labor,护林员报酬,66458092,PAINC,,,2019-03-05
						""");
		Exchange.ImportReport report = exchange.importBundle(next.write(tmp.resolve("next")), Exchange.Progress.NONE);
		assertThat(report.rowsRead()).isEqualTo(5);
		assertThat(report.rowsChanged()).as("one corrected, one new; regions unchanged").isEqualTo(2);
		assertThat(jdbc.sql("select amount::text from ast_voucher where voucher_id = 'V1INC'")
			.query(String.class)
			.single()).isEqualTo("759.97");
		assertThat(
				jdbc.sql("select count(*) from ast_voucher where voucher_id like 'V_INC'").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void aHashThatDoesNotMatchTheManifestIsRefused() throws Exception {
		TestBundle b = TestBundle.valid("H");
		b.hashOverride.put("vouchers.csv", "0".repeat(64));
		Path dir = b.write(tmp.resolve("h"));
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex.problems()).anySatisfy(p -> assertThat(p).startsWith("vouchers.csv:0: -: its SHA-256 is"));
	}

	interface BundleChange {

		void apply(Path dir) throws Exception;

	}

	static Stream<Arguments> badBundles2() {
		return Stream.of(Arguments.of("a column twice",
				(UnaryOperator<TestBundle>) b -> b.with("vouchers.csv", "category,summary", "category,category"),
				(BundleChange) dir -> {
				}, "vouchers.csv:1: category: the column appears twice"),
				Arguments.of("an empty file", (UnaryOperator<TestBundle>) b -> {
					b.files.put("vouchers.csv", "");
					return b;
				}, (BundleChange) dir -> {
				}, "vouchers.csv:1: -: is empty: the first line must be the header"),
				Arguments.of("a file the format does not have", (UnaryOperator<TestBundle>) b -> {
					b.files.put("weather.csv", "day,rain\n2019-01-01,3\n");
					return b;
				}, (BundleChange) dir -> {
				}, "weather.csv:0: -: is not a file of the QDX format"),
				Arguments.of("a listed file that is missing", (UnaryOperator<TestBundle>) b -> b,
						(BundleChange) dir -> Files.delete(dir.resolve("vouchers.csv")),
						"manifest.json:1: files: vouchers.csv is listed but not in the bundle"),
				Arguments.of("a file the manifest does not list", (UnaryOperator<TestBundle>) b -> b,
						(BundleChange) dir -> Files.writeString(dir.resolve("deaths.csv"),
								"person_id,died_on,source\n"),
						"manifest.json:1: files: deaths.csv is in the bundle but not in the manifest"),
				Arguments.of("no regions", (UnaryOperator<TestBundle>) b -> {
					b.files.remove("regions.csv");
					return b;
				}, (BundleChange) dir -> {
				}, "regions.csv:0: -: is missing: every bundle has regions.csv"),
				Arguments.of("another version of the format", (UnaryOperator<TestBundle>) b -> b,
						(BundleChange) dir -> Files.writeString(dir.resolve("manifest.json"),
								Files.readString(dir.resolve("manifest.json"))
									.replace("\"version\":1", "\"version\":2")),
						"manifest.json:1: version: must be 1 or \"1.1\" (the versions this platform reads), not 2"),
				Arguments.of("no manifest", (UnaryOperator<TestBundle>) b -> b,
						(BundleChange) dir -> Files.delete(dir.resolve("manifest.json")),
						"manifest.json:0: -: the bundle has no manifest.json"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBundles2")
	void aBadBundleIsNamedAndNothingIsWritten(String name, UnaryOperator<TestBundle> change, BundleChange after,
			String expected) throws Exception {
		long before = totalRows();
		Path dir = change.apply(TestBundle.valid("Y" + Math.abs(name.hashCode()))).write(tmp.resolve("b"));
		after.apply(dir);
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex).as(name).isNotNull();
		assertThat(ex.problems()).as(name).contains(expected);
		assertThat(totalRows()).as("rows after a refused bundle").isEqualTo(before);
	}

	@Test
	void aRowCountThatDoesNotMatchTheManifestIsRefused() throws Exception {
		TestBundle b = TestBundle.valid("C");
		b.rowOverride.put("vouchers.csv", 3L);
		Path dir = b.write(tmp.resolve("c"));
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex.problems()).contains("vouchers.csv:0: -: has 2 rows, the manifest says 3");
	}

	@Test
	void manyProblemsAreListedUpToAHundredAndCountedInFull() throws Exception {
		TestBundle b = TestBundle.valid("M");
		StringBuilder rows = new StringBuilder(b.files.get("vouchers.csv"));
		for (int i = 0; i < 150; i++) {
			rows.append("VM").append(i).append(",330683101201,2019-13-01,expense,1.00,bank,,,office,,,,,,\n");
		}
		b.files.put("vouchers.csv", rows.toString());
		Path dir = b.write(tmp.resolve("m"));
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(dir, Exchange.Progress.NONE));
		assertThat(ex.problems()).hasSize(100);
		assertThat(ex.total()).isEqualTo(150);
	}

	@Autowired
	List<ExchangeFile> declared;

	/** Every row of every table a bundle fills, and the record of imports. */
	private long totalRows() {
		String sum = declared.stream()
			.map(f -> "(select count(*) from " + f.table() + ")")
			.collect(Collectors.joining(" + "));
		return jdbc.sql("select " + sum + " + (select count(*) from plt_import)").query(Long.class).single();
	}

}
