package org.safereg.api.rights;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.safereg.keys.SigningPublicKey;
import org.safereg.registration.rights.ErasureReceiptVerifier;
import org.safereg.registration.rights.ErasureReceiptVerifier.Verification;

/**
 * {@code java -jar safereg-api.jar receipt-verify <receipt.json> <signing-key.pem>}: verifies a signed erasure
 * receipt offline, with nothing but the two files (no configuration, database, key provider or network).
 * Prints one line and returns the exit code: 0 valid, 1 the signature does not match (altered receipt, or
 * another key), 2 the files cannot be read or are not a receipt and a PEM Ed25519 public key.
 */
public final class ReceiptVerifyCli {
    /** The first command-line argument selecting this mode. */
    public static final String COMMAND = "receipt-verify";

    private ReceiptVerifyCli() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar safereg-api.jar " + COMMAND + " <receipt.json> <signing-key.pem>");
            return 2;
        }
        String receipt;
        SigningPublicKey key;
        try {
            receipt = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
            key = SigningPublicKey.fromPem(args[1], Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            err.println("receipt verification could not run: cannot read " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("receipt verification could not run: " + args[1] + ": " + e.getMessage());
            return 2;
        }
        Verification v = ErasureReceiptVerifier.verify(receipt, key);
        switch (v.outcome()) {
            case VALID -> {
                out.printf("erasure receipt VALID: subject %s, signed by %s%n", v.subjectId().orElseThrow(),
                        v.keyId().orElseThrow());
                return 0;
            }
            case BAD_SIGNATURE -> {
                out.printf("erasure receipt INVALID: the signature does not match the receipt (subject %s, key %s):"
                        + " the receipt was altered or another key signed it%n", v.subjectId().orElse("?"),
                        v.keyId().orElse("?"));
                return 1;
            }
            default -> {
                err.println("receipt verification could not run: " + args[0] + " is not a SafeReg erasure receipt");
                return 2;
            }
        }
    }
}
