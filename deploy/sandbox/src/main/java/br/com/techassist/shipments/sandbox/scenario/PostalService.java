package br.com.techassist.shipments.sandbox.scenario;

import java.util.List;

/** The Correios service a parcel is sent with; its tracking prefixes and SRO {@code tipoPostal}. */
public enum PostalService {
    PAC("03298", "03298 - PAC CONTRATO AG", "ENCOMENDA PAC", "PAC", List.of("QB", "QC", "PN")),
    SEDEX("03220", "03220 - SEDEX CONTRATO AG", "ENCOMENDA SEDEX (ETIQ LOGICA)", "SEDEX", List.of("OY", "OZ", "DG"));

    private final String code;
    private final String label;
    private final String trackingDescription;
    private final String category;
    private final List<String> prefixes;

    PostalService(String code, String label, String trackingDescription, String category, List<String> prefixes) {
        this.code = code;
        this.label = label;
        this.trackingDescription = trackingDescription;
        this.category = category;
        this.prefixes = prefixes;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String trackingDescription() {
        return trackingDescription;
    }

    public String category() {
        return category;
    }

    List<String> prefixes() {
        return prefixes;
    }

    /** The service a tracking code's two letters stand for; SEDEX when unknown. */
    static PostalService ofCode(String trackingCode) {
        String prefix = trackingCode.substring(0, 2);
        return PAC.prefixes.contains(prefix) ? PAC : SEDEX;
    }
}
