package org.qinglian.jurisdiction.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;

import org.springframework.test.context.TestPropertySource;

/** The portal's home: the county's townships and their villages, for everyone. */
@TestPropertySource(properties = "qinglian.test.database=scoping")
class PortalHomeTests extends PageTest {

	@BeforeEach
	void county() {
		county.loaded();
	}

	@Test
	void theHomeListsEveryTownshipWithItsVillagesAndNoPerson() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("甘霖镇")
			.contains("长乐镇")
			.contains("/public/villages/330683101201")
			.contains("/public/villages/330683102201")
			.doesNotContain("/staff/people/");
	}

}
