package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
		assertThat(EarlyDatabase.dataDir(new String[] { "scan" }, Map.of(), dir)).isEqualTo(dir.resolve("data/pg"));
		assertThat(EarlyDatabase.dataDir(new String[] { "scan" }, Map.of("QINGLIAN_DB_DATA_DIR", "/srv/pg"), dir))
			.isEqualTo(Path.of("/srv/pg"));
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.data-dir=x/pg", "--server.port=0" },
				Map.of("QINGLIAN_DB_DATA_DIR", "/srv/pg"), dir))
			.isEqualTo(dir.resolve("x/pg"));
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.url=" }, Map.of("QINGLIAN_DB_URL", " "), dir))
			.as("an empty URL is the embedded database")
			.isEqualTo(dir.resolve("data/pg"));
	}

	@Test
	void notWhenAnythingElseMayConfigureTheDatabase() throws Exception {
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.url=jdbc:postgresql://db/q" }, Map.of(), dir))
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.clean=true" }, Map.of(), dir)).isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--spring.profiles.active=x" }, Map.of(), dir)).isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], Map.of("QINGLIAN_DB_URL", "jdbc:postgresql://db/q"), dir))
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], Map.of("QINGLIAN_DB_DATADIR", "/srv/pg"), dir))
			.as("relaxed binding: another spelling of the directory")
			.isNull();
		assertThat(EarlyDatabase.dataDir(new String[0], Map.of("SPRING_CONFIG_LOCATION", "/etc/q/"), dir)).isNull();
		assertThat(EarlyDatabase.dataDir(new String[] { "--qinglian.db.data-dir=" }, Map.of(), dir)).isNull();
		Files.writeString(dir.resolve("application.properties"), "qinglian.db.url=jdbc:postgresql://db/q\n");
		assertThat(EarlyDatabase.dataDir(new String[0], Map.of(), dir)).as("a configuration file beside it").isNull();
	}

}
