package org.qinglian.platform.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.modulith.core.ApplicationModuleIdentifier;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one PostgreSQL database, reached as two roles: the owner of the schema (the
 * migrations, through {@link FlywayDataSource}) and the application's role (everything
 * else, the primary data source), which may only read and insert into the audit log.
 * Embedded by default so that a new user needs nothing installed; external when
 * {@link DatabaseSettings#url()} is set.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	/** The embedded server's settings. */
	static final Map<String, String> SERVER_SETTINGS = Map.of("shared_buffers", "256MB", "max_wal_size", "4GB",
			"checkpoint_timeout", "15min", "work_mem", "64MB", "maintenance_work_mem", "256MB", "timezone", "UTC",
			"max_connections", "100");

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
		if (!settings.embedded()) {
			EarlyDatabase.discard();
			return new EmbeddedDatabase(null);
		}
		try {
			// started already, from main, while Spring started?
			EmbeddedPostgresServer server = EarlyDatabase.take(settings.dataDir(), settings.clean());
			if (server == null) {
				server = EmbeddedPostgresServer.start(settings.dataDir(), settings.clean(), SERVER_SETTINGS);
			}
			log.info("Embedded PostgreSQL on port {} with data in {}", server.port(),
					settings.dataDir().toAbsolutePath());
			return new EmbeddedDatabase(server);
		}
		catch (IOException | IllegalStateException ex) {
			throw new IllegalStateException(
					"Could not start the embedded PostgreSQL in " + settings.dataDir() + ": " + ex.getMessage(), ex);
		}
	}

	@Bean(destroyMethod = "close")
	@Primary
	HikariDataSource dataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("qinglian");
		config.setMaximumPoolSize(settings.poolSize());
		if (embedded.server() != null) {
			config.setJdbcUrl(embedded.server().jdbcUrl());
			config.setUsername(embedded.server().appUser());
			config.setPassword(embedded.server().appPassword());
		}
		else {
			config.setJdbcUrl(settings.url());
			config.setUsername(settings.user());
			config.setPassword(settings.password());
		}
		return new HikariDataSource(config);
	}

	/**
	 * The schema owner's connections: the migrations only. Pooled (at most four, none
	 * kept when idle): the migrations of the thirteen modules would otherwise each open
	 * their own connections, every one with its password handshake.
	 */
	@Bean(destroyMethod = "close")
	@FlywayDataSource
	HikariDataSource ownerDataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("qinglian-owner");
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		config.setIdleTimeout(10_000);
		if (embedded.server() != null) {
			config.setJdbcUrl(embedded.server().jdbcUrl());
			config.setUsername(embedded.server().ownerUser());
			config.setPassword(embedded.server().ownerPassword());
		}
		else if (settings.ownerUser() == null || settings.ownerUser().isBlank()) {
			throw new IllegalStateException("QINGLIAN_DB_OWNER_USER is not set: the schema must belong to another "
					+ "role than the application's (QINGLIAN_DB_USER), so that the application cannot rewrite its "
					+ "audit log. The README's 'An external PostgreSQL' says how to create both roles");
		}
		else {
			config.setJdbcUrl(settings.url());
			config.setUsername(settings.ownerUser());
			config.setPassword(settings.ownerPassword());
		}
		return new HikariDataSource(config);
	}

	/**
	 * The migrations with one history a module, in the modules' dependency order (Spring
	 * Modulith's strategy), after moving an older installation's single history over;
	 * then the application's role gets what it may do, and no more.
	 */
	@Bean
	@Primary
	FlywayMigrationStrategy migrateThenGrant(DatabaseSettings settings, EmbeddedDatabase embedded) {
		String app = embedded.server() != null ? embedded.server().appUser() : settings.user();
		// Spring Modulith's strategy with the order kept in the jar (ModuleOrder), not
		// derived from the classes at every start
		SpringModulithFlywayMigrationStrategy byModule = new SpringModulithFlywayMigrationStrategy(
				ApplicationModuleIdentifiers
					.of(ModuleOrder.read().stream().map(ApplicationModuleIdentifier::of).toList()));
		return flyway -> {
			if (MigrationsApplied.upToDate(flyway.getConfiguration().getDataSource(), ModuleOrder.read())) {
				// nothing to migrate: the grants as always, not Flyway's look at every
				// history
				DatabaseRoles.grant(flyway.getConfiguration().getDataSource(), app);
				return;
			}
			ModuleHistories.splitLegacyHistory(flyway);
			long before = applied(flyway.getConfiguration().getDataSource());
			byModule.migrate(flyway);
			if (applied(flyway.getConfiguration().getDataSource()) != before) {
				// a migration may have changed data without a trigger seeing it (DDL):
				// nothing derived from the tables is taken as unchanged
				forgetDerived(flyway.getConfiguration().getDataSource());
			}
			DatabaseRoles.grant(flyway.getConfiguration().getDataSource(), app);
		};
	}

	/** How many migrations the histories record. */
	private static long applied(DataSource owner) {
		try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
			String union;
			try (ResultSet rs = st.executeQuery(
					"""
							select string_agg('select count(*) from ' || quote_ident(tablename), ' union all ')
							from pg_tables where schemaname = current_schema() and tablename like 'flyway_schema_history%'""")) {
				rs.next();
				union = rs.getString(1);
			}
			if (union == null) {
				return 0;
			}
			try (ResultSet rs = st.executeQuery("select coalesce(sum(count), 0) from (" + union + ") h")) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the migration histories: " + ex.getMessage(), ex);
		}
	}

	private static void forgetDerived(DataSource owner) {
		try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
			for (String table : new String[] { "plt_import_file", "plt_derived_stamp" }) {
				st.execute("delete from " + table);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not forget what was derived before the migrations: " + ex.getMessage(), ex);
		}
	}

}
