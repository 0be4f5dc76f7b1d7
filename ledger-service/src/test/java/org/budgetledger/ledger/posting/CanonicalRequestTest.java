package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical text of a request and its fingerprint are stored with every accepted transaction, and a repeat
 * is recognised by them: they must stay byte for byte what they were when the databases were written. The
 * expected texts and hashes below were computed by the ledger before requests were typed per transaction type.
 */
class CanonicalRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMON = "\"id\":\"x1\",\"unit\":\"430001\",\"year\":2023,\"date\":\"2023-03-01\"";
    private static final String NOTES = ",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"voucher\":\"记-0012\"";

    /** A body as a client may send it, then its canonical text and that text's SHA-256. */
    private static final List<String[]> CASES = List.of(
            c("{\"type\":\"APPROPRIATE\"," + COMMON + ",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":\"1000\"}",
                    "{\"amount\":\"1000.00\",\"date\":\"2023-03-01\",\"fund\":\"GENERAL_BUDGET\",\"id\":\"x1\",\"kind\":\"BASIC\",\"subject\":\"2140199\",\"type\":\"APPROPRIATE\",\"unit\":\"430001\",\"year\":2023}",
                    "1601bb5f0578e847a1f0d1c8e61c9b0a0101efdd731e4d18a0f4488382bb9e17"),
            c("{\"type\":\"APPROPRIATE\"," + COMMON + NOTES + ",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"PROJECT\","
                    + "\"project\":\"业务工作经费\",\"economic\":\"302\",\"amount\":100.5}",
                    "{\"amount\":\"100.50\",\"date\":\"2023-03-01\",\"economic\":\"302\",\"fund\":\"GENERAL_BUDGET\",\"id\":\"x1\",\"kind\":\"PROJECT\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"project\":\"业务工作经费\",\"subject\":\"2140199\",\"type\":\"APPROPRIATE\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "d89e716633f0870d35775f19f036986246e55817709a2562efb814bd080db15b"),
            c("{\"amount\":\"-20000.5\",\"reason\":\"年中调减\",\"line\":\"a1\",\"type\":\"ADJUST\"," + COMMON + "}",
                    "{\"amount\":\"-20000.50\",\"date\":\"2023-03-01\",\"id\":\"x1\",\"line\":\"a1\",\"reason\":\"年中调减\",\"type\":\"ADJUST\",\"unit\":\"430001\",\"year\":2023}",
                    "1f504d041bc566855e8772ba97cf66f44517e1743dad4871eb3a7951474a5ff4"),
            c("{\"type\":\"ADJUST\"," + COMMON + NOTES + ",\"line\":\"a1>2024\",\"amount\":-3,\"reason\":\"r\"}",
                    "{\"amount\":\"-3.00\",\"date\":\"2023-03-01\",\"id\":\"x1\",\"line\":\"a1>2024\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"reason\":\"r\",\"type\":\"ADJUST\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "822e3d6ec78068884974852c6bd77212ac5386329b9af9eefe0f824feb27682c"),
            c("{\"type\":\"TRANSFER\"," + COMMON + ",\"from\":\"a1\",\"to\":\"a2\",\"amount\":\"5000.00\",\"reason\":\"指标调剂\"}",
                    "{\"amount\":\"5000.00\",\"date\":\"2023-03-01\",\"from\":\"a1\",\"id\":\"x1\",\"reason\":\"指标调剂\",\"to\":\"a2\",\"type\":\"TRANSFER\",\"unit\":\"430001\",\"year\":2023}",
                    "15255966ca7faccbdd4a367ca0b97e37e901655969daa13976c52080b68227ab"),
            c("{\"type\":\"TRANSFER\"," + COMMON + NOTES + ",\"from\":\"a1\",\"to\":\"a2\",\"amount\":\"0.1\",\"reason\":\"r\"}",
                    "{\"amount\":\"0.10\",\"date\":\"2023-03-01\",\"from\":\"a1\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"reason\":\"r\",\"to\":\"a2\",\"type\":\"TRANSFER\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "75ccdb70903c8ac59103bacf180e2d974e6fc68c772d964ccc125de423ac410d"),
            c("{\"type\":\"PAY\"," + COMMON + ",\"line\":\"a1\",\"economic\":\"30201\",\"amount\":\"2500.50\"}",
                    "{\"amount\":\"2500.50\",\"date\":\"2023-03-01\",\"economic\":\"30201\",\"id\":\"x1\",\"line\":\"a1\",\"type\":\"PAY\",\"unit\":\"430001\",\"year\":2023}",
                    "cc682dea7ba6495511fe3fbaccdf287e337f9d478780fdeb4863ebfde4ca2434"),
            c("{\"type\":\"PAY\"," + COMMON + NOTES + ",\"line\":\"a1\",\"economic\":\"30201\",\"amount\":\"2500.5\","
                    + "\"payee\":\"某办公用品公司\",\"method\":\"AUTHORIZED\"}",
                    "{\"amount\":\"2500.50\",\"date\":\"2023-03-01\",\"economic\":\"30201\",\"id\":\"x1\",\"line\":\"a1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"method\":\"AUTHORIZED\",\"payee\":\"某办公用品公司\",\"type\":\"PAY\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "6f181facafcb620828236be55877650e06c2eaa748d2f24f467327792fcbf6db"),
            c("{\"type\":\"PAY\"," + COMMON + ",\"line\":\"a1\",\"economic\":\"30201\",\"amount\":7,\"method\":\"DIRECT\",\"memo\":\"\"}",
                    "{\"amount\":\"7.00\",\"date\":\"2023-03-01\",\"economic\":\"30201\",\"id\":\"x1\",\"line\":\"a1\",\"memo\":\"\",\"method\":\"DIRECT\",\"type\":\"PAY\",\"unit\":\"430001\",\"year\":2023}",
                    "92e900e28c32ce4e409287bcd43ea6e84fe7c40c1a8bf06a6a542d5f47144077"),
            c("{\"type\":\"REFUND\"," + COMMON + ",\"payment\":\"p1\",\"amount\":\"500.50\"}",
                    "{\"amount\":\"500.50\",\"date\":\"2023-03-01\",\"id\":\"x1\",\"payment\":\"p1\",\"type\":\"REFUND\",\"unit\":\"430001\",\"year\":2023}",
                    "282ed194cc00d9bf0937137938c0a2cf1e8d666ae5b97d5b1f1d6d122976e7d1"),
            c("{\"type\":\"REFUND\"," + COMMON + NOTES + ",\"payment\":\"p1\",\"amount\":\"0.01\"}",
                    "{\"amount\":\"0.01\",\"date\":\"2023-03-01\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"payment\":\"p1\",\"type\":\"REFUND\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "eb53ecd52f7e5f6257d75cc9eb4007dacf747bafc63ea7828464107ea068241d"),
            c("{\"type\":\"RECEIVE\"," + COMMON + ",\"fund\":\"OTHER\",\"subject\":\"2140199\",\"amount\":\"700\"}",
                    "{\"amount\":\"700.00\",\"date\":\"2023-03-01\",\"fund\":\"OTHER\",\"id\":\"x1\",\"subject\":\"2140199\",\"type\":\"RECEIVE\",\"unit\":\"430001\",\"year\":2023}",
                    "9d404c4e4b5d590aa39cfe93d810d6d6483b90d2d8e5d658a7001f9b0d4005b8"),
            c("{\"type\":\"RECEIVE\"," + COMMON + NOTES + ",\"fund\":\"BUSINESS\",\"subject\":\"2140199\",\"amount\":700}",
                    "{\"amount\":\"700.00\",\"date\":\"2023-03-01\",\"fund\":\"BUSINESS\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"subject\":\"2140199\",\"type\":\"RECEIVE\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "06043cc3a451db110a82241b6682594cbcc8105b000536b7177052b86ae3a455"),
            c("{\"type\":\"OPENING_BALANCE\"," + COMMON + ",\"fund\":\"OTHER\",\"subject\":\"2140106\",\"amount\":\"1709800\"}",
                    "{\"amount\":\"1709800.00\",\"date\":\"2023-03-01\",\"fund\":\"OTHER\",\"id\":\"x1\",\"subject\":\"2140106\",\"type\":\"OPENING_BALANCE\",\"unit\":\"430001\",\"year\":2023}",
                    "7471810a045faf362bb71a26bbb0b6d60c52a71752318b85d27dc65b2f7a66b1"),
            c("{\"type\":\"OPENING_BALANCE\"," + COMMON + NOTES + ",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140106\",\"kind\":\"PROJECT\","
                    + "\"project\":\"省级专项资金\",\"economic\":\"30201\",\"amount\":\"1709800.00\"}",
                    "{\"amount\":\"1709800.00\",\"date\":\"2023-03-01\",\"economic\":\"30201\",\"fund\":\"GENERAL_BUDGET\",\"id\":\"x1\",\"kind\":\"PROJECT\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"project\":\"省级专项资金\",\"subject\":\"2140106\",\"type\":\"OPENING_BALANCE\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "7637e3795021b240c203e7757550c75c0f0996eb7676c826248ad55b862c70b0"),
            c("{\"type\":\"USE_RESERVE\"," + COMMON + ",\"fund\":\"OTHER\",\"subject\":\"2140199\",\"amount\":\"82900.00\"}",
                    "{\"amount\":\"82900.00\",\"date\":\"2023-03-01\",\"fund\":\"OTHER\",\"id\":\"x1\",\"subject\":\"2140199\",\"type\":\"USE_RESERVE\",\"unit\":\"430001\",\"year\":2023}",
                    "f5c6b7fd941fabaa06bd044d7f1ae0c52fe49d2ceac386015af9fb1e521bcb65"),
            c("{\"type\":\"USE_RESERVE\"," + COMMON + NOTES + ",\"fund\":\"OTHER\",\"subject\":\"2140199\",\"amount\":\"1.2\"}",
                    "{\"amount\":\"1.20\",\"date\":\"2023-03-01\",\"fund\":\"OTHER\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"subject\":\"2140199\",\"type\":\"USE_RESERVE\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "e413fe592747c950f8713d126e41558e8e48eed23c4cf245168e3a9b404c46c1"),
            c("{\"type\":\"DISTRIBUTE_SURPLUS\"," + COMMON + ",\"fund\":\"BUSINESS\",\"subject\":\"2140199\",\"amount\":\"1000.00\"}",
                    "{\"amount\":\"1000.00\",\"date\":\"2023-03-01\",\"fund\":\"BUSINESS\",\"id\":\"x1\",\"subject\":\"2140199\",\"type\":\"DISTRIBUTE_SURPLUS\",\"unit\":\"430001\",\"year\":2023}",
                    "ce6f358dcad80028d70dd204497f0cd737fd1af120b8afefe0b5f82c4e91ea06"),
            c("{\"type\":\"DISTRIBUTE_SURPLUS\"," + COMMON + NOTES + ",\"fund\":\"BUSINESS\",\"subject\":\"2140199\",\"amount\":1000.1}",
                    "{\"amount\":\"1000.10\",\"date\":\"2023-03-01\",\"fund\":\"BUSINESS\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"subject\":\"2140199\",\"type\":\"DISTRIBUTE_SURPLUS\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "9e5ffa309c9af2239e6a6e821667c2f7292f151167752034ef73df5454c6fbd8"),
            c("{\"type\":\"SET_LIMIT\"," + COMMON + ",\"category\":\"RECEPTION\",\"amount\":\"0\"}",
                    "{\"amount\":\"0.00\",\"category\":\"RECEPTION\",\"date\":\"2023-03-01\",\"id\":\"x1\",\"type\":\"SET_LIMIT\",\"unit\":\"430001\",\"year\":2023}",
                    "47a46ae4b3687e983cb3c5bf5f3b21501b3e160d7231f7933cd803c0d848900a"),
            c("{\"type\":\"SET_LIMIT\"," + COMMON + NOTES + ",\"category\":\"VEHICLE_PURCHASE\",\"amount\":\"30000.00\"}",
                    "{\"amount\":\"30000.00\",\"category\":\"VEHICLE_PURCHASE\",\"date\":\"2023-03-01\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"type\":\"SET_LIMIT\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "85d87fa466962686c17cbbf4faf0f6ca75f8bb4a37ecf8b6672d17cd1ee65cf4"),
            c("{\"type\":\"CARRY_OVER\",\"id\":\"c2023\",\"unit\":\"430001\",\"year\":2023}",
                    "{\"id\":\"c2023\",\"type\":\"CARRY_OVER\",\"unit\":\"430001\",\"year\":2023}",
                    "d94feb3d269769262a3a0178949637e1be73a33ad69b0d585c6f94572a39a80c"),
            c("{\"type\":\"CARRY_OVER\"," + COMMON + NOTES + "}",
                    "{\"date\":\"2023-03-01\",\"id\":\"x1\",\"memo\":\"备注 \\\"quoted\\\" \\\\ tab\\t nl\\n é 😀\",\"type\":\"CARRY_OVER\",\"unit\":\"430001\",\"voucher\":\"记-0012\",\"year\":2023}",
                    "a568abed84ec7c9a40ab864e885d0c182093c0794373fd8844c90697bf45afbf"),
            c("{\"type\":\"PAY\",\"id\":\"y1\",\"unit\":\"430001\",\"year\":\"2023\",\"date\":\"2023-03-01\",\"line\":\"a1\","
                    + "\"economic\":\"30201\",\"amount\":\"12\"}",
                    "{\"amount\":\"12.00\",\"date\":\"2023-03-01\",\"economic\":\"30201\",\"id\":\"y1\",\"line\":\"a1\",\"type\":\"PAY\",\"unit\":\"430001\",\"year\":2023}",
                    "6a01ff6268e89e2467bbd8540ec836565a00c5f437083d777f562510a9f219c0"));

    /**
     * A counterparty (SPEC §13) is in the canonical text when it is sent, in its place by name; the text of a request
     * without one is the text it always had (above). The hashes are SHA-256 of the expected texts, taken with sha256sum.
     */
    private static final List<String[]> WITH_COUNTERPARTY = List.of(
            c("{\"type\":\"PAY\"," + COMMON + ",\"counterparty\":\"430002\",\"line\":\"s1\",\"economic\":\"39999\",\"amount\":600}",
                    "{\"amount\":\"600.00\",\"counterparty\":\"430002\",\"date\":\"2023-03-01\",\"economic\":\"39999\",\"id\":\"x1\",\"line\":\"s1\",\"type\":\"PAY\",\"unit\":\"430001\",\"year\":2023}",
                    "7d44833689f2461dd8637557b6baaab31f7d0ddf6d5fbe8f0f7a699dac41fe7d"),
            c("{\"type\":\"RECEIVE\",\"id\":\"x1\",\"unit\":\"430002\",\"year\":2023,\"date\":\"2023-03-01\",\"fund\":\"SUPERIOR_SUBSIDY\","
                            + "\"subject\":\"2140199\",\"amount\":\"600\",\"counterparty\":\"430001\"}",
                    "{\"amount\":\"600.00\",\"counterparty\":\"430001\",\"date\":\"2023-03-01\",\"fund\":\"SUPERIOR_SUBSIDY\",\"id\":\"x1\",\"subject\":\"2140199\",\"type\":\"RECEIVE\",\"unit\":\"430002\",\"year\":2023}",
                    "4bcadab153a0021af4b4fbb088e6c48d0cb65c4a1addd3eb4226a7ca63551472"));

    private static String[] c(String body, String canonical, String sha256) {
        return new String[]{body, canonical, sha256};
    }

    @Test
    void every_type_has_the_canonical_text_and_fingerprint_it_always_had() throws Exception {
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String[] item : CASES) {
            String canonical = canonical(item[0]);
            actual.add(item[0] + "\n  " + canonical + "\n  " + CanonicalRequests.sha256(canonical));
            expected.add(item[0] + "\n  " + item[1] + "\n  " + item[2]);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void a_counterparty_sent_is_in_the_canonical_text_and_an_absent_one_changes_nothing() throws Exception {
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String[] item : WITH_COUNTERPARTY) {
            String canonical = canonical(item[0]);
            actual.add(item[0] + "\n  " + canonical + "\n  " + CanonicalRequests.sha256(canonical));
            expected.add(item[0] + "\n  " + item[1] + "\n  " + item[2]);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(canonical("{\"type\":\"PAY\"," + COMMON + ",\"line\":\"a1\",\"economic\":\"30201\",\"amount\":\"2500.50\",\"counterparty\":null}"))
                .isEqualTo("{\"amount\":\"2500.50\",\"date\":\"2023-03-01\",\"economic\":\"30201\",\"id\":\"x1\",\"line\":\"a1\",\"type\":\"PAY\",\"unit\":\"430001\",\"year\":2023}");
    }

    private static String canonical(String body) throws Exception {
        return ((TypedRequest) JSON.readValue(body, TransactionRequest.class)).canonical();
    }
}
