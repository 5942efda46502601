package org.qinglian.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With no {@code url} (the default) the application starts an
 * embedded PostgreSQL whose files live in {@code dataDir}, with its own roles and
 * passwords. {@code QINGLIAN_DB_URL}, {@code QINGLIAN_DB_USER} and
 * {@code QINGLIAN_DB_PASSWORD} point it at an external PostgreSQL 14+ instead, where
 * {@code QINGLIAN_DB_OWNER_USER} and {@code QINGLIAN_DB_OWNER_PASSWORD} name the role
 * that owns the schema and runs the migrations (the README says how to create both).
 *
 * @param url JDBC URL of an external PostgreSQL, empty for the embedded one
 * @param user the role the running application uses (may only insert into the audit log)
 * @param password its password
 * @param ownerUser the role that owns the schema and runs the migrations
 * @param ownerPassword its password
 * @param dataDir the embedded PostgreSQL's data directory
 * @param clean whether to wipe the embedded data directory at start (tests only)
 * @param poolSize connection pool size
 */
@ConfigurationProperties("qinglian.db")
public record DatabaseSettings(String url, String user, String password, String ownerUser, String ownerPassword,
		@DefaultValue("data/pg") Path dataDir, @DefaultValue("false") boolean clean, @DefaultValue("8") int poolSize) {

	boolean embedded() {
		return url == null || url.isBlank();
	}

}
