package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.TrackingCode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

class CorreiosApiIT extends SandboxApiTestBase {

    private static final String CORREIOS_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    @Test
    void aTokenIsIssuedForTheCartaoWithItsLifetimeInBrasiliaTimeWithoutOffset() {
        SandboxHttp.Reply reply = http.post("/token/v1/autentica/cartaopostagem",
                Map.of(HttpHeaders.AUTHORIZATION, SandboxHttp.basic("sandbox", "sandbox-access-code")),
                Map.of("numero", "0076770702", "contrato", "9912345678"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode token = reply.json();
        assertThat(token.get("token").asString()).isNotBlank();
        assertThat(token.get("expiraEm").asString()).matches(CORREIOS_TIME);
        assertThat(token.get("zoneOffset").asString()).isEqualTo("-03:00");
        assertThat(token.get("cartaoPostagem").get("numero").asString()).isEqualTo("0076770702");
        assertThat(Duration.between(LocalDateTime.parse(token.get("emissao").asString()),
                LocalDateTime.parse(token.get("expiraEm").asString()))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void wrongCredentialsOrAForeignCartaoAreRefused() {
        SandboxHttp.Reply wrongPassword = http.post("/token/v1/autentica/cartaopostagem",
                Map.of(HttpHeaders.AUTHORIZATION, SandboxHttp.basic("sandbox", "wrong")), Map.of("numero", "0076770702"));
        SandboxHttp.Reply foreignCartao = http.post("/token/v1/autentica/cartaopostagem",
                Map.of(HttpHeaders.AUTHORIZATION, SandboxHttp.basic("sandbox", "sandbox-access-code")),
                Map.of("numero", "0000000001"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("msgs").get(0).asString()).startsWith("GTW-");
        assertThat(foreignCartao.status()).isEqualTo(403);
    }

    @Test
    void businessApisNeedAValidBearerTokenAndSayGtw008WhenItExpired() {
        SandboxHttp.Reply missing = http.get("/srorastro/v1/objetos?codigosObjetos=AA123456785BR");
        SandboxHttp.Reply unknown = http.get("/prepostagem/v2/prepostagens?status=PREPOSTADO", http.bearer("forged"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("path").asString()).isEqualTo("/prepostagem/v2/prepostagens");

        http.put("/sandbox/faults", Map.of("correios", Map.of("tokenEarlyExpiry", "PT0.2S")));
        String token = http.correiosToken();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SandboxHttp.Reply expired = http.get("/srorastro/v1/objetos?codigosObjetos=AA123456785BR", http.bearer(token));
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().get("msgs").get(0).asString()).startsWith("GTW-008");
        });
    }

    @Test
    void prePostingsArePagedUntilNextIsFalse() {
        Set<String> created = new HashSet<>();
        generate(7, "MANUAL", null).forEach(parcel -> created.add(parcel.get("trackingCode").asString()));
        String token = http.correiosToken();

        List<String> seen = new ArrayList<>();
        int page = 0;
        JsonNode info;
        do {
            SandboxHttp.Reply reply = http.get("/prepostagem/v2/prepostagens?status=PREPOSTADO&size=3&page=" + page,
                    http.bearer(token));
            assertThat(reply.status()).isEqualTo(200);
            info = reply.json().get("page");
            assertThat(info.get("number").asInt()).isEqualTo(page);
            assertThat(info.get("first").asBoolean()).isEqualTo(page == 0);
            reply.json().get("itens").forEach(item -> {
                assertThat(item.get("statusAtual").asInt()).isEqualTo(2);
                seen.add(item.get("codigoObjeto").asString());
            });
            page++;
        } while (info.get("next").asBoolean());

        assertThat(seen).doesNotHaveDuplicates().containsAll(created).hasSize(info.get("count").asInt());
        assertThat(info.get("last").asBoolean()).isTrue();
    }

    @Test
    void aPrePostingCarriesTheRecipientPhonesAndContentsAsGiven() {
        JsonNode parcel = create(Map.of("name", "Raimunda Nonata Cavalcanti", "dddCelular", "92", "celular", "991234567",
                "dddTelefone", "92", "telefone", "32345678", "product", "Smartphone Samsung Galaxy A54"));
        String code = parcel.get("trackingCode").asString();

        SandboxHttp.Reply reply = http.get("/prepostagem/v2/prepostagens?codigoObjeto=" + code,
                http.bearer(http.correiosToken()));

        JsonNode item = reply.json().get("itens").get(0);
        assertThat(item.get("codigoObjeto").asString()).isEqualTo(code);
        assertThat(item.get("descStatusAtual").asString()).isEqualTo("Pré-postado");
        assertThat(item.get("dataHora").asString()).matches(CORREIOS_TIME);
        JsonNode recipient = item.get("destinatario");
        assertThat(recipient.get("nome").asString()).isEqualTo("Raimunda Nonata Cavalcanti");
        assertThat(recipient.get("dddCelular").asString() + recipient.get("celular").asString()).isEqualTo("92991234567");
        assertThat(recipient.get("dddTelefone").asString() + recipient.get("telefone").asString()).isEqualTo("9232345678");
        assertThat(recipient.get("endereco").get("uf").asString()).hasSize(2);
        assertThat(item.get("itensDeclaracaoConteudo").get(0).get("conteudo").asString())
                .isEqualTo("Smartphone Samsung Galaxy A54");
        assertThat(item.has("numeroNotaFiscal")).isTrue();
        assertThat(item.get("servico").asString()).contains("CONTRATO");
    }

    @Test
    void listingByAStatusOtherThanPrePostedNeedsCreationDatesOfAtMostThirtyDays() {
        String token = http.correiosToken();

        assertThat(http.get("/prepostagem/v2/prepostagens?status=POSTADO", http.bearer(token)).status()).isEqualTo(400);
        assertThat(http.get("/prepostagem/v2/prepostagens", http.bearer(token)).status()).isEqualTo(400);
        assertThat(http.get("/prepostagem/v2/prepostagens?status=POSTADO&dataInicialCriacaoPrePostagem=2026-01-01"
                + "&dataFinalCriacaoPrePostagem=2026-03-01", http.bearer(token)).status()).isEqualTo(400);
        assertThat(http.get("/prepostagem/v2/prepostagens?status=POSTADO&dataInicialCriacaoPrePostagem=2026-11-01"
                + "&dataFinalCriacaoPrePostagem=2026-11-30", http.bearer(token)).status()).isIn(200, 404);
        assertThat(http.get("/prepostagem/v2/prepostagens?status=POSTADO&dataInicialCriacaoPrePostagem=2026-11-30"
                + "&dataFinalCriacaoPrePostagem=2026-11-01", http.bearer(token)).status()).isEqualTo(400);
        assertThat(http.get("/prepostagem/v2/prepostagens?status=POSTADO&dataInicialCriacaoPrePostagem=2026-11-01"
                + "&dataFinalCriacaoPrePostagem=30/11/2026", http.bearer(token)).status()).isEqualTo(400);
    }

    @Test
    void aStatusListingReturnsOnlyPrePostingsCreatedInTheWindowAskedFor() {
        String code = create(Map.of("events", List.of(Map.of("codigo", "PO", "tipo", "01", "descricao", "Objeto postado"))))
                .get("trackingCode").asString();
        String token = http.correiosToken();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Sao_Paulo"));
        String window = "&dataInicialCriacaoPrePostagem=%s&dataFinalCriacaoPrePostagem=%s";

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SandboxHttp.Reply inWindow = http.get("/prepostagem/v2/prepostagens?status=POSTADO&size=1000"
                    + window.formatted(today.minusDays(1), today), http.bearer(token));
            assertThat(inWindow.status()).isEqualTo(200);
            assertThat(inWindow.json().get("itens").findValuesAsString("codigoObjeto")).contains(code);
        });
        SandboxHttp.Reply before = http.get("/prepostagem/v2/prepostagens?status=POSTADO&size=1000"
                + window.formatted(today.minusDays(30), today.minusDays(2)), http.bearer(token));
        assertThat(before.raw()).doesNotContain(code);
        SandboxHttp.Reply longAgo = http.get("/prepostagem/v2/prepostagens?status=POSTADO"
                + window.formatted("2020-01-01", "2020-01-30"), http.bearer(token));
        assertThat(longAgo.status()).isEqualTo(404);
        assertThat(longAgo.json().get("msgs").get(0).asString()).startsWith("PPN-011: Nenhuma pré-postagem encontrada");
    }

    @Test
    void aTrackingBatchAnswersEventsNewestFirstAndSro019Or020PerObject() {
        JsonNode posted = create(Map.of("events", List.of(
                Map.of("codigo", "PO", "tipo", "01", "descricao", "Objeto postado"),
                Map.of("codigo", "RO", "tipo", "01", "descricao", "Objeto em transferência - por favor aguarde", "after", "PT1S"),
                Map.of("codigo", "XYZ", "tipo", "77", "descricao", "Evento desconhecido", "after", "PT2S"),
                Map.of("codigo", "OEC", "tipo", "01", "descricao", "Objeto saiu para entrega ao destinatário",
                        "after", "PT50H"))));
        String code = posted.get("trackingCode").asString();
        String notPostedYet = generate(1, "MANUAL", null).get(0).get("trackingCode").asString();
        String unknown = "ZZ" + "00000001" + TrackingCode.checkDigit("00000001") + "BR";
        String malformed = "AA000000000BR";
        http.post("/sandbox/clock/advance?by=PT3S", Map.of(), null);

        SandboxHttp.Reply reply = http.get("/srorastro/v1/objetos?codigosObjetos=" + code + "&codigosObjetos=" + notPostedYet
                + "&codigosObjetos=" + unknown + "&codigosObjetos=" + malformed + "&resultado=T", http.bearer(http.correiosToken()));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("quantidade").asInt()).isEqualTo(4);
        JsonNode objects = body.get("objetos");
        JsonNode found = objects.get(0);
        assertThat(found.get("codObjeto").asString()).isEqualTo(code);
        assertThat(found.get("eventos")).extracting(e -> e.get("codigo").asString()).containsExactly("XYZ", "RO", "PO");
        assertThat(found.get("eventos").get(0).get("dtHrCriado").asString()).matches(CORREIOS_TIME);
        assertThat(found.get("eventos").get(0).get("unidade").get("endereco").get("uf").asString()).hasSize(2);
        assertThat(objects.get(1).get("mensagem").asString()).startsWith("SRO-020");
        assertThat(objects.get(2).get("mensagem").asString()).startsWith("SRO-020");
        assertThat(objects.get(3).get("mensagem").asString()).startsWith("SRO-019");

        SandboxHttp.Reply last = http.get("/srorastro/v1/objetos?codigosObjetos=" + code, http.bearer(http.correiosToken()));
        assertThat(last.json().get("objetos").get(0).get("eventos")).hasSize(1);
        assertThat(last.json().get("resultado").asString()).isEqualTo("Último evento");
    }

    @Test
    void moreThanFiftyCodesInOneBatchAreRefused() {
        StringBuilder query = new StringBuilder("/srorastro/v1/objetos?resultado=U");
        for (int i = 0; i < 51; i++) {
            String serial = String.format("%08d", 1000 + i);
            query.append("&codigosObjetos=ZZ").append(serial).append(TrackingCode.checkDigit(serial)).append("BR");
        }

        SandboxHttp.Reply reply = http.get(query.toString(), http.bearer(http.correiosToken()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("msgs").get(0).asString()).contains("50");
    }

    @Test
    void aParcelWaitingForPickupTellsTheFullAddressOfThePostOffice() {
        String code = generate(1, "PICKUP_COLLECTED", null).get(0).get("trackingCode").asString();
        http.post("/sandbox/clock/advance?by=P30D", Map.of(), null);

        JsonNode events = http.get("/srorastro/v1/objetos/" + code, http.bearer(http.correiosToken()))
                .json().get("objetos").get(0).get("eventos");

        JsonNode pickup = null;
        for (JsonNode event : events) {
            if (event.get("codigo").asString().equals("LDI")) {
                pickup = event;
            }
        }
        assertThat(pickup).isNotNull();
        JsonNode address = pickup.get("unidade").get("endereco");
        assertThat(address.get("logradouro").asString()).isNotBlank();
        assertThat(address.get("numero").asString()).isNotBlank();
        assertThat(address.get("cep").asString()).hasSize(8);
        assertThat(events.get(0).get("codigo").asString()).isEqualTo("BDI");
        JsonNode truth = http.get("/sandbox/scenario/parcels/" + code).json();
        assertThat(truth.get("finished").asBoolean()).isTrue();
        assertThat(truth.get("expectedFinalMilestone").asString()).isEqualTo("DELIVERED");
    }
}
