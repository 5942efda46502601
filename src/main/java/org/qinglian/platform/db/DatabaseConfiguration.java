package org.qinglian.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one PostgreSQL database: embedded by default so that a new user needs nothing
 * installed, external when {@link DatabaseSettings#url()} is set.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	static final String DATABASE = "qinglian";

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
		if (!settings.embedded()) {
			return new EmbeddedDatabase(null);
		}
		try {
			Files.createDirectories(settings.dataDir());
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(settings.dataDir())
				.setCleanDataDirectory(settings.clean())
				.setRegisterShutdownHook(false)
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				.setServerConfig("work_mem", "64MB")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C")
				.start();
			try (Connection c = pg.getPostgresDatabase().getConnection();
					var st = c.createStatement();
					var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					st.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
				}
			}
			log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(),
					settings.dataDir().toAbsolutePath());
			return new EmbeddedDatabase(pg);
		}
		catch (IOException | IllegalStateException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + settings.dataDir() + ": "
					+ ex.getMessage() + ". If a Qinglian is running on this data, stop it first, or point "
					+ "QINGLIAN_DB_URL at a PostgreSQL that both can share", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("qinglian");
		config.setMaximumPoolSize(settings.poolSize());
		if (embedded.postgres() != null) {
			config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", DATABASE));
			config.setUsername("postgres");
		}
		else {
			config.setJdbcUrl(settings.url());
			config.setUsername(settings.user());
			config.setPassword(settings.password());
		}
		return new HikariDataSource(config);
	}

	/** Holds the embedded server, if any, so that it stops after the pool closes. */
	record EmbeddedDatabase(EmbeddedPostgres postgres) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (postgres != null) {
				postgres.close();
			}
		}

	}

}
