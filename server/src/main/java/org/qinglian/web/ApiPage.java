package org.qinglian.web;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The REST API for people (public): every operation under {@code /api/v1} with its
 * method, path and summary, read from the application's own mappings, so that the page
 * cannot drift from the code; the OpenAPI document for client generators beside it.
 */
@Controller
@ConditionalOnWebApplication
class ApiPage {

	private final RequestMappingHandlerMapping mappings;

	ApiPage(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		this.mappings = mappings;
	}

	/** One operation of the API. */
	record Endpoint(String method, String path, String summary) {
	}

	@GetMapping("/public/api")
	String page(Model model) {
		List<Endpoint> endpoints = mappings.getHandlerMethods().entrySet().stream().flatMap(e -> {
			Operation operation = e.getValue().getMethodAnnotation(Operation.class);
			return e.getKey()
				.getPatternValues()
				.stream()
				.filter(p -> p.startsWith("/api/v1/") && operation != null && !operation.hidden())
				.flatMap(p -> e.getKey()
					.getMethodsCondition()
					.getMethods()
					.stream()
					.map(m -> new Endpoint(m.name(), p, operation.summary())));
		}).sorted(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method)).toList();
		model.addAttribute("endpoints", endpoints);
		return "web/api";
	}

}
