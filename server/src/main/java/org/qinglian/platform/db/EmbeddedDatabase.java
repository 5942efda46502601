package org.qinglian.platform.db;

/**
 * Holds the embedded server, if any (none for an external database), so that it stops
 * after the pool closes.
 *
 * @param server the embedded server, or {@code null}
 */
public record EmbeddedDatabase(EmbeddedPostgresServer server) implements AutoCloseable {

	@Override
	public void close() {
		if (server != null) {
			server.close();
		}
	}

}
