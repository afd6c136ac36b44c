package org.creditgate.core.rest;

import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;

/**
 * Drops the {@code WWW-Authenticate} challenge from a 401 answered to a script ({@code X-Requested-With} present,
 * as the operator console always sends): with the challenge, a browser shows its own login dialog over the page
 * whenever a fetch is refused, instead of letting the page ask. Callers without the header (curl, scripts) keep the
 * challenge, which is how HTTP tells them to send credentials.
 */
@Provider
public class ScriptChallengeFilter implements ContainerResponseFilter {

    static final String REQUESTED_WITH = "X-Requested-With";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 401 || request.getHeaderString(REQUESTED_WITH) == null) {
            return;
        }
        // header names are case-insensitive, the map's keys need not be
        List<String> names = response.getHeaders().keySet().stream()
                .filter(HttpHeaders.WWW_AUTHENTICATE::equalsIgnoreCase).toList();
        names.forEach(response.getHeaders()::remove);
    }
}
