package dev.lockbox.api.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST, sign-out and the return to the link. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
