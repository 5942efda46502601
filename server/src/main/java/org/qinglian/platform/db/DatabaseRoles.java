package org.qinglian.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * What the application's role may do, granted by the schema's owner after every
 * migration: read and write the modules' tables, read and insert (only) into the audit
 * log, the key checks' history and the tables marked append-only, and nothing on the
 * migration histories. Schema changes the application needs at run time (an import's
 * keys, statistics, the risk library's materialized view) go through the owner's
 * {@code security definer} functions of the migrations, which touch the modules' data
 * tables only.
 */
final class DatabaseRoles {

	private DatabaseRoles() {
	}

	static void grant(DataSource owner, String app) {
		if (app == null || !app.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalStateException("QINGLIAN_DB_USER '" + app + "' is not a plain role name");
		}
		try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
			if (app.equals(c.getMetaData().getUserName())) {
				throw new IllegalStateException("The application's role " + app + " owns the schema: use another "
						+ "role for QINGLIAN_DB_USER than QINGLIAN_DB_OWNER_USER");
			}
			// nobody but the owner creates anything in the schema (PostgreSQL 14 lets
			// everyone)
			st.execute("revoke create on schema public from public");
			st.execute("grant usage on schema public to " + app);
			st.execute("grant select, insert, update, delete on all tables in schema public to " + app);
			st.execute("grant usage, select, update on all sequences in schema public to " + app);
			st.execute("revoke update, delete, truncate, trigger, references on plt_audit_log from " + app);
			st.execute("revoke insert, update, delete, truncate, trigger, references on plt_audit_log_v1 from " + app);
			st.execute("revoke all on plt_dropped_key from " + app);
			// the log of changes is written by its trigger (a definer function) only
			st.execute("revoke insert, update, delete, truncate, trigger, references on plt_table_change from " + app);
			// the import adds the regions it changed, and nobody takes them back
			st.execute("revoke update, delete, truncate, trigger, references on plt_change_region from " + app);
			// a module's table whose comment begins with "append-only" (the disclosure
			// module's publication log) is read and added to, never changed
			st.execute("""
					do $$ declare t text; begin
					  for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
					           where n.nspname = 'public' and c.relkind = 'r'
					             and obj_description(c.oid, 'pg_class') like 'append-only%%' loop
					    execute format('revoke update, delete, truncate, trigger, references on %%I from %s', t);
					  end loop;
					end $$""".formatted(app));
			st.execute("""
					do $$ declare t text; begin
					  for t in select tablename from pg_tables
					           where schemaname = 'public' and tablename like 'flyway%%' loop
					    execute format('revoke insert, update, delete, truncate on %%I from %s', t);
					  end loop;
					end $$""".formatted(app));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant the application's role its rights: " + ex.getMessage(),
					ex);
		}
	}

}
