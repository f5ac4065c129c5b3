package dev.clickstream.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestPasswordEncoderTest {

	private final DigestPasswordEncoder encoder = new DigestPasswordEncoder();

	@Test
	void matchesOnlyTheSamePassword() {
		String stored = this.encoder.encode("s3cret");

		assertThat(this.encoder.matches("s3cret", stored)).isTrue();
		assertThat(this.encoder.matches("s3cret ", stored)).isFalse();
		assertThat(this.encoder.matches("", stored)).isFalse();
	}

	@Test
	void storesNoPlainPassword() {
		assertThat(this.encoder.encode("s3cret")).doesNotContain("s3cret").hasSize(64);
	}

}
