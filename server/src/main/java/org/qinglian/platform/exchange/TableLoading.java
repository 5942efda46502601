package org.qinglian.platform.exchange;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.qinglian.platform.ColumnType;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing side of an import: takes the reader's chunks of encoded rows from a bounded
 * queue ({@link Pipeline}) and streams them by {@code COPY} into the module's table
 * itself when it is empty (its keys and indexes dropped first through the owner's
 * {@code plt_drop_keys} and built once at the end, by sorting), else into a temporary
 * table merged by key ({@code insert ... on conflict ... where row is distinct from}).
 * Also tells the shape of each table (types and lengths), so that the reader encodes what
 * it fits.
 */
final class TableLoading {

	private static final Logger log = LoggerFactory.getLogger(TableLoading.class);

	/** Chunks of encoded rows (256 KB each) waiting for the database: 32 MB at most. */
	static final int QUEUE = 128;

	private TableLoading() {
	}

	/** Which of the tables are empty (one query for all). */
	static Set<String> empty(Connection con, Collection<String> tables) throws SQLException {
		Set<String> empty = new HashSet<>();
		String sql = tables.stream()
			.map(t -> "select '" + t + "' where not exists (select 1 from " + t + ")")
			.collect(Collectors.joining(" union all "));
		try (Statement st = con.createStatement(); var rs = st.executeQuery(sql)) {
			while (rs.next()) {
				empty.add(rs.getString(1));
			}
		}
		return empty;
	}

	/** The shapes of the files' tables, by file (one query for all). */
	static Map<String, BundleReader.TableShape> shapes(Connection con, List<ExchangeFile> files) throws SQLException {
		Map<String, Map<String, String>> types = new HashMap<>();
		Map<String, Map<String, Integer>> lengths = new HashMap<>();
		try (var ps = con.prepareStatement("""
				select t.name, a.attname, format_type(a.atttypid, null), a.atttypmod
				from unnest(?) t(name) join pg_attribute a on a.attrelid = t.name::regclass
				where a.attnum > 0 and not a.attisdropped""")) {
			ps.setArray(1, con.createArrayOf("text", files.stream().map(ExchangeFile::table).distinct().toArray()));
			try (var rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					String type = rs.getString(3);
					types.computeIfAbsent(table, t -> new HashMap<>()).put(rs.getString(2), type);
					if ((type.equals("character varying") || type.equals("character")) && rs.getInt(4) > 4) {
						lengths.computeIfAbsent(table, t -> new HashMap<>()).put(rs.getString(2), rs.getInt(4) - 4);
					}
				}
			}
		}
		Map<String, BundleReader.TableShape> shapes = new HashMap<>();
		for (ExchangeFile f : files) {
			shapes.put(f.file(),
					shape(f, types.getOrDefault(f.table(), Map.of()), lengths.getOrDefault(f.table(), Map.of())));
		}
		return shapes;
	}

	/** The types and lengths of the columns of a file's table. */
	private static BundleReader.TableShape shape(ExchangeFile f, Map<String, String> types,
			Map<String, Integer> lengths) {
		List<ExchangeColumn> columns = f.columns();
		int[] maxLength = new int[columns.size()];
		BinaryCopyEncoder.Kind[] kinds = new BinaryCopyEncoder.Kind[columns.size()];
		boolean binary = true;
		for (int i = 0; i < columns.size(); i++) {
			ExchangeColumn c = columns.get(i);
			String type = types.get(c.dbColumn());
			if (type == null) {
				throw new IllegalStateException(f.table() + " has no column " + c.dbColumn() + " for " + c.name());
			}
			maxLength[i] = c.encrypted() ? Integer.MAX_VALUE : lengths.getOrDefault(c.dbColumn(), Integer.MAX_VALUE);
			kinds[i] = switch (type) {
				case "text", "character varying", "character" -> BinaryCopyEncoder.Kind.TEXT;
				case "date" -> BinaryCopyEncoder.Kind.DATE;
				case "numeric" -> BinaryCopyEncoder.Kind.NUMERIC;
				case "smallint" -> BinaryCopyEncoder.Kind.SMALLINT;
				case "integer" -> BinaryCopyEncoder.Kind.INTEGER;
				case "bigint" -> BinaryCopyEncoder.Kind.BIGINT;
				case "boolean" -> BinaryCopyEncoder.Kind.BOOLEAN;
				default -> null;
			};
			binary &= kinds[i] != null && fits(kinds[i], c.type());
		}
		return new BundleReader.TableShape(maxLength, binary ? kinds : null);
	}

	/** Whether the file's values of this type can be written in the binary form. */
	private static boolean fits(BinaryCopyEncoder.Kind kind, ColumnType type) {
		return switch (kind) {
			case TEXT -> true;
			case DATE -> type == ColumnType.DATE;
			case BOOLEAN -> type == ColumnType.BOOLEAN;
			case NUMERIC -> type == ColumnType.MONEY || type == ColumnType.DECIMAL || type == ColumnType.INTEGER;
			case SMALLINT, INTEGER, BIGINT -> type == ColumnType.INTEGER;
		};
	}

	/**
	 * Takes the reader's chunks and sends them to the database; returns the rows read per
	 * file and fills {@code changed} with the rows inserted or updated per file.
	 */
	static Map<String, Long> write(Connection con, Pipeline pipeline, Set<String> emptyTables,
			Map<String, BundleReader.TableShape> shapes, Map<String, Long> changed)
			throws SQLException, InterruptedException, IOException {
		try {
			return writeAll(con, pipeline, emptyTables, shapes, changed);
		}
		finally {
			if (pipeline.copy != null && pipeline.copy.isActive()) {
				pipeline.copy.cancelCopy();
			}
		}
	}

	private static Map<String, Long> writeAll(Connection con, Pipeline pipeline, Set<String> emptyTables,
			Map<String, BundleReader.TableShape> shapes, Map<String, Long> changed)
			throws SQLException, InterruptedException, IOException {
		CopyIn copy = null;
		while (true) {
			long w0 = System.nanoTime();
			Object item = pipeline.take();
			pipeline.writerWaited += System.nanoTime() - w0;
			if (item instanceof byte[] rows) {
				copy.writeToCopy(rows, 0, rows.length);
			}
			else if (item instanceof Begin begin) {
				ExchangeFile f = begin.file();
				String columns = f.columns().stream().map(c -> quote(c.dbColumn())).collect(Collectors.joining(", "));
				String target;
				if (emptyTables.contains(f.table())) {
					try (Statement st = con.createStatement()) {
						// built again once, by sorting, when the file is loaded
						st.execute("select plt_drop_keys('" + f.table() + "')");
					}
					target = f.table();
				}
				else {
					target = stage(f);
					try (Statement st = con.createStatement()) {
						st.execute("create temp table " + target + " on commit drop as select " + columns + " from "
								+ f.table() + " with no data");
					}
				}
				copy = con.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + target + " (" + columns + ") from stdin"
							+ (shapes.get(f.file()).binary() ? " with (format binary)" : ""));
				pipeline.copy = copy;
			}
			else if (item instanceof End end) {
				ExchangeFile f = end.file();
				if (!end.good()) {
					// the rows stopped short: they will not be kept
					copy.cancelCopy();
					copy = null;
					continue;
				}
				long rows = copy.endCopy();
				copy = null;
				long t = System.nanoTime();
				if (emptyTables.contains(f.table())) {
					try (Statement st = con.createStatement()) {
						st.execute("select plt_restore_keys('" + f.table() + "')");
					}
					changed.put(f.file(), rows);
				}
				else {
					changed.put(f.file(), merge(con, f));
				}
				if (changed.get(f.file()) > 0) {
					// fresh statistics, so that the queries that follow an import
					// (conformance, risk rules) plan well; rough ones suffice, and taken
					// now they overlap the reading of the next file
					try (Statement st = con.createStatement()) {
						st.execute("set local default_statistics_target = 10");
						st.execute("select plt_analyze('" + f.table() + "')");
					}
				}
				log.trace("{}: {} rows, keys and merge {} ms", f.file(), rows, (System.nanoTime() - t) / 1_000_000);
			}
			else if (item instanceof Done done) {
				if (done.error() instanceof IOException ex) {
					throw ex;
				}
				if (done.error() instanceof RuntimeException ex) {
					throw ex;
				}
				if (done.error() instanceof Error ex) {
					throw ex;
				}
				if (done.error() != null) {
					throw new IllegalStateException(done.error());
				}
				return done.rowsRead();
			}
		}
	}

	/**
	 * Merges the staged rows into the table by key; returns the rows inserted or changed.
	 * The rows that are new or differ are found first: when there are none, the table is
	 * not written at all, so its change count ({@code plt_table_change}) stays as it was.
	 * A table whose rows have a region notes the regions of the rows it changes, old and
	 * new, in {@code plt_change_region} (with '' for "noted"), so that work derived from
	 * the table (the risk library's scan) can be done again for those regions alone.
	 */
	private static long merge(Connection con, ExchangeFile f) throws SQLException {
		List<String> targets = f.columns().stream().map(c -> quote(c.dbColumn())).toList();
		List<String> keyDb = f.key().stream().map(k -> quote(f.column(k).orElseThrow().dbColumn())).toList();
		List<String> rest = targets.stream().filter(t -> !keyDb.contains(t)).toList();
		String region = quote("region_code");
		boolean regional = targets.contains(region);
		String changed = "chg_" + f.table();
		StringBuilder find = new StringBuilder("create temp table ").append(changed)
			.append(" on commit drop as select ")
			.append(targets.stream().map(c -> "s." + c).collect(Collectors.joining(", ")));
		if (regional) {
			find.append(", t.").append(region).append(" as plt_old_region");
		}
		find.append(" from ")
			.append(stage(f))
			.append(" s left join ")
			.append(f.table())
			.append(" t on ")
			.append(keyDb.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and ")))
			.append(" where t.")
			.append(keyDb.get(0))
			.append(" is null");
		if (!rest.isEmpty()) {
			find.append(" or (")
				.append(rest.stream().map(c -> "t." + c).collect(Collectors.joining(", ")))
				.append(") is distinct from (")
				.append(rest.stream().map(c -> "s." + c).collect(Collectors.joining(", ")))
				.append(')');
		}
		try (Statement st = con.createStatement()) {
			// no other writer between finding the rows and writing them (readers go on)
			st.execute("lock table " + f.table() + " in share row exclusive mode");
			if (st.executeLargeUpdate(find.toString()) == 0) {
				st.execute("drop table " + changed);
				return 0;
			}
			if (regional) {
				st.execute("insert into plt_change_region (table_name, xact, region_code) select distinct '" + f.table()
						+ "', pg_current_xact_id(), r from (select '' union all select " + region + " from " + changed
						+ " union all select plt_old_region from " + changed
						+ ") x(r) where r is not null on conflict do nothing");
			}
			StringBuilder sql = new StringBuilder("insert into ").append(f.table())
				.append(" as t (")
				.append(String.join(", ", targets))
				.append(") select ")
				.append(String.join(", ", targets))
				.append(" from ")
				.append(changed)
				.append(" on conflict (")
				.append(String.join(", ", keyDb))
				.append(") ");
			if (rest.isEmpty()) {
				sql.append("do nothing");
			}
			else {
				sql.append("do update set ")
					.append(rest.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")))
					.append(" where (")
					.append(rest.stream().map(c -> "t." + c).collect(Collectors.joining(", ")))
					.append(") is distinct from (")
					.append(rest.stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")))
					.append(')');
			}
			long merged = st.executeLargeUpdate(sql.toString());
			st.execute("drop table " + changed);
			return merged;
		}
	}

	static String stage(ExchangeFile f) {
		return "stg_" + f.table();
	}

	static String quote(String identifier) {
		return '"' + identifier + '"';
	}

	private record Begin(ExchangeFile file) {
	}

	private record End(ExchangeFile file, boolean good) {
	}

	private record Done(Map<String, Long> rowsRead, Throwable error) {
	}

	/**
	 * The hand-over from the reader thread to the writing one: a bounded queue, so that
	 * the reader runs at most {@link #QUEUE} chunks ahead.
	 */
	static final class Pipeline implements BundleReader.Sink {

		final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);

		volatile boolean cancelled;

		/** The COPY under way, to be cancelled if the writing fails. */
		CopyIn copy;

		/**
		 * Nanoseconds the writer waited for rows (the reader was slower) and the reader
		 * waited for room (the database was slower): the debug log says which side set
		 * the pace.
		 */
		long writerWaited;

		long readerWaited;

		/** The thread reading, once it runs. */
		private volatile Thread reading;

		/**
		 * The next item for the writer; if the reading thread has stopped without handing
		 * on its result (it never should), says so rather than wait for ever.
		 */
		Object take() throws InterruptedException {
			while (true) {
				Object item = queue.poll(100, TimeUnit.MILLISECONDS);
				if (item != null) {
					return item;
				}
				Thread thread = reading;
				if (thread != null && !thread.isAlive() && queue.isEmpty()) {
					throw new IllegalStateException("the reading thread stopped without its result");
				}
			}
		}

		void run(BundleReader reader) {
			reading = Thread.currentThread();
			Done done;
			try {
				done = new Done(reader.read(this), null);
			}
			catch (CancellationException ex) {
				return;
			}
			catch (Throwable ex) {
				done = new Done(Map.of(), ex);
			}
			try {
				put(done);
			}
			catch (CancellationException | InterruptedException ex) {
				// the writer has gone
			}
		}

		private void put(Object item) throws InterruptedException {
			long w0 = System.nanoTime();
			try {
				put0(item);
			}
			finally {
				readerWaited += System.nanoTime() - w0;
			}
		}

		private void put0(Object item) throws InterruptedException {
			while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				if (cancelled) {
					throw new CancellationException();
				}
			}
		}

		@Override
		public boolean cancelled() {
			return cancelled;
		}

		@Override
		public void begin(ExchangeFile file) throws InterruptedException {
			put(new Begin(file));
		}

		@Override
		public void rows(byte[] copyText) throws InterruptedException {
			put(copyText);
		}

		@Override
		public void end(ExchangeFile file, boolean good) throws InterruptedException {
			put(new End(file, good));
		}

	}

}
