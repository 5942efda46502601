package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleData;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Exchange.ImportReport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SampleImportTests {

	@Autowired
	Exchange exchange;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDevSampleImportsAndASecondImportChangesNothing() {
		ImportReport first = exchange.importBundle(SampleData.devSample(), Exchange.Progress.NONE);
		assertThat(first.rowsRead()).isEqualTo(61_114);
		assertThat(first.rowsChanged()).isEqualTo(first.rowsRead());
		assertThat(jdbc.sql("select count(*) from ast_voucher").query(Long.class).single()).isEqualTo(15_656);

		ImportReport second = exchange.importBundle(SampleData.devSample(), Exchange.Progress.NONE);
		assertThat(second.rowsChanged()).isZero();
		assertThat(second.importedBefore()).isTrue();
	}

}
