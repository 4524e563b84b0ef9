package dev.lockbox.api.portal;

import dev.lockbox.api.security.SignInModes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST, sign-out and the return to the link. */
@Controller
class LoginController {

  private final SignInModes modes;

  LoginController(SignInModes modes) {
    this.modes = modes;
  }

  /** The password form where passwords are on, and a link per OIDC provider. */
  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("passwords", modes.passwords());
    model.addAttribute("oidcRegistrations", modes.oidcRegistrations());
    return "login";
  }
}
