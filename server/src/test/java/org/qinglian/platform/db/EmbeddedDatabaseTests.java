package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** The embedded PostgreSQL as a new installation gets it. */
@IntegrationTest
class EmbeddedDatabaseTests {

	@Autowired
	EmbeddedDatabase database;

	@TempDir
	Path tmp;

	String setting(Statement st, String sql) throws SQLException {
		try (var rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Test
	void itWantsPasswordsListensOnLocalhostAndCommitsDurably() throws Exception {
		try (Connection c = database.server().superuserConnection("qinglian"); Statement st = c.createStatement()) {
			assertThat(setting(st, "show synchronous_commit")).isEqualTo("on");
			assertThat(setting(st, "show listen_addresses")).isEqualTo("localhost");
			assertThat(setting(st, "select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'"))
				.as("no trust, no other method")
				.isEqualTo("0");
			assertThat(setting(st, "select count(*) from pg_hba_file_rules")).isEqualTo("2");
			assertThat(setting(st, "select rolsuper::text from pg_roles where rolname = 'qinglian_app'"))
				.isEqualTo("false");
		}
		assertThatThrownBy(() -> DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + database.server().port() + "/qinglian", "qinglian_app", "guess"))
			.hasMessageContaining("password authentication failed");
	}

	@Test
	void aDatabaseMadeByAnEarlierVersionIsNotTakenOverInPlace() throws Exception {
		Path old = tmp.resolve("pg");
		Files.createDirectories(old);
		Files.writeString(old.resolve("PG_VERSION"), "17\n");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(old, false, Map.of()))
			.hasMessageContaining("made by an earlier version of Qinglian");
	}

}
