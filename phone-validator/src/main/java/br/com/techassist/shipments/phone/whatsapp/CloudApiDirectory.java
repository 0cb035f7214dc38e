package br.com.techassist.shipments.phone.whatsapp;

import java.util.List;

/**
 * The Meta Cloud API has no existence check: numbers are published UNVERIFIED and the notifier
 * learns the real id from the send response ({@code contacts[].wa_id}). No HTTP call is made.
 */
class CloudApiDirectory implements WhatsAppDirectory {

    @Override
    public String name() {
        return "cloud-api";
    }

    @Override
    public boolean canCheck() {
        return false;
    }

    @Override
    public List<NumberCheck> check(List<String> numbers) {
        throw new UnsupportedOperationException("the Cloud API cannot check numbers");
    }
}
