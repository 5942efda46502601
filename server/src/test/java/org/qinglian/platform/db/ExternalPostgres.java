package org.qinglian.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A PostgreSQL server beside a test, standing in for a county's own: password
 * authentication, and the two roles the README asks an administrator to create
 * ({@code ext_owner} owns the databases, {@code ext_app} is what the application uses).
 */
public final class ExternalPostgres implements AutoCloseable {

	public static final String OWNER_PASSWORD = "owner-secret-9f3a";

	public static final String APP_PASSWORD = "app-secret-41c7";

	private final EmbeddedPostgresServer server;

	private ExternalPostgres(EmbeddedPostgresServer server) {
		this.server = server;
	}

	public static ExternalPostgres start() throws IOException, SQLException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Files.createTempDirectory("qinglian-external"),
				true, Map.of("max_connections", "50", "fsync", "off"));
		try (Connection c = server.superuserConnection("postgres"); Statement st = c.createStatement()) {
			st.execute("create role ext_owner login password '" + OWNER_PASSWORD + "'");
			st.execute("create role ext_app login password '" + APP_PASSWORD + "'");
		}
		return new ExternalPostgres(server);
	}

	/**
	 * A new database owned by {@code ext_owner}, which {@code ext_app} may connect to.
	 */
	public String createDatabase(String name) throws SQLException {
		try (Connection c = server.superuserConnection("postgres"); Statement st = c.createStatement()) {
			st.execute("create database " + name + " owner ext_owner");
			st.execute("revoke all on database " + name + " from public");
			st.execute("grant connect, temporary on database " + name + " to ext_app");
		}
		return "jdbc:postgresql://localhost:" + server.port() + "/" + name;
	}

	/** The settings that point the application at a database of this server. */
	public String[] settings(String url) {
		return new String[] { "qinglian.db.url=" + url, "qinglian.db.user=ext_app",
				"qinglian.db.password=" + APP_PASSWORD, "qinglian.db.owner-user=ext_owner",
				"qinglian.db.owner-password=" + OWNER_PASSWORD };
	}

	public Connection superuser(String database) throws SQLException {
		return server.superuserConnection(database);
	}

	public int port() {
		return server.port();
	}

	@Override
	public void close() {
		server.close();
	}

}
