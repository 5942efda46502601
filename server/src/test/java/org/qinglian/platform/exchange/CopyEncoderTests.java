package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.exchange.BinaryCopyEncoder.Kind;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The encoded rows are what PostgreSQL reads them as: each value written by an encoder
 * comes back from the database as the same text.
 */
@IntegrationTest
class CopyEncoderTests {

	@Autowired
	DataSource dataSource;

	@Test
	void everyKindReadsBackAsTheTextItWasWrittenFrom() throws Exception {
		String[][] rows = { { "0.00", "0", "2000-01-01", "0", "true", "", "0" },
				{ "749.97", "0.05", "2019-02-28", "-7", "false", "溪坪村 \\ tab\t\"quote\"", "9223372036854775807" },
				{ "21816.00", "-12.5", "1999-12-31", "2147483647", "true", "𠀀 (outside the BMP)", "-1" },
				{ "100000000.00", "12345678901234.5678", "2024-02-29", "-2147483648", null, null, null },
				{ "999999999999.99", "0.0001", "1900-03-01", "10000", "false", "a\nb", "10000" },
				{ "10000.00", "-0.000", "2099-12-31", "99", "true", "x", "100000000" } };
		Kind[] kinds = { Kind.NUMERIC, Kind.NUMERIC, Kind.DATE, Kind.INTEGER, Kind.BOOLEAN, Kind.TEXT, Kind.BIGINT };
		BinaryCopyEncoder encoder = new BinaryCopyEncoder(kinds, 16);
		encoder.start();
		for (String[] row : rows) {
			for (String v : row) {
				encoder.field(v);
			}
			encoder.endRow();
		}
		encoder.finish();
		byte[] bytes = encoder.take();
		List<String[]> back = new ArrayList<>();
		try (Connection con = dataSource.getConnection()) {
			con.setAutoCommit(false);
			try (Statement st = con.createStatement()) {
				st.execute("create temp table enc (m numeric(14,2), d numeric, day date, i integer, b boolean, "
						+ "t varchar(40), l bigint, n serial) on commit drop");
			}
			CopyIn copy = con.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy enc (m, d, day, i, b, t, l) from stdin with (format binary)");
			copy.writeToCopy(bytes, 0, bytes.length);
			assertThat(copy.endCopy()).isEqualTo(rows.length);
			try (Statement st = con.createStatement();
					var rs = st.executeQuery(
							"select m::text, d::text, day::text, i::text, b::text, t, l::text from enc order by n")) {
				while (rs.next()) {
					String[] row = new String[7];
					for (int i = 0; i < 7; i++) {
						row[i] = rs.getString(i + 1);
					}
					back.add(row);
				}
			}
			con.rollback();
		}
		assertThat(back).hasSize(rows.length);
		for (int r = 0; r < rows.length; r++) {
			String[] expected = rows[r].clone();
			// PostgreSQL keeps the scale written: -0.000 is zero with three decimals
			if ("-0.000".equals(expected[1])) {
				expected[1] = "0.000";
			}
			assertThat(back.get(r)).as("row " + r).containsExactly(expected);
		}
	}

	@Test
	void theTextFormatEscapesWhatCopyWouldMisread() throws Exception {
		String[] values = { "溪坪村 \\ back\\slash", "tab\there", "two\nlines", "cr\rhere", "\\N", "𠀀", null, "" };
		CopyEncoder encoder = new CopyEncoder(4);
		for (String v : values) {
			encoder.field(v);
			encoder.endRow();
		}
		byte[] bytes = encoder.take();
		List<String> back = new ArrayList<>();
		try (Connection con = dataSource.getConnection()) {
			con.setAutoCommit(false);
			try (Statement st = con.createStatement()) {
				st.execute("create temp table txt (t text, n serial) on commit drop");
			}
			CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy txt (t) from stdin");
			copy.writeToCopy(bytes, 0, bytes.length);
			assertThat(copy.endCopy()).isEqualTo(values.length);
			try (Statement st = con.createStatement(); var rs = st.executeQuery("select t from txt order by n")) {
				while (rs.next()) {
					back.add(rs.getString(1));
				}
			}
			con.rollback();
		}
		assertThat(back).containsExactly(values);
	}

}
