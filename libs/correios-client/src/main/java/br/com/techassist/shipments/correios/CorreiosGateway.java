package br.com.techassist.shipments.correios;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Authenticated GETs to the Correios business APIs, for the API clients of this library: bearer
 * token, one re-authentication and retry on 401/403, errors turned into {@link CorreiosException}s
 * whose message carries the Correios {@code msgs[]}.
 */
public class CorreiosGateway {

    private static final Logger log = LoggerFactory.getLogger(CorreiosGateway.class);

    private final CorreiosHttp http;
    private final CorreiosTokenProvider tokens;

    CorreiosGateway(CorreiosHttp http, CorreiosTokenProvider tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** GET and read the body as {@code type}; a 404 whose body still lists {@code objetos} is read too. */
    public <T> T get(String api, Function<UriBuilder, URI> uri, Class<T> type) {
        CorreiosHttp.Answer answer = authorizedGet(api, uri);
        if (!answer.isSuccess() && !(answer.status() == 404 && listsObjects(answer.body()))) {
            throw failure(api, answer);
        }
        return read(api, answer.body(), type);
    }

    /**
     * GET and read the body as a tree; empty on a 404 whose body {@code nothingFound} recognises as the
     * API's own "nothing found" answer. Any other 404 (wrong path or version, a gateway page) is a
     * {@link CorreiosException}, never "nothing found".
     */
    public Optional<JsonNode> find(String api, Function<UriBuilder, URI> uri, Predicate<byte[]> nothingFound) {
        CorreiosHttp.Answer answer = authorizedGet(api, uri);
        if (answer.status() == 404) {
            if (nothingFound.test(answer.body())) {
                log.debug("Correios {} answered 404 {}", api, CorreiosHttp.messages(answer.body()));
                return Optional.empty();
            }
            List<String> msgs = CorreiosHttp.messages(answer.body());
            throw new CorreiosException(CorreiosHttp.describe("Correios " + api + " answered HTTP 404 without its own "
                    + "'nothing found' answer (wrong path or API version, or a gateway page?)", msgs), 404, msgs, null);
        }
        if (!answer.isSuccess()) {
            throw failure(api, answer);
        }
        return Optional.of(read(api, answer.body(), JsonNode.class));
    }

    /** The client's JSON mapper, to read parts of a tree returned by {@link #find}. */
    public tools.jackson.databind.json.JsonMapper json() {
        return CorreiosJson.mapper();
    }

    private CorreiosHttp.Answer authorizedGet(String api, Function<UriBuilder, URI> uri) {
        String token = tokens.token();
        CorreiosHttp.Answer answer = http.execute(api, call(uri, token), () -> {});
        if (!answer.isAuthFailure()) {
            return answer;
        }
        log.warn("Correios {} refused the token (HTTP {} {}); authenticating again once", api, answer.status(),
                CorreiosHttp.messages(answer.body()));
        tokens.invalidate(token);
        answer = http.execute(api, call(uri, tokens.token()), () -> {});
        if (answer.isAuthFailure()) {
            List<String> msgs = CorreiosHttp.messages(answer.body());
            throw new CorreiosAuthenticationException(CorreiosHttp.describe("Correios " + api + " refused a fresh "
                    + "token (HTTP " + answer.status() + "); is the API enabled for the cartão de postagem?", msgs),
                    answer.status(), msgs, null);
        }
        return answer;
    }

    private static CorreiosHttp.Call call(Function<UriBuilder, URI> uri, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new CorreiosHttp.Call(HttpMethod.GET, uri, headers, null);
    }

    private static CorreiosException failure(String api, CorreiosHttp.Answer answer) {
        List<String> msgs = CorreiosHttp.messages(answer.body());
        return new CorreiosException(CorreiosHttp.describe("Correios " + api + " answered HTTP " + answer.status(),
                msgs), answer.status(), msgs, null);
    }

    private static boolean listsObjects(byte[] body) {
        try {
            return CorreiosJson.mapper().readTree(body).path("objetos").isArray();
        } catch (JacksonException notJson) {
            return false;
        }
    }

    private static <T> T read(String api, byte[] body, Class<T> type) {
        try {
            return CorreiosJson.mapper().readValue(body, type);
        } catch (JacksonException e) {
            throw new CorreiosException("Correios " + api + " answer could not be read: " + e.getOriginalMessage(),
                    200, List.of(), e);
        }
    }
}
