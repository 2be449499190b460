package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  private final Pseudonymizer pseudonymizer = new Pseudonymizer(Fixtures.KEY);

  private static byte[] reference(String user) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Fixtures.keyBytes(), "HmacSHA256"));
    return Arrays.copyOf(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)), 16);
  }

  private byte[] key(String user) {
    byte[] b = user.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[16];
    pseudonymizer.userKey(b, 0, b.length, out);
    return out;
  }

  @Test
  void matchesHmacSha256TruncatedTo16Bytes() throws Exception {
    assertArrayEquals(reference("user-12345"), key("user-12345"));
  }

  @Test
  void matchesAVectorComputedOutsideJava() {
    // python3: hmac.new(bytes.fromhex(key), b"user-12345", hashlib.sha256).hexdigest()[:32]
    assertArrayEquals(
        HexFormat.of().parseHex("a8ccf6e41137408cc49345e9cd5461f7"), key("user-12345"));
  }

  @Test
  void reusedMacGivesTheSameKeyEveryTime() throws Exception {
    key("someone-else");
    assertArrayEquals(reference("user-12345"), key("user-12345"));
    assertArrayEquals(reference("user-12345"), key("user-12345"));
  }

  @Test
  void hashesNonAsciiUserIdAsUtf8() throws Exception {
    assertArrayEquals(reference("jöran-ß-€"), key("jöran-ß-€"));
  }

  @Test
  void hashesOnlyTheGivenRange() throws Exception {
    byte[] line = "abc\tuser-1\tzzz".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[16];
    pseudonymizer.userKey(line, 4, 10, out);
    assertArrayEquals(reference("user-1"), out);
  }

  @Test
  void differentUsersGetDifferentKeys() {
    assertFalse(Arrays.equals(key("a"), key("b")));
  }
}
