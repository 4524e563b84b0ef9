package dev.lockbox.api.security;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs users in against the directory; their roles become authorities. */
@Component
class DirectoryUserDetailsService implements UserDetailsService {

  private final Directory directory;

  DirectoryUserDetailsService(Directory directory) {
    this.directory = directory;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    DirectoryUser user =
        directory.user(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    if (user.password() == null) {
      throw new UsernameNotFoundException("user cannot sign in with a password");
    }
    return User.withUsername(user.id())
        .password(user.password())
        .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
        .build();
  }
}
