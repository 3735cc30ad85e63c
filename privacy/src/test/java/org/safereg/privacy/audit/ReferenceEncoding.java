package org.safereg.privacy.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Independent re-statement of the documented audit hash layout (as another tool, such as an external
 * verifier, would write it), to catch accidental changes to the encoding.
 */
final class ReferenceEncoding {
    private ReferenceEncoding() {
    }

    static String hexHash(long sequence, AuditEvent e, byte[] previousHash) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            string(out, "safereg-audit-v1");
            out.writeLong(sequence);
            out.writeLong(e.at().getEpochSecond());
            out.writeInt(e.at().getNano() / 1000);
            string(out, e.actor());
            string(out, e.role());
            string(out, e.purpose());
            string(out, e.action());
            if (e.subject().isPresent()) {
                out.writeByte(1);
                lengthPrefixed(out, e.subject().get().value());
            } else {
                out.writeByte(0);
            }
            string(out, e.requestId());
            string(out, e.outcome().name());
            lengthPrefixed(out, previousHash);
            if (e.recipient().isPresent()) {
                string(out, e.recipient().get().value());
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException | java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        lengthPrefixed(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void lengthPrefixed(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
