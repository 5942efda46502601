package org.qinglian.powerlist.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;

import org.springframework.test.context.TestPropertySource;

/**
 * A village's power list for everyone: no sign-in, Chinese first, English on request, its
 * flowcharts drawn on the server, light for a phone.
 */
@TestPropertySource(properties = "qinglian.test.database=scoping")
class PowerListPagesTests extends PageTest {

	@BeforeEach
	void county() {
		county.loaded();
	}

	@Test
	void aVillagesPowerListShowsTwentyEightItemsWithFlowchartsAndRedLinesInChinese() {
		assertThat(mvc.get().uri("/public/villages/330683101201/power-list")).hasStatusOk()
			.bodyText()
			.contains("小微权力清单")
			.contains("村级重大事项决策（四议两公开）")
			.contains("廉洁红线")
			.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.doesNotContain("<script")
			.satisfies(html -> assertThat(html.split("<svg", -1)).hasSize(29));
	}

	@Test
	void theSamePageSpeaksEnglishOnRequest() {
		assertThat(mvc.get().uri("/public/villages/330683101201/power-list?lang=en")).hasStatusOk()
			.bodyText()
			.contains("list of small and micro powers")
			.contains("Red lines for village cadres")
			.contains("lang=\"en");
	}

	@Test
	void anUnknownVillageOrATownshipIsNotFound() {
		assertThat(mvc.get().uri("/public/villages/330683999999/power-list")).hasStatus(404);
		assertThat(mvc.get().uri("/public/villages/" + SampleCounty.GANLIN + "/power-list")).hasStatus(404);
	}

}
