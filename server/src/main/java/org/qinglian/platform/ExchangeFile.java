package org.qinglian.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How one file of the QDX bundle (spec/exchange-format.md) maps onto a module's table.
 * Each module declares its files as beans; the platform's importer and exporter know no
 * module, only these descriptions.
 *
 * @param file the file name in the bundle, e.g. {@code vouchers.csv}
 * @param table the module's table
 * @param order load order: a file is loaded after the files it references
 * @param columns the columns in the order of the spec
 * @param key the columns that identify a row (the id column, or a natural key)
 * @param checks further checks of a row, beyond its fields'
 * @param additions the columns this platform adds to the spec's (all of them, for a file
 * the spec does not have): optional, so that bundles without them import
 * @param versions the versions of the format whose bundles have the file in this form
 */
public record ExchangeFile(String file, String table, int order, List<ExchangeColumn> columns, List<String> key,
		List<RowCheck> checks, List<String> additions, List<String> versions) {

	/** The versions of the format this platform reads and writes. */
	public static final List<String> VERSIONS = List.of("1", "1.1");

	public ExchangeFile {
		columns = List.copyOf(columns);
		key = List.copyOf(key);
		checks = List.copyOf(checks);
		additions = List.copyOf(additions);
		versions = List.copyOf(versions);
	}

	/** Whether this is the file's form in bundles of the version. */
	public boolean in(String version) {
		return versions.contains(version);
	}

	/** The spec's own columns, without this platform's additions. */
	public List<ExchangeColumn> specColumns() {
		return columns.stream().filter(c -> !additions.contains(c.name())).toList();
	}

	/** Whether the whole file is this platform's addition to the spec. */
	public boolean isAddition() {
		return specColumns().isEmpty();
	}

	public Optional<ExchangeColumn> column(String name) {
		return columns.stream().filter(c -> c.name().equals(name)).findFirst();
	}

	public ExchangeColumn keyColumn() {
		return column(key.get(0)).orElseThrow();
	}

	public static Builder define(String file, String table, int order) {
		return new Builder(file, table, order);
	}

	/**
	 * A check of one row that the field checks cannot make: a relation between its
	 * columns, or with rows of other files (in the bundle or already loaded) that it
	 * looks up.
	 *
	 * @param column the column the problem is reported on
	 * @param reason the reason reported
	 * @param reads the files and columns the test looks up ({@link Lookup}); empty for a
	 * test of the row alone
	 * @param test true when the row is wrong
	 */
	public record RowCheck(String column, String reason, List<Read> reads, RowTest test) {

		public RowCheck {
			reads = List.copyOf(reads);
		}

	}

	/**
	 * A column of another file that a check looks up by that file's key.
	 *
	 * @param file the file
	 * @param column the column whose value is looked up, or {@code null} when only the
	 * key's existence matters
	 */
	public record Read(String file, String column) {
	}

	/** The test of a {@link RowCheck}. */
	@FunctionalInterface
	public interface RowTest {

		boolean fails(Row row, Lookup lookup);

	}

	/** A row whose fields have passed their checks. */
	public interface Row {

		/** The value of the column, {@code null} when the cell is empty. */
		String get(String column);

		/** The county code of the bundle's manifest. */
		String county();

	}

	/**
	 * Rows of other files by key: those of the bundle, else those already loaded. Only
	 * the files and columns a check declared in its {@link Read reads} are there.
	 */
	public interface Lookup {

		/** Whether a row with this key exists. */
		boolean exists(String file, String... key);

		/** The value of the column in the row with this key, {@code null} if none. */
		String value(String file, String column, String... key);

	}

	/** Builds a file description column by column, in the spec's order. */
	public static final class Builder {

		private final String file;

		private final String table;

		private final int order;

		private final List<ExchangeColumn> columns = new ArrayList<>();

		private final List<String> key = new ArrayList<>();

		private final List<RowCheck> checks = new ArrayList<>();

		private final List<String> additions = new ArrayList<>();

		private boolean adding;

		private List<String> versions = VERSIONS;

		private Builder(String file, String table, int order) {
			this.file = file;
			this.table = table;
			this.order = order;
		}

		/** The file has this form only in bundles of these versions of the format. */
		public Builder versions(String... forms) {
			versions = List.of(forms);
			return this;
		}

		/**
		 * The columns declared from here on are this platform's additions to the spec
		 * (records made in the platform); they must be optional, unless the whole file is
		 * an addition.
		 */
		public Builder additions() {
			adding = true;
			return this;
		}

		private void added(String name) {
			if (adding) {
				additions.add(name);
			}
		}

		public Builder column(String name, ColumnType type, boolean required, String... references) {
			added(name);
			columns.add(new ExchangeColumn(name, name, type, required, Set.of(), List.of(references), false));
			return this;
		}

		/** The file's own id column: required, unique, the key. */
		public Builder id(String name) {
			key.add(name);
			return column(name, ColumnType.ID, true);
		}

		public Builder required(String name, ColumnType type, String... references) {
			return column(name, type, true, references);
		}

		public Builder optional(String name, ColumnType type, String... references) {
			return column(name, type, false, references);
		}

		public Builder code(String name, boolean required, String... vocabulary) {
			added(name);
			columns.add(new ExchangeColumn(name, name, ColumnType.CODE, required,
					new LinkedHashSet<>(List.of(vocabulary)), List.of(), false));
			return this;
		}

		/** A reference to a person that is stored encrypted in {@code dbColumn}. */
		public Builder encrypted(String name, String dbColumn, String... references) {
			added(name);
			columns.add(new ExchangeColumn(name, dbColumn, ColumnType.ID, false, Set.of(), List.of(references), true));
			return this;
		}

		public Builder key(String... names) {
			key.addAll(List.of(names));
			return this;
		}

		/** A check of the row alone. */
		public Builder check(String column, String reason, Predicate<Row> fails) {
			checks.add(new RowCheck(column, reason, List.of(), (row, lookup) -> fails.test(row)));
			return this;
		}

		/** A check that looks up rows of other files (or of this one). */
		public Builder check(String column, String reason, List<Read> reads, RowTest fails) {
			checks.add(new RowCheck(column, reason, reads, fails));
			return this;
		}

		public ExchangeFile build() {
			if (key.isEmpty()) {
				throw new IllegalStateException(file + " has no key");
			}
			boolean wholeFile = additions.size() == columns.size();
			for (ExchangeColumn c : columns) {
				if (!wholeFile && additions.contains(c.name()) && c.required()) {
					throw new IllegalStateException(file + ": the added column " + c.name() + " must be optional");
				}
			}
			return new ExchangeFile(file, table, order, columns, key, checks, additions, versions);
		}

	}

}
