package br.com.techassist.shipments.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import br.com.techassist.shipments.model.TrackingCode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One WireMock server per test JVM speaking the Correios wire format (token, Pré-Postagem listing). */
public final class FakeCorreios {

    public static final String TOKEN_PATH = "/token/v1/autentica/cartaopostagem";
    public static final String LIST_PATH = "/prepostagem/v2/prepostagens";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WireMockServer server;

    private FakeCorreios() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
        }
        return server;
    }

    /** The token request of the test credentials ({@code config/prepost-ingest.yml}). */
    public static MappingBuilder tokenRequest() {
        return post(TOKEN_PATH).withBasicAuth("meuusuario", "test-access-code")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"numero\":\"0076770702\"}"));
    }

    /** A 201 token answer valid for {@code validFor} from now (expiraEm in Brasília local time + zoneOffset). */
    public static ResponseDefinitionBuilder tokenAnswer(String token, java.time.Duration validFor) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("-03:00")).withNano(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ambiente", "HOMOLOGACAO");
        body.put("id", "meuusuario");
        body.put("perfil", "PJ");
        body.put("cartaoPostagem", Map.of("numero", "0076770702", "contrato", "9912345678", "dr", 10,
                "api", List.of(27, 34, 35, 36, 87)));
        body.put("emissao", now.toString());
        body.put("expiraEm", now.plus(validFor).toString());
        body.put("zoneOffset", "-03:00");
        body.put("token", token);
        return json(201, JSON.writeValueAsString(body));
    }

    /** The listing of {@code status}, page {@code page}. */
    public static MappingBuilder listing(String status, int page) {
        return get(urlPathEqualTo(LIST_PATH)).withQueryParam("status", equalTo(status))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .withQueryParam("size", equalTo("100"));
    }

    public static ResponseDefinitionBuilder page(List<Map<String, Object>> items, int number, boolean next) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("size", 100);
        info.put("numberElements", items.size());
        info.put("number", number);
        info.put("count", items.size());
        info.put("next", next);
        info.put("previous", number > 0);
        info.put("first", number == 0);
        info.put("last", !next);
        return json(200, JSON.writeValueAsString(Map.of("itens", items, "page", info)));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A valid code {@code prefix + serial + DV + BR}. */
    public static String code(String prefix, int serial) {
        String digits = String.format("%08d", serial);
        return prefix + digits + TrackingCode.checkDigit(digits) + "BR";
    }

    /** {@code count} valid codes with distinct serials from {@code firstSerial}. */
    public static List<String> codes(String prefix, int firstSerial, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(code(prefix, firstSerial + i));
        }
        return out;
    }

    /** A pre-posting as the listing returns it, with every mapped field set. */
    public static Map<String, Object> item(String code, int n) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("cep", "86010000");
        address.put("logradouro", "Rua Sergipe");
        address.put("numero", Integer.toString(n));
        address.put("complemento", "Apto " + n);
        address.put("bairro", "Centro");
        address.put("cidade", "Londrina");
        address.put("uf", "PR");
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("nome", "Maria da Silva " + n);
        recipient.put("dddTelefone", "43");
        recipient.put("telefone", "3333" + String.format("%04d", n % 10000));
        recipient.put("dddCelular", "43");
        recipient.put("celular", "9999" + String.format("%05d", n % 100000));
        recipient.put("ddiTelefone", null);
        recipient.put("ddiCelular", null);
        recipient.put("email", "maria" + n + "@example.com");
        recipient.put("cpfCnpj", "12345678909");
        recipient.put("obs", null);
        recipient.put("endereco", address);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "PR" + code);
        item.put("codigoObjeto", code);
        item.put("codigoServico", "03298");
        item.put("servico", "03298 - PAC CONTRATO AG");
        item.put("statusAtual", 2);
        item.put("descStatusAtual", "Pré-postado");
        item.put("dataHoraStatusAtual", "2026-06-22T20:00:34.711579");
        item.put("dataHora", "2026-06-20T09:10:00");
        item.put("prazoPostagem", "2026-07-04");
        item.put("numeroCartaoPostagem", "0076770702");
        item.put("remetente", Map.of("nome", "TechAssist", "dddCelular", "11", "celular", "999999999"));
        item.put("destinatario", recipient);
        item.put("itensDeclaracaoConteudo", List.of(Map.of("conteudo", "Notebook reparado", "quantidade", 1,
                "valor", 1500.5), Map.of("conteudo", "Carregador", "quantidade", 2, "valor", 80)));
        item.put("numeroNotaFiscal", "12345");
        item.put("chaveNFe", null);
        item.put("observacao", "OS " + n);
        item.put("logisticaReversa", "N");
        item.put("historicoStatus", List.of());
        item.put("campoNovo", Map.of("x", 1));
        return item;
    }
}
