package br.com.techassist.shipments.ingest.privacy;

import static br.com.techassist.shipments.ingest.FakeCorreios.listing;
import static br.com.techassist.shipments.ingest.FakeCorreios.page;
import static br.com.techassist.shipments.ingest.FakeCorreios.tokenAnswer;
import static br.com.techassist.shipments.ingest.FakeCorreios.tokenRequest;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.correios.CorreiosTokenProvider;
import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.intake.PollSummary;
import br.com.techassist.shipments.ingest.intake.PrePostingIntake;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Registers test parcels the way production does: pre-postings through a poll of the fake Correios,
 * parcels posted without one through {@code POST /api/shipments}.
 */
final class TestParcels {

    private final PrePostingIntake intake;
    private final CorreiosTokenProvider tokens;
    private final MockMvc mvc;
    private final WireMockServer correios = FakeCorreios.server();

    TestParcels(PrePostingIntake intake, CorreiosTokenProvider tokens, MockMvc mvc) {
        this.intake = intake;
        this.tokens = tokens;
        this.mvc = mvc;
    }

    /** A pre-posting of {@code code} for the given recipient (no landline). */
    static Map<String, Object> prePosting(String code, String name, String ddd, String mobile, @Nullable String email,
            @Nullable String cpfCnpj) {
        Map<String, Object> item = FakeCorreios.item(code, 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> recipient = new LinkedHashMap<>((Map<String, Object>) item.get("destinatario"));
        recipient.put("nome", name);
        recipient.put("dddCelular", ddd);
        recipient.put("celular", mobile);
        recipient.put("telefone", null);
        recipient.put("dddTelefone", null);
        recipient.put("email", email);
        recipient.put("cpfCnpj", cpfCnpj);
        item.put("destinatario", recipient);
        return item;
    }

    /** Polls once while Correios lists {@code items} as PREPOSTADO (one page) and nothing as POSTADO. */
    PollSummary poll(List<Map<String, Object>> items) {
        correios.resetAll();
        tokens.evict();
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-privacy", Duration.ofDays(1))));
        correios.stubFor(listing("POSTADO", 0).willReturn(page(List.of(), 0, false)));
        correios.stubFor(listing("PREPOSTADO", 0).willReturn(page(items, 0, false)));
        return intake.poll();
    }

    /** Registers {@code code} by hand (201 expected). */
    void registerByHand(String code, String name, String phone, @Nullable String email) throws Exception {
        String body = """
                {"trackingCode":"%s","recipient":{"name":"%s","phone":"%s"%s},
                 "contents":[{"description":"Notebook reparado","quantity":1}]}"""
                .formatted(code, name, phone, email == null ? "" : ",\"email\":\"" + email + "\"");
        mvc.perform(post("/api/shipments").header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }
}
