package br.com.techassist.shipments.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.TestProperties;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.provider.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class OutcomeWriterTest {

    /** Records groups instead of writing them; a group of more than one answer containing "poison" fails. */
    private final List<List<String>> recorded = new CopyOnWriteArrayList<>();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final AtomicBoolean halted = new AtomicBoolean();
    private final AtomicInteger outageFailuresLeft = new AtomicInteger(2);
    private final SendOutcomes outcomes = new SendOutcomes(null, null, null, null, null, TestProperties.defaults(),
            Clock.systemUTC()) {
        @Override
        public boolean record(List<Answer> answers) {
            List<String> ids = answers.stream().map(Answer::notificationId).toList();
            if (ids.size() > 1 && ids.contains("poison")) {
                throw new IllegalStateException("deadlock");
            }
            if (ids.contains("during-outage") && outageFailuresLeft.getAndDecrement() > 0) {
                throw new CannotGetJdbcConnectionException("connection killed",
                        new java.sql.SQLRecoverableException("Communications link failure"));
            }
            recorded.add(ids);
            return answers.stream().anyMatch(a -> a.outcome() instanceof SendOutcome.Paused);
        }
    };

    @Test
    void answersThatComeWithinTheLingerAreWrittenInOneGroup() {
        OutcomeWriter writer = writer(Duration.ofMillis(500));
        for (int i = 0; i < 5; i++) {
            writer.add(answer("n" + i, new SendOutcome.Accepted("wamid." + i, null)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !recorded.isEmpty());
        writer.close();

        assertThat(recorded).containsExactly(List.of("n0", "n1", "n2", "n3", "n4"));
        assertThat(written).containsExactly("n0", "n1", "n2", "n3", "n4");
    }

    @Test
    void aGroupThatFailsIsWrittenAnswerByAnswer() {
        OutcomeWriter writer = writer(Duration.ofMillis(500));
        writer.add(answer("a", new SendOutcome.Accepted("wamid.a", null)));
        writer.add(answer("poison", new SendOutcome.Accepted("wamid.p", null)));
        writer.add(answer("b", new SendOutcome.Retry("429", "130429")));
        await().atMost(Duration.ofSeconds(10)).until(() -> recorded.size() == 3);
        writer.close();

        assertThat(recorded).containsExactly(List.of("a"), List.of("poison"), List.of("b"));
        assertThat(written).containsExactlyInAnyOrder("a", "poison", "b");
    }

    @Test
    void anAnswerIsKeptTryingWhileTheDatabaseIsAwayInsteadOfBeingGivenUp() {
        OutcomeWriter writer = writer(Duration.ofMillis(1));
        writer.add(answer("during-outage", new SendOutcome.Retry("HTTP 500", "500")));
        await().atMost(Duration.ofSeconds(10)).until(() -> written.contains("during-outage"));
        writer.close();

        assertThat(outageFailuresLeft.get()).as("both failures were met").isLessThan(0);
        assertThat(recorded).containsExactly(List.of("during-outage"));
    }

    @Test
    void closeWritesWhatIsStillQueued() {
        OutcomeWriter writer = writer(Duration.ofSeconds(30));
        writer.add(answer("late", new SendOutcome.Accepted("wamid.l", null)));
        writer.close();

        assertThat(written).containsExactly("late");
    }

    @Test
    void aPausingAnswerIsSignalled() {
        OutcomeWriter writer = writer(Duration.ofMillis(1));
        writer.add(answer("x", new SendOutcome.Paused("expired", "190", br.com.techassist.shipments.notifier.provider.PauseCause.CREDENTIALS)));
        writer.close();

        assertThat(halted).isTrue();
    }

    private OutcomeWriter writer(Duration linger) {
        return new OutcomeWriter(outcomes, linger, 500,
                group -> group.forEach(a -> written.add(a.notificationId())), () -> halted.set(true));
    }

    private static Answer answer(String id, SendOutcome outcome) {
        Notification n = new Notification(id, "DG049186226BR", NotificationKind.SHIPPED, NotificationState.SENDING, null,
                Instant.EPOCH, 1, "cloud-api", "5511999990001", null, null, null, null, null, Instant.EPOCH, Instant.EPOCH, null, 0, null, 0, null);
        return new Answer(new Claim(n, null, null), "cloud-api", outcome);
    }
}
