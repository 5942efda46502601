package org.qinglian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTests {

	@Test
	void aCellASpreadsheetWouldRunIsWrittenAsText() {
		assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
		assertThat(Csv.cell("+1")).isEqualTo("'+1");
		assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
		assertThat(Csv.cell("a=b")).isEqualTo("a=b");
		assertThat(Csv.cell(null)).isEmpty();
	}

	@Test
	void theExchangeFormatKeepsValuesAsTheyAre() {
		// a QDX bundle re-imports to the same rows: -100.00 stays a number
		assertThat(Csv.field("-100.00")).isEqualTo("-100.00");
		assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
	}

}
