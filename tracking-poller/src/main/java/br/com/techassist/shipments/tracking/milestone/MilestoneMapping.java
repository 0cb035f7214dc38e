package br.com.techassist.shipments.tracking.milestone;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping from an SRO event (codigo, tipo) to a {@link Milestone}, versioned: change a row
 * only by publishing a new {@link #VERSION}. It follows the event table of the Correios reference
 * (§4); the {@code BDE} rows apply to {@code BDI} and {@code BDR} as well (the three share one status
 * list). {@code EST} is not a milestone: it retracts the event before it (see {@link MilestoneHistory}).
 *
 * <p>Label events ("Etiqueta emitida / expirada", code unknown) are recognised by their text and
 * mean "not posted yet". Any other pair not in the table is unknown: the caller logs, counts and
 * alerts it.
 */
public final class MilestoneMapping {

    /** The version of the table; part of the README and of unknown-code alerts. */
    public static final String VERSION = "2026-11-27.1";

    /** Matches any {@code tipo} of a {@code codigo}. */
    static final String ANY = "*";

    private static final String RETRACTION = "EST";
    private static final List<String> DELIVERY_CODES = List.of("BDE", "BDI", "BDR");

    private static final List<Row> ROWS = rows();
    private static final Map<String, Row> INDEX = index(ROWS);

    private MilestoneMapping() {}

    /**
     * One row of the table.
     *
     * @param codigo the event code
     * @param tipo the event type, two digits, or {@code *} for any
     * @param milestone what it means
     * @param meaning the reference's wording, for people
     */
    public record Row(String codigo, String tipo, Milestone milestone, String meaning) {}

    /** Every row of the table. */
    public static List<Row> all() {
        return ROWS;
    }

    /** The milestone of {@code event}; empty for unknown pairs, retractions and label events. */
    public static Optional<Milestone> milestoneOf(CorreiosEvent event) {
        return rowOf(event.code(), event.type()).map(Row::milestone);
    }

    /** The row that maps ({@code codigo}, {@code tipo}); an exact tipo wins over {@code *}. */
    public static Optional<Row> rowOf(@Nullable String codigo, @Nullable String tipo) {
        if (codigo == null) {
            return Optional.empty();
        }
        String code = codigo.strip().toUpperCase(Locale.ROOT);
        Row exact = INDEX.get(code + "/" + normalizeTipo(tipo));
        return Optional.ofNullable(exact != null ? exact : INDEX.get(code + "/" + ANY));
    }

    /** True for {@code EST}: "favor desconsiderar a informação anterior". */
    public static boolean isRetraction(CorreiosEvent event) {
        return event.code() != null && RETRACTION.equalsIgnoreCase(event.code().strip());
    }

    /** True for the label events ("Etiqueta emitida", "Aguardando postagem", "Etiqueta expirada"): not posted. */
    public static boolean isLabelEvent(CorreiosEvent event) {
        if (rowOf(event.code(), event.type()).isPresent() || event.description() == null) {
            return false;
        }
        String text = Normalizer.normalize(event.description(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return text.contains("etiqueta emitida") || text.contains("etiqueta expirada")
                || text.contains("aguardando postagem");
    }

    /** {@code "1"} → {@code "01"}; blanks and nulls become {@code ""}. */
    static String normalizeTipo(@Nullable String tipo) {
        if (tipo == null) {
            return "";
        }
        String t = tipo.strip();
        return t.length() == 1 && Character.isDigit(t.charAt(0)) ? "0" + t : t;
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // Posted
        add(rows, "PO", Milestone.POSTED, "objeto postado", "01", "09");
        add(rows, "CO", Milestone.POSTED, "objeto coletado", "01");
        // Moving
        add(rows, "RO", Milestone.IN_TRANSIT, "objeto em trânsito", "01");
        add(rows, "DO", Milestone.IN_TRANSIT, "objeto encaminhado", "01", "02");
        for (String code : List.of("TRI", "PMT", "CD", "CUN", "CMT", "CAR", "CMR")) {
            add(rows, code, Milestone.IN_TRANSIT, "recebido, conferido ou encaminhado numa unidade", ANY);
        }
        add(rows, "FC", Milestone.RETURNING, "devolução solicitada pelo remetente", "01", "47");
        add(rows, "FC", Milestone.IN_TRANSIT, "nota de tratamento (encaminhamento, atraso, entrega programada)", ANY);
        add(rows, "PAR", Milestone.IN_TRANSIT, "fiscalização aduaneira", "15", "16", "17", "18");
        // Out for delivery
        add(rows, "OEC", Milestone.RETURNING, "saiu para entrega ao remetente", "09");
        add(rows, "OEC", Milestone.OUT_FOR_DELIVERY, "saiu para entrega ao destinatário", ANY);
        add(rows, "LDE", Milestone.RETURNING, "saiu para entrega ao remetente", "00", "09");
        // Pickup
        add(rows, "LDI", Milestone.AWAITING_PICKUP, "aguardando retirada", ANY);
        for (String code : DELIVERY_CODES) {
            add(rows, code, Milestone.DELIVERED, "objeto entregue ao destinatário", "00", "01", "70");
            add(rows, code, Milestone.AWAITING_PICKUP, "disponível em caixa postal ou armário inteligente", "24", "68");
            add(rows, code, Milestone.DELIVERY_FAILED, "tentativa de entrega não concluída, nova tentativa",
                    "02", "07", "18", "19", "20", "25", "32", "34", "35", "45", "46", "47", "66", "69");
            add(rows, code, Milestone.RETURNING, "será devolvido ao remetente",
                    "04", "05", "06", "08", "10", "21", "26", "33", "36", "40", "42", "48", "49", "56", "89");
            add(rows, code, Milestone.RETURNED, "objeto devolvido ao remetente", "23");
            add(rows, code, Milestone.EXCEPTION, "remetente não retirou a devolução", "03", "12");
            add(rows, code, Milestone.LOST, "não localizado, roubado ou extraviado", "09", "50", "51", "52", "80");
            add(rows, code, Milestone.EXCEPTION, "objeto avariado", "28", "37");
            add(rows, code, Milestone.EXCEPTION, "apreendido", "43", "75");
            // the reference lists 56 both as "other causes (returning)" and in "54–59 taxes": returning wins
            add(rows, code, Milestone.EXCEPTION, "tributos a pagar ou em análise", "54", "55", "57", "58", "59");
        }
        add(rows, "IDC", Milestone.LOST, "não localizado, indenizado", "01", "02", "03", "04", "05", "06", "07");
        add(rows, "BLQ", Milestone.EXCEPTION, "suspensão de entrega solicitada", "01", "02", "11", "21");
        return List.copyOf(rows);
    }

    private static void add(List<Row> rows, String codigo, Milestone milestone, String meaning, String... tipos) {
        for (String tipo : tipos) {
            rows.add(new Row(codigo, tipo, milestone, meaning));
        }
    }

    private static Map<String, Row> index(List<Row> rows) {
        Map<String, Row> index = new HashMap<>();
        for (Row row : rows) {
            Row previous = index.putIfAbsent(row.codigo() + "/" + row.tipo(), row);
            if (previous != null) {
                throw new IllegalStateException("milestone mapping has two rows for " + row.codigo() + "/" + row.tipo());
            }
        }
        return Map.copyOf(index);
    }
}
