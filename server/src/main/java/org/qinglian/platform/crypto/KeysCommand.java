package org.qinglian.platform.crypto;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Command;
import org.qinglian.platform.Command.UsageException;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.PersonalDataCipher.Place;
import org.qinglian.platform.CommandOptions;
import picocli.CommandLine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code keys rotate}: a new primary key in every keyset, and every encrypted value of
 * the database encrypted again with it, in one transaction. The old keys stay in the
 * keysets, so that old audit entries still verify.
 */
@Component
class KeysCommand implements Command {

	private final Keysets keys;

	private final PersonalDataCipher cipher;

	private final List<ExchangeFile> files;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	KeysCommand(Keysets keys, PersonalDataCipher cipher, List<ExchangeFile> files, JdbcClient jdbc,
			TransactionTemplate tx, AuditLog audit) {
		this.keys = keys;
		this.cipher = cipher;
		this.files = files;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	@CommandLine.Command(name = "keys",
			description = "Adds a new primary key to every keyset and encrypts every identity again with it.")
	static final class Options {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "rotate")
		String action;

	}

	@Override
	public String name() {
		return "keys";
	}

	@Override
	public String usage() {
		return "rotate    a new key in every keyset; encrypted values are encrypted again with it";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (!CommandOptions.parse(new Options(), args).action.equals("rotate")) {
			throw new UsageException("the only action is rotate");
		}
		long[] values = { 0 };
		Map<Keysets.Purpose, Integer> ids = tx.execute(status -> {
			Map<Keysets.Purpose, Integer> primary = keys.rotate();
			for (ExchangeFile f : files) {
				for (ExchangeColumn c : f.columns()) {
					if (c.encrypted()) {
						values[0] += reencrypt(f, c);
					}
				}
			}
			audit.record("rotate_keys", "keyset", keys.dir().toString(), null,
					"new primary keys " + primary + ", values encrypted again " + values[0]);
			return primary;
		});
		out.printf("New primary keys %s in %s; %,d values encrypted again. Back up %s now.%n",
				ids.entrySet()
					.stream()
					.map(e -> e.getKey().name().toLowerCase() + "=" + Integer.toUnsignedString(e.getValue()))
					.collect(Collectors.joining(", ")),
				keys.dir(), values[0], keys.dir());
		return 0;
	}

	private long reencrypt(ExchangeFile f, ExchangeColumn c) {
		List<String> keyColumns = f.key().stream().map(k -> f.column(k).orElseThrow().dbColumn()).toList();
		String select = "select " + String.join(", ", keyColumns) + ", " + c.dbColumn() + " from " + f.table()
				+ " where " + c.dbColumn() + " is not null";
		List<String[]> rows = jdbc.sql(select).query((rs, i) -> {
			String[] row = new String[keyColumns.size() + 1];
			for (int k = 0; k < row.length; k++) {
				row[k] = rs.getString(k + 1);
			}
			return row;
		}).list();
		String update = "update " + f.table() + " set " + c.dbColumn() + " = ? where "
				+ keyColumns.stream().map(k -> k + "::text = ?").collect(Collectors.joining(" and "));
		for (String[] row : rows) {
			String[] key = Arrays.copyOf(row, keyColumns.size());
			Place place = new Place(f.table(), c.dbColumn(), key);
			String again = cipher.encrypt(cipher.decrypt(row[row.length - 1], place), place);
			List<Object> params = new ArrayList<>();
			params.add(again);
			params.addAll(List.of(key));
			jdbc.sql(update).params(params).update();
		}
		return rows.size();
	}

}
