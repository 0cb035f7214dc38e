package br.com.techassist.shipments.phone.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Evolution API number check, also spoken by the sandbox fake:
 * {@code POST /chat/whatsappNumbers/{instance}} with header {@code apikey} and body
 * {@code {"numbers": ["5543999990021", …]}}, answered by
 * {@code [{"jid": "554399990021@s.whatsapp.net", "exists": true, "number": "5543999990021"}, …]}.
 * The id is the user part of the returned {@code jid}, not the number asked: WhatsApp may know
 * the account with or without the ninth digit. Evolution resolves a Brazilian mobile in either
 * ninth-digit form itself, so only the canonical form is asked. A {@code jid} ending in
 * {@code @lid} is a WhatsApp-internal id, not a phone number: then the id is the number asked.
 */
class EvolutionDirectory implements WhatsAppDirectory {

    private final String name;
    private final RestClient http;
    private final String instance;
    private final Clock clock;

    EvolutionDirectory(String name, RestClient http, String instance, Clock clock) {
        this.name = name;
        this.http = http;
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean canCheck() {
        return true;
    }

    /** Only the canonical form: Evolution's {@code whatsappNumbers} resolves the other ninth-digit form itself. */
    @Override
    public List<String> numbersToAsk(List<String> candidates) {
        return candidates.isEmpty() ? candidates : List.of(candidates.getFirst());
    }

    @Override
    public List<NumberCheck> check(List<String> numbers) {
        OnWhatsApp[] answers;
        try {
            answers = http.post()
                    .uri("/chat/whatsappNumbers/{instance}", instance)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(new NumbersRequest(numbers))
                    .retrieve()
                    .body(OnWhatsApp[].class);
        } catch (HttpServerErrorException e) {
            throw new ProviderUnavailableException("server_error", name + " answered " + e.getStatusCode().value(), e);
        } catch (HttpClientErrorException.TooManyRequests e) {
            Duration retryAfter = retryAfter(e.getResponseHeaders(), clock);
            throw new ProviderUnavailableException("rate_limited", name + " is rate limiting the checks (429)"
                    + (retryAfter == null ? "" : ", asked to retry after " + retryAfter), e, retryAfter);
        } catch (HttpClientErrorException e) {
            int status = e.getStatusCode().value();
            boolean credentials = status == 401 || status == 403;
            throw new ProviderUnavailableException("client_error", name + " refused the check with " + status
                    + (credentials ? " (apikey or instance wrong?)" : ""), e);
        } catch (ResourceAccessException e) {
            throw new ProviderUnavailableException("unreachable", name + " unreachable: " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new ProviderUnavailableException("bad_response", name + " gave an unreadable answer: " + e.getMessage(), e);
        }
        if (answers == null) {
            throw new ProviderUnavailableException("bad_response", name + " answered with an empty body", null);
        }
        return match(numbers, List.of(answers));
    }

    /**
     * The wait a {@code Retry-After} header asks for: delay-seconds or an HTTP date; null when absent
     * or unreadable.
     */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** One answer per number asked: by the echoed {@code number}, else by position. */
    static List<NumberCheck> match(List<String> numbers, List<OnWhatsApp> answers) {
        List<NumberCheck> out = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            String asked = numbers.get(i);
            OnWhatsApp answer = answers.stream()
                    .filter(a -> asked.equals(digits(a.number())))
                    .findFirst()
                    .orElse(answers.size() == numbers.size() ? answers.get(i) : null);
            if (answer == null) {
                throw new ProviderUnavailableException("bad_response", "no answer for one of the numbers asked", null);
            }
            out.add(new NumberCheck(asked, answer.exists() ? idOf(answer, asked) : null));
        }
        return out;
    }

    /** The user part of a phone {@code jid}; the number asked when the jid is missing or an {@code @lid}. */
    private static String idOf(OnWhatsApp answer, String asked) {
        String jid = answer.jid();
        if (jid == null || jid.isBlank() || jid.endsWith("@lid")) {
            return asked;
        }
        int at = jid.indexOf('@');
        return digits(at < 0 ? jid : jid.substring(0, at));
    }

    private static String digits(String s) {
        return s == null ? null : s.replaceAll("\\D", "");
    }

    record NumbersRequest(List<String> numbers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnWhatsApp(String jid, boolean exists, String number, String name, String lid) {}
}
