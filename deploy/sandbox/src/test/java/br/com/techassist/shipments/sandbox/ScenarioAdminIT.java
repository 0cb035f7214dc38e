package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.TrackingCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScenarioAdminIT extends SandboxApiTestBase {

    private static String code(String serial) {
        return "QB" + serial + TrackingCode.checkDigit(serial) + "BR";
    }

    @Test
    void aGivenParcelKeepsItsCodePhonesAndAccountAndItsEventsAppearInTracking() {
        String code = code("71500001");
        JsonNode created = create(Map.of("trackingCode", code, "name", "Francisca Andrade", "dddCelular", "68",
                "celular", "999990021", "whatsappId", "556899990021"));

        assertThat(created.get("trackingCode").asString()).isEqualTo(code);
        assertThat(created.get("phoneKind").asString()).isEqualTo("GIVEN");
        assertThat(created.get("whatsappId").asString()).isEqualTo("556899990021");
        assertThat(created.get("lifecycle").asString()).isEqualTo("MANUAL");
        assertThat(http.get("/sandbox/whatsapp/accounts").json()).anySatisfy(account ->
                assertThat(account.get("waId").asString()).isEqualTo("556899990021"));

        SandboxHttp.Reply added = http.post("/sandbox/scenario/parcels/" + code + "/events", Map.of(),
                Map.of("codigo", "PO", "tipo", "01", "descricao", "Objeto postado"));

        assertThat(added.status()).isEqualTo(201);
        JsonNode tracked = http.get("/srorastro/v1/objetos/" + code, http.bearer(http.correiosToken()))
                .json().get("objetos").get(0);
        assertThat(tracked.get("eventos").get(0).get("codigo").asString()).isEqualTo("PO");
        assertThat(tracked.get("eventos").get(0).get("unidade").get("endereco").get("uf").asString()).isEqualTo("AC");
        assertThat(http.get("/sandbox/scenario/parcels/" + code).json().get("prePostingStatus").asString())
                .isEqualTo("POSTADO");
    }

    @Test
    void aDuplicateCodeIsRefusedWith409AndAnInvalidOneWith400() {
        String code = code("71500002");
        create(Map.of("trackingCode", code));

        assertThat(http.post("/sandbox/scenario/parcels", Map.of(), Map.of("parcel", Map.of("trackingCode", code)))
                .status()).isEqualTo(409);
        assertThat(http.post("/sandbox/scenario/parcels", Map.of(), Map.of("parcel", Map.of("trackingCode", "QB715000020BR")))
                .status()).isEqualTo(400);
        assertThat(http.post("/sandbox/scenario/parcels/" + code("71599999") + "/events", Map.of(),
                Map.of("codigo", "PO", "tipo", "01")).status()).isEqualTo(404);
    }

    @Test
    void generatedParcelsTellWhichMessagesAreExpected() {
        JsonNode withWhatsApp = generate(1, "RETURNED", "LANDLINE_WITH_WHATSAPP_BUSINESS").get(0);
        JsonNode withoutWhatsApp = generate(1, "DELIVERED", "NO_PHONE").get(0);

        assertThat(withWhatsApp.get("shippedExpected").asBoolean()).isTrue();
        assertThat(withWhatsApp.get("arrivedExpected").asBoolean()).isFalse();
        assertThat(withWhatsApp.get("expectedFinalMilestone").asString()).isEqualTo("RETURNED");
        assertThat(withWhatsApp.get("whatsappId").asString())
                .isEqualTo("55" + withWhatsApp.get("phone").get("dddTelefone").asString()
                        + withWhatsApp.get("phone").get("telefone").asString());
        assertThat(withoutWhatsApp.get("whatsappId").isNull()).isTrue();
        assertThat(withoutWhatsApp.get("shippedExpected").asBoolean()).isFalse();
        assertThat(withoutWhatsApp.get("arrivedExpected").asBoolean()).isFalse();
        assertThat(http.get("/sandbox/scenario/parcels?lifecycle=RETURNED&size=1000").json())
                .anySatisfy(p -> assertThat(p.get("trackingCode").asString())
                        .isEqualTo(withWhatsApp.get("trackingCode").asString()));
    }
}
