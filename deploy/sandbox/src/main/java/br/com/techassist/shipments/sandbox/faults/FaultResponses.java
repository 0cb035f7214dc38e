package br.com.techassist.shipments.sandbox.faults;

import br.com.techassist.shipments.sandbox.correios.CorreiosError;
import br.com.techassist.shipments.sandbox.faults.Faults.Api;
import br.com.techassist.shipments.sandbox.whatsapp.WhatsAppErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes injected failures the way each real API answers them. */
@Component
class FaultResponses {

    private final JsonMapper json;

    FaultResponses(JsonMapper json) {
        this.json = json;
    }

    /** 429 with an empty body, as the Correios gateway does (and the same for WhatsApp). */
    void tooManyRequests(Api api, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (api == Api.WHATSAPP && WhatsAppErrors.isCloudApi(request)) {
            write(response, 429, WhatsAppErrors.cloud(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached."));
            return;
        }
        response.setStatus(429);
        response.setContentLength(0);
    }

    void serverError(Api api, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (api == Api.CORREIOS) {
            write(response, 503, CorreiosError.of(request, "GTW-503: Serviço temporariamente indisponível."));
        } else if (WhatsAppErrors.isCloudApi(request)) {
            write(response, 500, WhatsAppErrors.cloudServerError());
        } else {
            write(response, 500, WhatsAppErrors.evolutionServerError());
        }
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
