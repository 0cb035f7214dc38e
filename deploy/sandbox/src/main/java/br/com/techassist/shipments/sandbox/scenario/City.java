package br.com.techassist.shipments.sandbox.scenario;

import java.util.List;

/**
 * A destination city: where recipients live, its area code and its Correios units.
 *
 * @param name city name as written in addresses
 * @param uf state
 * @param ddd area code of its phones
 * @param cepPrefix first five digits of its postcodes
 * @param neighbourhoods bairros used in addresses
 * @param transitDays usual days from São Paulo
 */
record City(String name, String uf, String ddd, String cepPrefix, List<String> neighbourhoods, int transitDays) {

    /** Correios writes unit cities in upper case without accents. */
    String correiosName() {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** Accounts created before the ninth digit reached this area (DDD 31 and up, 2014–2016) are common. */
    boolean hasOldMobileAccounts() {
        return Integer.parseInt(ddd) >= 31;
    }
}
