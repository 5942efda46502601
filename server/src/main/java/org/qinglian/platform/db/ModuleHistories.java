package org.qinglian.platform.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Moves an installation made before the migrations had one history a module (one
 * {@code flyway_schema_history} for all) to one history a module: each module's history
 * starts at the highest of its versions the old history applied (a Flyway baseline), so
 * that nothing runs twice and every later migration of every module runs, in whatever
 * order of versions. The old history is kept as
 * {@code flyway_schema_history_before_modules}.
 */
final class ModuleHistories {

	private static final Logger log = LoggerFactory.getLogger(ModuleHistories.class);

	static final String LEGACY = "flyway_schema_history";

	private ModuleHistories() {
	}

	static void splitLegacyHistory(Flyway flyway) {
		DataSource owner = flyway.getConfiguration().getDataSource();
		Map<String, String> moduleOfScript = scripts();
		Map<String, MigrationVersion> applied = new LinkedHashMap<>();
		try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
			boolean legacy;
			try (var rs = st.executeQuery("""
					select exists (select 1 from pg_tables where schemaname = current_schema() and tablename = '%s')
					   and not exists (select 1 from pg_tables where schemaname = current_schema()
					                   and tablename like 'flyway_schema_history_%%')""".formatted(LEGACY))) {
				rs.next();
				legacy = rs.getBoolean(1);
			}
			if (!legacy) {
				return;
			}
			try (var rs = st
				.executeQuery("select script, version from " + LEGACY + " where success and version is not null")) {
				while (rs.next()) {
					String module = moduleOfScript.get(rs.getString(1));
					if (module == null) {
						continue;
					}
					MigrationVersion v = MigrationVersion.fromVersion(rs.getString(2));
					applied.merge(module, v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
				}
			}
			for (var e : applied.entrySet()) {
				Flyway.configure()
					.configuration(flyway.getConfiguration())
					.locations("classpath:db/migration/" + e.getKey())
					.table(LEGACY + "_" + e.getKey())
					.baselineVersion(e.getValue())
					.baselineDescription("applied before the histories were split by module")
					.load()
					.baseline();
			}
			st.execute("alter table " + LEGACY + " rename to " + LEGACY + "_before_modules");
			// its indexes keep their names, which the new history of the root would take
			List<String> indexes = new ArrayList<>();
			try (var rs = st.executeQuery("select indexname from pg_indexes where schemaname = current_schema() "
					+ "and tablename = '" + LEGACY + "_before_modules'")) {
				while (rs.next()) {
					indexes.add(rs.getString(1));
				}
			}
			for (String index : indexes) {
				st.execute("alter index \"" + index + "\" rename to \"" + index + "_before_modules\"");
			}
			log.warn("The migration history was split by module: {}", applied);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not split the migration history by module: " + ex.getMessage(), ex);
		}
	}

	/** Each migration script's module, by the folder it is in. */
	private static Map<String, String> scripts() {
		Map<String, String> out = new LinkedHashMap<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/*/V*.sql")) {
				String path = r.getURL().getPath();
				String[] parts = path.split("/");
				out.put(parts[parts.length - 1], parts[parts.length - 2]);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the migrations: " + ex.getMessage(), ex);
		}
		return out;
	}

}
