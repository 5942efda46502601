package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qinglian.QinglianApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code QINGLIAN_DB_URL}, {@code _USER} and {@code _PASSWORD} point the platform at an
 * external PostgreSQL: here a second server started beside the test, with its own user
 * and password, as a real one would be.
 */
class ExternalDatabaseTests {

	static EmbeddedPostgres server;

	@BeforeAll
	static void startServer() throws Exception {
		server = EmbeddedPostgres.builder()
			.setDataDirectory(Files.createTempDirectory("qinglian-external"))
			.setCleanDataDirectory(true)
			.start();
		try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
			st.execute("create user qinglian_app password 'external-secret'");
			st.execute("create database qinglian_ext owner qinglian_app");
		}
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@Test
	void theApplicationMigratesAndUsesAnExternalDatabase() {
		String url = "jdbc:postgresql://localhost:" + server.getPort() + "/qinglian_ext";
		try (var context = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.properties("qinglian.db.url=" + url, "qinglian.db.user=qinglian_app",
					"qinglian.db.password=external-secret", "qinglian.db.data-dir=" + Path.of("target/never-used"))
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("qinglian_app");
			assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
				.isGreaterThanOrEqualTo(6);
			assertThat(Files.exists(Path.of("target/never-used"))).as("no embedded server started").isFalse();
		}
	}

}
