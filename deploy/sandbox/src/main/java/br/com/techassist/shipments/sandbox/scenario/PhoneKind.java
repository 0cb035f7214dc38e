package br.com.techassist.shipments.sandbox.scenario;

/** The phone situation of a recipient, i.e. what the phone validator has to work out. */
public enum PhoneKind {
    /** Mobile given with the 9; the WhatsApp account has the 9 (13-digit id). */
    MOBILE_WITH_NINTH_DIGIT,
    /** Mobile given with the 9; the WhatsApp account is old and lacks it (12-digit id). */
    MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT,
    /** Mobile typed in the old 8-digit form; the WhatsApp account has the 9. */
    MOBILE_TYPED_WITHOUT_NINTH_DIGIT,
    /** Mobile with the 9 and no WhatsApp account in either form. */
    MOBILE_WITHOUT_WHATSAPP,
    /** Landline only, with a WhatsApp Business account on it (never add a 9). */
    LANDLINE_WITH_WHATSAPP_BUSINESS,
    /** Landline only, no WhatsApp. */
    LANDLINE_WITHOUT_WHATSAPP,
    /** No phone at all. */
    NO_PHONE,
    /** Given through the admin API. */
    GIVEN
}
