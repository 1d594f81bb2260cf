package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 1, black-box: parallel wrong Basic credentials on a fresh server. The limiter counts
 * an attempt before the slow password check, so no more than the allowance is ever checked, however many
 * requests arrive at once. The clock stands still, so no lock-out runs out during the test.
 */
@DisplayName("The analyst guess limit cannot be raced by parallel requests")
class GuessLimitRaceTest {

    private static final String PASSWORD = "race condition passphrase";
    private static final int PARALLEL = 40;

    @Test
    @DisplayName("40 parallel wrong passwords from one address: 5 are checked (401), the other 35 answer 429")
    void perAddressLimitHoldsUnderParallelRequests() throws Exception {
        Map<Integer, Long> statuses = raceAgainst(b -> b.analystFailuresPerAddress(5));
        assertThat(statuses).containsEntry(401, 5L).containsEntry(429, (long) PARALLEL - 5).hasSize(2);
    }

    @Test
    @DisplayName("the global limit likewise: with 5 for all clients, 40 parallel guesses get 5 checks")
    void globalLimitHoldsUnderParallelRequests() throws Exception {
        Map<Integer, Long> statuses = raceAgainst(b -> b.analystFailuresPerAddress(1000).analystFailuresGlobal(5));
        assertThat(statuses).containsEntry(401, 5L).containsEntry(429, (long) PARALLEL - 5).hasSize(2);
    }

    private static Map<Integer, Long> raceAgainst(UnaryOperator<CrumbConfig.Builder> limits) throws Exception {
        MutableClock clock = MutableClock.atDefaultStart();
        try (CrumbStore store = CrumbStores.inMemory(); ServerFixture server = ServerFixture.jetty()) {
            CrumbFilter filter = new CrumbFilter(limits.apply(CrumbConfig.builder().keys(TestKeys.key(7)).clock(clock)
                    .store(store).analystPasswordHash(AnalystPassword.hash(PASSWORD.toCharArray()))).build());
            URI base = server.start(filter, FormPages.all());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String credentials = Base64.getEncoder().encodeToString(("analyst:parallel-" + i)
                        .getBytes(StandardCharsets.UTF_8));
                answers.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/crumb/analytics/summary"))
                        .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            return answers.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        }
    }
}
