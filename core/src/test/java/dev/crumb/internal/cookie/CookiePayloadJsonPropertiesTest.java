package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written payload JSON against Jackson, the independent implementation (and the one that wrote
 * every cookie before): Jackson reads what Crumb writes as the expected tree, and Crumb reads what
 * Jackson writes, compact or pretty-printed, with unknown members anywhere.
 */
@Label("The cookie payload's JSON and Jackson")
class CookiePayloadJsonPropertiesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Property(tries = 500)
    @Label("Jackson reads what Crumb writes as the expected JSON tree")
    void jacksonReadsCrumb(@ForAll("payloads") CookiePayload payload) throws Exception {
        // Through Jackson's own text first, so that number node types (int or long) compare equal.
        JsonNode expected = JACKSON.readTree(JACKSON.writeValueAsBytes(tree(payload)));
        assertThat(JACKSON.readTree(CookiePayloadJson.write(payload))).isEqualTo(expected);
    }

    @Property(tries = 500)
    @Label("Crumb reads what Jackson writes, with unknown members skipped")
    void crumbReadsJackson(@ForAll("payloads") CookiePayload payload, @ForAll boolean pretty) throws Exception {
        ObjectNode tree = tree(payload);
        tree.putObject("zz").put("a", 1.5e3).putArray("b").add("x\"y").addObject().putNull("c");
        tree.put("y", -0.25);
        if (tree.get("k") != null) {
            ((ObjectNode) tree.get("k")).putArray("later").add(true).add(false);
        }
        byte[] json = pretty ? JACKSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree) : JACKSON.writeValueAsBytes(tree);
        assertThat(CookiePayloadJson.read(json, 0, json.length)).isEqualTo(payload);
    }

    @Provide
    Arbitrary<CookiePayload> payloads() {
        return CookiePayloads.any();
    }

    /** The payload's JSON as the jjwt-era codec's Jackson annotations defined it. */
    private static ObjectNode tree(CookiePayload p) {
        ObjectNode n = JACKSON.createObjectNode();
        n.put("i", p.visitorId()).put("c", p.country()).put("l", p.language())
                .put("f", p.firstSeen()).put("s", p.lastSeen()).put("n", p.visit());
        if (p.consent() != null) {
            ObjectNode k = n.putObject("k").put("g", p.consent().grantedBits()).put("r", p.consent().policyRevision())
                    .put("t", p.consent().decidedAt()).put("s", p.consent().source());
            if (p.consent().madeWithSignal()) {
                k.put("p", true);
            }
        }
        if (p.savedForm() != null) {
            ObjectNode d = n.putObject("d");
            for (Map.Entry<String, String> e : p.savedForm().entrySet()) {
                d.put(e.getKey(), e.getValue());
            }
        }
        if (p.chosenLocale() != null) {
            n.put("x", p.chosenLocale());
        }
        return n;
    }
}
