package br.com.techassist.shipments.correios.rastro;

import br.com.techassist.shipments.correios.CorreiosGateway;
import java.util.List;

/** SRO Rastro: tracking of up to 50 objects per call, all events. */
public class RastroClient {

    /** The most codes Correios accepts in one batch. */
    public static final int MAX_CODES = 50;

    private final CorreiosGateway gateway;

    public RastroClient(CorreiosGateway gateway) {
        this.gateway = gateway;
    }

    /** GET /srorastro/v1/objetos?codigosObjetos=A&codigosObjetos=B…&resultado=T, 1..50 codes. */
    public RastroResponse track(List<String> codes) {
        if (codes.isEmpty() || codes.size() > MAX_CODES) {
            throw new IllegalArgumentException("1 to " + MAX_CODES + " codes per call, got " + codes.size());
        }
        return gateway.get("rastro", uri -> uri.path("/srorastro/v1/objetos")
                .queryParam("codigosObjetos", codes.toArray())
                .queryParam("resultado", "T")
                .build(), RastroResponse.class);
    }
}
