package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    private static final List<String> MOBILE = List.of("5543999990021", "554399990021");

    @Test
    void theIdIsTheOneTheProviderReturnedNotTheNumberAsked() {
        var answers = List.of(new NumberCheck("5543999990021", "554399990021"), new NumberCheck("554399990021", "554399990021"));

        assertThat(Resolution.pickId(MOBILE, answers)).isEqualTo("554399990021");
    }

    @Test
    void whenOnlyTheFormWithoutTheNinthDigitExistsItsIdIsTaken() {
        var answers = List.of(new NumberCheck("5543999990021", null), new NumberCheck("554399990021", "554399990021"));

        assertThat(Resolution.pickId(MOBILE, answers)).isEqualTo("554399990021");
    }

    @Test
    void theCanonicalCandidateWinsWhenBothFormsAnswerWithDifferentIds() {
        var answers = List.of(new NumberCheck("554399990021", "554399990021"), new NumberCheck("5543999990021", "5543999990021"));

        assertThat(Resolution.pickId(MOBILE, answers)).isEqualTo("5543999990021");
    }

    @Test
    void noCandidateWithAnAccountMeansNoId() {
        var answers = List.of(new NumberCheck("5543999990021", null), new NumberCheck("554399990021", null),
                new NumberCheck("5511987654321", "5511987654321"));

        assertThat(Resolution.pickId(MOBILE, answers)).isNull();
    }

    @Test
    void statusComparesTheIdWithWhatTheCustomerTyped() {
        assertThat(Resolution.statusFor("5543999990021", "5543999990021")).isEqualTo(ContactStatus.VALID);
        assertThat(Resolution.statusFor("5543999990021", "554399990021")).isEqualTo(ContactStatus.CORRECTED);
        assertThat(Resolution.statusFor("554399990021", "554399990021")).isEqualTo(ContactStatus.VALID);
        assertThat(Resolution.statusFor("554399990021", "5543999990021")).isEqualTo(ContactStatus.CORRECTED);
        assertThat(Resolution.statusFor("5543999990021", null)).isEqualTo(ContactStatus.NO_WHATSAPP);
    }
}
