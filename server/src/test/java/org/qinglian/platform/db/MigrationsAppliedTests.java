package org.qinglian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A start passes over Flyway only when every module's history holds exactly the jar's
 * migrations with Flyway's own checksums; a history that differs in one checksum sends
 * the start through Flyway again.
 */
@IntegrationTest
class MigrationsAppliedTests {

	@Autowired
	@Qualifier("ownerDataSource")
	DataSource owner;

	@Test
	void theHistoriesOfAMigratedDatabaseHoldTheJarsMigrationsAndNothingElse() {
		assertThat(MigrationsApplied.upToDate(owner, ModuleOrder.read())).isTrue();
		JdbcTemplate asOwner = new JdbcTemplate(owner);
		asOwner.update("update flyway_schema_history_risk set checksum = checksum + 1 where version = '1.6.1'");
		try {
			assertThat(MigrationsApplied.upToDate(owner, ModuleOrder.read())).isFalse();
		}
		finally {
			asOwner.update("update flyway_schema_history_risk set checksum = checksum - 1 where version = '1.6.1'");
		}
		assertThat(MigrationsApplied.upToDate(owner, ModuleOrder.read())).isTrue();
	}

}
