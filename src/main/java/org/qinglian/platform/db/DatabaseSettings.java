package org.qinglian.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With no {@code url} (the default) the application starts an
 * embedded PostgreSQL whose files live in {@code dataDir}; {@code QINGLIAN_DB_URL},
 * {@code QINGLIAN_DB_USER} and {@code QINGLIAN_DB_PASSWORD} point it at an external
 * PostgreSQL 14+ instead.
 *
 * @param url JDBC URL of an external PostgreSQL, empty for the embedded one
 * @param user database user of the external PostgreSQL
 * @param password its password
 * @param dataDir the embedded PostgreSQL's data directory
 * @param clean whether to wipe the embedded data directory at start (tests only)
 * @param poolSize connection pool size
 */
@ConfigurationProperties("qinglian.db")
public record DatabaseSettings(String url, String user, String password, @DefaultValue("data/pg") Path dataDir,
		@DefaultValue("false") boolean clean, @DefaultValue("8") int poolSize) {

	boolean embedded() {
		return url == null || url.isBlank();
	}

}
