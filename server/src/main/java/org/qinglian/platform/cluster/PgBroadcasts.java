package org.qinglian.platform.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.qinglian.platform.Broadcasts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link Broadcasts} over PostgreSQL's {@code LISTEN}/{@code NOTIFY} on the channel
 * {@value #CHANNEL}: {@code pg_notify} in the sender's transaction (PostgreSQL delivers
 * it at commit, and never after a rollback), and one connection of this instance's own,
 * outside the pool, that listens from the first {@link #listen} on. When that connection
 * is lost, it is opened again and every listener runs, since messages may have been
 * missed meanwhile.
 */
@Component
class PgBroadcasts implements Broadcasts, DisposableBean {

	static final String CHANNEL = "qinglian_broadcast";

	private static final Logger log = LoggerFactory.getLogger(PgBroadcasts.class);

	private static final Pattern TOPIC = Pattern.compile("[a-z0-9.-]{1,64}");

	private final JdbcTemplate jdbc;

	private final HikariDataSource dataSource;

	private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

	private volatile Thread thread;

	private volatile boolean stopped;

	PgBroadcasts(JdbcTemplate jdbc, HikariDataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public void send(String topic) {
		check(topic);
		jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, topic);
	}

	@Override
	public void listen(String topic, Runnable listener) {
		check(topic);
		listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
		start();
	}

	private static void check(String topic) {
		if (topic == null || !TOPIC.matcher(topic).matches()) {
			throw new IllegalArgumentException("A broadcast's topic is [a-z0-9.-]{1,64}, not '" + topic + "'");
		}
	}

	private synchronized void start() {
		if (thread != null || stopped) {
			return;
		}
		thread = new Thread(this::loop, "broadcasts");
		thread.setDaemon(true);
		thread.start();
	}

	private void loop() {
		boolean first = true;
		while (!stopped) {
			Properties props = new Properties();
			if (dataSource.getUsername() != null) {
				props.setProperty("user", dataSource.getUsername());
			}
			if (dataSource.getPassword() != null) {
				props.setProperty("password", dataSource.getPassword());
			}
			// a connection that died without a word is noticed within a minute
			props.setProperty("socketTimeout", "60");
			props.setProperty("tcpKeepAlive", "true");
			try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), props)) {
				try (Statement st = c.createStatement()) {
					st.execute("listen " + CHANNEL);
				}
				if (!first) {
					// listening again: what was sent meanwhile is lost, so act as if
					// everything was
					listeners.values().forEach(list -> list.forEach(this::runQuietly));
				}
				first = false;
				PGConnection pg = c.unwrap(PGConnection.class);
				int quiet = 0;
				while (!stopped) {
					PGNotification[] heard = pg.getNotifications(1000);
					if (heard == null || heard.length == 0) {
						// a connection that died without a word (a half-open socket)
						// is found by asking it something now and then
						if (++quiet >= 30) {
							quiet = 0;
							try (Statement st = c.createStatement()) {
								st.setQueryTimeout(10);
								st.execute("select 1");
							}
						}
						continue;
					}
					for (PGNotification n : heard) {
						listeners.getOrDefault(n.getParameter(), List.of()).forEach(this::runQuietly);
					}
				}
			}
			catch (SQLException ex) {
				if (stopped) {
					return;
				}
				first = false;
				log.warn("Listening for broadcasts failed ({}); listening again in a second", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void runQuietly(Runnable listener) {
		try {
			listener.run();
		}
		catch (RuntimeException ex) {
			log.warn("A broadcast's listener failed: {}", ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		stopped = true;
		Thread t = thread;
		if (t != null) {
			t.interrupt();
		}
	}

}
