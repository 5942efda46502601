package org.qinglian.platform.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether every module's history already holds exactly the migrations in the jar, each
 * with the checksum Flyway gives it (a CRC32 of its lines): then a start need not have
 * Flyway look at thirteen histories (a second of every command's start). Anything else, a
 * migration to run, a changed one, a history missing, and Flyway runs as always (and says
 * what is wrong).
 */
final class MigrationsApplied {

	private static final Pattern VERSIONED = Pattern.compile("V([0-9_]+)__.*\\.sql");

	private MigrationsApplied() {
	}

	static boolean upToDate(DataSource owner, List<String> modules) {
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
			if (resources.getResources("classpath*:db/migration/*.sql").length > 0) {
				return false;
			}
			for (String module : modules) {
				Map<String, Integer> inJar = new HashMap<>();
				for (Resource r : resources.getResources("classpath*:db/migration/" + module + "/*.sql")) {
					Matcher m = VERSIONED.matcher(r.getFilename());
					if (!m.matches()) {
						return false;
					}
					inJar.put(m.group(1).replace('_', '.'), checksum(r));
				}
				Map<String, Integer> applied = new HashMap<>();
				try (ResultSet rs = st.executeQuery("select version, checksum from flyway_schema_history_" + module
						+ " where success and type = 'SQL' and version is not null")) {
					while (rs.next()) {
						applied.put(rs.getString(1), rs.getInt(2));
					}
				}
				catch (SQLException ex) {
					// no history yet
					return false;
				}
				if (!inJar.equals(applied)) {
					return false;
				}
			}
			return true;
		}
		catch (SQLException | IOException ex) {
			return false;
		}
	}

	/** Flyway's checksum of a migration: a CRC32 of its lines, without their ends. */
	static int checksum(Resource resource) throws IOException {
		CRC32 crc = new CRC32();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				crc.update(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		return (int) crc.getValue();
	}

}
