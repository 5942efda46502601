package org.qinglian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;

/**
 * The OpenAPI document is public and one a client generator takes as it is: it parses
 * with no message, and it keeps the rules that {@code redocly lint} recommends and that
 * the document once broke (a real title and version, security defined and applied, every
 * operation with a summary, a unique id, a defined tag and an answer for a bad request).
 */
class OpenApiDocumentTests extends PageTest {

	OpenAPI document() throws Exception {
		String json = mvc.get().uri("/api/v1/openapi").exchange().getResponse().getContentAsString();
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
		assertThat(parsed.getMessages()).as("the parser's messages").isEmpty();
		return parsed.getOpenAPI();
	}

	@Test
	void theDocumentIsPublic() {
		assertThat(mvc.get().uri("/api/v1/openapi")).hasStatusOk().hasContentTypeCompatibleWith("application/json");
		assertThat(mvc.get().uri("/api/v1/openapi.yaml")).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/regions")).hasStatus(401);
	}

	@Test
	void theDocumentKeepsTheRecommendedRules() throws Exception {
		OpenAPI api = document();
		assertThat(api.getInfo().getTitle()).isNotBlank().isNotEqualTo("OpenAPI definition");
		assertThat(api.getInfo().getVersion()).isNotBlank().isNotEqualTo("v0");
		assertThat(api.getInfo().getLicense()).isNotNull();
		assertThat(api.getServers()).isNotEmpty().allSatisfy(s -> assertThat(s.getUrl()).doesNotContain("example.com"));
		assertThat(api.getComponents().getSecuritySchemes()).containsKey(ApiDocumentation.BASIC);
		assertThat(api.getSecurity()).isNotEmpty();
		Set<String> tags = new HashSet<>(api.getTags().stream().map(Tag::getName).toList());
		assertThat(api.getTags()).allSatisfy(t -> assertThat(t.getDescription()).isNotBlank());
		Set<String> ids = new HashSet<>();
		int operations = 0;
		for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> e : path.getValue().readOperationsMap().entrySet()) {
				Operation op = e.getValue();
				String where = e.getKey() + " " + path.getKey();
				assertThat(op.getSummary()).as(where + ": summary").isNotBlank();
				assertThat(op.getOperationId()).as(where + ": operationId").isNotBlank();
				assertThat(ids.add(op.getOperationId())).as(where + ": a unique operationId").isTrue();
				assertThat(op.getTags()).as(where + ": tags")
					.isNotEmpty()
					.allSatisfy(t -> assertThat(tags).contains(t));
				boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
				assertThat(op.getResponses().keySet()).as(where + ": answers")
					.anyMatch(code -> code.startsWith("4"))
					.contains(open ? "429" : "401", "404");
				if (open) {
					assertThat(where).as("only the public reports need no account").contains("/api/v1/public/");
				}
				operations++;
			}
		}
		assertThat(operations).isGreaterThanOrEqualTo(9);
	}

	@Test
	void thePageForPeopleListsEveryOperationWithItsSummary() throws Exception {
		OpenAPI api = document();
		String page = mvc.get().uri("/public/api").exchange().getResponse().getContentAsString();
		for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
			for (Operation op : path.getValue().readOperations()) {
				assertThat(page).contains("<code>" + path.getKey() + "</code>")
					.contains(op.getSummary().replace("'", "&#39;"));
			}
		}
		assertThat(page).as("no operation without a summary, such as the document's own").doesNotContain("<td></td>");
	}

}
