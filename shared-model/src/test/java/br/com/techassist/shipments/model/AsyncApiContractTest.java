package br.com.techassist.shipments.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code asyncapi.yaml} and the code in step: every sample event and its headers validate
 * against the document's schemas, every topic, event type, enum value and record field is in the
 * document (and nothing more), and broken events are rejected, so the check itself can fail.
 */
class AsyncApiContractTest {

    private static final String DOCUMENT = "asyncapi.yaml";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PERSONAL_DATA_MARK = "x-personal-data";
    /** Component names that suggest a person's data; each such field is listed in PersonalDataFields or here. */
    private static final java.util.regex.Pattern LOOKS_PERSONAL = java.util.regex.Pattern.compile(
            "(?i)name|phone|mobile|landline|mail|e164|whatsapp|cpf|cnpj|document|address|note|recipient|input|contact");
    private static final Set<String> NOT_PERSONAL = Set.of(
            "ShipmentRegistered.serviceName", // the Correios service, e.g. SEDEX
            "ContactValidated.phoneType", // mobile or landline
            "Unit.name", // a Correios unit
            "Unit.address"); // where a Correios unit is

    private static JsonNode document;
    private static SchemaRegistry registry;

    @BeforeAll
    static void loadTheDocument() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath").isNotNull();
            document = YAMLMapper.builder().build().readTree(in);
        }
        // AsyncAPI 3.0's default schema format is a superset of JSON Schema draft 7; formats are asserted
        registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    static List<Named<ShipmentEvent>> samples() {
        return EventSamples.named(Stream.concat(EventSamples.all().stream(), Stream.of(EventSamples.serviceAlert())));
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("defaultContentType").asString()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventMatchesItsPayloadSchema(ShipmentEvent sample) {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(sample));

        assertThat(errors(sample.getClass().getSimpleName(), json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSerializersHeadersMatchTheHeadersSchema(ShipmentEvent sample) {
        assertThat(errors(sample.getClass().getSimpleName() + "Headers", serializedHeaders(sample))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theRecordKeyMatchesTheKeySchemaOfTheMessage(ShipmentEvent sample) {
        EventType type = EventType.of(sample);
        JsonNode bindings = resolve(document.at(pointer("components/messages/" + javaName(type) + "/bindings")));
        String keySchema = bindings.at("/kafka/key/$ref").asString();
        // the key publishers use (EventPublisher.keyOf in service-support)
        String key = sample.trackingCode() != null ? sample.trackingCode() : type.name();

        assertThat(keySchema).startsWith(SCHEMAS);
        assertThat(errors(keySchema.substring(SCHEMAS.length()), EventJson.mapper().getNodeFactory().stringNode(key)))
                .isEmpty();
    }

    @Test
    void anAlertAboutAnInvalidCodeMayCarryTheRejectedInput() {
        var alert = new ShipmentAlert(
                EventIds.of("ShipmentAlert", "AA000000000BR", ShipmentAlert.AlertType.INVALID_TRACKING_CODE),
                EventSamples.OCCURRED_AT,
                "AA000000000",
                ShipmentAlert.AlertType.INVALID_TRACKING_CODE,
                ShipmentAlert.Severity.WARNING,
                "pre-posting PP-1 has an invalid tracking code",
                null);
        assertThat(errors("ShipmentAlert", sampleJson(alert))).isEmpty();
        assertThat(errors("ShipmentAlertHeaders", serializedHeaders(alert))).isEmpty();
    }

    @Test
    void rejectsAKeyThatIsNotATrackingCode() {
        var factory = EventJson.mapper().getNodeFactory();

        assertThat(errors("TrackingCode", factory.stringNode("DG049186226BR"))).isEmpty();
        assertThat(errors("TrackingCode", factory.stringNode("DG04918622BR"))).isNotEmpty();
        assertThat(errors("TrackingCode", factory.stringNode("dg049186226br"))).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsDescribedOnItsTopic(EventType type) {
        String name = javaName(type);
        JsonNode message = document.at(pointer("components/messages/" + name));
        JsonNode channel = channelWithAddress(type.topic());

        assertThat(message.isObject()).as("components.messages.%s", name).isTrue();
        assertThat(message.at("/payload/$ref").asString()).isEqualTo(SCHEMAS + name);
        assertThat(message.at("/headers/$ref").asString()).isEqualTo(SCHEMAS + name + "Headers");
        assertThat(document.at(pointer("components/schemas/" + name + "Headers"))
                        .findValues("ce_type")
                        .stream()
                        .map(ceType -> ceType.path("const").asString()))
                .as("ce_type of %s", name)
                .contains(type.ceType());
        assertThat(channel.path("messages").valueStream().map(m -> m.path("$ref").asString()))
                .as("messages of channel %s", type.topic())
                .contains("#/components/messages/" + name);
        assertThat(channelWithAddress(Topics.deadLetter(type.topic())).path("messages").valueStream()
                        .map(m -> m.path("$ref").asString()))
                .as("messages of channel %s", Topics.deadLetter(type.topic()))
                .contains("#/components/messages/" + name + "DeadLetter");
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannelAndNothingElseIs() throws IllegalAccessException {
        Set<String> expected = new LinkedHashSet<>();
        for (String topic : topicConstants()) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }

        assertThat(document.path("channels").valueStream().map(c -> c.path("address").asString()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic)).allMatch(expected::contains);
    }

    @Test
    void everyOperationPointsAtAChannelOfTheDocument() {
        document.path("operations").forEach(operation -> {
            String ref = operation.at("/channel/$ref").asString();
            assertThat(resolve(operation.path("channel")).isObject()).as(ref).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void everyRecordFieldIsAPropertyAndEveryPropertyAField(Class<?> type) {
        JsonNode schema = document.at(pointer("components/schemas/" + type.getSimpleName()));
        Set<String> properties = new LinkedHashSet<>(schema.path("properties").propertyNames());

        assertThat(properties)
                .as("properties of %s", type.getSimpleName())
                .containsExactlyInAnyOrder(Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toArray(String[]::new));
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).allMatch(properties::contains);
        assertThat(schema.path("additionalProperties").asBoolean(true)).as("tolerates unknown fields").isTrue();
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void exactlyThePersonalDataFieldsAreMarkedAsPersonalData(Class<?> type) {
        JsonNode properties = document.at(pointer("components/schemas/" + type.getSimpleName() + "/properties"));

        for (RecordComponent component : type.getRecordComponents()) {
            boolean marked = properties.path(component.getName()).path(PERSONAL_DATA_MARK).asBoolean(false);
            assertThat(marked)
                    .as("%s.%s: x-personal-data in %s must match PersonalDataFields", type.getSimpleName(),
                            component.getName(), DOCUMENT)
                    .isEqualTo(PersonalDataFields.isPersonal(type, component.getName()));
        }
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void aFieldNamedLikePersonalDataIsListedAsPersonalDataOrKnownNotToBe(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            String field = type.getSimpleName() + "." + component.getName();
            if (LOOKS_PERSONAL.matcher(component.getName()).find()) {
                assertThat(PersonalDataFields.isPersonal(type, component.getName()) || NOT_PERSONAL.contains(field))
                        .as("%s looks like personal data: add it to PersonalDataFields (and mark it in %s),"
                                + " or to NOT_PERSONAL here with the reason", field, DOCUMENT)
                        .isTrue();
            }
        }
    }

    @Test
    void theListOfPersonalDataNamesOnlyRecordsAndFieldsOfTheContract() {
        Set<Class<?>> types = new LinkedHashSet<>(contractTypes().toList());

        PersonalDataFields.FIELDS.forEach((type, fields) -> {
            assertThat(types).as("contract types").contains(type);
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as("components of %s", type.getSimpleName())
                    .containsAll(fields);
        });
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void fieldsThatAreAlwaysWrittenAreRequired(Class<?> type) {
        JsonNode schema = document.at(pointer("components/schemas/" + type.getSimpleName()));
        Set<String> required = new LinkedHashSet<>(schema.path("required").valueStream().map(JsonNode::asString).toList());

        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                assertThat(required).as("%s.%s is a primitive", type.getSimpleName(), component.getName())
                        .contains(component.getName());
            }
        }
        if (ShipmentEvent.class.isAssignableFrom(type)) {
            assertThat(required).contains("eventId", "occurredAt");
            if (type != ShipmentAlert.class) {
                assertThat(required).contains("trackingCode");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("contractEnums")
    void enumsListExactlyTheJavaValuesInOrder(Class<? extends Enum<?>> type) {
        JsonNode schema = document.at(pointer("components/schemas/" + type.getSimpleName()));

        assertThat(schema.path("enum").valueStream().map(JsonNode::asString))
                .as("enum %s", type.getSimpleName())
                .containsExactly(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void rejectsAnEventWithoutARequiredField() {
        ObjectNode json = sampleJson(EventSamples.shipmentRegistered());
        json.remove("trackingCode");

        assertThat(errors("ShipmentRegistered", json))
                .extracting(Error::toString)
                .anyMatch(m -> m.contains("trackingCode"));
    }

    @Test
    void rejectsAValueOutsideAnEnum() {
        ObjectNode json = sampleJson(EventSamples.shipmentStatusChanged());
        json.put("milestone", "TELEPORTED");

        assertThat(errors("ShipmentStatusChanged", json)).extracting(Error::toString).anyMatch(m -> m.contains("milestone"));
    }

    @Test
    void rejectsBrokenNestedRecords() {
        ObjectNode json = sampleJson(EventSamples.shipmentRegistered());
        ((ObjectNode) json.get("recipient").get("mobile")).put("areaCode", 11);
        ((ObjectNode) json.get("contents").get(0)).put("quantity", "one");
        ObjectNode status = sampleJson(EventSamples.shipmentStatusChanged());
        ((ObjectNode) status.get("correiosEvent")).remove("code");

        assertThat(errors("ShipmentRegistered", json)).hasSize(2);
        assertThat(errors("ShipmentStatusChanged", status)).extracting(Error::toString).anyMatch(m -> m.contains("code"));
    }

    @Test
    void rejectsIdsThatAreNotUuidsAndTimesWithoutOffset() {
        ObjectNode badId = sampleJson(EventSamples.notificationSent());
        badId.put("eventId", "not-a-uuid");
        ObjectNode localTime = sampleJson(EventSamples.notificationSent());
        localTime.put("occurredAt", "2026-11-27T10:15:00");
        ObjectNode badCode = sampleJson(EventSamples.notificationSent());
        badCode.put("trackingCode", "DG04918622BR");

        assertThat(errors("NotificationSent", badId)).extracting(Error::toString).anyMatch(m -> m.contains("eventId"));
        assertThat(errors("NotificationSent", localTime)).extracting(Error::toString).anyMatch(m -> m.contains("occurredAt"));
        assertThat(errors("NotificationSent", badCode)).extracting(Error::toString).anyMatch(m -> m.contains("trackingCode"));
    }

    @Test
    void rejectsHeadersOfAnotherTypeOrWithoutSubject() {
        ObjectNode json = serializedHeaders(EventSamples.notificationFailed());
        ObjectNode noSubject = json.deepCopy();
        noSubject.remove("ce_subject");
        ObjectNode badSubject = json.deepCopy();
        badSubject.put("ce_subject", "not a code");
        ObjectNode localTime = json.deepCopy();
        localTime.put("ce_time", "2026-11-27T10:15");

        assertThat(errors("NotificationFailedHeaders", json)).isEmpty();
        assertThat(errors("NotificationSentHeaders", json)).isNotEmpty();
        assertThat(errors("NotificationFailedHeaders", noSubject)).isNotEmpty();
        assertThat(errors("NotificationFailedHeaders", badSubject)).isNotEmpty();
        assertThat(errors("NotificationFailedHeaders", localTime)).isNotEmpty();
    }

    static Stream<Class<?>> contractTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        Arrays.stream(EventType.values()).forEach(t -> collectTypes(t.javaType(), types));
        return types.stream().filter(Class::isRecord);
    }

    @SuppressWarnings("unchecked")
    static Stream<Class<? extends Enum<?>>> contractEnums() {
        Set<Class<?>> types = new LinkedHashSet<>();
        Arrays.stream(EventType.values()).forEach(t -> collectTypes(t.javaType(), types));
        return types.stream().filter(Class::isEnum).map(t -> (Class<? extends Enum<?>>) t);
    }

    private static void collectTypes(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType generic) {
            Arrays.stream(generic.getActualTypeArguments()).forEach(t -> collectTypes(t, into));
        } else if (type instanceof Class<?> c && (c.isRecord() || c.isEnum()) && into.add(c) && c.isRecord()) {
            Arrays.stream(c.getRecordComponents()).forEach(rc -> collectTypes(rc.getGenericType(), into));
        }
    }

    private static List<String> topicConstants() throws IllegalAccessException {
        var topics = new java.util.ArrayList<String>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).hasSize(6);
        return topics;
    }

    private static JsonNode channelWithAddress(String address) {
        return document.path("channels").valueStream()
                .filter(c -> c.path("address").asString().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private static List<Error> errors(String schemaName, JsonNode instance) {
        assertThat(document.at(pointer("components/schemas/" + schemaName)).isObject())
                .as("components.schemas.%s", schemaName)
                .isTrue();
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + DOCUMENT + SCHEMAS + schemaName));
        return schema.validate(instance);
    }

    /** The headers {@link ShipmentEventSerializer} writes for {@code event}, as a JSON object of strings. */
    private static ObjectNode serializedHeaders(ShipmentEvent event) {
        var headers = new RecordHeaders();
        new ShipmentEventSerializer("/prepost-ingest").serialize(EventType.of(event).topic(), headers, event);
        ObjectNode json = EventJson.mapper().createObjectNode();
        for (Header header : headers) {
            json.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return json;
    }

    private static ObjectNode sampleJson(ShipmentEvent event) {
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
    }

    private static String javaName(EventType type) {
        return type.javaType().getSimpleName();
    }

    /** A JSON pointer to {@code path} (segments separated by {@code /}) in the document. */
    private static String pointer(String path) {
        return "/" + path;
    }

    /** The node itself, or the node its local {@code $ref} points at. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }
}
