package br.com.techassist.shipments.sandbox.correios;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.WireTime;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Fake {@code POST /token/v1/autentica/cartaopostagem}: HTTP Basic in, 201 with a token out. */
@RestController
class TokenController {

    private static final Logger log = LoggerFactory.getLogger(TokenController.class);
    private static final List<Integer> APIS = List.of(27, 34, 35, 36, 87);

    private final SandboxProperties.Correios settings;
    private final Tokens tokens;

    TokenController(SandboxProperties properties, Tokens tokens) {
        this.settings = properties.correios();
        this.tokens = tokens;
    }

    @PostMapping("/token/v1/autentica/cartaopostagem")
    ResponseEntity<Object> authenticate(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable PostcardRequest body,
            HttpServletRequest request) {
        if (!(settings.username() + ":" + settings.accessCode()).equals(basicCredentials(authorization))) {
            return CorreiosError.response(HttpStatus.UNAUTHORIZED, request,
                    "GTW-001: Usuário ou código de acesso inválido.");
        }
        if (body == null || body.numero() == null || body.numero().isBlank()) {
            return CorreiosError.response(HttpStatus.BAD_REQUEST, request,
                    "GTW-012: O número do cartão de postagem é obrigatório.");
        }
        if (!settings.postcard().equals(body.numero().strip())) {
            return CorreiosError.response(HttpStatus.FORBIDDEN, request,
                    "GTW-010: Cartão de postagem " + body.numero() + " não pertence ao usuário.");
        }
        Tokens.Issued issued = tokens.issue(settings.tokenLifetime());
        log.info("Correios token issued for cartão {}, expires in {}", settings.postcard(), settings.tokenLifetime());
        LocalDateTime issuedAt = LocalDateTime.ofInstant(issued.issuedAt(), SimulatedClock.BRASILIA);
        LocalDateTime expiresAt = LocalDateTime.ofInstant(issued.expiresAt(), SimulatedClock.BRASILIA);
        String offset = SimulatedClock.BRASILIA.getRules().getOffset(issued.issuedAt()).getId();
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse("HOMOLOGACAO", settings.username(),
                request.getRemoteAddr(), "PJ", "00000000000191",
                new PostcardInfo(settings.postcard(), settings.contract(), 72, APIS), APIS,
                WireTime.format(issuedAt), WireTime.format(expiresAt), offset, issued.token()));
    }

    private static @Nullable String basicCredentials(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record PostcardRequest(@Nullable String numero, @Nullable String contrato, @Nullable Integer dr) {}

    record PostcardInfo(String numero, String contrato, int dr, List<Integer> api) {}

    record TokenResponse(
            String ambiente,
            String id,
            String ip,
            String perfil,
            String cnpj,
            PostcardInfo cartaoPostagem,
            List<Integer> api,
            String emissao,
            String expiraEm,
            String zoneOffset,
            String token) {}
}
