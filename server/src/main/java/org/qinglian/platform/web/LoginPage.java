package org.qinglian.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security's form login posts it). */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "platform/login";
	}

}
