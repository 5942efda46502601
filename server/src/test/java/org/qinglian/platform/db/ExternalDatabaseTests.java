package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qinglian.QinglianApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code QINGLIAN_DB_URL} and the two roles point the platform at an external PostgreSQL:
 * here a second server beside the test, with password authentication and the roles the
 * README tells an administrator to create.
 */
class ExternalDatabaseTests {

	static ExternalPostgres server;

	@BeforeAll
	static void startServer() throws Exception {
		server = ExternalPostgres.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void theOwnerMigratesAndTheApplicationRunsAsItsOwnRole() throws Exception {
		String url = server.createDatabase("migrated");
		int migrations = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/**/V*.sql").length;
		try (var context = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.properties(server.settings(url))
			.properties("qinglian.db.data-dir=" + Path.of("target/never-used"))
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("ext_app");
			assertThat(jdbc.sql("select count(distinct tableowner) from pg_tables where schemaname = 'public'")
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select min(tableowner) from pg_tables where schemaname = 'public'")
				.query(String.class)
				.single()).isEqualTo("ext_owner");
			String histories = jdbc
				.sql("select string_agg('select count(*) from ' || tablename "
						+ "|| ' where success and type = ''SQL''', ' union all ') from pg_tables "
						+ "where schemaname = 'public' and tablename like 'flyway_schema_history%'")
				.query(String.class)
				.single();
			assertThat(jdbc.sql("select sum(count) from (" + histories + ") h").query(Long.class).single())
				.as("every migration ran once, each in its module's history")
				.isEqualTo(migrations);
			assertThat(jdbc.sql("select tablename from pg_tables where tablename like 'flyway_schema_history_%'")
				.query(String.class)
				.list()).as("a history for each module with migrations")
				.contains("flyway_schema_history_platform", "flyway_schema_history_jurisdiction",
						"flyway_schema_history_powerlist", "flyway_schema_history_assets",
						"flyway_schema_history_intake", "flyway_schema_history_casework", "flyway_schema_history_risk");
			assertThatThrownBy(() -> jdbc.sql("delete from plt_audit_log").update()).rootCause()
				.hasMessageContaining("permission denied");
			assertThat(Files.exists(Path.of("target/never-used"))).as("no embedded server started").isFalse();
		}
	}

	@Test
	void theServerWantsAPassword() {
		assertThatThrownBy(() -> DriverManager
			.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres", "ext_app", "wrong"))
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
	}

	@Test
	void anApplicationRoleThatOwnsTheSchemaIsRefused() throws Exception {
		String url = server.createDatabase("owned");
		assertThatThrownBy(() -> new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.properties("qinglian.db.url=" + url, "qinglian.db.user=ext_owner",
					"qinglian.db.password=" + ExternalPostgres.OWNER_PASSWORD, "qinglian.db.owner-user=ext_owner",
					"qinglian.db.owner-password=" + ExternalPostgres.OWNER_PASSWORD)
			.run()
			.close()).hasStackTraceContaining("owns the schema");
		assertThatThrownBy(() -> new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.properties("qinglian.db.url=" + url, "qinglian.db.user=ext_app",
					"qinglian.db.password=" + ExternalPostgres.APP_PASSWORD)
			.run()
			.close()).hasStackTraceContaining("QINGLIAN_DB_OWNER_USER is not set");
	}

}
