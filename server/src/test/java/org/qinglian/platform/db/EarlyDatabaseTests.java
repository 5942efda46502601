package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is started early (from {@code main}, while Spring starts) only
 * where what configures it is read as Spring would read it: the data directory of the
 * command line, else the environment, else {@code data/pg}; and not at all when anything
 * else may configure the database (another setting of it, a profile, a configuration file
 * or location). {@code KilledServerTests} starts the server this way.
 */
class EarlyDatabaseTests {

	@TempDir
	Path dir;

	@Test
	void theDataDirectoryIsTheCommandLinesElseTheEnvironmentsElseTheDefault() {
		assertThat(EarlyDatabase.dataDir(new String[] { "scan" }, none(), Map.of(), dir))
			.isEqualTo(dir.resolve("data/pg"));
		assertThat(
				EarlyDatabase.dataDir(new String[] { "scan" }, none(), Map.of("QINGLIAN_DB_DATA_DIR", "/srv/pg"), dir))
			.isEqualTo(Path.of("/srv/pg"));
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.data-dir=x/pg", "--server.port=0" }, none(),
				Map.of("QINGLIAN_DB_DATA_DIR", "/srv/pg"), dir))
			.isEqualTo(dir.resolve("x/pg"));
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.url=" }, none(), Map.of("QINGLIAN_DB_URL", " "),
				dir))
			.as("an empty URL is the embedded database")
			.isEqualTo(dir.resolve("data/pg"));
	}

	@Test
	void aSystemPropertyComesBetweenTheCommandLineAndTheEnvironment() {
		Properties properties = new Properties();
		properties.setProperty("qinglian.db.data-dir", "p/pg");
		assertThat(EarlyDatabase.dataDir(new String[0], properties, Map.of("QINGLIAN_DB_DATA_DIR", "/srv/pg"), dir))
			.isEqualTo(dir.resolve("p/pg"));
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.data-dir=a/pg" }, properties, Map.of(), dir))
			.isEqualTo(dir.resolve("a/pg"));
		for (String other : new String[] { "qinglian.db.url", "Qinglian.db.url", "spring.application.json",
				"loader.path" }) {
			Properties p = new Properties();
			p.setProperty(other, "x");
			assertThat(EarlyDatabase.dataDir(new String[0], p, Map.of(), dir)).as(other).isNull();
		}
	}

	@Test
	void notWhenAnythingElseMayConfigureTheDatabase() throws Exception {
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.url=jdbc:postgresql://db/q" }, none(), Map.of(),
				dir))
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.clean=true" }, none(), Map.of(), dir)).isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--spring.profiles.active=x" }, none(), Map.of(), dir))
			.isNull();
		assertThat(
				EarlyDatabase.dataDir(new String[0], none(), Map.of("QINGLIAN_DB_URL", "jdbc:postgresql://db/q"), dir))
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], none(), Map.of("QINGLIAN_DB_DATADIR", "/srv/pg"), dir))
			.as("relaxed binding: another spelling of the directory")
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], none(), Map.of("SPRING_CONFIG_LOCATION", "/etc/q/"), dir))
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.data-dir=" }, none(), Map.of(), dir)).isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--Qinglian.DB.url=jdbc:postgresql://db/q" }, none(), Map.of(),
				dir))
			.as("any case")
			.isNull();
		assertThat(
				EarlyDatabase.dataDir(new String[0], none(), Map.of("qinglian_db_url", "jdbc:postgresql://db/q"), dir))
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], none(), Map.of("spring_application_json", "{}"), dir)).isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.data-dir=file:/srv/pg" }, none(), Map.of(), dir))
			.as("a URL, as Spring would read it")
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], none(), Map.of(), dir)).isNotNull();
		Files.createDirectory(dir.resolve("config"));
		assertThat(EarlyDatabase.dataDir(new String[0], none(), Map.of(), dir)).as("a folder of configuration")
			.isNull();
		Files.delete(dir.resolve("config"));
		Files.writeString(dir.resolve("application-cli.yml"), "qinglian.db.url: jdbc:postgresql://db/q\n");
		assertThat(EarlyDatabase.dataDir(new String[0], none(), Map.of(), dir)).as("a profile's file beside it")
			.isNull();
	}

	private static Properties none() {
		return new Properties();
	}

}
