package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinglian.SampleCounty;
import org.qinglian.TestBundles;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Exchange.ImportReport;

import org.springframework.test.context.TestPropertySource;

/**
 * A file that is, byte for byte, the one last imported under its name, into a table that
 * nothing changed since, is not read again; any change to the file or to its table, and
 * it is. Its own database.
 */
@TestPropertySource(properties = "qinglian.test.database=unchanged-files")
class UnchangedFilesTests extends BundleTest {

	static final int FILES = 24;

	@Test
	void anUnchangedBundleIsNotReadAgainButAChangedFileOrTableIs() throws Exception {
		Path bundle = TestBundles.copy(SampleCounty.bundle());
		ImportReport first = exchange.importBundle(bundle, Exchange.Progress.NONE);
		assertThat(first.filesUnchanged()).isZero();
		exchange.awaitFollowUps(Duration.ofMinutes(2));

		ImportReport again = exchange.importBundle(bundle, Exchange.Progress.NONE);
		assertThat(again.filesUnchanged()).as("every file as it was, into its table as it was").isEqualTo(FILES);
		assertThat(again.rowsRead()).isEqualTo(first.rowsRead());
		assertThat(again.rowsChanged()).isZero();

		// a voucher changed in the database: vouchers.csv is read again, and restores it
		String voucher = jdbc.sql("select min(voucher_id) from ast_voucher").query(String.class).single();
		String summary = jdbc.sql("select summary from ast_voucher where voucher_id = ?")
			.param(voucher)
			.query(String.class)
			.single();
		jdbc.sql("update ast_voucher set summary = 'changed' where voucher_id = ?").param(voucher).update();
		ImportReport afterEdit = exchange.importBundle(bundle, Exchange.Progress.NONE);
		assertThat(afterEdit.filesUnchanged()).isEqualTo(FILES - 1);
		assertThat(afterEdit.rowsChanged()).isEqualTo(1);
		assertThat(jdbc.sql("select summary from ast_voucher where voucher_id = ?")
			.param(voucher)
			.query(String.class)
			.single()).isEqualTo(summary);
		exchange.awaitFollowUps(Duration.ofMinutes(2));

		// a file changed (and its manifest with it): read again
		Path regions = bundle.resolve("regions.csv");
		List<String> lines = Files.readAllLines(regions, StandardCharsets.UTF_8);
		lines.set(lines.size() - 1, lines.get(lines.size() - 1).replaceFirst(",[^,]*村,", ",改名村,"));
		Files.write(regions, lines, StandardCharsets.UTF_8);
		TestBundles.rehash(bundle, "regions.csv");
		ImportReport renamed = exchange.importBundle(bundle, Exchange.Progress.NONE);
		assertThat(renamed.filesUnchanged()).as("the files that name a region are checked against it again")
			.isLessThan(FILES - 1)
			.as("the files that do not are not read")
			.isPositive();
		assertThat(renamed.rowsChanged()).isEqualTo(1);
		exchange.awaitFollowUps(Duration.ofMinutes(2));

		// a file changed under a manifest that still gives the old hash: read, and
		// refused
		Files.writeString(regions, Files.readString(regions).replace("改名村", "又改村"));
		assertThatThrownBy(() -> exchange.importBundle(bundle, Exchange.Progress.NONE))
			.isInstanceOfSatisfying(BundleRejectedException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p).contains("regions.csv").contains("SHA-256")));
		assertThat(jdbc.sql("select count(*) from jur_region where name = '又改村'").query(Long.class).single()).isZero();
	}

	@Test
	void anUnchangedFileIsCheckedAgainAgainstTheFilesItLooksUpWhenTheyChange() throws Exception {
		Path bundle = TestBundles.copy(SampleCounty.bundle());
		exchange.importBundle(bundle, Exchange.Progress.NONE);
		exchange.awaitFollowUps(Duration.ofMinutes(2));
		String exercise = jdbc.sql("select min(exercise_id) from pow_exercise_event").query(String.class).single();
		String item = jdbc.sql("select item_code from pow_exercise where exercise_id = ?")
			.param(exercise)
			.query(String.class)
			.single();
		String other = jdbc.sql("""
				select min(i.item_code) from pow_item i where i.item_code <> ? and not exists (
				  select 1 from pow_step s join pow_exercise_event e on e.step_code = s.step_code
				  where s.item_code = i.item_code and e.exercise_id = ?)""")
			.params(item, exercise)
			.query(String.class)
			.single();
		// the use of power moved to an item none of whose steps it took: its steps, in an
		// unchanged exercise_events.csv, no longer fit
		Path exercises = bundle.resolve("power_exercises.csv");
		List<String> lines = Files.readAllLines(exercises, StandardCharsets.UTF_8);
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).startsWith(exercise + ",")) {
				lines.set(i,
						lines.get(i).replaceFirst("^" + exercise + "," + item + ",", exercise + "," + other + ","));
			}
		}
		Files.write(exercises, lines, StandardCharsets.UTF_8);
		TestBundles.rehash(bundle, "power_exercises.csv");
		assertThatThrownBy(() -> exchange.importBundle(bundle, Exchange.Progress.NONE)).isInstanceOfSatisfying(
				BundleRejectedException.class,
				ex -> assertThat(ex.problems()).anySatisfy(p -> assertThat(p).startsWith("exercise_events.csv:")
					.contains("is not a step of the exercise's power item")));
		assertThat(jdbc.sql("select item_code from pow_exercise where exercise_id = ?")
			.param(exercise)
			.query(String.class)
			.single()).isEqualTo(item);
	}

	@Test
	void aFileIsCheckedAgainWhenATableItLooksUpChangedThoughItsFileIsNotInTheBundle() throws Exception {
		exchange.importBundle(SampleCounty.bundle(), Exchange.Progress.NONE);
		exchange.awaitFollowUps(Duration.ofMinutes(2));
		// a bundle of the regions and the steps taken only: the steps are checked against
		// the items' steps in the database
		Path partial = Files.createTempDirectory("partial");
		for (String f : List.of("regions.csv", "exercise_events.csv")) {
			Files.copy(SampleCounty.bundle().resolve(f), partial.resolve(f));
		}
		writeManifest(partial, List.of("regions.csv", "exercise_events.csv"));
		ImportReport same = exchange.importBundle(partial, Exchange.Progress.NONE);
		assertThat(same.filesUnchanged()).isEqualTo(2);
		// a step of an item taken away in the database: the steps taken, unchanged, no
		// longer fit
		String[] step = jdbc.sql("select e.exercise_id, e.step_code from pow_exercise_event e limit 1")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		jdbc.sql("""
				delete from pow_step where step_code = ?
				  and item_code = (select item_code from pow_exercise where exercise_id = ?)""")
			.params(step[1], step[0])
			.update();
		assertThatThrownBy(() -> exchange.importBundle(partial, Exchange.Progress.NONE)).isInstanceOfSatisfying(
				BundleRejectedException.class,
				ex -> assertThat(ex.problems()).anySatisfy(p -> assertThat(p).startsWith("exercise_events.csv:")
					.contains("is not a step of the exercise's power item")));
	}

	static void writeManifest(Path bundle, List<String> files) throws Exception {
		StringBuilder json = new StringBuilder("""
				{"format": "qdx", "version": 1, "county_code": "330683", "generated_at": "2021-01-15T09:00:00+08:00",
				 "period": {"from": "2019-01-01", "to": "2020-12-31"}, "files": {""");
		for (int i = 0; i < files.size(); i++) {
			Path f = bundle.resolve(files.get(i));
			long rows = Files.readAllLines(f, StandardCharsets.UTF_8).size() - 1;
			String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
			json.append(i == 0 ? "" : ", ")
				.append("\"")
				.append(files.get(i))
				.append("\": {\"rows\": ")
				.append(rows)
				.append(", \"sha256\": \"")
				.append(hash)
				.append("\"}");
		}
		Files.writeString(bundle.resolve("manifest.json"), json.append("}}").toString());
	}

}
