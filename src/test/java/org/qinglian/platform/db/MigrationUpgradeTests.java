package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.qinglian.QinglianApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database made by the earlier migration set (one history for all modules, up to the
 * risk module's 1.6.1) is upgraded: the platform's later 1.0.2 and onwards run, which one
 * history refused as out of order, and the data stays.
 */
class MigrationUpgradeTests {

	@Test
	void aDatabaseOfTheEarlierMigrationsIsUpgradedModuleByModule() throws Exception {
		try (ExternalPostgres server = ExternalPostgres.start()) {
			String url = server.createDatabase("earlier");
			DriverManagerDataSource owner = new DriverManagerDataSource(url, "ext_owner",
					ExternalPostgres.OWNER_PASSWORD);
			Flyway earlier = Flyway.configure()
				.dataSource(owner)
				.locations("classpath:db/earlier/platform", "classpath:db/earlier/jurisdiction",
						"classpath:db/earlier/powerlist", "classpath:db/earlier/assets", "classpath:db/earlier/intake",
						"classpath:db/earlier/casework", "classpath:db/earlier/risk")
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
