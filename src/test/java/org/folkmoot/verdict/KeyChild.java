package org.folkmoot.verdict;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link FirstKeyTest}: says "ready", waits for "go" on its input (so that all the
 * children ask at the same moment), asks the data folder {@code args[0]} for its key, and prints the public
 * key and a signature made with it.
 */
public final class KeyChild {
    static final byte[] MESSAGE = "signed by the key that stands".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        CommunityKey.fromSeed(new byte[32]).sign(MESSAGE); // the crypto classes loaded before the start
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        CommunityKey key = CommunityKey.loadOrCreate(Path.of(args[0]));
        System.out.println("key " + Ed25519Keys.base64(key.publicKey()) + " " + Ed25519Keys.base64(key.sign(MESSAGE)));
        System.out.flush();
    }
}
