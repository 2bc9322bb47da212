package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Seals a second-factor secret for the database and opens it again: AES-256-GCM with a
 * new 96-bit nonce each time and the account's id bound in (a sealed secret copied to
 * another account's row does not open). A sealed secret reads
 * {@code v1.<key id>.<nonce and ciphertext in Base64>}, where the key id is the first 8
 * hex digits of the key's SHA-256, so that a secret sealed with a previous key is found
 * and sealed again with the current one.
 */
@Component
class SecretSeal {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String VERSION = "v1";

	/** The key file that says a key must be given. */
	private static final String NO_FILE = "-";

	private final String currentId;

	/** Every key that opens, by id, the current first. */
	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	SecretSeal(SecondFactorKeyProperties properties) {
		SecretKey current = key(currentKey(properties), "csp-grants.second-factor.secrets.key");
		this.currentId = idOf(current);
		this.keys.put(this.currentId, current);
		for (String previous : properties.previousKeys()) {
			SecretKey key = key(previous, "csp-grants.second-factor.secrets.previous-keys");
			this.keys.putIfAbsent(idOf(key), key);
		}
	}

	/** The secret of the account with {@code userId}, sealed with the current key. */
	String seal(long userId, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, this.keys.get(this.currentId), nonce, userId,
				secret.getBytes(StandardCharsets.US_ASCII));
		byte[] kept = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		return VERSION + "." + this.currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(kept);
	}

	/**
	 * The secret sealed for the account with {@code userId}; empty when no key given
	 * opens it (the key was changed without keeping the old one in previous-keys) or it
	 * was sealed for another account.
	 */
	Optional<String> open(long userId, String sealed) {
		String[] parts = sealed.split("\\.", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0]) || !this.keys.containsKey(parts[1])) {
			return Optional.empty();
		}
		try {
			byte[] kept = Base64.getUrlDecoder().decode(parts[2]);
			if (kept.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			byte[] nonce = java.util.Arrays.copyOf(kept, NONCE_BYTES);
			byte[] ciphertext = java.util.Arrays.copyOfRange(kept, NONCE_BYTES, kept.length);
			return Optional.of(new String(run(Cipher.DECRYPT_MODE, this.keys.get(parts[1]), nonce, userId, ciphertext),
					StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException | IllegalStateException wrong) {
			return Optional.empty();
		}
	}

	/** Whether a sealed secret was sealed with a key other than the current one. */
	boolean sealedWithAnOlderKey(String sealed) {
		return !sealed.startsWith(VERSION + "." + this.currentId + ".");
	}

	private static byte[] run(int mode, SecretKey key, byte[] nonce, long userId, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
			return cipher.doFinal(input);
		}
		catch (javax.crypto.AEADBadTagException wrong) {
			throw new IllegalStateException("The sealed secret does not open with this key for this account", wrong);
		}
		catch (GeneralSecurityException unexpected) {
			throw new IllegalStateException("AES-GCM is not available", unexpected);
		}
	}

	/** The key given, or the one kept in the key file, made there at the first start. */
	private static String currentKey(SecondFactorKeyProperties properties) {
		if (properties.key() != null && !properties.key().isBlank()) {
			return properties.key().strip();
		}
		Path file = properties.keyFile();
		if (file == null || file.toString().isBlank() || NO_FILE.equals(file.toString())) {
			throw new IllegalStateException("No key to seal second-factor secrets with: set "
					+ "CSP_GRANTS_SECOND_FACTOR_SECRETS_KEY to 32 random bytes in Base64 (openssl rand -base64 32), "
					+ "the same on every node");
		}
		try {
			if (!Files.exists(file)) {
				byte[] made = new byte[32];
				RANDOM.nextBytes(made);
				Files.createDirectories(file.toAbsolutePath().getParent());
				Path written = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".",
						".new");
				ownerOnly(written);
				Files.writeString(written, Base64.getEncoder().encodeToString(made) + "\n", StandardCharsets.US_ASCII);
				try {
					// one start makes it: another that made one meanwhile keeps the first
					Files.move(written, file);
				}
				catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
					Files.deleteIfExists(written);
				}
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException unreadable) {
			throw new IllegalStateException("The key file for second-factor secrets (" + file + ") cannot be read "
					+ "or made: " + unreadable.getMessage(), unreadable);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the directory's own permissions apply
		}
	}

	private static SecretKey key(String base64, String property) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalStateException(property + " is not Base64", notBase64);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(property + " must be 32 bytes (256 bits) in Base64, not " + bytes.length
					+ ": make one with openssl rand -base64 32");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static String idOf(SecretKey key) {
		return Sha256.hex(key.getEncoded()).substring(0, 8);
	}

}
