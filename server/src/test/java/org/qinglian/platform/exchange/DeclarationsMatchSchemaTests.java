package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the modules declare of their files agrees with their tables, so that a row the
 * importer's checks pass is a row the database takes: an empty cell allowed by the file
 * is allowed by the column, a value of the file's type fits the column's type, and the
 * key of the file is the table's primary key (on which rows merge).
 */
@IntegrationTest
class DeclarationsMatchSchemaTests {

	@Autowired
	List<ExchangeFile> files;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyDeclaredColumnFitsItsTable() {
		List<String> wrong = new ArrayList<>();
		for (ExchangeFile f : files) {
			for (ExchangeColumn c : f.columns()) {
				var column = jdbc.sql("""
						select format_type(atttypid, null) as type, attnotnull from pg_attribute
						where attrelid = ?::regclass and attname = ? and not attisdropped""")
					.params(f.table(), c.dbColumn())
					.query()
					.listOfRows();
				if (column.isEmpty()) {
					wrong.add(f.file() + " " + c.name() + ": " + f.table() + " has no column " + c.dbColumn());
					continue;
				}
				String type = (String) column.get(0).get("type");
				boolean notNull = (Boolean) column.get(0).get("attnotnull");
				if (notNull && !c.required()) {
					wrong.add(f.file() + " " + c.name() + ": optional in the file, not null in " + f.table());
				}
				String expected = switch (c.sqlType()) {
					case "date" -> "date";
					case "numeric" -> "numeric";
					case "integer" -> "integer";
					case "boolean" -> "boolean";
					default -> "text";
				};
				String actual = switch (type) {
					case "character varying", "character", "text" -> "text";
					default -> type;
				};
				if (!expected.equals(actual)) {
					wrong.add(
							f.file() + " " + c.name() + ": " + c.type() + " in the file, " + type + " in " + f.table());
				}
			}
			List<String> primaryKey = jdbc.sql("""
					select a.attname from pg_index x join pg_attribute a
					  on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
					where x.indrelid = ?::regclass and x.indisprimary order by a.attname""")
				.param(f.table())
				.query(String.class)
				.list();
			List<String> declared = f.key().stream().map(k -> f.column(k).orElseThrow().dbColumn()).sorted().toList();
			if (!primaryKey.equals(declared)) {
				wrong.add(f.file() + ": key " + declared + ", primary key of " + f.table() + " " + primaryKey);
			}
		}
		assertThat(wrong).isEmpty();
	}

}
