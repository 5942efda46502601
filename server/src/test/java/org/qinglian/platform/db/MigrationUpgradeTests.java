package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.qinglian.QinglianApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database made by the earlier migration set (one history for all modules, up to the
 * risk module's 1.6.1) is upgraded: the platform's later 1.0.2 and onwards run, which one
 * history refused as out of order, and the data stays.
 */
class MigrationUpgradeTests {

	/**
	 * The migrations of the release before per-module histories (commit 36ebbf8), all in
	 * one folder for one history: the same files, unchanged since (Flyway would refuse a
	 * changed one).
	 */
	static final List<String> EARLIER = List.of("platform/V1_0_1__platform.sql",
			"jurisdiction/V1_1_1__jurisdiction.sql", "powerlist/V1_2_1__powerlist.sql", "assets/V1_3_1__assets.sql",
			"intake/V1_4_1__intake.sql", "casework/V1_5_1__casework.sql", "casework/V1_5_2__clues.sql",
			"risk/V1_6_1__risk.sql");

	static Path earlierMigrations(Path dir) throws Exception {
		for (String script : EARLIER) {
			try (InputStream in = new ClassPathResource("db/migration/" + script).getInputStream()) {
				Files.copy(in, dir.resolve(script.substring(script.indexOf('/') + 1)));
			}
		}
		return dir;
	}

	@Test
	void aDatabaseOfTheEarlierMigrationsIsUpgradedModuleByModule() throws Exception {
		try (ExternalPostgres server = ExternalPostgres.start()) {
			String url = server.createDatabase("earlier");
			DriverManagerDataSource owner = new DriverManagerDataSource(url, "ext_owner",
					ExternalPostgres.OWNER_PASSWORD);
			Flyway earlier = Flyway.configure()
				.dataSource(owner)
				.locations("filesystem:" + earlierMigrations(Files.createTempDirectory("earlier")))
				.load();
			assertThat(earlier.migrate().migrationsExecuted).isEqualTo(8);
			try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
				st.execute("insert into jur_region (region_code, name, level, parent_code) "
						+ "values ('330683000000', '嵊州市', 'county', null)");
			}
			try (var context = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
				.profiles("test")
				.properties(server.settings(url))
				.run()) {
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select name from jur_region where region_code = '330683000000'")
					.query(String.class)
					.single()).isEqualTo("嵊州市");
				assertThat(jdbc
					.sql("select string_agg(version, ',' order by installed_rank) from "
							+ "flyway_schema_history_platform where success")
					.query(String.class)
					.single()).startsWith("1.0.1,1.0.2,1.0.3");
				assertThat(jdbc
					.sql("select string_agg(version, ',' order by installed_rank) from "
							+ "flyway_schema_history_risk where success")
					.query(String.class)
					.single()).startsWith("1.6.1,1.6.2");
				assertThat(jdbc.sql("select count(*) from flyway_schema_history_before_modules")
					.query(Long.class)
					.single()).isEqualTo(8);
				assertThat(jdbc.sql("select count(*) from plt_key_check").query(Long.class).single()).isEqualTo(3);
			}
		}
	}

}
