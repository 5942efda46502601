package org.qinglian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleData;
import org.qinglian.platform.Exchange;
import org.qinglian.powerlist.PowerList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "qinglian.test.database=scoping")
class PublicPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Exchange exchange;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PowerList powerList;

	void county() {
		if (jdbc.sql("select count(*) from jur_region").query(Long.class).single() == 0) {
			exchange.importBundle(SampleData.devSample(), Exchange.Progress.NONE);
		}
	}

	@Test
	void aVillagesPowerListShowsTwentyEightItemsWithFlowchartsAndRedLinesInChinese() throws Exception {
		county();
		String html = mvc.perform(get("/public/villages/330683101201")).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("小微权力清单").contains("村级重大事项决策（四议两公开）").contains("<svg").contains("廉洁红线");
		assertThat(html.split("<svg", -1)).hasSize(29);
	}

	@Test
	void theSamePageSpeaksEnglishOnRequest() throws Exception {
		county();
		String html = mvc.perform(get("/public/villages/330683101201?lang=en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("list of small and micro powers").contains("Red lines for village cadres");
	}

	@Test
	void anUnknownVillageIsNotFound() throws Exception {
		assertThat(mvc.perform(get("/public/villages/330683999999")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void conformanceIsStoredWithItsReasonInChinese() {
		county();
		long deviating = powerList.recheckAll();
		assertThat(deviating).isPositive();
		String reason = jdbc.sql("select reason_zh from pow_deviation limit 1").query(String.class).single();
		assertThat(reason).containsPattern("\\p{IsHan}");
	}

	@Test
	void twoRechecksAtOnceBothFinish() throws Exception {
		county();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(powerList::recheckAll);
			var second = pool.submit(powerList::recheckAll);
			assertThat(first.get()).isEqualTo(second.get());
		}
		finally {
			pool.shutdown();
		}
	}

}
