package org.qinglian.network.web;

import java.util.UUID;

import org.qinglian.network.Stations;
import org.qinglian.platform.Flash;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Scope;
import org.qinglian.web.Redirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A liaison station's orders (接单): taken, assigned, answered, closed. */
@Controller
class StationPages {

	private final Stations stations;

	StationPages(Stations stations) {
		this.stations = stations;
	}

	@GetMapping("/stations")
	String queue(Model model) {
		model.addAttribute("orders", stations.queue());
		model.addAttribute("stations", stations.stations());
		model.addAttribute("clientKey", UUID.randomUUID().toString());
		return "network/stations";
	}

	@PostMapping("/stations/orders")
	String take(Stations.NewOrder order, RedirectAttributes redirect) {
		Flash.attempt(redirect, "network.orderTaken", () -> stations.take(order));
		return Redirect.to("/stations");
	}

	@GetMapping("/stations/orders/{orderId}")
	String order(@PathVariable String orderId, Model model) {
		Stations.Order order = stations.order(orderId).orElseThrow(Scope.NotInScopeException::new);
		model.addAttribute("order", order);
		model.addAttribute("assignees", order.closedAt() == null ? stations.assignees(orderId) : java.util.List.of());
		return "network/order";
	}

	@PostMapping("/stations/orders/{orderId}/assign")
	String assign(@PathVariable String orderId, @RequestParam(required = false) String username,
			RedirectAttributes redirect) {
		return act(orderId, redirect, "network.orderAssigned", () -> stations.assign(orderId, username));
	}

	@PostMapping("/stations/orders/{orderId}/answer")
	String answer(@PathVariable String orderId, @RequestParam(required = false) String answer,
			RedirectAttributes redirect) {
		return act(orderId, redirect, "network.orderAnswered", () -> stations.answer(orderId, answer));
	}

	@PostMapping("/stations/orders/{orderId}/close")
	String close(@PathVariable String orderId, RedirectAttributes redirect) {
		return act(orderId, redirect, "network.orderClosed", () -> stations.close(orderId));
	}

	@PostMapping("/stations/orders/{orderId}/transfer")
	String transfer(@PathVariable String orderId, RedirectAttributes redirect) {
		try {
			String[] made = stations.transfer(orderId).split(" ");
			Flash.notice(redirect, "network.orderTransferred", made[0], made.length > 1 ? made[1] : "");
		}
		catch (Refused ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
		}
		return Redirect.to("/stations/orders/{id}", orderId);
	}

	private String act(String orderId, RedirectAttributes redirect, String notice, Runnable action) {
		Flash.attempt(redirect, notice, action);
		return Redirect.to("/stations/orders/{id}", orderId);
	}

}
