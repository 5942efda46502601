package org.qinglian.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI document ({@code /api/v1/openapi}, public), written so that a
 * WeChat or DingTalk front-end team can generate a client from it: its title and version,
 * how a client signs in (HTTP Basic, or the session of a signed-in page), and for every
 * operation the answers it may give besides success, each a {@code ProblemDetail} (RFC
 * 9457), as {@code ErrorHandling} writes them. Each operation's summary is written beside
 * it, in its module's {@code web} package.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basic";

	@Bean
	OpenAPI qinglianApi() {
		return new OpenAPI().info(new Info().title("Qinglian (清廉) API")
			.version("1")
			.description("""
					Village records of the signed-in user's jurisdiction: regions and positions, the power list and \
					the uses of power, vouchers, contracts, projects and subsidies. Every read of records that name \
					people is audited. A record outside the user's jurisdiction answers 404, as one that does not \
					exist; a role that may not read it answers 403.""")
			.license(new License().name("Proprietary: the county's commission").identifier("LicenseRef-Proprietary")))
			.addServersItem(new Server().url("/").description("this installation"))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("The account's username and password; over TLS only."))
				.addSchemas("ProblemDetail",
						new Schema<>().type("object")
							.description("A problem as RFC 9457 describes it.")
							.addProperty("type", new Schema<>().type("string").format("uri"))
							.addProperty("title", new Schema<>().type("string"))
							.addProperty("status", new Schema<>().type("integer").format("int32"))
							.addProperty("detail", new Schema<>().type("string"))
							.addProperty("instance", new Schema<>().type("string").format("uri"))))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	/** The answers besides success that every operation of the API may give. */
	@Bean
	OperationCustomizer problemAnswers() {
		return (operation, handler) -> {
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			problem(responses, "400", "A parameter is not what it should be.");
			if (operation.getSecurity() != null && operation.getSecurity().isEmpty()) {
				// a public operation: no account, a limit per address instead
				problem(responses, "404", "No such record.");
				problem(responses, "429", "Too many requests from this address this minute.");
			}
			else {
				problem(responses, "401", "Not signed in, or the password is wrong (the account may be locked).");
				problem(responses, "403", "The account's role may not read this.");
				problem(responses, "404", "No such record in the account's jurisdiction.");
			}
			operation.setResponses(responses);
			return operation;
		};
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
		}
	}

}
