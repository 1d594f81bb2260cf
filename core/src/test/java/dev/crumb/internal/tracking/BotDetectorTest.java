package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Bot recognition by user agent")
class BotDetectorTest {

    private final BotDetector bots = BotDetector.withExtraPatterns(List.of());

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
            "curl/8.5.0", "Wget/1.21.4", "python-requests/2.31.0", "Java/17.0.2", "Java-http-client/17.0.15",
            "Go-http-client/1.1", "okhttp/4.12.0", "Apache-HttpClient/5.2 (Java/17)", "node-fetch/1.0", "axios/1.6.0",
            "Scrapy/2.11 (+https://scrapy.org)", "UptimeRobot/2.0; http://www.uptimerobot.com/",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0",
            "Mozilla/5.0 (Linux; Android 6.0.1) Chrome-Lighthouse"})
    @DisplayName("crawlers, previews, monitors, scripts and headless browsers are bots")
    void bots(String userAgent) {
        assertThat(bots.isBot(userAgent)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/109.0.0.0"})
    @DisplayName("everyday browsers are not bots")
    void browsers(String userAgent) {
        assertThat(bots.isBot(userAgent)).isFalse();
    }

    @Test
    @DisplayName("a missing or blank user agent counts as a bot")
    void missing() {
        assertThat(bots.isBot(null)).isTrue();
        assertThat(bots.isBot("  ")).isTrue();
    }

    @Test
    @DisplayName("extra patterns from the configuration are added, case-insensitively")
    void extraPatterns() {
        BotDetector withExtra = BotDetector.withExtraPatterns(List.of("acme-watch/\\d+"));
        assertThat(withExtra.isBot("Mozilla/5.0 ACME-Watch/7")).isTrue();
        assertThat(bots.isBot("Mozilla/5.0 ACME-Watch/7")).isFalse();
    }

    @Test
    @DisplayName("user agents that share a memo slot, bots and browsers in turn, each keep their own verdict, asked again and again")
    void memoSlotsShared() {
        String bot = "curl/8.5.0";
        String browser = "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0";
        // Same length, middle and last character: the same slot, one a bot and one not.
        String sameSlotBrowser = "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.1".replace("126.1", "126.0")
                .replaceFirst("X11", "Y11");
        String sameSlotBot = "curl/8.5.0".replace("curl", "Curl");
        assertThat(BotDetector.slot(sameSlotBrowser)).isEqualTo(BotDetector.slot(browser));
        assertThat(BotDetector.slot(sameSlotBot)).isEqualTo(BotDetector.slot(bot));
        List<String> many = new java.util.ArrayList<>(List.of(bot, browser, sameSlotBrowser, sameSlotBot));
        for (int i = 0; i < 3 * BotDetector.RECENT_SLOTS; i++) {
            many.add(i % 2 == 0 ? "examplebot/" + i : "Mozilla/5.0 Firefox/" + i);
        }
        for (int round = 0; round < 3; round++) {
            for (String userAgent : many) {
                boolean expected = userAgent.toLowerCase(java.util.Locale.ROOT).contains("bot")
                        || userAgent.toLowerCase(java.util.Locale.ROOT).startsWith("curl");
                assertThat(bots.isBot(userAgent)).as(userAgent).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("an extra pattern that is not a regular expression fails with its name in the message")
    void badPattern() {
        assertThatThrownBy(() -> BotDetector.withExtraPatterns(List.of("broken(")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracking-bot-patterns").hasMessageContaining("broken(");
    }
}
