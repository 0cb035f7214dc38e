package br.com.techassist.shipments.tracking.poller;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake SRO Rastro behind WireMock, answering in the real wire format (reference §3): per code,
 * the events a test posted (newest first, local São Paulo times without offset), an SRO-019/020
 * message, a raw object JSON, or nothing at all (the object is left out of the answer). Unknown
 * codes get SRO-020. The token endpoint answers 201 as Correios does. Every answered request is
 * recorded with its codes.
 */
final class FakeSroRastro implements ResponseDefinitionTransformerV2 {

    static final String PATH = "/srorastro/v1/objetos";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, List<Map<String, Object>>> events = new ConcurrentHashMap<>();
    private final Map<String, String> messages = new ConcurrentHashMap<>();
    private final Map<String, String> rawObjects = new ConcurrentHashMap<>();
    private final Set<String> omitted = ConcurrentHashMap.newKeySet();
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger answers = new AtomicInteger();

    @Override
    public String getName() {
        return "sro-rastro";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Stubs the token endpoint and Rastro on {@code server}. */
    void stub(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/token/v1/autentica/cartaopostagem")).willReturn(aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"ambiente":"HOMOLOGACAO","id":"techassist","ip":"127.0.0.1","perfil":"PJ",
                         "cnpj":"12345678000199","cartaoPostagem":{"numero":"0067599079","contrato":"9912208555",
                         "dr":10,"api":[27,34,35,36,37,41,76,78,80,83,87,93,566,586,587,621,623]},
                         "emissao":"2026-11-01T08:00:00","expiraEm":"2026-12-31T23:59:59","zoneOffset":"-03:00",
                         "token":"eyJhbGciOiJSUzI1NiJ9.test.token"}""")));
        server.stubFor(get(urlPathEqualTo(PATH)).atPriority(10).willReturn(aResponse().withTransformers(getName())));
    }

    /** Correios records an event for {@code code} (it becomes the newest). */
    void event(String code, String codigo, String tipo, String descricao, LocalDateTime when, String cidade, String uf) {
        event(code, codigo, tipo, descricao, when, unit("Unidade de Tratamento", cidade, uf, null));
    }

    void event(String code, String codigo, String tipo, String descricao, LocalDateTime when, Map<String, Object> unidade) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("codigo", codigo);
        e.put("tipo", tipo);
        e.put("dtHrCriado", when.toString());
        e.put("descricao", descricao);
        e.put("unidade", unidade);
        e.put("estacao", "campo que o cliente ignora");
        events.computeIfAbsent(code, c -> new CopyOnWriteArrayList<>()).addFirst(e);
        messages.remove(code);
    }

    static Map<String, Object> unit(String tipo, String cidade, String uf, Map<String, Object> fullAddress) {
        Map<String, Object> endereco = new LinkedHashMap<>();
        if (fullAddress != null) {
            endereco.putAll(fullAddress);
        }
        endereco.put("cidade", cidade);
        endereco.put("uf", uf);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("tipo", tipo);
        u.put("endereco", endereco);
        return u;
    }

    void notFound(String code) {
        messages.put(code, "SRO-020: Objeto não encontrado na base de dados dos Correios.");
    }

    void invalid(String code) {
        messages.put(code, "SRO-019: Objeto inválido");
    }

    void raw(String code, String objectJson) {
        rawObjects.put(code, objectJson);
    }

    void omit(String code, boolean leaveOut) {
        if (leaveOut) {
            omitted.add(code);
        } else {
            omitted.remove(code);
        }
    }

    /** The codes of every answered request, in order. */
    List<List<String>> requests() {
        return List.copyOf(requests);
    }

    /** How many answered requests asked for {@code code}. */
    long timesAskedFor(String code) {
        return requests.stream().filter(r -> r.contains(code)).count();
    }

    void forgetRequests() {
        requests.clear();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        var param = serveEvent.getRequest().queryParameter("codigosObjetos");
        List<String> codes = param.isPresent() ? param.values() : List.of();
        requests.add(List.copyOf(codes));
        List<String> objects = new ArrayList<>();
        for (String code : codes) {
            if (omitted.contains(code)) {
                continue;
            }
            objects.add(object(code));
        }
        // both spellings of the result key occur in the wild
        String resultKey = answers.incrementAndGet() % 2 == 0 ? "tipoResultado" : "resultado";
        String body = "{\"versao\":\"2.1.3\",\"quantidade\":" + objects.size() + ",\"" + resultKey
                + "\":\"Todos os Eventos\",\"objetos\":[" + String.join(",", objects) + "]}";
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }

    private String object(String code) {
        if (rawObjects.containsKey(code)) {
            return rawObjects.get(code);
        }
        List<Map<String, Object>> list = events.getOrDefault(code, Collections.emptyList());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("codObjeto", code);
        if (messages.containsKey(code) || list.isEmpty()) {
            o.put("mensagem", messages.getOrDefault(code, "SRO-020: Objeto não encontrado na base de dados dos Correios."));
        } else {
            o.put("tipoPostal", Map.of("sigla", code.substring(0, 2), "descricao", "ENCOMENDA PAC", "categoria", "PAC"));
            o.put("dtPrevista", "2026-12-10T23:59:00");
            o.put("modalidade", "F");
            o.put("eventos", List.copyOf(list));
        }
        return JSON.writeValueAsString(o);
    }
}
