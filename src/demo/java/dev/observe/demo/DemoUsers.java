package dev.observe.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * HTTP Basic sign-in for a few demo users, so that {@code user_id} shows up in the log lines of an authenticated
 * request, as in the guide. Anonymous requests are still served; wrong credentials get 401. Demo passwords only:
 * a real application keeps users in a real identity store.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "orders-demo")
public class DemoUsers implements IdentityStore {

    /** user name → password, listed in the README. */
    static final Map<String, String> USERS = Map.of("alice", "alice-pw", "bob", "bob-pw");

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && login.getPasswordAsString().equals(USERS.get(login.getCaller()))) {
            return new CredentialValidationResult(login.getCaller(), Set.of("customer"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
