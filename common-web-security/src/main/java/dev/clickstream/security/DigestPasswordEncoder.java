package dev.clickstream.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Keeps the users' passwords as SHA-256 digests and compares them in constant time. Not bcrypt: the passwords come
 * from the process environment, so a slow hash protects nothing a memory dump would not give away anyway, and bcrypt
 * would cost some 80 ms of CPU on every request, which the dashboard makes several of a second and Prometheus at
 * every scrape (HTTP Basic sends the password each time).
 */
final class DigestPasswordEncoder implements PasswordEncoder {

	@Override
	public String encode(CharSequence rawPassword) {
		return HexFormat.of().formatHex(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return MessageDigest.isEqual(digest(rawPassword), HexFormat.of().parseHex(encodedPassword));
	}

	private static byte[] digest(CharSequence rawPassword) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
